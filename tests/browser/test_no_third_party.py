"""Every page type loads from 127.0.0.1 alone and logs no console error.

The `page` fixture fails a test on any request that leaves the site's server, any
console error and any uncaught page error; these tests load each page type, wait
until the network is idle (the search index and worker included) and use the search.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, Request

from tests.browser.page_types import PageType, page_types
from tests.browser.search import open_search, search

PAGES = page_types()


@pytest.mark.parametrize("page_type", PAGES, ids=[p.name for p in PAGES])
def test_page_makes_no_third_party_request_and_no_console_error(page: Page, site_url: str, page_type: PageType) -> None:
    """Assert the page loads every resource from the site itself and logs no error (the fixture checks at teardown)."""
    requests: list[Request] = []
    page.on("request", lambda request: requests.append(request))
    page.goto(site_url + page_type.path)
    page.locator(page_type.ready).first.wait_for(state="visible")
    page.wait_for_load_state("networkidle")
    assert any(r.url.endswith("search/search_index.json") for r in requests), "the search index was not fetched: is search working?"
    assert all(r.url.startswith(site_url) for r in requests)


def test_searching_stays_on_the_site(page: Page, site_url: str) -> None:
    """Assert a search query shows results without any request leaving the site."""
    page.goto(site_url)
    open_search(page)
    assert search(page, site_url, "flask"), "the search shows results"
    page.wait_for_load_state("networkidle")
