"""The built pages readers come for: every data id has its place, the marks are explained, the head is right.

These read the site as a reader or a crawler gets it, as HTML with no JavaScript run: the
real site, then the same with four frameworks (the `built` fixture), built once per session.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from macros.catalog import Catalog
from macros.render import plain
from macros.render.marks import LEVELS, VERDICTS
from bs4 import BeautifulSoup, Tag

from tests.helpers import soup, text
from tests.conftest import Built

CONTENT = "md-content__inner"  # Material's article element


@pytest.fixture
def catalog(built: Built) -> Catalog:
    return built.catalog


@cache
def _page(site: Path, path: str) -> BeautifulSoup:
    return soup((site / path / "index.html").read_text(encoding="utf-8"))


def article(site: Path, path: str) -> Tag:
    return _page(site, path).select_one(f"article.{CONTENT}")


def test_compare_has_a_column_per_framework_and_a_row_per_criterion(built: Built, catalog: Catalog) -> None:
    page = article(built.site, "compare")
    names = [fw.name for fw in catalog.frameworks.values()]
    heads = page.select(".kb-compare__head")
    assert len(heads) == len(catalog.groups)
    for head in heads:
        assert [text(a) for a in head.select("a")] == names
    rows = page.select("section.kb-compare__row")
    assert [r.select_one("h3")["id"] for r in rows] == [c.id for g in catalog.groups for c in catalog.criteria_in(g)]
    for row in rows:
        assert [text(th) for th in row.select("table.kb-compare__values:not(.kb-compare__why) thead th")] == names
        assert len(row.select("table.kb-compare__values:not(.kb-compare__why) td")) == len(names)
    assert [h["id"] for h in page.select("h2")] == [f"group-{g}" for g in catalog.groups]


def test_each_criterion_is_its_own_search_entry_holding_its_whole_row(built: Built, catalog: Catalog) -> None:
    """A search for words of a row's verdicts or explanations lands on the criterion, not on its group."""
    index = json.loads((built.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {d["location"]: d["title"] for d in index["docs"]}
    texts = {d["location"]: text(soup(d["text"])) for d in index["docs"]}
    for criterion in catalog.criteria.values():
        location = f"compare/#{criterion.id}"
        assert titles.get(location) == plain(criterion.name), criterion.id
        for fw in catalog.frameworks.values():
            value = fw.values[criterion.id]
            for words in (plain(value.verdict), plain(value.explanation)):
                assert words in texts[location], f"{criterion.id}, {fw.id}: not in its search entry: {words!r}"
                assert words not in texts[f"compare/#group-{criterion.group}"], f"{criterion.id}: its group's entry holds {words!r}"


def test_the_decision_tree_outline_is_left_out_of_the_site_search(built: Built, catalog: Catalog) -> None:
    """A search needs JavaScript, which hides the outline: words of a question, answer or result must not lead there."""
    index = json.loads((built.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    entries = {d["location"]: text(soup(d["text"])) for d in index["docs"] if d["location"].startswith("decide/")}
    assert list(entries) == ["decide/"], "the page is one search entry, its introduction"
    assert "Answer a few short questions" in entries["decide/"]
    for question in catalog.questions.values():
        assert plain(question.question) not in entries["decide/"]
        assert not any(plain(a.label) in entries["decide/"] for a in question.answers), question.id
    for result in catalog.results.values():
        assert plain(result.headline) not in entries["decide/"], result.id


def test_compare_has_a_legend_and_article_claims_under_each_row(built: Built, catalog: Catalog) -> None:
    page = article(built.site, "compare")
    legend = page.select_one("dl.kb-legend")
    used = {v.level for fw in catalog.frameworks.values() for v in fw.values.values() if v.level}
    assert [a["href"] for a in legend.select("a")] == [f"/about/conventions/#level-{lv}" for lv in LEVELS if lv in used]
    claims = sum(len(c.claims) for c in catalog.criteria.values())
    boxes = page.select("details.kb-compare__more div.kb-claim")
    assert len(boxes) == claims
    assert all("The article says" in text(b) and "What is true" in text(b) for b in boxes)


def test_the_filters_are_in_the_page_but_hidden_without_javascript(built: Built) -> None:
    page = article(built.site, "compare")
    assert "hidden" in page.select_one("div.kb-compare__controls").attrs
    assert not any("hidden" in r.attrs for r in page.select("section.kb-compare__row"))
    faq = article(built.site, "faq")
    assert "hidden" in faq.select_one("div.kb-faq__filter").attrs
    assert not any("hidden" in e.attrs for e in faq.select("section.kb-faq__entry"))


def test_every_question_is_its_own_heading_and_search_entry(built: Built, catalog: Catalog) -> None:
    page = article(built.site, "faq")
    headings = {h["id"]: h for h in page.select("h3")}
    index = json.loads((built.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {d["location"]: d["title"] for d in index["docs"]}
    for entry in catalog.faq.values():
        assert text(headings[entry.id]).rstrip("¶").strip() == plain(entry.question)
        assert titles[f"faq/#{entry.id}"] == plain(entry.question)


def test_the_faq_json_ld_is_in_the_head_and_matches_the_visible_questions(built: Built, catalog: Catalog) -> None:
    head = _page(built.site, "faq").select_one("head")
    scripts = head.select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    data = json.loads(text(scripts[0]))
    assert (data["@context"], data["@type"]) == ("https://schema.org", "FAQPage")
    visible = text(article(built.site, "faq"))
    assert [q["name"] for q in data["mainEntity"]] == [plain(e.question) for e in catalog.faq.values()]
    for question in data["mainEntity"]:
        assert question["name"] in visible and question["acceptedAnswer"]["text"] in visible
    for other in ["compare", "scenarios", ""]:
        assert not _page(built.site, other).select('script[type="application/ld+json"]'), other


def test_scenarios_sources_and_conventions_have_an_anchor_per_entry(built: Built, catalog: Catalog) -> None:
    scenarios = {h["id"] for h in article(built.site, "scenarios").select("h2")}
    assert scenarios == set(catalog.scenarios)
    sources = [li["id"] for li in article(built.site, "sources").select("li.kb-source")]
    assert sources == [f"src-{s}" for s in catalog.sources]
    conventions = {n["id"] for n in article(built.site, "about/conventions").select("dt")}
    assert conventions == {m.anchor for m in [*LEVELS.values(), *VERDICTS.values()]}


def test_a_page_per_framework_with_every_criterion(built: Built, catalog: Catalog) -> None:
    listed = [a["href"] for a in article(built.site, "frameworks").select(".kb-card__title > a")]
    assert listed == [f"/frameworks/{fw}/" for fw in catalog.frameworks]
    nav = [text(a) for a in _page(built.site, "frameworks").select("nav.md-nav--primary a[href]")]
    for fw in catalog.frameworks.values():
        page = article(built.site, f"frameworks/{fw.id}")
        assert text(page.select_one("h1")).rstrip("¶").strip() == fw.name
        assert fw.name in nav, "each framework's page is in the navigation"
        assert [i["id"] for i in page.select("div.kb-values__item")] == [c.id for g in catalog.groups for c in catalog.criteria_in(g)]


@pytest.mark.parametrize(("path", "kind", "count"), [
    ("compare", "criterion", lambda c: len(c.criteria)),
    ("faq", "faq", lambda c: len(c.faq)),
    ("scenarios", "scenario", lambda c: len(c.scenarios)),
    ("sources", "source", lambda c: len(c.sources)),
])
def test_every_data_entry_can_be_edited_and_reported(built: Built, catalog: Catalog, path: str, kind: str, count: object) -> None:
    page = article(built.site, path)
    edits = [a["href"] for a in page.select("a.kb-actions__edit")]
    reports = [a["href"] for a in page.select("a.kb-actions__report")]
    assert len(edits) == len(reports) == count(catalog)  # type: ignore[operator]
    origins = [o for (k, _, _), o in catalog.origins.items() if k == kind]
    assert {e.rsplit("/blob/main/", 1)[1] for e in edits} == {f"{o.file}#L{o.line}" for o in origins}
    assert all("/issues/new?" in r for r in reports)


def test_titles_and_descriptions_are_specific_to_each_page(built: Built) -> None:
    seen_titles: dict[str, str] = {}
    seen_descriptions: dict[str, str] = {}
    for html in sorted(built.site.rglob("index.html")):
        head = soup(html.read_text(encoding="utf-8")).select_one("head")
        where = html.parent.relative_to(built.site).as_posix()
        title = text(head.select_one("title"))
        description = head.select_one('meta[name="description"]')["content"]
        assert title not in seen_titles, f"{where} and {seen_titles.get(title)} share the title {title!r}"
        assert description not in seen_descriptions, f"{where} and {seen_descriptions.get(description)} share a description"
        seen_titles[title], seen_descriptions[description] = where, where


def test_generated_framework_pages_edit_their_data_file(built: Built) -> None:
    """The edit button of a generated page opens its data file, not a git-ignored stub."""
    for framework in built.catalog.frameworks:
        html = (built.site / "frameworks" / framework / "index.html").read_text(encoding="utf-8")
        assert f'/edit/main/data/frameworks/{framework}.yaml"' in html
        assert "/edit/main/docs/frameworks/" not in html
