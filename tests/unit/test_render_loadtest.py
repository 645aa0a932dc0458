"""The load test page, its charts and the "Measured here" lines, rendered from the minimal and the real data."""

from __future__ import annotations

import math
import re

import pytest
from bs4 import Tag

from macros import links
from macros.catalog import Catalog
from macros.links import Linker
from macros.measurement import RATIO_CONNECTIONS, RunView, newest_first, ratio_text
from macros.pages import renderer
from macros.render import Page, plain
from macros.render.charts import LogScale, number, ratio_domain, ratio_panel, rps_chart, spread_labels
from macros.render.compare import comparison_table
from macros.render.faq import faq
from macros.render.loadtest import loadtest_charts, loadtest_method, loadtest_ratios, loadtest_runs, loadtest_summary
from tests.helpers import rendered, text

BASE = "/flask-vs-express/"


def page(title: str = "Measured here") -> Page:
    return Page(title=title, linker=Linker(BASE, "https://github.com/o/r"))


@pytest.fixture(scope="module")
def view(catalog: Catalog) -> RunView:
    return catalog.latest_run


@pytest.fixture(scope="module")
def charts(catalog: Catalog) -> Tag:
    return rendered(loadtest_charts(catalog, page()))


@pytest.fixture(scope="module")
def ratios(catalog: Catalog) -> Tag:
    return rendered(loadtest_ratios(catalog, page()))


def test_the_macros_are_registered() -> None:
    for macro in (loadtest_summary, loadtest_method, loadtest_ratios, loadtest_charts, loadtest_runs):
        assert renderer(macro.__name__) is macro


# --- the scales and the chart shapes -----------------------------------------------------------------


def test_a_log_scale_widens_to_ticks_at_one_two_and_five() -> None:
    scale = LogScale(19.0, 4770.0, 200, 0)
    assert scale.values == [10, 20, 50, 100, 200, 500, 1000, 2000, 5000]
    assert (scale(10), scale(5000)) == (200, 0)
    assert scale(100) == pytest.approx(200 - 200 * math.log10(10) / math.log10(500), abs=0.1)


def test_line_labels_keep_their_distance_and_stay_in_the_plot() -> None:
    placed = spread_labels([50.0, 52.0, 51.0, 190.0], top=10, bottom=196)
    assert sorted(placed)[1] - sorted(placed)[0] >= 13 and sorted(placed)[2] - sorted(placed)[1] >= 13
    assert placed[3] == 190.0
    assert spread_labels([195.0, 196.0], top=10, bottom=196) == [183.0, 196.0]


def test_the_rps_chart_draws_every_cell_where_its_median_is(view: RunView) -> None:
    endpoint = view.run.endpoints[0]
    series = view.series(endpoint.id)
    chart = rps_chart("c", "t", series, list(view.run.method.connections))
    assert [line.label for line in chart.lines] == [a.id for a in view.compared]
    assert [t.label for t in chart.x_ticks] == [str(n) for n in view.run.method.connections]
    assert (chart.x_title, chart.y_title) == ("concurrent connections", "requests per second (log scale)")
    for s, line in zip(series, chart.lines):
        assert [m.noisy for m in line.markers] == [p.cell.noisy for p in s.points]
        for p, m in zip(s.points, line.markers):
            assert chart.plot.top <= m.high <= m.y <= m.low <= chart.plot.bottom  # the fastest run is highest
            assert f"{number(p.cell.rps.median)} at {p.connections}" in chart.desc
    medians = [(p.cell.rps.median, m.y) for s, line in zip(series, chart.lines) for p, m in zip(s.points, line.markers)]
    assert [y for _, y in sorted(medians, reverse=True)] == sorted(y for _, y in medians)  # more requests, higher up


def test_the_ratio_panel_has_a_bar_per_endpoint_from_one(view: RunView) -> None:
    ratios = [view.ratios(e.id)[0] for e in view.run.endpoints]
    panel = ratio_panel("p", "over ÷ under", ratios, ratio_domain(ratios))
    assert [b.label for b in panel.bars] == [e.path for e in view.run.endpoints]
    assert [b.value for b in panel.bars] == [ratio_text(r.value) for r in ratios]
    for r, b in zip(ratios, panel.bars):
        assert b.start == panel.one and (b.end > b.start) == (r.value > 1) and b.noisy == r.noisy
    assert "×1" in [t.label for t in panel.x_ticks]


@pytest.mark.parametrize(("value", "text"), [(12.91, "×13"), (4.125, "×4.1"), (1.009, "×1.0"), (0.626, "×0.63")])
def test_ratios_carry_two_significant_figures(value: float, text: str) -> None:
    assert ratio_text(value) == text


# --- the SVG, as the page carries it ---------------------------------------------------------------------


def test_every_chart_is_an_image_named_by_its_title_and_described(charts: Tag, ratios: Tag, view: RunView) -> None:
    svgs = charts.select("svg") + ratios.select("svg")
    assert len(svgs) == len(view.run.endpoints) + len(view.ratios(view.run.endpoints[0].id))
    for svg in svgs:
        assert svg["role"] == "img" and "viewbox" in svg.attrs  # the parser lowercases attribute names
        title, desc = svg["aria-labelledby"], svg["aria-describedby"]
        assert text(svg.select_one(f'title[id="{title}"]')) and text(svg.select_one(f'desc[id="{desc}"]'))


