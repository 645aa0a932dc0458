"""The FAQ in Chromium: the filter box narrows the questions as you type; the JSON-LD follows navigation."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect

from macros.catalog import Catalog, load_catalog
from macros.render import plain
from tests.helpers import ROOT


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(ROOT)


def shown_entries(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        ".kb-faq__entry", "els => els.filter(e => e.offsetParent !== null).map(e => e.dataset.kbEntry)")


def shown_categories(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        ".kb-faq__category", "els => els.filter(e => e.offsetParent !== null).map(e => e.dataset.kbCategory)")


def test_typing_narrows_the_questions_and_clearing_brings_them_back(page: Page, site_url: str, catalog: Catalog) -> None:
    page.goto(site_url + "faq/")
    box = page.get_by_label("Filter the questions")
    status = page.locator(".kb-faq__status")
    expect(status).to_have_text(f"{len(catalog.faq)} questions")

    box.press_sequentially("websock")
    expected = [e.id for e in catalog.faq.values()
                if "websock" in " ".join([plain(e.question), *e.also_asked, plain(e.answer)]).lower()]
    assert 0 < len(expected) < len(catalog.faq)
    expect(status).to_have_text(f"{len(expected)} of {len(catalog.faq)} questions")
    assert shown_entries(page) == expected
    assert shown_categories(page) == list(dict.fromkeys(catalog.faq[e].category for e in expected))

    box.fill("")
    expect(status).to_have_text(f"{len(catalog.faq)} questions")
    assert shown_entries(page) == list(catalog.faq)


def test_every_word_must_match_and_no_match_says_so(page: Page, site_url: str) -> None:
    page.goto(site_url + "faq/")
    box = page.get_by_label("Filter the questions")
    box.fill("flask websockets")
    both = shown_entries(page)
    box.fill("flask")
    assert set(both) < set(shown_entries(page))
    box.fill("cobol mainframe")
    expect(page.locator(".kb-faq__empty")).to_be_visible()
    assert shown_entries(page) == [] and shown_categories(page) == []


def test_a_link_to_a_filtered_out_question_clears_the_filter(page: Page, site_url: str, catalog: Catalog) -> None:
    page.goto(site_url + "faq/")
    page.get_by_label("Filter the questions").fill("cobol mainframe")
    target = list(catalog.faq)[-1]
    page.evaluate(f"location.hash = '#{target}'")
    expect(page.locator(f"[id='{target}']")).to_be_visible()
    expect(page.get_by_label("Filter the questions")).to_have_value("")


def test_the_json_ld_arrives_with_the_page_and_leaves_with_it(page: Page, site_url: str, catalog: Catalog) -> None:
    page.goto(site_url)
    page.evaluate("window.kbSamePage = true")
    assert page.locator("head script[type='application/ld+json']").count() == 0
    page.locator("article").get_by_role("link", name="FAQ", exact=True).click()  # the home page's entry point
    expect(page.locator("h1")).to_have_text(re.compile("Frequently asked questions"))
    scripts = page.locator("head script[type='application/ld+json']")
    expect(scripts).to_have_count(1)
    data = json.loads(scripts.first.text_content() or "")
    assert [q["name"] for q in data["mainEntity"]] == [plain(e.question) for e in catalog.faq.values()]
    page.locator(".md-nav--primary").get_by_role("link", name="Scenarios", exact=True).click()
    expect(page.locator("h1")).to_have_text(re.compile("Scenarios"))
    expect(scripts).to_have_count(0)
    assert page.evaluate("window.kbSamePage") is True, "Material's instant navigation did not engage"
