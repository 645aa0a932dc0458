"""Small things a reader trips over, checked in Chromium at the widths they happen at: file
names broken mid-word, citation numbers spaced unevenly, a wall of back-links on a phone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, expect


@pytest.mark.parametrize("width", [360, 1280])
def test_file_names_in_the_contributing_table_stay_whole(browser: Browser, site_url: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        page.goto(site_url + "contribute/")
        names = page.locator("article table td:first-child > code")
        expect(names.first).to_be_visible()
        lines = names.evaluate_all("els => els.map(el => [el.textContent, el.getClientRects().length])")
        assert len(lines) >= 6
        assert [name for name, count in lines if count != 1] == [], "each file name on one line"
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    finally:
        context.close()


def test_citation_numbers_are_evenly_spaced_targets(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        page.goto(site_url + "compare/")
        groups = page.locator(".kb-compare__verdict .kb-refs")
        expect(groups.first).to_be_visible()
        boxes = groups.evaluate_all(
            "groups => groups.map(g => Array.from(g.querySelectorAll('a.kb-ref'), a => { const r = a.getBoundingClientRect(); return [r.left, r.right, r.top, r.height]; }))")
        gaps, checked = set(), 0
        for refs in boxes:
            for (left, right, top, height), (next_left, next_right, next_top, _) in zip(refs, refs[1:]):
                assert height >= 24, "a 24 px tall target (WCAG 2.5.8)"
                if abs(top - next_top) > 1:
                    continue  # wrapped onto the next line
                gaps.add(round(next_left - right))
                assert (next_left + next_right) / 2 - (left + right) / 2 >= 24, "centres 24 px apart (WCAG 2.5.8)"
                checked += 1
        assert checked > 20 and max(gaps) - min(gaps) <= 1, f"the gaps between citation numbers differ: {sorted(gaps)} px"
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_on_a_phone_the_sources_list_keeps_its_back_links_folded(browser: Browser, site_url: str, scheme: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, color_scheme=scheme)
    page = context.new_page()
    try:
        page.goto(site_url + "sources/")
        first = page.locator("li.kb-source").first
        expect(first.locator("a").first).to_be_visible()
        expect(first.locator(".kb-related a").first).to_be_hidden()
        summary = first.locator("summary")
        expect(summary).to_have_text(re.compile(r"Cited in \d+ places?$"))
        summary.click()
        expect(first.locator(".kb-related a").first).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
    finally:
        context.close()
