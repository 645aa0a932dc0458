"""Scenarios (/scenarios/): each situation with our recommendation and why.

Every reason links to the comparison row it rests on; the article's own
recommendation, where it made one, is shown with our verdict.
"""

from __future__ import annotations

from ..catalog import Catalog
from . import Page, render
from .marks import shared


def scenarios(catalog: Catalog, page: Page) -> str:
    """Every scenario, in data order, each under its own heading (#<scenario-id>)."""
    return render("scenarios.html", catalog, page, **shared(catalog))
