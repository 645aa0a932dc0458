"""The comparison table's filters in Chromium: differences only, one group, the view kept in the address."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from macros.catalog import Catalog, load_catalog
from tests.helpers import ROOT


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(ROOT)


def visible_rows(page: Page) -> list[str]:
    return page.eval_on_selector_all(".kb-compare__row", "rows => rows.filter(r => r.offsetParent !== null).map(r => r.id)")


def test_differences_only_hides_equal_rows_and_survives_a_reload(page: Page, site_url: str, catalog: Catalog) -> None:
    page.goto(site_url + "compare/")
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
    page.goto(site_url + "compare/")
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
    page.goto(site_url + f"compare/?diff=1&group={group}")
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
    page.goto(site_url + f"compare/?diff=1&group={other_group}#{same}")
    expect(page.locator(f"#{same}")).to_be_visible()
    expect(page).to_have_url(site_url + f"compare/#{same}")
    expect(page.get_by_label("Show only differences")).not_to_be_checked()
    expect(page.get_by_label("Group", exact=True)).to_have_value("")


def test_the_table_header_stays_in_view_while_scrolling(page: Page, site_url: str, catalog: Catalog) -> None:
    last = list(catalog.criteria)[-1]
    page.goto(site_url + f"compare/#{last}")
    header = page.locator(f"section[data-kb-group='{catalog.criteria[last].group}'] thead th").first
    box = header.bounding_box()
    assert box is not None and 0 <= box["y"] < 120, f"the table header is off screen at y={box and box['y']}"
    row = page.locator(f"#{last}").bounding_box()
    assert row is not None and row["y"] >= box["y"] + box["height"] - 1, "the row is hidden under the sticky header"
