"""Scenarios: each under its own heading, with its pick, reasons linked to the table, caveats and claims."""

from __future__ import annotations

import pytest

from macros.catalog import Catalog
from macros.links import Linker
from macros.pages import renderer
from macros.render import Page, plain
from macros.render.scenarios import scenarios
from tests.dom import Node, from_markdown

REPO = "https://github.com/o/r"


@pytest.fixture(scope="module")
def out(catalog: Catalog) -> Node:
    return from_markdown(scenarios(catalog, Page(title="Scenarios", linker=Linker("/", REPO))))


def test_the_macro_is_registered() -> None:
    assert renderer("scenarios") is scenarios


def test_every_scenario_has_its_heading_pick_reasons_and_caveats(catalog: Catalog, out: Node) -> None:
    sections = out.find_all("section", "kb-scenario")
    assert [(s.find("h2").attrs["id"], s.find("h2").text()) for s in sections] == [
        (s.id, plain(s.title)) for s in catalog.scenarios.values()
    ]
    for section, scenario in zip(sections, catalog.scenarios.values()):
        picks = section.find("p", "kb-scenario__frameworks").find_all("a")
        assert [(a.text(), a.attrs["href"]) for a in picks] == [
            (catalog.frameworks[f].name, f"/frameworks/{f}/") for f in scenario.recommend
        ]
        assert section.find("p", "kb-scenario__verdict").text() == plain(scenario.verdict)
        reasons = section.find("ul", "kb-scenario__reasons").find_all("li")
        assert [(li.find("a").attrs["href"], li.find("a").text()) for li in reasons] == [
            (f"/compare/#{r.criterion}", catalog.criteria[r.criterion].name) for r in scenario.reasons
        ]
        caveats = section.find_all("ul", "kb-scenario__caveats")
        assert [plain(c) for c in scenario.caveats] == ([li.text() for li in caveats[0].find_all("li")] if caveats else [])
        assert len(section.find_all("div", "kb-claim")) == len(scenario.claims)


def test_questions_are_linked_from_either_side_and_entries_can_be_edited(catalog: Catalog, out: Node) -> None:
    for section, scenario in zip(out.find_all("section", "kb-scenario"), catalog.scenarios.values()):
        related = section.find_all("ul", "kb-related")
        assert [a.attrs["href"] for ul in related for a in ul.find_all("a")] == [
            f"/faq/#{e.id}" for e in catalog.faq_for_scenario(scenario.id)
        ]
        origin = catalog.origin("scenario", scenario.id)
        assert section.find("a", "kb-actions__edit").attrs["href"] == f"{REPO}/blob/main/{origin.file}#L{origin.line}"
