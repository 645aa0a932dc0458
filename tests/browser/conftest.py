"""Browser fixtures: Playwright driving Chromium against the built site on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Playwright, sync_playwright

from tests.browser.find_chromium import CHROMIUM_ARGS, INSTALL_HINT, chromium_path, playwright_has_own_browser
from tests.helpers import SiteServer


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in item.nodeid:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    path = chromium_path()
    if path is None and not playwright_has_own_browser():
        pytest.fail(f"No Chromium found for the browser tests: {INSTALL_HINT}.", pytrace=False)
    browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
    yield browser
    browser.close()


@pytest.fixture
def site_url(built_site: Path, site_server: SiteServer) -> str:
    """Root URL of the built, served site."""
    return site_server.url


def wait_until_ready(page: Page) -> None:
    """Wait until the site's script has mounted every component on the page (overrides/partials/site.js)."""
    page.locator("html[data-kb-ready]").wait_for(state="attached")


@pytest.fixture
def page(browser: Browser, site_url: str) -> Iterator[Page]:
    """A fresh page (1280×800) that fails the test on any console error, page error or off-site request."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    problems: list[str] = []

    def on_console(msg: ConsoleMessage) -> None:
        if msg.type == "error":
            problems.append(f"console error: {msg.text}")

    page.on("console", on_console)
    page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    page.on("request", lambda req: None if req.url.startswith((site_url, "data:", "blob:")) else problems.append(f"off-site request: {req.url}"))
    yield page
    context.close()
    assert not problems, "\n".join(problems)
