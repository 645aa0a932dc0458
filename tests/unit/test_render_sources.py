"""The source list: numbered as everywhere else, each source linking back to every entry citing it."""

from __future__ import annotations

import pytest

from macros.catalog import Catalog, load_catalog
from macros.links import Linker
from macros.pages import renderer
from macros.render import Page, plain
from macros.render.marks import numbers
from macros.render.sources import backlinks, bibliography
from macros.rules import references
from tests.helpers import rendered, text
from tests.helpers import ROOT
from tests.unit.conftest import DataCopy

MINIMAL = ROOT / "tests" / "fixtures" / "minimal"


def test_the_macro_is_registered() -> None:
    assert renderer("bibliography") is bibliography


def test_sources_keep_the_numbers_the_data_gives_them(data: DataCopy) -> None:
    assert numbers(load_catalog(data.root)) == {"alpha-docs": 1, "beta-docs": 2, "some-article": 3, "alpha-changes": 4, "alpha-bench": 5, "beta-tag": 6,
                                                 "minimal-loadtest": 7}
    # A source added in the middle of the file takes the next number; no other number moves.
    data.replace("sources.yaml", "  - id: beta-docs\n", "  - id: gamma-docs\n    number: 8\n    title: Gamma\n    publisher: G\n"
                 "    url: https://gamma.example.org/\n    kind: official-docs\n    read: 2026-11-01\n  - id: beta-docs\n")
    data.replace("scenarios.yaml", "    sources: [alpha-docs]\n", "    sources: [alpha-docs, gamma-docs]\n")
    assert numbers(load_catalog(data.root)) == {"alpha-docs": 1, "gamma-docs": 8, "beta-docs": 2, "some-article": 3, "alpha-changes": 4,
                                                 "alpha-bench": 5, "beta-tag": 6, "minimal-loadtest": 7}


def cited_by(catalog: Catalog, source_id: str) -> list[tuple[str, str, str]]:
    return [(f.kind.name, f.id, f.parent) for f in catalog.citations[source_id]]


def test_citations_name_every_kind_of_citing_entry() -> None:
    catalog = load_catalog(MINIMAL)
    assert cited_by(catalog, "alpha-docs") == [
        ("criterion", "language", ""),  # the claim's "what is true"
        ("fact", "language", "alpha"), ("fact", "runtime", "alpha"), ("fact", "category", "alpha"),
        ("fact", "first_release", "alpha"), ("fact", "licence", "alpha"), ("fact", "governance", "alpha"),
        ("criterion", "templating", ""),  # a framework's value cites as the criterion whose row shows it
        ("faq", "which-language", ""), ("scenario", "small-app", ""),
    ]
    assert cited_by(catalog, "some-article") == [("criterion", "language", ""), ("faq", "which-language", "")]


def test_every_cited_source_has_its_citers(catalog: Catalog) -> None:
    cited = {ref.id for ref in references(catalog._ds) if ref.kind in ("source", "article")} | set(catalog.run_sources.values())
    assert {sid for sid, found in catalog.citations.items() if found} == cited


def test_backlinks_are_grouped_and_point_at_the_entries() -> None:
    catalog = load_catalog(MINIMAL)
    found = {label: [(b.text, b.target) for b in links] for label, links in backlinks(catalog, "alpha-docs")}
    assert found["Compared in"] == [("Language", "compare/#language"), ("Templates", "compare/#templating")]
    assert found["Framework facts"][0] == ("Alpha: language", "frameworks/alpha/#fact-language")
    assert found["Framework facts"][-1] == ("Alpha: governance", "frameworks/alpha/#fact-governance")
    assert found["FAQ"] == [(plain(catalog.faq["which-language"].question), "faq/#which-language")]
    assert found["Scenarios"] == [("A small app", "scenarios/#small-app")]


def test_the_list_has_every_source_with_its_anchor_number_and_links_back(catalog: Catalog) -> None:
    page = Page(title="Sources", linker=Linker("/", "https://github.com/o/r"))
    out = rendered(bibliography(catalog, page))
    items = out.select_one("ol.kb-sources").select("li.kb-source")
    by_number = sorted(catalog.sources.values(), key=lambda s: s.number)
    assert [(li["id"], li["value"]) for li in items] == [(f"src-{s.id}", str(s.number)) for s in by_number]
    for li, source in zip(items, by_number):
        assert li.select_one("p.kb-source__title").select_one("a")["href"] == source.url
        cited = li.select_one("details.kb-source__cited")
        assert "open" not in cited.attrs, "closed until asked for"
        shown = [a["href"] for a in cited.select("ul.kb-related a")]
        assert text(cited.select_one("summary")).endswith(f"Cited in {len(shown)} place{'s' if len(shown) != 1 else ''}")
        assert shown == [page.link(b.target) for _, links in backlinks(catalog, source.id) for b in links]
        assert shown, f"{source.id} links back to nothing"
