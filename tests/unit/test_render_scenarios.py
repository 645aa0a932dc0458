"""Scenarios: each under its own heading, with its pick, reasons linked to the table, caveats and claims."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from macros.catalog import Catalog
from macros.links import Linker
from macros.pages import renderer
from macros.render import Page, plain
from macros.render.scenarios import scenarios
from tests.helpers import rendered, text

REPO = "https://github.com/o/r"


@pytest.fixture(scope="module")
def out(catalog: Catalog) -> BeautifulSoup:
    return rendered(scenarios(catalog, Page(title="Scenarios", linker=Linker("/", REPO))))


def test_the_macro_is_registered() -> None:
    assert renderer("scenarios") is scenarios


def test_every_scenario_has_its_heading_pick_reasons_and_caveats(catalog: Catalog, out: BeautifulSoup) -> None:
    sections = out.select("section.kb-scenario")
    assert [(s.select_one("h2")["id"], text(s.select_one("h2"))) for s in sections] == [
        (s.id, plain(s.title)) for s in catalog.scenarios.values()
    ]
    for section, scenario in zip(sections, catalog.scenarios.values()):
        picks = section.select_one("p.kb-scenario__frameworks").select("a")
        assert [(text(a), a["href"]) for a in picks] == [
            (catalog.frameworks[f].name, f"/frameworks/{f}/") for f in scenario.recommend
        ]
        assert text(section.select_one("p.kb-scenario__verdict")) == plain(scenario.verdict)
        reasons = section.select_one("ul.kb-scenario__reasons").select("li")
        assert [(li.select_one("a")["href"], text(li.select_one("a"))) for li in reasons] == [
            (f"/compare/#{r.criterion}", catalog.criteria[r.criterion].name) for r in scenario.reasons
        ]
        caveats = section.select("ul.kb-scenario__caveats")
        assert [plain(c) for c in scenario.caveats] == ([text(li) for li in caveats[0].select("li")] if caveats else [])
        assert len(section.select("div.kb-claim")) == len(scenario.claims)


def test_questions_are_linked_from_either_side_and_entries_can_be_edited(catalog: Catalog, out: BeautifulSoup) -> None:
    for section, scenario in zip(out.select("section.kb-scenario"), catalog.scenarios.values()):
        related = section.select("ul.kb-related")
        assert [a["href"] for ul in related for a in ul.select("a")] == [
            f"/faq/#{e.id}" for e in catalog.faq_for_scenario(scenario.id)
        ]
        origin = catalog.origin("scenario", scenario.id)
        assert section.select_one("a.kb-actions__edit")["href"] == f"{REPO}/blob/main/{origin.file}#L{origin.line}"
