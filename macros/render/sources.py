"""The source list (/sources/): every source, numbered, with links back to what cites it.

A source's number is given in data/sources.yaml and never changes, so [12]
means the same source on every page, and still does after sources are added. The links back come from
Catalog.citations, which walks the same list of references the rules check.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import get_args

from .. import model as m
from ..catalog import Catalog
from ..registry import KINDS
from . import Page, plain, render
from .marks import shared

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
    """(section label, links) for every kind of entry citing the source, in the order of the site, each target once."""
    order = _site_order(catalog)
    sections: dict[str, dict[str, Backlink]] = {kind.cited_in: {} for kind in KINDS if kind.cited_in}
    for found in catalog.citations[source_id]:
        kind = found.kind
        assert kind.link is not None
        text = plain(kind.title(found, catalog))
        if kind.parent:
            parent = next(p.found for p in catalog.records(kind.parent) if p.id == found.parent)
            text = f"{plain(parent.kind.title(parent, catalog))}: {text}"
        sections[kind.cited_in].setdefault(kind.link(found), Backlink(text, kind.link(found)))
    return [(label, sorted(found.values(), key=lambda b: order[b.target])) for label, found in sections.items() if found]


def _site_order(catalog: Catalog) -> dict[str, int]:
    """Every back-link target, in the order the records appear in the data (frameworks by name)."""
    framework_rank = {fid: n for n, fid in enumerate(catalog.frameworks)}
    targets = [
        kind.link(r.found)
        for kind in KINDS if kind.cited_in and kind.link
        for r in sorted(catalog.records(kind), key=lambda r: framework_rank.get(r.found.parent, 0))
    ]
    return {target: n for n, target in enumerate(dict.fromkeys(targets))}


def bibliography(catalog: Catalog, page: Page) -> str:
    """Every source, numbered, with what it is and which entries cite it."""
    entries = [(s, backlinks(catalog, s.id)) for s in sorted(catalog.sources.values(), key=lambda s: s.number)]
    return render("bibliography.html", catalog, page, entries=entries, kinds=KIND_LABELS, **shared(catalog))
