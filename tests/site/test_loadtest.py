"""/loadtest/ as built, and the pages citing it: the real site, then the same with four frameworks.

The run compares two frameworks whatever the site holds, so with more framework files the page
must show the same run, and every "Measured here" line must still point at its figure.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from macros import links
from macros.catalog import Catalog
from macros.measurement import ratio_text
from macros.render.charts import number
from tests.conftest import Built
from tests.dom import Node, parse

CONTENT = "md-content__inner"


@cache
def _page(site: Path, path: str) -> Node:
    return parse((site / path / "index.html").read_text(encoding="utf-8"))


def article(site: Path, path: str) -> Node:
    return _page(site, path).find("article", CONTENT)


def test_the_page_is_in_the_navigation_and_linked_from_home(built: Built) -> None:
    nav = [(a.text(), a.attrs["href"]) for a in _page(built.site, "").find("nav", "md-nav--primary").find_all("a", href=True)]
    assert ("Measured here", "loadtest/") in nav
    assert "loadtest/" in [a.attrs["href"] for a in article(built.site, "").find_all("a")]


def test_every_chart_is_a_named_image_with_a_text_alternative(built: Built) -> None:
    view = built.catalog.latest_run
    svgs = article(built.site, "loadtest").find_all("svg", "kb-chart")
    panels = len(view.ratios(view.run.endpoints[0].id))
    assert len(svgs) == len(view.run.endpoints) + panels
    for svg in svgs:
        title, desc = svg.attrs["aria-labelledby"], svg.attrs["aria-describedby"]
        assert svg.attrs["role"] == "img"
        assert svg.find("title", id=title).text() and "logarithmic scale" in svg.find("desc", id=desc).text()
    assert not article(built.site, "loadtest").find_all(style=True)


def test_the_page_shows_the_latest_run_and_its_figures(built: Built) -> None:
    catalog: Catalog = built.catalog
    view = catalog.latest_run
    page = article(built.site, "loadtest")
    source = catalog.sources[catalog.run_sources[view.id]]
    assert page.find("p", "kb-lt__run").find("a", "kb-ref").text() == f"[{source.number}]"
    tables = page.find_all("table", "kb-lt__table--rps")
    for e, table in zip(view.run.endpoints, tables, strict=True):
        assert e.path in page.find("h3", id=links.rps_anchor(e.id)).text()
        for r in view.ratios(e.id):
            assert ratio_text(r.value) in page.find("td", id=links.ratio_anchor(e.id, r.over.id, r.under.id)).text()
        for s, row in zip(view.series(e.id), table.find("tbody").find_all("tr"), strict=True):
            assert [td.text().removesuffix(" noisy") for td in row.find_all("td")] == [number(p.cell.rps.median) for p in s.points]
    assert "make loadtest" in page.text()


def test_measured_lines_link_to_figures_that_exist(built: Built) -> None:
    """Assert each "Measured here" figure on /compare/ and /faq/ leads to a cell of the page's ratio table."""
    ids = {n.attrs["id"] for n in article(built.site, "loadtest").iter() if "id" in n.attrs}
    catalog = built.catalog
    boxes = {path: article(built.site, path).find_all("div", "kb-measured") for path in ("compare", "faq")}
    assert len(boxes["compare"]) == sum(1 for c in catalog.criteria.values() if c.measured)
    assert len(boxes["faq"]) == sum(1 for e in catalog.faq.values() if e.measured)
    for box in boxes["compare"] + boxes["faq"]:
        figures = [a.attrs["href"] for a in box.find_all("a") if a.text().startswith("×")]
        assert figures
        for href in figures:
            path, fragment = href.split("#")
            assert path == "/loadtest/" and fragment in ids, href


def test_the_run_source_links_back_to_the_page_and_the_entries_citing_it(built: Built) -> None:
    catalog = built.catalog
    sid = catalog.run_sources[catalog.latest_run.id]
    entry = article(built.site, "sources").find("li", id=f"src-{sid}")
    targets = [a.attrs["href"] for a in entry.find("ul", "kb-related").find_all("a")]
    assert "/" + links.run(catalog.latest_run.id) in targets
    assert {f"/compare/#{c.id}" for c in catalog.criteria.values() if c.measured} <= set(targets)
    assert {f"/faq/#{e.id}" for e in catalog.faq.values() if e.measured} <= set(targets)


def test_the_export_publishes_every_run(built: Built) -> None:
    exported = json.loads((built.site / "data" / "v1" / "loadtest.json").read_text(encoding="utf-8"))
    assert [r["id"] for r in exported["loadtest"]] == list(built.catalog.runs)
