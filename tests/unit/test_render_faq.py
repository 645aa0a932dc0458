"""The FAQ: one heading per question under its category, links both ways, and FAQPage JSON-LD."""

from __future__ import annotations

import json

import pytest

from macros.catalog import Catalog
from macros.links import Linker
from macros.pages import renderer
from macros.render import Page, plain
from macros.render.faq import faq, json_for_script
from tests.dom import Node, from_markdown

REPO = "https://github.com/o/r"


@pytest.fixture(scope="module")
def rendered(catalog: Catalog) -> tuple[Node, Page]:
    page = Page(title="FAQ", linker=Linker("/", REPO))
    return from_markdown(faq(catalog, page)), page


def test_the_macro_is_registered() -> None:
    assert renderer("faq") is faq


def test_each_question_is_a_heading_with_its_id_under_its_category(catalog: Catalog, rendered: tuple[Node, Page]) -> None:
    out, _ = rendered
    categories = out.find_all("section", "kb-faq__category")
    assert [c.find("h2").attrs["id"] for c in categories] == [
        f"category-{c.id}" for c in catalog.faq_categories.values() if catalog.faq_in(c.id)
    ]
    for category in categories:
        cid = category.attrs["data-kb-category"]
        headings = [(h.attrs["id"], h.text()) for h in category.find_all("h3")]
        assert headings == [(e.id, plain(e.question)) for e in catalog.faq_in(cid)]


def test_entries_show_other_phrasings_the_answer_and_the_article_claims(catalog: Catalog, rendered: tuple[Node, Page]) -> None:
    out, _ = rendered
    for entry in catalog.faq.values():
        body = out.find("section", data_kb_entry=entry.id)
        if entry.also_asked:
            assert body.find("p", "kb-faq__aka").text() == "Also asked as: " + ", ".join(plain(a) for a in entry.also_asked)
        assert body.find("div", "kb-faq__answer").text() == plain(entry.answer)
        assert len(body.find_all("div", "kb-claim")) == len(entry.claims)


def test_related_links_include_scenarios_that_point_back(catalog: Catalog, rendered: tuple[Node, Page]) -> None:
    out, _ = rendered
    for entry in catalog.faq.values():
        related = out.find("section", data_kb_entry=entry.id).find_all("ul", "kb-related")
        hrefs = [a.attrs["href"] for ul in related for a in ul.find_all("a")]
        expected = [f"/compare/#{c}" for c in entry.related.criteria]
        expected += [f"/scenarios/#{s.id}" for s in catalog.scenarios_for_faq(entry.id)]
        expected += [f"/faq/#{f}" for f in entry.related.faq]
        expected += [f"/frameworks/{f}/" for f in entry.related.frameworks]
        assert hrefs == expected
        pointing_back = [s.id for s in catalog.scenarios.values() if entry.id in s.related_faq]
        assert set(pointing_back) <= {s.id for s in catalog.scenarios_for_faq(entry.id)}


def test_every_entry_has_edit_and_report_links(catalog: Catalog, rendered: tuple[Node, Page]) -> None:
    out, _ = rendered
    for entry in catalog.faq.values():
        body = out.find("section", data_kb_entry=entry.id)
        origin = catalog.origin("faq", entry.id)
        assert body.find("a", "kb-actions__edit").attrs["href"] == f"{REPO}/blob/main/data/faq.yaml#L{origin.line}"
        assert body.find("a", "kb-actions__report").attrs["href"].startswith(f"{REPO}/issues/new?")


def test_the_filter_box_is_hidden_until_the_script_shows_it(rendered: tuple[Node, Page]) -> None:
    out, _ = rendered
    assert out.find("div", "kb-faq").attrs["data-kb-component"] == "faq-filter"
    assert "hidden" in out.find("div", "kb-faq__filter").attrs
    assert "hidden" in out.find("p", "kb-faq__empty").attrs


def test_the_json_ld_lists_every_question_with_its_plain_answer(catalog: Catalog, rendered: tuple[Node, Page]) -> None:
    _, page = rendered
    data = json.loads(page.head["kb_jsonld"])
    assert (data["@context"], data["@type"]) == ("https://schema.org", "FAQPage")
    assert [(q["@type"], q["name"], q["acceptedAnswer"]["@type"], q["acceptedAnswer"]["text"]) for q in data["mainEntity"]] == [
        ("Question", plain(e.question), "Answer", plain(e.answer)) for e in catalog.faq.values()
    ]


def test_json_for_script_cannot_close_its_script_element() -> None:
    hostile = {"a": "</script><script>alert(1)</script>", "b": "x & y \u2028 \u2029 <!--"}
    text = json_for_script(hostile)
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == hostile
