"""Framework pages: the list on /frameworks/ and one profile per framework file.

A profile is a view of the same data as the comparison table, turned sideways:
the facts card, the framework's value for every criterion (grouped), the
scenarios that recommend it and the FAQ entries about it.
"""

from __future__ import annotations

from .. import links
from ..catalog import Catalog
from ..model import fact_fields
from . import Page, render
from .compare import groups
from .marks import shared

def framework_list(catalog: Catalog, page: Page) -> str:
    """Every framework with its summary and key facts, linking to its profile."""
    return render("framework-list.html", catalog, page, **shared(catalog))


def framework_profile(catalog: Catalog, page: Page, framework_id: str) -> str:
    """The body of /frameworks/<id>/."""
    if framework_id not in catalog.frameworks:
        raise ValueError(f"framework_profile: no data/frameworks/{framework_id}.yaml")
    return render("framework-profile.html", catalog, page, fw=catalog.frameworks[framework_id], groups=groups(catalog),
                  facts=fact_fields(), fact_anchor=links.fact_anchor, **shared(catalog))
