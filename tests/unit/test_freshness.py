"""`python -m macros stale`: old `verified` dates and broken links, on fixture data with no network."""

from __future__ import annotations

import datetime as dt

import pytest

from macros.__main__ import main
from macros.dataset import read_dataset
from macros.freshness import LinkResult, check_links, external_urls, report, stale_facts
from tests.unit.conftest import DataCopy

TODAY = dt.date(2027, 11, 2)  # the fixture's dates are 2026-11-01: 366 days earlier


def test_nothing_is_stale_within_the_limit(data: DataCopy) -> None:
    ds, errors = read_dataset(data.root)
    assert errors == []
    assert stale_facts(ds, TODAY, days=366) == []


def test_every_dated_record_past_the_limit_is_listed_with_its_line(data: DataCopy) -> None:
    data.replace("faq.yaml", "    sources: [alpha-docs, beta-docs]\n    verified: 2026-11-01",
                 "    sources: [alpha-docs, beta-docs]\n    verified: 2027-10-30")
    ds, _ = read_dataset(data.root)
    found = stale_facts(ds, TODAY, days=365)
    paths = [(s.place.file, s.place.path) for s in found]
    # 2 claims, 2 frameworks x (7 facts + 2 values), 2 scenarios; the FAQ entry was just checked.
    assert len(found) == 2 + 2 * 9 + 2
    assert ("data/faq.yaml", "faq[0] “which-language”") not in paths
    assert ("data/faq.yaml", "faq[0].claims[0]") in paths
    assert ("data/frameworks/alpha.yaml", "values.templating") in paths
    assert ("data/frameworks/beta.yaml", "latest_release") in paths
    assert ("data/scenarios.yaml", "scenarios[1] “either”") in paths
    templating = next(s for s in found if s.place.path == "values.templating" and "alpha" in s.place.file)
    assert templating.place.line == data.line_of("frameworks/alpha.yaml", "  templating:")
    assert templating.age(TODAY) == 366


def test_external_urls_include_links_inside_text(data: DataCopy) -> None:
    data.replace("faq.yaml", "Read more in each project's documentation.",
                 "Read more in [the Alpha guide](https://alpha.example.org/guide) and [Beta's FAQ][faq].\n\n"
                 "      [faq]: https://beta.example.org/faq")
    ds, errors = read_dataset(data.root)
    assert errors == []
    urls = external_urls(ds)
    assert {"https://alpha.example.org/docs/", "https://blog.example.org/alpha-or-beta", "https://github.com/example/alpha",
            "https://alpha.example.org/guide", "https://beta.example.org/faq"} <= set(urls)
    assert str(urls["https://alpha.example.org/docs/"]) == "data/sources.yaml:7 (sources[0].url)"
    assert urls["https://alpha.example.org/guide"].file == "data/faq.yaml"


def fake_fetch(url: str) -> LinkResult:
    return {"https://alpha.example.org/docs/": LinkResult(url, 404),
            "https://github.com/example/alpha": LinkResult(url, 403),
            "https://blog.example.org/alpha-or-beta": LinkResult(url, None, "timed out")}.get(url, LinkResult(url, 200))


def test_report_lists_broken_and_doubtful_links_and_old_facts(data: DataCopy) -> None:
    ds, _ = read_dataset(data.root)
    places = external_urls(ds)
    links = check_links(places, fake_fetch, workers=2)
    assert [r.url for r in links] == list(places)
    text = report(stale_facts(ds, TODAY, 365), links, places, TODAY, 365, "https://github.com/o/r", links_checked=True)
    assert "## Links that do not work (3)" in text
    assert ("- [ ] https://alpha.example.org/docs/: HTTP 404, in [`sources[0].url` in data/sources.yaml:7]"
            "(https://github.com/o/r/blob/main/data/sources.yaml#L7)") in text
    assert "https://github.com/example/alpha: HTTP 403 (maybe only refused to robots)" in text
    assert "https://blog.example.org/alpha-or-beta: no answer: timed out" in text
    assert "## Facts not verified for over 365 days (23)" in text
    assert "verified 2026-11-01 (366 days ago)" in text


def test_report_is_empty_when_all_is_well(data: DataCopy) -> None:
    ds, _ = read_dataset(data.root)
    places = external_urls(ds)
    assert report(stale_facts(ds, TODAY, 400), check_links(places, lambda u: LinkResult(u, 200)), places, TODAY, 400) == ""


@pytest.mark.parametrize(("days", "status"), [(365, 1), (400, 0)])
def test_command_exits_1_when_there_is_something_to_do(data: DataCopy, capsys: pytest.CaptureFixture[str], days: int, status: int) -> None:
    assert main(["stale", "--root", str(data.root), "--days", str(days), "--today", TODAY.isoformat()]) == status
    out = capsys.readouterr().out
    assert ("Facts not verified" in out) == (status == 1)


def test_long_lists_are_cut_to_fit_an_issue(data: DataCopy, monkeypatch: pytest.MonkeyPatch) -> None:
    import macros.freshness as freshness

    monkeypatch.setattr(freshness, "MAX_ITEMS", 5)
    ds, _ = read_dataset(data.root)
    text = report(stale_facts(ds, TODAY, 365), [], {}, TODAY, 365)
    assert text.count("- [ ] ") == 5
    assert "- … and 18 more: run `python -m macros stale --days 365` to see them all." in text
