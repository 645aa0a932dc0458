"""/loadtest/: the latest run of `make loadtest`, as data/loadtest/<date>.yaml records it.

How it was measured (machine, versions, method and worker rule, the configurations and the
endpoints), the second framework's configurations divided by the first's at RATIO_CONNECTIONS,
requests per second by number of connections for each endpoint, and every run. Every chart is
SVG drawn here at build time (render/charts.py, templates/_charts.html), next to a table with
the same numbers. Nothing on the page is typed from a results file: a new run redraws it.
"""

from __future__ import annotations

from ..catalog import Catalog
from ..measurement import RunView, newest_first
from . import Page, render
from .charts import number, ratio_domain, ratio_panel, rps_chart
from .marks import shared


def _context(catalog: Catalog) -> dict[str, object]:
    view = catalog.latest_run
    first, second = (catalog.frameworks[f].name for f in view.frameworks)
    return {"view": view, "run": view.run, "first": first, "second": second, "number": number, **shared(catalog)}


def loadtest_summary(catalog: Catalog, page: Page) -> str:
    """Which run the page shows, its source and its results file."""
    return render("loadtest-summary.html", catalog, page, **_context(catalog))


def loadtest_method(catalog: Catalog, page: Page) -> str:
    """The machine, the versions, the method and the worker rule, the configurations and the endpoints."""
    return render("loadtest-method.html", catalog, page, **_context(catalog))


def loadtest_ratios(catalog: Catalog, page: Page) -> str:
    """Each configuration of one framework over each of the other's, per endpoint: a panel per pair, and a table."""
    view = catalog.latest_run
    ratios = {e.id: view.ratios(e.id) for e in view.run.endpoints}
    domain = ratio_domain([r for rs in ratios.values() for r in rs])
    pairs = [(r.over, r.under) for r in next(iter(ratios.values()))]
    styles = {a.id: i + 1 for i, a in enumerate(view.compared)}
    panels = [(ratio_panel(f"kb-ratio-{over.id}-{under.id}", f"{over.id} ÷ {under.id}",
                           [rs[n] for rs in ratios.values()], domain), styles[over.id])
              for n, (over, under) in enumerate(pairs)]
    return render("loadtest-ratios.html", catalog, page, ratios=ratios, pairs=pairs, panels=panels, **_context(catalog))


def loadtest_charts(catalog: Catalog, page: Page) -> str:
    """For each endpoint: requests per second by number of connections, as a chart and a table."""
    view: RunView = catalog.latest_run
    levels = list(view.run.method.connections)
    charts = []
    for e in view.run.endpoints:
        series = view.series(e.id)
        chart = rps_chart(f"kb-rps-{e.id}", f"Requests per second on {e.path} by number of connections", series, levels)
        charts.append((e, series, chart))
    medians = {e.id: [p.cell.rps.median for s in series for p in s.points] for e, series, _ in charts}
    widest = max(view.run.endpoints, key=lambda e: max(medians[e.id]) / min(medians[e.id]))
    return render("loadtest-charts.html", catalog, page, charts=charts, connections=levels,
                  low=min(map(min, medians.values())), high=max(map(max, medians.values())),
                  widest=widest, factor=max(medians[widest.id]) / min(medians[widest.id]), **_context(catalog))


def loadtest_runs(catalog: Catalog, page: Page) -> str:
    """Every run, newest first, each with its source and its results file."""
    runs = [(run_id, catalog.runs[run_id]) for run_id in newest_first(catalog.runs)]
    return render("loadtest-runs.html", catalog, page, runs=runs, **_context(catalog))
