"""The comparison in Chromium: the filters (differences only, one group, kept in the address), the rows'
details, the sticky framework names, the jump to a group, and links that look like links."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from macros.catalog import Catalog, load_catalog
from tests.helpers import ROOT


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(ROOT)


def open_compare(page: Page, address: str) -> None:
    """Go to the comparison and wait until its script has shown the controls and applied the view."""
    page.goto(address)
    expect(page.locator(".kb-compare__controls")).to_be_visible()


def visible_rows(page: Page) -> list[str]:
    return page.eval_on_selector_all(".kb-compare__row", "rows => rows.filter(r => r.offsetParent !== null).map(r => r.dataset.kbCriterion)")


def test_differences_only_hides_equal_rows_and_survives_a_reload(page: Page, site_url: str, catalog: Catalog) -> None:
    open_compare(page, site_url + "compare/")
    same = [c for c in catalog.criteria if not catalog.differs(c)]
    assert same, "the data should have a row where the frameworks agree, or this test proves nothing"
    status = page.locator(".kb-compare__status")
    expect(status).to_have_text(f"Showing all {len(catalog.criteria)} criteria")

    page.get_by_label("Show only differences").check()
    expect(page).to_have_url(re.compile(r"compare/\?diff=1$"))
    differing = [c for c in catalog.criteria if catalog.differs(c)]
    assert visible_rows(page) == differing
    expect(status).to_have_text(f"Showing {len(differing)} of {len(catalog.criteria)} criteria")

    page.reload()
    expect(page.get_by_label("Show only differences")).to_be_checked()
    assert visible_rows(page) == differing

    page.get_by_label("Show only differences").uncheck()
    expect(page).to_have_url(re.compile(r"compare/$"))
    assert visible_rows(page) == list(catalog.criteria)


def test_the_group_filter_shows_one_group_and_keeps_it_in_the_address(page: Page, site_url: str, catalog: Catalog) -> None:
    open_compare(page, site_url + "compare/")
    group = list(catalog.groups)[1]
    page.get_by_label("Group", exact=True).select_option(group)
    expect(page).to_have_url(re.compile(rf"compare/\?group={group}$"))
    assert visible_rows(page) == [c.id for c in catalog.criteria_in(group)]
    expect(page.locator(f"#group-{group}")).to_be_visible()
    expect(page.locator(f"#group-{next(iter(catalog.groups))}")).to_be_hidden()

    page.reload()
    expect(page.get_by_label("Group", exact=True)).to_have_value(group)
    assert visible_rows(page) == [c.id for c in catalog.criteria_in(group)]


def test_the_view_survives_instant_navigation_away_and_back(page: Page, site_url: str, catalog: Catalog) -> None:
    group = next(g for g in catalog.groups if any(catalog.differs(c.id) for c in catalog.criteria_in(g)))
    open_compare(page, site_url + f"compare/?diff=1&group={group}")
    expected = [c.id for c in catalog.criteria_in(group) if catalog.differs(c.id)]
    assert visible_rows(page) == expected
    page.evaluate("window.kbSamePage = true")  # survives only if navigation stays inside one document

    page.locator(".md-nav--primary").get_by_role("link", name="FAQ", exact=True).click()
    expect(page).to_have_url(site_url + "faq/")
    expect(page.locator("h1")).to_have_text(re.compile("Frequently asked questions"))
    page.go_back()
    expect(page).to_have_url(site_url + f"compare/?diff=1&group={group}")
    expect(page.get_by_label("Show only differences")).to_be_checked()
    expect(page.get_by_label("Group", exact=True)).to_have_value(group)
    assert visible_rows(page) == expected
    assert page.evaluate("window.kbSamePage") is True, "Material's instant navigation did not engage"


def test_a_link_to_a_hidden_row_widens_the_view(page: Page, site_url: str, catalog: Catalog) -> None:
    same = next(c for c in catalog.criteria if not catalog.differs(c))
    other_group = next(g for g in catalog.groups if g != catalog.criteria[same].group)
    open_compare(page, site_url + f"compare/?diff=1&group={other_group}#{same}")
    expect(page.locator(f"#{same}")).to_be_visible()
    expect(page).to_have_url(site_url + f"compare/#{same}")
    expect(page.get_by_label("Show only differences")).not_to_be_checked()
    expect(page.get_by_label("Group", exact=True)).to_have_value("")


def test_the_framework_names_stay_in_view_while_scrolling(page: Page, site_url: str, catalog: Catalog) -> None:
    last = list(catalog.criteria)[-1]
    open_compare(page, site_url + f"compare/#{last}")
    head = page.locator(f"section[data-kb-group='{catalog.criteria[last].group}'] .kb-compare__head")
    expect(head).to_be_in_viewport()
    box = head.bounding_box()
    assert box is not None and 0 <= box["y"] < 120, f"the framework names are off screen at y={box and box['y']}"
    row = page.locator(f"#{last}").bounding_box()
    assert row is not None and row["y"] >= box["y"] + box["height"] - 1, "the row is hidden under the sticky names"


def test_claims_wait_closed_under_each_row_until_asked_for(page: Page, site_url: str, catalog: Catalog) -> None:
    open_compare(page, site_url + "compare/")
    expect(page.locator(".kb-compare__status")).to_have_text(f"Showing all {len(catalog.criteria)} criteria")
    criterion = next(c for c in catalog.criteria.values() if c.claims)
    row = page.locator(f"section[data-kb-criterion='{criterion.id}']")
    claims = row.locator(".kb-claim")
    expect(claims.first).to_be_hidden()
    expect(page.locator("details.kb-compare__more[open]")).to_have_count(0)
    row.locator("summary").click()
    expect(claims).to_have_count(len(criterion.claims))
    expect(claims.first).to_be_visible()
    expect(row.locator(".kb-compare__explanation").first).to_be_visible()


def test_a_link_to_a_row_opens_its_details(page: Page, site_url: str, catalog: Catalog) -> None:
    first, second = list(catalog.criteria)[3:5]
    open_compare(page, site_url + f"compare/#{first}")
    expect(page.locator(f"section[data-kb-criterion='{first}'] details")).to_have_attribute("open", "")
    expect(page.locator(f"section[data-kb-criterion='{second}'] details")).not_to_have_attribute("open", "")
    page.evaluate(f"location.hash = '#{second}'")
    expect(page.locator(f"section[data-kb-criterion='{second}'] details")).to_have_attribute("open", "")


def test_the_jump_list_leads_to_each_group(page: Page, site_url: str, catalog: Catalog) -> None:
    open_compare(page, site_url + "compare/")
    group = list(catalog.groups.values())[-1]
    page.locator(".kb-compare__jump").get_by_role("link", name=group.name, exact=True).click()
    expect(page).to_have_url(site_url + f"compare/#group-{group.id}")
    expect(page.locator(f"#group-{group.id}")).to_be_in_viewport()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_names_that_are_links_look_like_links_without_hover(browser: Browser, site_url: str, scheme: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    try:
        for path, selector in [("compare/", ".kb-compare__name"), ("compare/", ".kb-compare__head a"),
                               ("", ".kb-compare__name"), ("", ".kb-compare__table thead a"), ("frameworks/", ".kb-card__title a")]:
            page.goto(site_url + path)
            links = page.locator(selector)
            expect(links.first).to_be_visible()
            styles = links.evaluate_all(
                "els => els.map(a => { const s = getComputedStyle(a); return [s.textDecorationLine, s.color, getComputedStyle(a.closest('p, h3, div, th, td')).color]; })")
            for line, colour, around in styles:
                assert "underline" in line, f"{selector} on /{path} in {scheme}: not underlined"
                assert colour != around or "underline" in line, f"{selector} on /{path} in {scheme}: looks like the text around it"
    finally:
        context.close()
