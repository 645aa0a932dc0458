"""The home page's "recently verified" list: the entries checked most recently.

Every value, framework fact, FAQ entry and scenario carries the date someone last
checked it against its sources (`verified`). The list shows the newest dates
first; entries checked on the same day take turns by kind, so one busy day of
value checks does not hide a rewritten FAQ answer.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from dataclasses import dataclass

from .. import links
from ..catalog import Catalog
from ..model import fact_fields
from . import Page, render

KINDS = {"value": "Comparison", "fact": "Profile", "faq": "FAQ", "scenario": "Scenario"}


@dataclass(frozen=True)
class Checked:
    """One dated entry, and where it is shown."""

    verified: dt.date
    kind: str  # a key of KINDS
    title: str  # Markdown, one line
    target: str  # site-root path, for Page.link
    framework: str = ""  # the framework's name, for values and facts
    detail: str = ""  # Markdown, one line: the verdict or fact itself


def checked_entries(catalog: Catalog) -> list[Checked]:
    """Every dated entry, in catalog order."""
    out: list[Checked] = []
    for fw in catalog.frameworks.values():
        for name, label in fact_fields().items():
            fact = getattr(fw, name)
            detail = getattr(fact, "value", None) or getattr(fact, "version", "")
            out.append(Checked(fact.verified, "fact", label, links.framework(fw.id) + "#" + links.fact_anchor(name), fw.name, detail))
        for cid, value in fw.values.items():
            out.append(Checked(value.verified, "value", catalog.criteria[cid].name, links.compare(cid), fw.name, value.verdict))
    out += [Checked(e.verified, "faq", e.question, links.faq(e.id)) for e in catalog.faq.values()]
    out += [Checked(s.verified, "scenario", s.title, links.scenario(s.id)) for s in catalog.scenarios.values()]
    return out


def most_recent(entries: list[Checked], limit: int) -> list[Checked]:
    """The `limit` newest entries; on one date, kinds take turns in the order of KINDS."""
    by_date: dict[dt.date, dict[str, list[Checked]]] = defaultdict(lambda: {kind: [] for kind in KINDS})
    for entry in entries:
        by_date[entry.verified][entry.kind].append(entry)
    ordered: list[Checked] = []
    for day in sorted(by_date, reverse=True):
        for turn in itertools.zip_longest(*by_date[day].values()):
            ordered += [entry for entry in turn if entry is not None]
    return ordered[:limit]


def recently_verified(catalog: Catalog, page: Page, limit: int = 6) -> str:
    """The `limit` most recently verified entries, newest first, each linking to where it is shown."""
    entries = checked_entries(catalog)
    oldest = min(e.verified for e in entries)
    return render("recently-verified.html", catalog, page, entries=most_recent(entries, limit), kinds=KINDS,
                  oldest=oldest, total=len(entries))
