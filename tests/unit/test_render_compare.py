"""The comparison table and the marks' legend, rendered from the minimal and the real data."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from macros.catalog import Catalog
from macros.links import Linker
from macros.model import Level, Verdict
from macros.pages import renderer
from macros.render import Page, plain
from macros.render.compare import comparison_table, level_legend, levels_used
from macros.render.marks import LEVELS, VERDICTS, numbers
from tests.helpers import rendered, text

REPO = "https://github.com/o/r"


def page(title: str = "Compare") -> Page:
    return Page(title=title, linker=Linker("/", REPO))


@pytest.fixture(scope="module")
def table(catalog: Catalog) -> BeautifulSoup:
    return rendered(comparison_table(catalog, page()))


def test_the_macros_are_registered() -> None:
    assert renderer("comparison_table") is comparison_table
    assert renderer("level_legend") is level_legend


def test_each_group_names_every_framework_in_a_row_that_links_its_profile(catalog: Catalog, table: BeautifulSoup) -> None:
    sections = table.select("section.kb-compare__group")
    assert [s["data-kb-group"] for s in sections] == list(catalog.groups)
    for section in sections:
        head = section.select_one(".kb-compare__head")
        assert [(a.text, a["href"]) for a in head.select("a")] == [(fw.name, f"/frameworks/{fw.id}/") for fw in catalog.frameworks.values()]


def test_every_criterion_is_a_section_with_its_heading_and_anchor_under_its_group(catalog: Catalog, table: BeautifulSoup) -> None:
    for group in catalog.groups.values():
        section = table.select_one(f'section[data-kb-group="{group.id}"]')
        assert section.select_one("h2")["id"] == f"group-{group.id}"
        assert text(section.select_one("h2")) == group.name
        rows = section.select("section.kb-compare__row")
        assert [r["data-kb-criterion"] for r in rows] == [c.id for c in catalog.criteria_in(group.id)]
        for row, criterion in zip(rows, catalog.criteria_in(group.id)):
            heading = row.select_one("h3.kb-compare__heading")
            assert heading["id"] == criterion.id, "its own search entry and permanent link"
            name = heading.select_one("a.kb-compare__name")
            assert (text(name), name["href"]) == (criterion.name, f"/compare/#{criterion.id}")


def test_each_row_shows_levels_verdicts_and_sources_in_a_column_per_framework(catalog: Catalog, table: BeautifulSoup) -> None:
    number = numbers(catalog)
    for criterion in catalog.criteria.values():
        values = table.select_one(f'[data-kb-criterion="{criterion.id}"] > table.kb-compare__values')
        assert [text(th) for th in values.select("thead th")] == [fw.name for fw in catalog.frameworks.values()]
        cells = values.select("td.kb-compare__cell")
        assert [c["data-kb-framework"] for c in cells] == list(catalog.frameworks)
        for fw, cell in zip(catalog.frameworks.values(), cells):
            value = fw.values[criterion.id]
            assert text(cell.select_one(".kb-compare__fw")) == fw.name
            verdict = cell.select_one(".kb-compare__verdict")
            refs = verdict.select("a.kb-ref")
            assert [(r.text, r["href"]) for r in refs] == [(f"[{number[s]}]", f"/sources/#src-{s}") for s in value.sources]
            for ref in refs:
                ref.extract()
            assert text(verdict) == plain(value.verdict)
            marks = cell.select("a.kb-mark")
            if value.level:
                assert [m["href"] for m in marks] == [f"/about/conventions/#level-{value.level}"]
                assert marks[0].select_one(".kb-mark__glyph")["aria-hidden"] == "true"
                assert text(marks[0].select_one(".kb-mark__label")) == LEVELS[value.level].label
            else:
                assert marks == []


def test_the_why_of_each_cell_waits_in_the_rows_closed_details(catalog: Catalog, table: BeautifulSoup) -> None:
    number = numbers(catalog)
    for criterion in catalog.criteria.values():
        details = table.select_one(f'[data-kb-criterion="{criterion.id}"] > details.kb-compare__more')
        assert "open" not in details.attrs, "closed until asked for"
        assert text(details.select_one("summary")).startswith(f"{criterion.name}: Why")
        cells = details.select("table.kb-compare__why td.kb-compare__cell")
        for fw, cell in zip(catalog.frameworks.values(), cells, strict=True):
            value = fw.values[criterion.id]
            assert text(cell.select_one(".kb-compare__explanation")) == plain(value.explanation)
            refs = cell.select(".kb-meta a.kb-ref")
            assert [r.text for r in refs] == [f"[{number[s]}]" for s in value.sources]
            origin = catalog.origin("value", criterion.id, fw.id)
            assert cell.select_one("a.kb-edit")["href"] == f"{REPO}/blob/main/{origin.file}#L{origin.line}"


def test_rows_say_whether_the_frameworks_differ(catalog: Catalog, table: BeautifulSoup) -> None:
    for criterion in catalog.criteria.values():
        row = table.select_one(f'[data-kb-criterion="{criterion.id}"]')
        differs = catalog.differs(criterion.id)
        assert row["data-kb-differs"] == ("true" if differs else "false")
        assert bool(row.select(".kb-compare__same")) is not differs


def test_claims_show_what_the_article_says_what_is_true_and_the_verdict(catalog: Catalog, table: BeautifulSoup) -> None:
    for criterion in catalog.criteria.values():
        boxes = table.select(f'[data-kb-criterion="{criterion.id}"] details .kb-claim')
        assert len(boxes) == len(criterion.claims)
        for box, claim in zip(boxes, criterion.claims):
            says, truth = box.select(".kb-claim__part")
            assert text(says) == f"The article says [{numbers(catalog)[claim.source]}] {plain(claim.says)}"
            assert text(truth) == f"What is true {plain(claim.truth)}"
            mark = box.select_one("a.kb-mark")
            assert mark["href"] == f"/about/conventions/#verdict-{claim.verdict}"
            assert VERDICTS[claim.verdict].label in text(mark)


def test_each_row_links_its_faq_entries_scenarios_and_edit_and_report(catalog: Catalog, table: BeautifulSoup) -> None:
    for criterion in catalog.criteria.values():
        more = table.select_one(f'[data-kb-criterion="{criterion.id}"] details')
        hrefs = [a["href"] for a in more.select("ul.kb-related a")]
        expected = [f"/faq/#{e.id}" for e in catalog.faq_about_criterion(criterion.id)]
        expected += [f"/scenarios/#{s.id}" for s in catalog.scenarios_citing(criterion.id)]
        assert hrefs == expected
        origin = catalog.origin("criterion", criterion.id)
        assert more.select_one("a.kb-actions__edit")["href"] == f"{REPO}/blob/main/{origin.file}#L{origin.line}"
        report = more.select_one("a.kb-actions__report")["href"]
        assert report.startswith(f"{REPO}/issues/new?") and "page=Compare" in report


def test_the_filter_controls_are_hidden_until_the_script_shows_them(catalog: Catalog, table: BeautifulSoup) -> None:
    controls = table.select_one("div.kb-compare__controls")
    assert "hidden" in controls.attrs
    assert [o["value"] for o in controls.select("option")] == [""] + list(catalog.groups)
    assert table.select_one("div.kb-compare")["data-kb-component"] == "compare"
    jump = table.select_one("nav.kb-compare__jump")
    assert [a["href"] for a in jump.select("a")] == [f"/compare/#group-{g}" for g in catalog.groups], "works without JavaScript"


def test_one_group_alone_has_no_controls(catalog: Catalog) -> None:
    group = next(iter(catalog.groups))
    out = rendered(comparison_table(catalog, page(), group=group))
    assert [s["data-kb-group"] for s in out.select("section.kb-compare__group")] == [group]
    assert out.select(".kb-compare__controls, .kb-compare__jump") == []
    with pytest.raises(ValueError, match="unknown criterion group 'nope'"):
        comparison_table(catalog, page(), group="nope")


def test_the_legend_lists_the_levels_in_use_linked_to_their_definitions(catalog: Catalog) -> None:
    used = {v.level for fw in catalog.frameworks.values() for v in fw.values.values() if v.level}
    legend = rendered(level_legend(catalog, page()))
    hrefs = [a["href"] for a in legend.select("a.kb-mark")]
    assert hrefs == [f"/about/conventions/#level-{level}" for level in LEVELS if level in used]
    assert [m.id for m in levels_used(catalog)] == [level for level in LEVELS if level in used]


def test_the_conventions_list_every_level_and_verdict_with_its_anchor(catalog: Catalog) -> None:
    conventions = page("Conventions")
    levels = rendered(level_legend(catalog, conventions, "levels"))
    verdicts = rendered(level_legend(catalog, conventions, "verdicts"))
    assert [dt["id"] for dt in levels.select("dt")] == [f"level-{lv}" for lv in Level.__args__]  # type: ignore[attr-defined]
    assert [dt["id"] for dt in verdicts.select("dt")] == [f"verdict-{v}" for v in Verdict.__args__]  # type: ignore[attr-defined]
    assert all(text(dd) for dd in levels.select("dd") + verdicts.select("dd"))
    with pytest.raises(ValueError, match="use one of used, levels, verdicts"):
        level_legend(catalog, conventions, "colours")
