"""The home page's "recently verified" list: newest dates first, kinds taking turns, every entry linked."""

from __future__ import annotations

import datetime as dt
import re

from macros.catalog import load_catalog
from macros.links import Linker
from macros.render import Page
from macros.render.recent import Checked, checked_entries, most_recent, recently_verified
from tests.unit.conftest import DataCopy


def entry(day: int, kind: str, title: str) -> Checked:
    return Checked(dt.date(2026, 11, day), kind, title, "faq/")


def test_newest_first_and_kinds_take_turns_within_a_day() -> None:
    entries = [entry(1, "value", "v1"), entry(3, "value", "v2"), entry(3, "value", "v3"), entry(3, "faq", "f1"),
               entry(2, "scenario", "s1"), entry(3, "scenario", "s2")]
    assert [e.title for e in most_recent(entries, 5)] == ["v2", "f1", "s2", "v3", "s1"]


def test_every_value_fact_faq_entry_and_scenario_is_dated(data: DataCopy) -> None:
    catalog = load_catalog(data.root)
    kinds = [e.kind for e in checked_entries(catalog)]
    assert (kinds.count("value"), kinds.count("fact"), kinds.count("faq"), kinds.count("scenario")) == (4, 14, 1, 2)


def test_rendered_list_links_each_entry_from_the_home_page(data: DataCopy) -> None:
    data.replace("scenarios.yaml", "    sources: [beta-docs]\n    verified: 2026-11-01", "    sources: [beta-docs]\n    verified: 2026-11-24")
    data.replace("faq.yaml", "    sources: [alpha-docs, beta-docs]\n    verified: 2026-11-01",
                 "    sources: [alpha-docs, beta-docs]\n    verified: 2026-11-20")
    page = Page("Home", Linker("/", "https://github.com/o/r"))
    html = recently_verified(load_catalog(data.root), page, limit=3)
    items = re.findall(r"<li class=\"kb-recent__item\">(.*?)</li>", html)
    assert len(items) == 3
    assert '<time datetime="2026-11-24">24 Nov 2026</time> · <span class="kb-recent__kind">Scenario</span>: <a href="/scenarios/#either">Either will do</a>' in items[0]
    assert '<a href="/faq/#which-language">' in items[1]
    assert '<a href="/compare/#language">Alpha, Language</a> (AlphaScript)' in items[2]
    assert "All 21 dated entries were checked between" in html and '<time datetime="2026-11-24">' in html
