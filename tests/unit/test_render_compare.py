"""The comparison table and the marks' legend, rendered from the minimal and the real data."""

from __future__ import annotations

import pytest

from macros.catalog import Catalog
from macros.links import Linker
from macros.model import Level, Verdict
from macros.pages import renderer
from macros.render import Page, plain
from macros.render.compare import comparison_table, level_legend, levels_used
from macros.render.marks import LEVELS, VERDICTS, numbers
from tests.dom import Node, from_markdown

REPO = "https://github.com/o/r"


def page(title: str = "Compare") -> Page:
    return Page(title=title, linker=Linker("/", REPO))


@pytest.fixture(scope="module")
def table(catalog: Catalog) -> Node:
    return from_markdown(comparison_table(catalog, page()))


def test_the_macros_are_registered() -> None:
    assert renderer("comparison_table") is comparison_table
    assert renderer("level_legend") is level_legend


def test_one_column_per_framework_in_every_group(catalog: Catalog, table: Node) -> None:
    names = [fw.name for fw in catalog.frameworks.values()]
    tables = table.find_all("table", "kb-compare__table")
    assert len(tables) == len(catalog.groups)
    for t in tables:
        assert [th.text() for th in t.find("thead").find_all("th")] == ["Criterion"] + names
        for row in t.find_all("tbody", "kb-compare__row"):
            cells = row.find_all("td", "kb-compare__cell")
            assert [c.attrs["data-kb-framework"] for c in cells] == list(catalog.frameworks)


def test_every_criterion_is_a_row_with_its_anchor_under_its_group_heading(catalog: Catalog, table: Node) -> None:
    for group in catalog.groups.values():
        section = table.find("section", data_kb_group=group.id)
        assert section.find("h2").attrs["id"] == f"group-{group.id}"
        assert section.find("h2").text() == group.name
        rows = section.find_all("tbody", "kb-compare__row")
        assert [r.attrs["id"] for r in rows] == [c.id for c in catalog.criteria_in(group.id)]
        for row, criterion in zip(rows, catalog.criteria_in(group.id)):
            name = row.find("a", "kb-compare__name")
            assert (name.text(), name.attrs["href"]) == (criterion.name, f"/compare/#{criterion.id}")


def test_cells_show_level_verdict_explanation_sources_and_an_edit_link(catalog: Catalog, table: Node) -> None:
    number = numbers(catalog)
    for criterion in catalog.criteria.values():
        row = table.by_id(criterion.id)
        for fw, cell in zip(catalog.frameworks.values(), row.find_all("td", "kb-compare__cell")):
            value = fw.values[criterion.id]
            assert cell.find("p", "kb-compare__fw").text() == fw.name
            assert cell.find("p", "kb-compare__verdict").text() == plain(value.verdict)
            assert cell.find("div", "kb-compare__explanation").text() == plain(value.explanation)
            marks = cell.find_all("a", "kb-mark")
            if value.level:
                assert [m.attrs["href"] for m in marks] == [f"/about/conventions/#level-{value.level}"]
                assert marks[0].find("span", "kb-mark__glyph").attrs["aria-hidden"] == "true"
                assert marks[0].find("span", "kb-mark__label").text() == LEVELS[value.level].label
            else:
                assert marks == []
            refs = cell.find_all("a", "kb-ref")
            assert [(r.text(), r.attrs["href"]) for r in refs] == [(f"[{number[s]}]", f"/sources/#src-{s}") for s in value.sources]
            origin = catalog.origin("value", criterion.id, fw.id)
            assert cell.find("a", "kb-edit").attrs["href"] == f"{REPO}/blob/main/{origin.file}#L{origin.line}"


def test_rows_say_whether_the_frameworks_differ(catalog: Catalog, table: Node) -> None:
    for criterion in catalog.criteria.values():
        row = table.by_id(criterion.id)
        differs = catalog.differs(criterion.id)
        assert row.attrs["data-kb-differs"] == ("true" if differs else "false")
        assert bool(row.find_all("span", "kb-compare__same")) is not differs


