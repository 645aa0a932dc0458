"""Driving Material's search box as a reader does, waiting for conditions (never for time).

Each condition reads Material's own wording from the page's configuration (#__config), so
the waits hold whatever the site's language.
"""

from __future__ import annotations

from playwright.sync_api import Page

_TRANSLATIONS = 'JSON.parse(document.getElementById("__config").textContent).translations'
# The box is empty and the results list too: the index is loaded (or, later, the last query is cleared).
_EMPTY_JS = f"""() => {{
  const meta = document.querySelector(".md-search-result__meta");
  return meta.textContent === {_TRANSLATIONS}["search.result.placeholder"]
    && document.querySelector(".md-search-result__list").children.length === 0;
}}"""
# The meta line gives this query's count of matching pages, and the list holds as many of
# them as Material draws at once with that line (the first ten; more only on scrolling).
_RESULTS_JS = f"""() => {{
  const t = {_TRANSLATIONS};
  const meta = document.querySelector(".md-search-result__meta").textContent;
  const [before, after] = t["search.result.other"].split("#");
  const count = meta === t["search.result.none"] ? 0
    : meta === t["search.result.one"] ? 1
    : meta.startsWith(before) && meta.endsWith(after) ? Number(meta.slice(before.length, meta.length - after.length))
    : NaN;
  return count >= 0 && document.querySelector(".md-search-result__list").children.length === Math.min(count, 10);
}}"""
# The results a reader sees, in order, as site paths ("faq/#typing", "sources/"): each page's
# entries outside "more on this page", without a page's bare title line; the ?h= highlight dropped.
_VISIBLE_RESULTS_JS = """(base) => [...document.querySelectorAll(".md-search-result__list > li > a.md-search-result__link")]
  .filter((a) => [...a.firstElementChild.childNodes]
    .some((n) => !(n.nodeType === 1 && n.matches(".md-search-result__icon, h1")) && n.textContent.trim()))
  .map((a) => { const u = new URL(a.href); return u.href.slice(base.length).replace(u.search, ""); })"""
# Loading the index and building it in the worker is the one slow step; a busy machine may take long.
INDEX_TIMEOUT_MS = 180_000


def open_search(page: Page) -> None:
    """Open the search box and wait until Material's worker has loaded and built the index."""
    page.locator("input.md-search__input").click()
    page.wait_for_function(_EMPTY_JS, timeout=INDEX_TIMEOUT_MS)


def search(page: Page, site_url: str, query: str) -> list[str]:
    """Type the query into Material's search box; the visible results once this query's are all drawn."""
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press("End")  # Material reads the box on keyup
    page.wait_for_function(_EMPTY_JS)  # the previous query's results are gone
    box.fill(query)
    box.press("End")
    page.wait_for_function(_RESULTS_JS)
    return page.evaluate(_VISIBLE_RESULTS_JS, site_url)
