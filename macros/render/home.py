"""The home page's verdict at a glance: the criteria marked at_a_glance, side by side.

Each row links to its full row on /compare/, where the explanation and the
sources are.
"""

from __future__ import annotations

from ..catalog import Catalog
from . import Page, render
from .marks import shared


def verdict_at_a_glance(catalog: Catalog, page: Page) -> str:
    """A short table: criterion -> each framework's verdict, for the criteria chosen in the data."""
    criteria = [c for c in catalog.criteria.values() if c.at_a_glance]
    if not criteria:
        raise ValueError("no criterion has at_a_glance: true in data/criteria.yaml; the home page needs a few")
    return render("verdict-at-a-glance.html", catalog, page, criteria=criteria, **shared(catalog))
