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
from tests.dom import Node, parse
from tests.conftest import Built

CONTENT = "md-content__inner"  # Material's article element


@pytest.fixture
def catalog(built: Built) -> Catalog:
    return built.catalog


@cache
def _page(site: Path, path: str) -> Node:
    return parse((site / path / "index.html").read_text(encoding="utf-8"))


def article(site: Path, path: str) -> Node:
    return _page(site, path).find("article", CONTENT)


def test_compare_has_a_column_per_framework_and_a_row_per_criterion(built: Built, catalog: Catalog) -> None:
    page = article(built.site, "compare")
    names = [fw.name for fw in catalog.frameworks.values()]
    tables = page.find_all("table", "kb-compare__table")
    assert len(tables) == len(catalog.groups)
    for table in tables:
        assert [th.text() for th in table.find("thead").find_all("th")] == ["Criterion"] + names
    rows = page.find_all("tbody", "kb-compare__row")
    assert [r.attrs["id"] for r in rows] == [c.id for g in catalog.groups for c in catalog.criteria_in(g)]
    for row in rows:
        assert len(row.find("tr").find_all("td")) == len(names), row.attrs["id"]
    assert [h.attrs["id"] for h in page.find_all("h2")] == [f"group-{g}" for g in catalog.groups]


def test_compare_has_a_legend_and_article_claims_in_the_open(built: Built, catalog: Catalog) -> None:
    page = article(built.site, "compare")
    legend = page.find("dl", "kb-legend")
    used = {v.level for fw in catalog.frameworks.values() for v in fw.values.values() if v.level}
    assert [a.attrs["href"] for a in legend.find_all("a")] == [f"/about/conventions/#level-{lv}" for lv in LEVELS if lv in used]
    claims = sum(len(c.claims) for c in catalog.criteria.values())
    boxes = page.find_all("div", "kb-claim")
    assert len(boxes) == claims
    assert all("The article says" in b.text() and "What is true" in b.text() for b in boxes)


def test_the_filters_are_in_the_page_but_hidden_without_javascript(built: Built) -> None:
    page = article(built.site, "compare")
    assert "hidden" in page.find("div", "kb-compare__controls").attrs
    assert not any("hidden" in r.attrs for r in page.find_all("tbody", "kb-compare__row"))
    faq = article(built.site, "faq")
    assert "hidden" in faq.find("div", "kb-faq__filter").attrs
    assert not any("hidden" in e.attrs for e in faq.find_all("section", "kb-faq__entry"))


def test_every_question_is_its_own_heading_and_search_entry(built: Built, catalog: Catalog) -> None:
    page = article(built.site, "faq")
    headings = {h.attrs["id"]: h for h in page.find_all("h3")}
    index = json.loads((built.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {d["location"]: d["title"] for d in index["docs"]}
    for entry in catalog.faq.values():
        assert headings[entry.id].text().rstrip("¶").strip() == plain(entry.question)
        assert titles[f"faq/#{entry.id}"] == plain(entry.question)


def test_the_faq_json_ld_is_in_the_head_and_matches_the_visible_questions(built: Built, catalog: Catalog) -> None:
    head = _page(built.site, "faq").find("head")
    scripts = head.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    data = json.loads(scripts[0].text())
    assert (data["@context"], data["@type"]) == ("https://schema.org", "FAQPage")
    visible = article(built.site, "faq").text()
    assert [q["name"] for q in data["mainEntity"]] == [plain(e.question) for e in catalog.faq.values()]
    for question in data["mainEntity"]:
        assert question["name"] in visible and question["acceptedAnswer"]["text"] in visible
    for other in ["compare", "scenarios", ""]:
        assert not _page(built.site, other).find_all("script", type="application/ld+json"), other


def test_scenarios_sources_and_conventions_have_an_anchor_per_entry(built: Built, catalog: Catalog) -> None:
    scenarios = {h.attrs["id"] for h in article(built.site, "scenarios").find_all("h2")}
    assert scenarios == set(catalog.scenarios)
    sources = [li.attrs["id"] for li in article(built.site, "sources").find_all("li", "kb-source")]
    assert sources == [f"src-{s}" for s in catalog.sources]
    conventions = {n.attrs["id"] for n in article(built.site, "about/conventions").find_all("dt")}
    assert conventions == {m.anchor for m in [*LEVELS.values(), *VERDICTS.values()]}


def test_a_page_per_framework_with_every_criterion(built: Built, catalog: Catalog) -> None:
    listed = [a.attrs["href"] for a in article(built.site, "frameworks").find_all("a") if a.parent and "kb-card__title" in a.parent.classes]
    assert listed == [f"/frameworks/{fw}/" for fw in catalog.frameworks]
    nav = [a.text() for a in _page(built.site, "frameworks").find("nav", "md-nav--primary").find_all("a", href=True)]
    for fw in catalog.frameworks.values():
        page = article(built.site, f"frameworks/{fw.id}")
        assert page.find("h1").text().rstrip("¶").strip() == fw.name
        assert fw.name in nav, "each framework's page is in the navigation"
        assert [i.attrs["id"] for i in page.find_all("div", "kb-values__item")] == [c.id for g in catalog.groups for c in catalog.criteria_in(g)]


@pytest.mark.parametrize(("path", "kind", "count"), [
    ("compare", "criterion", lambda c: len(c.criteria)),
    ("faq", "faq", lambda c: len(c.faq)),
    ("scenarios", "scenario", lambda c: len(c.scenarios)),
    ("sources", "source", lambda c: len(c.sources)),
])
def test_every_data_entry_can_be_edited_and_reported(built: Built, catalog: Catalog, path: str, kind: str, count: object) -> None:
    page = article(built.site, path)
    edits = [a.attrs["href"] for a in page.find_all("a", "kb-actions__edit")]
    reports = [a.attrs["href"] for a in page.find_all("a", "kb-actions__report")]
    assert len(edits) == len(reports) == count(catalog)  # type: ignore[operator]
    origins = [o for (k, _, _), o in catalog.origins.items() if k == kind]
    assert {e.rsplit("/blob/main/", 1)[1] for e in edits} == {f"{o.file}#L{o.line}" for o in origins}
    assert all("/issues/new?" in r for r in reports)


def test_titles_and_descriptions_are_specific_to_each_page(built: Built) -> None:
    seen_titles: dict[str, str] = {}
    seen_descriptions: dict[str, str] = {}
    for html in sorted(built.site.rglob("index.html")):
        head = parse(html.read_text(encoding="utf-8")).find("head")
        where = html.parent.relative_to(built.site).as_posix()
        title = head.find("title").text()
        description = head.find("meta", name="description").attrs["content"]
        assert title not in seen_titles, f"{where} and {seen_titles.get(title)} share the title {title!r}"
        assert description not in seen_descriptions, f"{where} and {seen_descriptions.get(description)} share a description"
        seen_titles[title], seen_descriptions[description] = where, where


def test_generated_framework_pages_edit_their_data_file(built: Built) -> None:
    """The edit button of a generated page opens its data file, not a git-ignored stub."""
    for framework in built.catalog.frameworks:
        html = (built.site / "frameworks" / framework / "index.html").read_text(encoding="utf-8")
        assert f'/edit/main/data/frameworks/{framework}.yaml"' in html
        assert "/edit/main/docs/frameworks/" not in html
