"""/loadtest/ as built, and the pages citing it: the real site, then the same with four frameworks.

The run compares two frameworks whatever the site holds, so with more framework files the page
must show the same run, and every "Measured here" line must still point at its figure.
"""

from __future__ import annotations

from bs4 import Tag

import json
from functools import cache
from pathlib import Path

from macros import links
from macros.catalog import Catalog
from macros.measurement import ratio_text
from macros.render.charts import number
from tests.conftest import Built
from tests.helpers import soup, text

CONTENT = "md-content__inner"


@cache
def _page(site: Path, path: str) -> Tag:
    return soup((site / path / "index.html").read_text(encoding="utf-8"))


def article(site: Path, path: str) -> Tag:
    return _page(site, path).find("article", CONTENT)


def test_the_page_is_in_the_navigation_and_linked_from_home(built: Built) -> None:
    nav = [(text(a), a["href"]) for a in _page(built.site, "").select_one("nav.md-nav--primary").find_all("a", href=True)]
    assert ("Measured here", "loadtest/") in nav
    assert "loadtest/" in [a["href"] for a in article(built.site, "").select("a")]


def test_every_chart_is_a_named_image_with_a_text_alternative(built: Built) -> None:
    view = built.catalog.latest_run
    svgs = article(built.site, "loadtest").select("svg.kb-chart")
    panels = len(view.ratios(view.run.endpoints[0].id))
    assert len(svgs) == len(view.run.endpoints) + panels
    for svg in svgs:
        title, desc = svg["aria-labelledby"], svg["aria-describedby"]
        assert svg["role"] == "img"
        assert text(svg.select_one(f'title[id="{title}"]')) and "logarithmic scale" in text(svg.select_one(f'desc[id="{desc}"]'))
    assert not article(built.site, "loadtest").find_all(style=True)


def test_the_page_shows_the_latest_run_and_its_figures(built: Built) -> None:
    catalog: Catalog = built.catalog
    view = catalog.latest_run
    page = article(built.site, "loadtest")
    source = catalog.sources[catalog.run_sources[view.id]]
    assert text(page.select_one("p.kb-lt__run").select_one("a.kb-ref")) == f"[{source.number}]"
    tables = page.select("table.kb-lt__table--rps")
    for e, table in zip(view.run.endpoints, tables, strict=True):
        assert e.path in text(page.find("h3", id=links.rps_anchor(e.id)))
        for r in view.ratios(e.id):
            assert ratio_text(r.value) in text(page.find("td", id=links.ratio_anchor(e.id, r.over.id, r.under.id)))
        for s, row in zip(view.series(e.id), table.select_one("tbody").select("tr"), strict=True):
            assert [text(td).removesuffix(" noisy") for td in row.select("td")] == [number(p.cell.rps.median) for p in s.points]
    assert "make loadtest" in text(page)


def test_measured_lines_link_to_figures_that_exist(built: Built) -> None:
    """Assert each "Measured here" figure on /compare/ and /faq/ leads to a cell of the page's ratio table."""
    ids = {n["id"] for n in article(built.site, "loadtest").select("[id]")}
    catalog = built.catalog
    boxes = {path: article(built.site, path).select("div.kb-measured") for path in ("compare", "faq")}
    assert len(boxes["compare"]) == sum(1 for c in catalog.criteria.values() if c.measured)
    assert len(boxes["faq"]) == sum(1 for e in catalog.faq.values() if e.measured)
    for box in boxes["compare"] + boxes["faq"]:
        figures = [a["href"] for a in box.select("a") if text(a).startswith("×")]
        assert figures
        for href in figures:
            path, fragment = href.split("#")
            assert path == "/loadtest/" and fragment in ids, href


def test_the_run_source_links_back_to_the_page_and_the_entries_citing_it(built: Built) -> None:
    catalog = built.catalog
    sid = catalog.run_sources[catalog.latest_run.id]
    entry = article(built.site, "sources").find("li", id=f"src-{sid}")
    targets = [a["href"] for a in entry.select_one("ul.kb-related").select("a")]
    assert "/" + links.run(catalog.latest_run.id) in targets
    assert {f"/compare/#{c.id}" for c in catalog.criteria.values() if c.measured} <= set(targets)
    assert {f"/faq/#{e.id}" for e in catalog.faq.values() if e.measured} <= set(targets)


def test_the_export_publishes_every_run(built: Built) -> None:
    exported = json.loads((built.site / "data" / "v1" / "loadtest.json").read_text(encoding="utf-8"))
    assert [r["id"] for r in exported["loadtest"]] == list(built.catalog.runs)
