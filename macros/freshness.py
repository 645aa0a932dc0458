"""`python -m macros stale`: facts not checked for a while, and links that no longer work.

Every sourced record carries a `verified` date. This module lists the ones older
than a given number of days and, on request, checks every external URL in data/
(source URLs, framework links and links inside Markdown text). The weekly
workflow posts the report as one GitHub issue. The logic is plain functions over
the parsed data (tests run it on fixtures, with a fake fetcher and no network).
"""

from __future__ import annotations

import datetime as dt
import re
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from .dataset import Dataset, Parsed
from .load import Loc, format_loc
from .model import link_targets

USER_AGENT = "flask-or-express-link-check (+https://github.com/framework-compare/flask-vs-express)"


@dataclass(frozen=True, order=True)
class Place:
    """Where something is written: file, line and field path."""

    file: str
    line: int
    path: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line} ({self.path})"


def _walk(value: Any, loc: Loc) -> Iterator[tuple[Loc, Any]]:
    """Every value in a record tree with its location: models, lists, mappings, leaves."""
    yield loc, value
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _walk(getattr(value, name), loc + (name,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _walk(item, loc + (i,))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, loc + (key,))


def _place(parsed: Parsed[Any], loc: Loc, record_id: str = "") -> Place:
    path = format_loc(loc) + (f" “{record_id}”" if record_id else "")
    return Place(parsed.doc.file, parsed.doc.where(loc)[0], path)


# --- dates ----------------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Stale:
    verified: dt.date
    place: Place

    def age(self, today: dt.date) -> int:
        return (today - self.verified).days


def stale_facts(ds: Dataset, today: dt.date, days: int) -> list[Stale]:
    """Every record whose `verified` date is more than `days` days before `today`, oldest first."""
    cutoff = today - dt.timedelta(days=days)
    found = [
        Stale(record.verified, _place(parsed, loc, getattr(record, "id", "")))
        for parsed in ds.parsed()
        for loc, record in _walk(parsed.model, ())
        if isinstance(record, BaseModel) and isinstance(getattr(record, "verified", None), dt.date) and record.verified < cutoff
    ]
    return sorted(found)


# --- links -----------------------------------------------------------------------------------


def external_urls(ds: Dataset) -> dict[str, Place]:
    """Every https URL in data/ -> the first place it is written."""
    urls: dict[str, Place] = {}
    for parsed in ds.parsed():
        for loc, value in _walk(parsed.model, ()):
            if not isinstance(value, str):
                continue
            found = [value] if re.fullmatch(r"https://\S+", value) else link_targets(value)  # the model allows only https targets
            for url in found:
                urls.setdefault(url, _place(parsed, loc))
    return urls


@dataclass(frozen=True)
class LinkResult:
    url: str
    status: int | None  # HTTP status, or None when no answer came
    error: str = ""

    @property
    def broken(self) -> bool:
        """Gone for sure: 404 or 410, or no answer at all (DNS, TLS, timeout)."""
        return self.status in (404, 410) or self.status is None

    @property
    def doubtful(self) -> bool:
        """Any other error status, e.g. 403 from a site that turns robots away: worth a look, not proof."""
        return self.status is not None and self.status >= 400 and not self.broken


Fetch = Callable[[str], LinkResult]


def fetch(url: str, timeout: float = 20) -> LinkResult:
    """HEAD the URL (GET where HEAD is refused), following redirects."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # https only: the model refuses other schemes
                return LinkResult(url, response.status)
        except urllib.error.HTTPError as exc:
            if method == "HEAD" and exc.code in (403, 405, 501):
                continue
            return LinkResult(url, exc.code, exc.reason if isinstance(exc.reason, str) else "")
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            return LinkResult(url, None, str(getattr(exc, "reason", exc)))
    raise AssertionError("unreachable")


def check_links(urls: Iterable[str], fetcher: Fetch = fetch, workers: int = 8) -> list[LinkResult]:
    """Fetch every URL, a few at a time; results in the order given."""
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(fetcher, urls))


# --- the report ----------------------------------------------------------------------------------


MAX_ITEMS = 150  # per list: a GitHub issue body holds at most 65,536 characters


def report(stale: list[Stale], links: list[LinkResult], places: dict[str, Place], today: dt.date, days: int,
           repo_url: str = "", links_checked: bool = False) -> str:
    """The Markdown body of the weekly issue; empty when there is nothing to do."""
    bad = sorted((r for r in links if r.broken or r.doubtful), key=lambda r: places[r.url])
    if not stale and not bad:
        return ""
    command = f"python -m macros stale --days {days}" + (" --check-urls" if links_checked else "")
    lines = [f"Checked on {today.isoformat()} with `{command}`. Fix what you can and update each `verified` "
             "date; the weekly check rewrites this list, and closes its issue when nothing is left.", ""]
    if bad:
        lines += [f"## Links that do not work ({len(bad)})", ""]
        for r in bad[:MAX_ITEMS]:
            status = f"HTTP {r.status}" if r.status is not None else f"no answer: {r.error}" if r.error else "no answer"
            lines.append(f"- [ ] {r.url}: {status}{' (maybe only refused to robots)' if r.doubtful else ''}, in {_where(places[r.url], repo_url)}")
        lines += _more(len(bad), command) + [""]
    if stale:
        lines += [f"## Facts not verified for over {days} days ({len(stale)})", ""]
        for s in stale[:MAX_ITEMS]:
            lines.append(f"- [ ] {_where(s.place, repo_url)}: verified {s.verified.isoformat()} ({s.age(today)} days ago)")
        lines += _more(len(stale), command) + [""]
    return "\n".join(lines)


def _more(total: int, command: str) -> list[str]:
    return [f"- … and {total - MAX_ITEMS} more: run `{command}` to see them all."] if total > MAX_ITEMS else []


def _where(place: Place, repo_url: str) -> str:
    text = f"`{place.path}` in {place.file}:{place.line}"
    return f"[{text}]({repo_url}/blob/main/{place.file}#L{place.line})" if repo_url else text
