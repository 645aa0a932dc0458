"""Framework pages: the list on /frameworks/ and one profile per framework file.

A profile is a view of the same data as the comparison table, turned sideways:
the facts card, the framework's value for every criterion (grouped), the
scenarios that recommend it and the FAQ entries about it.
"""

from __future__ import annotations

from ..catalog import Catalog
from . import Page, render
from .compare import groups
from .marks import shared

# Profile fields shown in the facts card, in order: field name -> label.
# Their anchors on the profile page are #fact-<field>.
FACTS: dict[str, str] = {
    "language": "Language",
    "runtime": "Runtime",
    "category": "Kind of framework",
    "first_release": "First release",
    "latest_release": "Latest release",
    "licence": "Licence",
    "governance": "Governance",
}


def fact_anchor(field: str) -> str:
    return "fact-" + field.replace("_", "-")


def framework_list(catalog: Catalog, page: Page) -> str:
    """Every framework with its summary and key facts, linking to its profile."""
    return render("framework-list.html", catalog, page, **shared(catalog))


def framework_profile(catalog: Catalog, page: Page, framework_id: str) -> str:
    """The body of /frameworks/<id>/."""
    if framework_id not in catalog.frameworks:
        raise ValueError(f"framework_profile: no data/frameworks/{framework_id}.yaml")
    # The page is generated: its edit button opens the data file it comes from.
    page.edit_url = page.linker.edit_file(catalog.origins[("framework", framework_id)].file)
    return render("framework-profile.html", catalog, page, fw=catalog.frameworks[framework_id], groups=groups(catalog),
                  facts=FACTS, fact_anchor=fact_anchor, **shared(catalog))
