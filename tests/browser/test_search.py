"""Material's real search, typed into the search box: the right entry is among the first three results.

Material lists results by page: the page's best section is shown, its other matching
sections fold under "more on this page". A result counts only if the reader sees it
without unfolding anything, and its rank is its place among the visible sections.
The search is literal (prefix match per word, no stemming), so readers' other words
are in each FAQ entry's visible "Also asked as" line; the FAQ page is boosted
(faq.md front matter) because it is where a question should land.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.helpers import SiteServer

# (what a reader types, the entries that answer it: site paths with their #fragment)
QUERIES = [
    ("flask websockets", ["faq/#flask-realtime"]),
    ("is express faster", ["faq/#is-express-faster"]),
    ("python ml api", ["faq/#flask-ml", "scenarios/#python-data-ml"]),
    ("express 5", ["faq/#express-5-changes"]),
    ("licence", ["faq/#licences"]),
    ("license", ["faq/#licences"]),
    ("commercial use", ["faq/#licences"]),
    ("typescript", ["faq/#typing"]),
    ("flask async await", ["faq/#flask-async"]),
    ("deploy flask production", ["faq/#hosting"]),
    ("pm2", ["faq/#hosting"]),
    ("migrate flask to express", ["faq/#migration"]),
    ("which is easier to learn", ["faq/#learning-curve"]),
    ("express rest api", ["faq/#api-development"]),
    ("socket.io", ["faq/#express-realtime", "faq/#flask-realtime"]),
    ("sqlalchemy", ["faq/#databases-orm"]),
    ("flask login", ["faq/#authentication"]),
    ("jwt", ["faq/#authentication"]),
    ("fastapi", ["faq/#faster-alternatives"]),
    ("mvp", ["faq/#flask-prototyping", "scenarios/#quick-prototype"]),
    ("flask vs express", ["faq/#difference"]),
    ("latest version", ["faq/#current-versions"]),
    ("nestjs", ["faq/#express-complex-apps"]),
    ("serverless", ["scenarios/#serverless-hosting", "faq/#hosting"]),
    ("template engine", ["faq/#templates"]),
    ("gunicorn", ["faq/#hosting"]),
    ("celery", ["faq/#cpu-heavy-work"]),
    ("cpu cores", ["faq/#express-concurrency"]),
]

# Reads the visible result sections in order, as site paths ("faq/#typing"), dropping the ?h= highlight query.
_VISIBLE_SECTIONS_JS = """(base) => [...document.querySelectorAll(".md-search-result__list a.md-search-result__link")]
  .filter((a) => !a.closest("details") && a.href.includes("#"))
  .map((a) => { const u = new URL(a.href); return u.href.slice(base.length).replace(u.search, ""); })"""


@pytest.fixture(scope="module")
def search_page(browser: Browser, built_site: Path, site_server: SiteServer) -> Iterator[Page]:
    """One page for every query: the search index loads once."""
    site_url = site_server.url
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(site_url)
    yield page
    context.close()
    assert not errors, errors


def search(page: Page, site_url: str, query: str) -> list[str]:
    """Type the query into Material's search box; the visible result sections once they stop changing."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")  # Material reads the box on keyup
    page.wait_for_function("q => document.querySelector('.md-search-result__meta').textContent.includes('matching')", arg=query)
    previous: list[str] = []
    for _ in range(20):
        current = page.evaluate(_VISIBLE_SECTIONS_JS, site_url)
        if current and current == previous:
            return current
        previous = current
        page.wait_for_timeout(150)
    return previous


@pytest.mark.parametrize(("query", "answers"), QUERIES, ids=[q for q, _ in QUERIES])
def test_the_answer_is_in_the_first_three_results(search_page: Page, site_url: str, query: str, answers: list[str]) -> None:
    results = search(search_page, site_url, query)
    assert set(results[:3]) & set(answers), f"{query!r}: first results {results[:3]}, wanted one of {answers}"


def test_a_question_is_found_by_a_word_only_its_other_phrasings_use(search_page: Page, site_url: str) -> None:
    """'licensing' is in no heading or answer: the entry's "Also asked as" line carries it."""
    assert search(search_page, site_url, "licensing")[0] == "faq/#licences"