def test_charts_use_classes_for_colour_never_inline_styles(charts: Tag, ratios: Tag) -> None:
    for tree in (charts, ratios):
        assert not tree.find_all(style=True), "colours come from site.css, which follows the palette"
        assert {c for n in tree.select("g.kb-chart__series") for c in n.get("class", []) if c.startswith("kb-chart__series--")}


def test_each_endpoint_has_a_chart_and_a_table_with_the_same_medians(charts: Tag, view: RunView) -> None:
    for e in view.run.endpoints:
        heading = charts.find("h3", id=links.rps_anchor(e.id))
        assert e.path in text(heading) and e.what in text(heading)
        table = next(t for t in charts.select("table.kb-lt__table--rps") if e.path in text(t.select_one("caption")))
        rows = table.select_one("tbody").select("tr")
        for s, row in zip(view.series(e.id), rows):
            assert text(row.select_one("th")) == s.app.id
            expected = [number(p.cell.rps.median) + (" noisy" if p.cell.noisy else "") for p in s.points]
            assert [text(td) for td in row.select("td")] == expected
        svg = charts.find("svg", **{"aria-labelledby": f"kb-rps-{e.id}-title"})
        assert [text(t) for t in svg.select("text.kb-chart__label")] == [s.app.id for s in view.series(e.id)]


def test_the_ratio_table_holds_every_ratio_at_its_anchor(ratios: Tag, view: RunView, catalog: Catalog) -> None:
    first, second = (catalog.frameworks[f].name for f in view.frameworks)
    assert text(ratios.find("h2", id="ratios")).startswith(f"{second} ÷ {first} at {RATIO_CONNECTIONS} connections")
    for e in view.run.endpoints:
        for r in view.ratios(e.id):
            cell = ratios.find("td", id=links.ratio_anchor(e.id, r.over.id, r.under.id))
            assert text(cell) == f"{r.over.id} ÷ {r.under.id} {ratio_text(r.value)}" + (" noisy" if r.noisy else "")
            a = view.cells[(r.over.id, e.id, RATIO_CONNECTIONS)].rps.median
            b = view.cells[(r.under.id, e.id, RATIO_CONNECTIONS)].rps.median
            assert r.value == a / b


def test_the_method_is_read_from_the_results_file(catalog: Catalog, view: RunView) -> None:
    out = text(rendered(loadtest_method(catalog, page())))
    run = view.run
    for said in (run.machine.cpu, run.machine.os, run.method.load_generator, run.method.worker_rule, run.method.cpu_placement,
                 run.method.database, *(f"{name} {version}" for name, version in run.versions.packages.items())):
        assert said in out
    assert f"{run.machine.cores} cores" in out
    assert f"{run.method.repetitions} repetitions of {run.method.duration_seconds} s" in out
    for app in run.apps:
        assert app.id in out and app.configuration in out
    for e in run.endpoints:
        assert f"{e.path}: {e.what}" in out


def test_the_summary_and_the_runs_cite_each_run_as_a_source(catalog: Catalog, view: RunView) -> None:
    summary = rendered(loadtest_summary(catalog, page()))
    source = catalog.sources[catalog.run_sources[view.id]]
    assert text(summary.select_one("a.kb-ref")) == f"[{source.number}]"
    assert source.url in [a["href"] for a in summary.select("a")]
    listed = rendered(loadtest_runs(catalog, page())).select("li")
    assert [li["id"] for li in listed] == [links.run_anchor(r) for r in newest_first(catalog.runs)]


# --- "Measured here", in the comparison and the FAQ ----------------------------------------------------


def measured_lines(html: str) -> dict[str, Tag]:
    """Entry id -> its "Measured here" box, from the comparison table or the FAQ."""
    out = rendered(html)
    boxes = {}
    for box in out.select("div.kb-measured"):
        entry = next(a for a in box.parents if a.get("data-kb-criterion") or a.get("data-kb-entry"))
        boxes[entry.get("data-kb-entry") or entry["data-kb-criterion"]] = box
    return boxes


def test_measured_lines_show_the_latest_ratios_linked_to_their_cells(catalog: Catalog, view: RunView) -> None:
    boxes = measured_lines(comparison_table(catalog, page("Compare"))) | measured_lines(faq(catalog, page("FAQ")))
    entries = {c.id: c.measured for c in catalog.criteria.values() if c.measured} | {e.id: e.measured for e in catalog.faq.values() if e.measured}
    assert set(boxes) == set(entries)
    source = catalog.sources[catalog.run_sources[view.id]]
    for entry_id, measured in entries.items():
        box = boxes[entry_id]
        assert text(box.select_one("a.kb-ref")) == f"[{source.number}]"
        assert f"at {RATIO_CONNECTIONS} connections" in text(box)
        assert [text(dt) for dt in box.select("dt")] == [view.endpoints[e].path for e in measured.endpoints]
        figures = [(a["href"], text(a)) for a in box.select("a") if text(a).startswith("×")]
        assert figures == [(BASE + links.ratio(e, r.over.id, r.under.id), ratio_text(r.value))
                           for e in measured.endpoints for r in view.ratios(e)]
        assert text(box.select_one("p.kb-measured__shows")) == plain(measured.shows)


def test_no_figure_in_a_measured_line_is_typed_in_the_data(catalog: Catalog) -> None:
    for entry in [*catalog.criteria.values(), *catalog.faq.values()]:
        if entry.measured:
            assert not re.search(r"\d", entry.measured.shows)
