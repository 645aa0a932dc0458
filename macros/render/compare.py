"""The comparison table (/compare/) and the legend of its marks.

One table per criterion group, one row per criterion (anchor #<criterion-id>),
one column per framework file: a framework added as a file adds a column here
with no other edit. The filter controls are rendered hidden; compare.js shows
them, so the page reads completely without JavaScript.
"""

from __future__ import annotations

from ..catalog import Catalog
from ..model import Criterion, Group
from . import Page, render
from .marks import LEVELS, VERDICTS, Mark, shared


def groups(catalog: Catalog, only: str | None = None) -> list[tuple[Group, list[Criterion]]]:
    """(group, its criteria) in display order; `only` picks one group by id."""
    if only is not None and only not in catalog.groups:
        raise ValueError(f"unknown criterion group '{only}'; known: {', '.join(catalog.groups)}")
    return [(g, catalog.criteria_in(g.id)) for g in catalog.groups.values() if only in (None, g.id)]


def comparison_table(catalog: Catalog, page: Page, group: str | None = None) -> str:
    """Every criterion, grouped, with the filter controls; or one group's table alone."""
    return render("compare-table.html", catalog, page, groups=groups(catalog, group), controls=group is None,
                  **shared(catalog))


def levels_used(catalog: Catalog) -> list[Mark]:
    used = {v.level for fw in catalog.frameworks.values() for v in fw.values.values()}
    return [mark for level, mark in LEVELS.items() if level in used]


def level_legend(catalog: Catalog, page: Page, kind: str = "used") -> str:
    """The legend of the marks.

    kind="used": the levels the table shows, each linked to its definition (for /compare/);
    kind="levels" or "verdicts": every level or claim verdict with its anchor (for /about/conventions/).
    """
    everything = {"levels": LEVELS, "verdicts": VERDICTS}
    if kind == "used":
        marks, definitions = levels_used(catalog), False
    elif kind in everything:
        marks, definitions = list(everything[kind].values()), True
    else:
        raise ValueError(f"level_legend(kind={kind!r}): use one of used, levels, verdicts")
    return render("level-legend.html", catalog, page, marks=marks, definitions=definitions, **shared(catalog))
