"""/loadtest/ in Chromium: every chart is an image a screen reader can name, legible in both palettes;
the page fits a 320 px and a 360 px screen; its tables read as labelled rows on a phone."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from playwright.sync_api import Browser, Page, expect

from macros.catalog import Catalog, load_catalog
from tests.browser.test_accessibility import PALETTES
from tests.helpers import ROOT

# Graphical objects need 3:1 against what surrounds them, text 4.5:1 (WCAG 1.4.11 and 1.4.3).
LINE_CONTRAST, TEXT_CONTRAST = 3.0, 4.5

# Every chart's line, marker and label colour, and the colour of its text, as the browser paints them.
_COLOURS_JS = """(svg) => {
  const paint = (el, prop) => getComputedStyle(el)[prop];
  return {
    lines: [...svg.querySelectorAll(".kb-chart__line, .kb-chart__bar")].map((el) => paint(el, "stroke")),
    labels: [...svg.querySelectorAll(".kb-chart__label, .kb-chart__axis text, .kb-chart__value")].map((el) => paint(el, "fill")),
  };
}"""


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(ROOT)


@contextmanager
def loadtest(browser: Browser, site_url: str, width: int, palette: str = "light") -> Iterator[Page]:
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=PALETTES[palette][0])  # type: ignore[arg-type]
    page = context.new_page()
    try:
        page.goto(site_url + "loadtest/")
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", PALETTES[palette][1])
        expect(page.locator("svg.kb-chart").first).to_be_visible()
        yield page
    finally:
        context.close()


def _rgba(css: str) -> tuple[float, float, float, float]:
    values = [float(n) for n in re.findall(r"[\d.]+", css)]
    return values[0], values[1], values[2], values[3] if len(values) > 3 else 1.0


def _luminance(rgb: tuple[float, float, float]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(colour: str, ground: str) -> float:
    """WCAG contrast of a colour (its alpha blended over the ground) against the ground."""
    *fg, alpha = _rgba(colour)
    bg = _rgba(ground)[:3]
    blended = tuple(alpha * f + (1 - alpha) * b for f, b in zip(fg, bg))
    lighter, darker = sorted((_luminance(blended), _luminance(bg)), reverse=True)  # type: ignore[arg-type]
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("palette", PALETTES)
def test_every_chart_is_an_image_named_by_its_title(browser: Browser, site_url: str, catalog: Catalog, palette: str) -> None:
    """Assert each chart is visible and exposed as an image whose accessible name is its title, in both palettes."""
    view = catalog.latest_run
    with loadtest(browser, site_url, 1280, palette) as page:
        for e in view.run.endpoints:
            chart = page.get_by_role("img", name=f"Requests per second on {e.path} by number of connections", exact=True)
            expect(chart).to_be_visible()
            expect(chart).to_have_accessible_description(re.compile(r"^Median requests per second .*logarithmic scale"))
        for r in view.ratios(view.run.endpoints[0].id):
            expect(page.get_by_role("img", name=f"{r.over.id} ÷ {r.under.id}", exact=True)).to_be_visible()


@pytest.mark.parametrize("palette", PALETTES)
def test_lines_and_labels_stand_out_from_the_page_in_both_palettes(browser: Browser, site_url: str, palette: str) -> None:
    """Assert every line and bar reaches 3:1 against the page and every chart text 4.5:1, and the lines differ in colour."""
    with loadtest(browser, site_url, 1280, palette) as page:
        ground = page.evaluate("getComputedStyle(document.body).backgroundColor")
        charts = page.locator("svg.kb-chart")
        for i in range(charts.count()):
            colours = charts.nth(i).evaluate(_COLOURS_JS)
            assert all(contrast(c, ground) >= LINE_CONTRAST for c in colours["lines"]), (palette, i, colours["lines"])
            assert all(contrast(c, ground) >= TEXT_CONTRAST for c in colours["labels"]), (palette, i, colours["labels"])
        first = page.locator("svg.kb-chart").filter(has=page.locator(".kb-chart__line")).first.evaluate(_COLOURS_JS)
        assert len(set(first["lines"])) == len(first["lines"]), "each configuration has its own colour (and shape and dashes)"


@pytest.mark.parametrize("width", [320, 360])
def test_the_page_fits_a_phone_without_sideways_scrolling(browser: Browser, site_url: str, width: int) -> None:
    """Assert nothing on the page, the charts and tables included, is wider than a 320 or 360 px screen."""
    with loadtest(browser, site_url, width) as page:
        for details in page.locator("details.kb-lt__details").all():
            details.locator("summary").click()
            expect(details).to_have_attribute("open", "")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        for chart in page.locator("svg.kb-chart").all():
            box = chart.bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width


def test_on_a_phone_the_ratio_table_reads_as_labelled_rows(browser: Browser, site_url: str, catalog: Catalog) -> None:
    """Assert that at 360 px each ratio carries its pair's name, as the column header does on a wide screen."""
    view = catalog.latest_run
    endpoint = view.run.endpoints[0]
    ratio = view.ratios(endpoint.id)[0]
    with loadtest(browser, site_url, 360) as page:
        table = page.locator(".kb-lt__table--ratios")
        expect(table.locator("thead")).to_be_hidden()
        cell = table.locator(f"[id='ratio-{endpoint.id}-{ratio.over.id}-{ratio.under.id}']")
        expect(cell.locator(".kb-lt__label")).to_have_text(f"{ratio.over.id} ÷ {ratio.under.id}")
        box = cell.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 360, "the row fits the screen"
    with loadtest(browser, site_url, 1280) as page:
        expect(page.locator(".kb-lt__table--ratios thead")).to_be_visible()
        expect(page.locator(".kb-lt__table--ratios .kb-lt__label").first).to_be_hidden()


def test_a_measured_figure_leads_to_its_cell(browser: Browser, site_url: str, catalog: Catalog) -> None:
    """Assert a figure of a "Measured here" line on /compare/ opens /loadtest/ at its ratio, shown and highlighted."""
    criterion = next(c for c in catalog.criteria.values() if c.measured)
    with loadtest(browser, site_url, 1280) as page:
        page.goto(site_url + f"compare/#{criterion.id}")
        row = page.locator(f".kb-compare__row[data-kb-criterion='{criterion.id}']")
        expect(row.locator("details.kb-compare__more")).to_have_attribute("open", "")  # a link to a row opens its details
        figure = row.locator(".kb-measured a").filter(has_text=re.compile("^×")).first
        target, shown = figure.evaluate("a => a.href"), figure.inner_text()
        assert target.startswith(site_url + "loadtest/#ratio-")
        figure.click()
        page.wait_for_url(target)
        cell = page.locator(f"[id='{target.split('#')[1]}']")
        expect(cell).to_be_in_viewport()
        expect(cell).to_contain_text(shown)
        assert cell.evaluate("el => el.matches(':target')"), "the cell is the page's target, which site.css highlights"
