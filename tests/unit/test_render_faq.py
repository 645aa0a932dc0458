"""The FAQ: one heading per question under its category, links both ways, and FAQPage JSON-LD."""

from __future__ import annotations

import copy
import json

import pytest
from bs4 import BeautifulSoup

from macros.catalog import Catalog, load_catalog
from macros.links import Linker
from macros.pages import renderer
from macros.render import Page, plain
from macros.render.faq import faq
from tests.helpers import rendered, text
from tests.unit.conftest import MINIMAL

REPO = "https://github.com/o/r"


@pytest.fixture(scope="module")
def faq_page(catalog: Catalog) -> tuple[BeautifulSoup, Page]:
    page = Page(title="FAQ", linker=Linker("/", REPO))
    return rendered(faq(catalog, page)), page


def test_the_macro_is_registered() -> None:
    assert renderer("faq") is faq


def test_each_question_is_a_heading_with_its_id_under_its_category(catalog: Catalog, faq_page: tuple[BeautifulSoup, Page]) -> None:
    out, _ = faq_page
    categories = out.select("section.kb-faq__category")
    assert [c.select_one("h2")["id"] for c in categories] == [
        f"category-{c.id}" for c in catalog.faq_categories.values() if catalog.faq_in(c.id)
    ]
    for category in categories:
        cid = category["data-kb-category"]
        headings = [(h["id"], text(h)) for h in category.select("h3")]
        assert headings == [(e.id, plain(e.question)) for e in catalog.faq_in(cid)]


def test_entries_show_other_phrasings_the_answer_and_the_article_claims(catalog: Catalog, faq_page: tuple[BeautifulSoup, Page]) -> None:
    out, _ = faq_page
    for entry in catalog.faq.values():
        body = out.select_one(f'section[data-kb-entry="{entry.id}"]')
        if entry.also_asked:
            assert text(body.select_one("p.kb-faq__aka")) == "Also asked as: " + ", ".join(plain(a) for a in entry.also_asked)
        assert text(body.select_one("div.kb-faq__answer")) == plain(entry.answer)
        assert len(body.select("div.kb-claim")) == len(entry.claims)


def test_related_links_include_scenarios_that_point_back(catalog: Catalog, faq_page: tuple[BeautifulSoup, Page]) -> None:
    out, _ = faq_page
    for entry in catalog.faq.values():
        related = out.select_one(f'section[data-kb-entry="{entry.id}"]').select("ul.kb-related")
        hrefs = [a["href"] for ul in related for a in ul.select("a")]
        expected = [f"/compare/#{c}" for c in entry.related.criteria]
        expected += [f"/scenarios/#{s.id}" for s in catalog.scenarios_for_faq(entry.id)]
        expected += [f"/faq/#{f}" for f in entry.related.faq]
        expected += [f"/frameworks/{f}/" for f in entry.related.frameworks]
        assert hrefs == expected
        pointing_back = [s.id for s in catalog.scenarios.values() if entry.id in s.related_faq]
        assert set(pointing_back) <= {s.id for s in catalog.scenarios_for_faq(entry.id)}


def test_every_entry_has_edit_and_report_links(catalog: Catalog, faq_page: tuple[BeautifulSoup, Page]) -> None:
    out, _ = faq_page
    for entry in catalog.faq.values():
        body = out.select_one(f'section[data-kb-entry="{entry.id}"]')
        origin = catalog.origin("faq", entry.id)
        assert body.select_one("a.kb-actions__edit")["href"] == f"{REPO}/blob/main/data/faq.yaml#L{origin.line}"
        assert body.select_one("a.kb-actions__report")["href"].startswith(f"{REPO}/issues/new?")


def test_the_filter_box_is_hidden_until_the_script_shows_it(faq_page: tuple[BeautifulSoup, Page]) -> None:
    out, _ = faq_page
    assert out.select_one("div.kb-faq")["data-kb-component"] == "faq-filter"
    assert "hidden" in out.select_one("div.kb-faq__filter").attrs
    assert "hidden" in out.select_one("p.kb-faq__empty").attrs


def test_the_json_ld_lists_every_question_with_its_plain_answer(catalog: Catalog, faq_page: tuple[BeautifulSoup, Page]) -> None:
    _, page = faq_page
    data = json.loads(page.head["kb_jsonld"])
    assert (data["@context"], data["@type"]) == ("https://schema.org", "FAQPage")
    assert [(q["@type"], q["name"], q["acceptedAnswer"]["@type"], q["acceptedAnswer"]["text"]) for q in data["mainEntity"]] == [
        ("Question", plain(e.question), "Answer", plain(e.answer)) for e in catalog.faq.values()
    ]


def test_the_json_ld_cannot_close_its_script_element() -> None:
    catalog = copy.copy(load_catalog(MINIMAL))
    hostile = "Is a < b && c > d, or 'e' & \"f\"?"  # what the model lets a text hold (it refuses raw HTML)
    entry = next(iter(catalog.faq.values()))
    catalog.faq = {entry.id: entry.model_copy(update={"question": hostile})}
    page = Page(title="FAQ", linker=Linker("/", REPO))
    faq(catalog, page)
    text = page.head["kb_jsonld"]
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["mainEntity"][0]["name"] == hostile
