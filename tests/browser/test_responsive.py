"""The pages on a 360 px phone, in the dark palette, and with JavaScript switched off."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from macros.catalog import Catalog, load_catalog
from tests.helpers import ROOT

PAGES = ["", "compare/", "frameworks/", "frameworks/flask/", "frameworks/express/", "faq/", "loadtest/", "scenarios/", "sources/",
         "about/", "about/conventions/", "decide/"]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(ROOT)


@contextmanager
def browse(browser: Browser, **options: Any) -> Iterator[Page]:
    """A page in a fresh context with the given options; fails on page errors and console errors."""
    context = browser.new_context(**options)
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    page.on("console", lambda msg: problems.append(f"console error: {msg.text}") if msg.type == "error" else None)
    try:
        yield page
    finally:
        context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("width", [320, 360])
@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "home")
def test_a_phone_never_scrolls_sideways(browser: Browser, site_url: str, path: str, width: int) -> None:
    with browse(browser, viewport={"width": width, "height": 740}) as page:
        page.goto(site_url + path)
        page.wait_for_load_state("load")
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", re.compile("."))
        scrolled = page.evaluate("document.documentElement.scrollWidth")
        assert scrolled <= width, f"/{path} is {scrolled} px wide on a {width} px screen"


def test_on_a_phone_the_table_turns_into_labelled_cards(browser: Browser, site_url: str, catalog: Catalog) -> None:
    with browse(browser, viewport={"width": 360, "height": 740}) as page:
        page.goto(site_url + "compare/")
        expect(page.locator(".kb-compare__head").first).to_be_hidden()
        first = next(iter(catalog.criteria))
        labels = page.locator(f"[data-kb-criterion='{first}'] > table .kb-compare__fw")
        expect(labels).to_have_text([fw.name for fw in catalog.frameworks.values()])
        cell = page.locator(f"[data-kb-criterion='{first}'] .kb-compare__cell").first.bounding_box()
        assert cell is not None and cell["width"] > 250, "each framework's answer takes the card's full width"
        page.locator(f"[data-kb-criterion='{first}'] summary").click()
        why = page.locator(f"[data-kb-criterion='{first}'] .kb-compare__why .kb-compare__cell").first
        expect(why).to_be_visible()
        box = why.bounding_box()
        assert box is not None and box["width"] > 250, "the explanations, too, take the card's full width"


def _luminance(css_colour: str) -> float:
    """Rough brightness, 0 to 1, of an rgb()/rgba() colour (alpha ignored)."""
    r, g, b = (float(n) for n in re.findall(r"[\d.]+", css_colour)[:3])
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255


@pytest.mark.parametrize("path", ["compare/", "faq/", "frameworks/flask/"])
def test_the_dark_palette_renders_light_text_on_dark_ground(browser: Browser, site_url: str, path: str) -> None:
    with browse(browser, viewport={"width": 1280, "height": 800}, color_scheme="dark") as page:
        page.goto(site_url + path)
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
        colours = page.evaluate("""() => {
            const style = (sel) => getComputedStyle(document.querySelector(sel));
            return {
              ground: getComputedStyle(document.body).backgroundColor,
              text: style(".md-typeset .kb-meta, .md-typeset p").color,
              label: style(".kb-mark__label").color,
              panel: style(".kb-claim, .kb-facts").backgroundColor,
            };
        }""")
        assert _luminance(colours["ground"]) < 0.25, colours
        assert _luminance(colours["text"]) > 0.5 and _luminance(colours["label"]) > 0.5, colours
        assert _luminance(colours["panel"]) < 0.3, colours


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "home")
def test_without_javascript_every_page_shows_its_content(browser: Browser, site_url: str, path: str) -> None:
    with browse(browser, viewport={"width": 1280, "height": 800}, java_script_enabled=False) as page:
        page.goto(site_url + path)
        article = page.locator("article.md-content__inner")
        expect(article.locator("h1")).to_be_visible()
        assert len(article.inner_text()) > 600, f"/{path} shows almost nothing without JavaScript"
        assert page.locator("[data-kb-component] [hidden]:visible").count() == 0


def test_without_javascript_every_row_question_and_scenario_is_visible(browser: Browser, site_url: str, catalog: Catalog) -> None:
    with browse(browser, viewport={"width": 1280, "height": 800}, java_script_enabled=False) as page:
        page.goto(site_url + "compare/")
        expect(page.locator(".kb-compare__controls")).to_be_hidden()
        expect(page.locator(".kb-compare__row:visible")).to_have_count(len(catalog.criteria))
        page.goto(site_url + "faq/")
        expect(page.locator(".kb-faq__filter")).to_be_hidden()
        expect(page.locator(".kb-faq__entry:visible")).to_have_count(len(catalog.faq))
        page.goto(site_url + "scenarios/")
        expect(page.locator(".kb-scenario:visible")).to_have_count(len(catalog.scenarios))
        page.goto(site_url + "sources/")
        expect(page.locator(".kb-source:visible")).to_have_count(len(catalog.sources))