def test_claims_show_what_the_article_says_what_is_true_and_the_verdict(catalog: Catalog, table: Node) -> None:
    for criterion in catalog.criteria.values():
        boxes = table.by_id(criterion.id).find_all("div", "kb-claim")
        assert len(boxes) == len(criterion.claims)
        for box, claim in zip(boxes, criterion.claims):
            says, truth = box.find_all("div", "kb-claim__part")
            assert says.text() == f"The article says [{numbers(catalog)[claim.source]}] {plain(claim.says)}"
            assert truth.text() == f"What is true {plain(claim.truth)}"
            mark = box.find("a", "kb-mark")
            assert mark.attrs["href"] == f"/about/conventions/#verdict-{claim.verdict}"
            assert VERDICTS[claim.verdict].label in mark.text()


def test_each_row_links_its_faq_entries_scenarios_and_edit_and_report(catalog: Catalog, table: Node) -> None:
    for criterion in catalog.criteria.values():
        more = table.by_id(criterion.id).find("tr", "kb-compare__more")
        hrefs = [a.attrs["href"] for ul in more.find_all("ul", "kb-related") for a in ul.find_all("a")]
        expected = [f"/faq/#{e.id}" for e in catalog.faq_about_criterion(criterion.id)]
        expected += [f"/scenarios/#{s.id}" for s in catalog.scenarios_citing(criterion.id)]
        assert hrefs == expected
        origin = catalog.origin("criterion", criterion.id)
        assert more.find("a", "kb-actions__edit").attrs["href"] == f"{REPO}/blob/main/{origin.file}#L{origin.line}"
        report = more.find("a", "kb-actions__report").attrs["href"]
        assert report.startswith(f"{REPO}/issues/new?") and "page=Compare" in report


def test_the_filter_controls_are_hidden_until_the_script_shows_them(catalog: Catalog, table: Node) -> None:
    controls = table.find("div", "kb-compare__controls")
    assert "hidden" in controls.attrs
    assert [o.attrs["value"] for o in controls.find_all("option")] == [""] + list(catalog.groups)
    assert table.find("div", "kb-compare").attrs["data-kb-component"] == "compare"


def test_one_group_alone_has_no_controls(catalog: Catalog) -> None:
    group = next(iter(catalog.groups))
    out = from_markdown(comparison_table(catalog, page(), group=group))
    assert [s.attrs["data-kb-group"] for s in out.find_all("section")] == [group]
    assert out.find_all("div", "kb-compare__controls") == []
    with pytest.raises(ValueError, match="unknown criterion group 'nope'"):
        comparison_table(catalog, page(), group="nope")


def test_the_legend_lists_the_levels_in_use_linked_to_their_definitions(catalog: Catalog) -> None:
    used = {v.level for fw in catalog.frameworks.values() for v in fw.values.values() if v.level}
    legend = from_markdown(level_legend(catalog, page()))
    hrefs = [a.attrs["href"] for a in legend.find_all("a", "kb-mark")]
    assert hrefs == [f"/about/conventions/#level-{level}" for level in LEVELS if level in used]
    assert [m.id for m in levels_used(catalog)] == [level for level in LEVELS if level in used]


def test_the_conventions_list_every_level_and_verdict_with_its_anchor(catalog: Catalog) -> None:
    conventions = page("Conventions")
    levels = from_markdown(level_legend(catalog, conventions, "levels"))
    verdicts = from_markdown(level_legend(catalog, conventions, "verdicts"))
    assert [dt.attrs["id"] for dt in levels.find_all("dt")] == [f"level-{lv}" for lv in Level.__args__]  # type: ignore[attr-defined]
    assert [dt.attrs["id"] for dt in verdicts.find_all("dt")] == [f"verdict-{v}" for v in Verdict.__args__]  # type: ignore[attr-defined]
    assert all(dd.text() for dd in levels.find_all("dd") + verdicts.find_all("dd"))
    with pytest.raises(ValueError, match="use one of used, levels, verdicts"):
        level_legend(catalog, conventions, "colours")
