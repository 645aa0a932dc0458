"""One page of each kind the site has: what the browser gates, `make bench` and `make audit` visit.

A page type is a URL path from the site root plus, where the page has a state worth
checking of its own (the decision tree at a result), the selector that shows the
state has been drawn. The list is built from the validated data, so it follows the
data: the first framework, and the tree's first path from the root to a result.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from macros.catalog import Catalog, load_catalog

ROOT = Path(__file__).resolve().parent.parent.parent


@dataclass(frozen=True)
class PageType:
    name: str
    path: str  # from the site root, e.g. "decide/#q=team:python"
    ready: str = "article"  # a selector that is visible once the page (or its state) is drawn


def first_result_hash(catalog: Catalog) -> str:
    """The decision tree's URL state for the path that always takes the first answer."""
    steps, node = [], catalog.tree.root
    while node in catalog.questions:
        answer = catalog.questions[node].answers[0]
        steps.append(f"{node}:{answer.id}")
        node = answer.next
    return "#q=" + ",".join(steps)


def page_types(catalog: Catalog | None = None) -> list[PageType]:
    catalog = catalog or load_catalog(ROOT)
    framework = next(iter(catalog.frameworks))
    return [
        PageType("home", ""),
        PageType("compare", "compare/"),
        PageType("framework", f"frameworks/{framework}/"),
        PageType("faq", "faq/"),
        PageType("scenarios", "scenarios/"),
        PageType("sources", "sources/"),
        PageType("loadtest", "loadtest/", ready="svg.kb-chart"),
        PageType("decide", "decide/", ready=".kb-tree__app .kb-tree__answer"),
        PageType("decide-result", "decide/" + first_result_hash(catalog), ready=".kb-tree__app [data-recommend]"),
        PageType("contribute", "contribute/"),
    ]
