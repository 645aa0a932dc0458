"""The source list (/sources/): every source, numbered, with links back to what cites it.

A source's number is its place in data/sources.yaml (marks.numbers), so [12]
means the same source on every page. The links back come from
Catalog.citations, which walks the same list of references the rules check.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import get_args

from .. import links
from .. import model as m
from ..catalog import Catalog, Citation
from . import Page, plain, render
from .marks import shared
from .profiles import FACTS, fact_anchor

KIND_LABELS = {
    "article": "Article",
    "official-docs": "Official documentation",
    "release-notes": "Release notes",
    "repository": "Repository",
    "package-registry": "Package registry",
    "benchmark": "Benchmark",
    "community": "Community",
}
assert set(KIND_LABELS) == set(get_args(m.SourceKind)), "KIND_LABELS out of step with model.SourceKind"


@dataclass(frozen=True)
class Backlink:
    text: str
    target: str  # site-root path, for Page.link


def backlinks(catalog: Catalog, source_id: str) -> list[tuple[str, list[Backlink]]]:
    """(section label, links) for every kind of entry citing the source, in display order, each target once."""
    sections: dict[str, dict[str, tuple[int, Backlink]]] = {"Compared in": {}, "Framework facts": {}, "FAQ": {}, "Scenarios": {}}
    for c in catalog.citations[source_id]:
        section, order, link = _backlink(catalog, c)
        sections[section].setdefault(link.target, (order, link))
    return [(label, [link for _, link in sorted(found.values(), key=lambda x: x[0])]) for label, found in sections.items() if found]


def _backlink(catalog: Catalog, c: Citation) -> tuple[str, int, Backlink]:
    if c.kind in ("criterion", "value"):
        return "Compared in", list(catalog.criteria).index(c.id), Backlink(catalog.criteria[c.id].name, links.compare(c.id))
    if c.kind == "fact":
        assert c.framework is not None
        fw = catalog.frameworks[c.framework]
        order = list(catalog.frameworks).index(fw.id) * len(FACTS) + list(FACTS).index(c.id)
        return "Framework facts", order, Backlink(f"{fw.name}: {FACTS[c.id].lower()}", links.framework(fw.id) + "#" + fact_anchor(c.id))
    if c.kind == "faq":
        return "FAQ", list(catalog.faq).index(c.id), Backlink(plain(catalog.faq[c.id].question), links.faq(c.id))
    if c.kind == "scenario":
        return "Scenarios", list(catalog.scenarios).index(c.id), Backlink(plain(catalog.scenarios[c.id].title), links.scenario(c.id))
    raise ValueError(f"no back-link for a citation of kind '{c.kind}'")


def bibliography(catalog: Catalog, page: Page) -> str:
    """Every source, numbered, with what it is and which entries cite it."""
    entries = [(s, backlinks(catalog, s.id)) for s in catalog.sources.values()]
    return render("bibliography.html", catalog, page, entries=entries, kinds=KIND_LABELS, **shared(catalog))
