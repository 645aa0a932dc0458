"""Load-test results as data: the model of data/loadtest/<date>.yaml, and one clear line for each way a
corrupt or hand-edited results file can be wrong that a schema cannot see."""

from __future__ import annotations

import datetime as dt
import json
import types
from typing import Annotated, Union, get_args, get_origin

import pytest
from pydantic import BaseModel

from loadtest import results
from macros import export, schema
from macros import model as m
from macros.catalog import load_catalog
from macros.errors import DataError
from macros.registry import LOADTEST
from tests.helpers import ROOT
from tests.unit.conftest import MINIMAL, DataCopy
from tests.unit.test_validation import only, problems

RUN = "loadtest/2026-11-20.yaml"
FILE = f"data/{RUN}"
UNITS = ("requests per second", "in ms", "in MiB", "in GiB", "seconds", "minutes", "(a count)", "fraction")
RERUN = "(results files are written by `make loadtest`, never by hand: restore the file from git or run it again)"


def line(data: DataCopy, needle: str, occurrence: int = 1) -> int:
    return data.line_of(RUN, needle, occurrence)


def assert_reported(found: list[DataError], expected: str) -> None:
    assert expected in [str(e) for e in found], "\n".join(map(str, found))


# --- the model ------------------------------------------------------------------------------------


def _numbers(model: type[BaseModel]) -> list[tuple[str, str]]:
    """(model.field, description) of every whole number or decimal in a model and the models inside it."""
    found = []
    for name, info in model.model_fields.items():
        bare = info.annotation
        while get_origin(bare) in (Annotated, Union, types.UnionType, list, dict):
            bare = next(a for a in reversed(get_args(bare)) if a is not type(None))
        if isinstance(bare, type) and issubclass(bare, BaseModel):
            found += _numbers(bare)
        elif bare in (int, float):
            found.append((f"{model.__name__}.{name}", info.description or ""))
    return found


@pytest.mark.parametrize(("field", "description"), _numbers(m.LoadTestRun), ids=lambda x: x if "." in str(x) else "")
def test_every_figure_of_a_run_names_its_unit(field: str, description: str) -> None:
    """Assert the description of every number in a results file says what it counts or measures in."""
    assert any(unit in description for unit in UNITS), f"{field}: {description!r}"


def test_the_committed_run_and_the_fixture_are_valid() -> None:
    for root in (ROOT, MINIMAL):
        catalog = load_catalog(root)
        assert catalog.runs and catalog.latest_run.id in catalog.runs


def test_the_harness_writes_the_schema_line_first() -> None:
    """Assert loadtest/results.py starts every file with the modeline the schema test requires of data files."""
    first, second = results.HEADER.splitlines()
    assert first == schema.modeline(LOADTEST)
    assert second.startswith("# Written by `make loadtest`")


def test_an_unknown_field_is_refused(data: DataCopy) -> None:
    data.replace(RUN, "    timeouts: 0\n", "    timeouts: 0\n    dropped: 0\n")
    error = only(data)
    assert str(error) == f"{FILE}:{line(data, 'dropped: 0')}:5: cells[0].dropped: unknown field 'dropped' (allowed fields: " \
        "app, endpoint, connections, rps, spread, noisy, latency_ms, errors, timeouts, peak_memory_mib, runs)"


def test_a_negative_figure_is_refused(data: DataCopy) -> None:
    data.replace(RUN, "    peak_memory_mib: 40.0\n", "    peak_memory_mib: -40.0\n")
    error = only(data)
    assert (error.path, error.message) == ("cells[0].peak_memory_mib", "input should be greater than or equal to 0")


def test_a_measured_line_holds_no_figures(data: DataCopy) -> None:
    data.replace("criteria.yaml", "      shows: Small requests on one machine", "      shows: Beta is 10 times faster on one machine")
    error = only(data)
    assert (error.path, error.message) == ("criteria[1].measured.shows",
                                           "write no figures here: the page shows them from the latest run, so they stay current")


def test_the_export_holds_every_run_with_its_id() -> None:
    files = export.files(load_catalog(MINIMAL), dt.date(2026, 11, 25))
    runs = json.loads(files["loadtest.json"])["loadtest"]
    assert [r["id"] for r in runs] == ["2026-11-20"]
    assert list(runs[0])[:2] == ["id", "run"]
    assert json.loads(files["knowledge.json"])["loadtest"] == runs


# --- the rules: one failing case each, with the line `make check` prints ------------------------------


# Each hand edit of the results file, and the one line `make check` prints for it: (edit from, edit to,
# the text on the reported line and which occurrence of it, the column, and what follows the position).
HAND_EDITS = {
    "a run's file is named by its date": (
        '  date: 2026-11-20\n  started: "2026-11-20T', '  date: 2026-11-19\n  started: "2026-11-19T', "date: 2026-11-19", 1, 3,
        "run.date: a run of 2026-11-19 in a file named 2026-11-20.yaml (a run's file is named by its date: rename it to "
        "2026-11-19.yaml, or 2026-11-19-2.yaml for a second run that day)"),
    "a run starts on its date": (
        'started: "2026-11-20T09:00:00Z"', 'started: "2026-11-21T09:00:00Z"', "started:", 1, 3,
        f"run.started: started 2026-11-21T09:00:00Z is not on the run's date, 2026-11-20 {RERUN}"),
    "a median is the median of its runs": (
        "rps: {median: 1000.0, min: 990.0", "rps: {median: 1001.0, min: 990.0", "median: 1001.0", 1, 11,
        f"cells[0].rps.median: median 1001.0 rps is not the median of its runs (1000.0) {RERUN}"),
    "a spread is the spread of its runs": (
        "    spread: 0.02\n", "    spread: 0.05\n", "spread: 0.05", 1, 5,
        f"cells[0].spread: spread 0.05 does not match its runs (0.020) {RERUN}"),
    "a noisy flag follows the threshold": (
        "    spread: 0.4\n    noisy: true\n", "    spread: 0.4\n    noisy: false\n", "noisy: false", 6, 5,
        f"cells[5].noisy: noisy is false, but spread 0.4 is above noisy_above 0.1 {RERUN}"),
    "p50 latency is not above p99": (
        "latency_ms: {p50: 0.9, p99: 2.1}", "latency_ms: {p50: 3.0, p99: 2.1}", "p50: 3.0, p99: 2.1", 1, 5,
        f"cells[0].latency_ms: p50 3.0 ms is above p99 2.1 ms {RERUN}"),
    "an app agrees with its process count": (
        '"Alpha server, one process"\n    processes: 1\n', '"Alpha server, one process"\n    processes: 3\n', "multi_process: false", 1, 5,
        f"apps[0].multi_process: multi_process is false with 3 processes {RERUN}"),
    "a compared app answers on every cell": (
        "rps: {median: 19.0, min: 19.0, max: 19.1}\n    spread: 0.005\n    noisy: false\n    latency_ms: {p50: 51.0, p99: 52.0}\n"
        "    errors: 0\n    timeouts: 0\n    peak_memory_mib: 41.0\n    runs: [19.0, 19.0, 19.1]\n",
        "rps: {median: 0.0, min: 0.0, max: 0.0}\n    spread: 0.0\n    noisy: false\n    latency_ms: {p50: 51.0, p99: 52.0}\n"
        "    errors: 0\n    timeouts: 0\n    peak_memory_mib: 41.0\n    runs: [0.0, 0.0, 0.0]\n",
        "median: 0.0", 1, 11, "cells[2].rps.median: alpha-one answered no request on io at 1 connection; the charts' logarithmic axis "
        "has no place for 0 (find out why it failed under load, then run `make loadtest` again)"),
    "a run compares two frameworks": (
        "  - id: beta-one\n    framework: beta\n", "  - id: beta-one\n    framework: alpha\n", "apps:", 1, 1,
        f"apps: the compared apps run 1 framework (alpha); the site's ratios need two {RERUN}"),
}


@pytest.mark.parametrize(("old", "new", "needle", "occurrence", "column", "rest"), HAND_EDITS.values(), ids=list(HAND_EDITS))
def test_a_hand_edit_is_reported_on_its_line(data: DataCopy, old: str, new: str, needle: str, occurrence: int, column: int,
                                             rest: str) -> None:
    """Assert the edit yields exactly one problem, printed as this line."""
    data.replace(RUN, old, new)
    assert str(only(data)) == f"{FILE}:{line(data, needle, occurrence)}:{column}: {rest}"


def test_a_cell_has_as_many_repetitions_as_the_method_says(data: DataCopy) -> None:
    data.replace(RUN, "  repetitions: 3\n", "  repetitions: 5\n")
    found = problems(data)
    assert_reported(found, f"{FILE}:{line(data, 'runs: [1000.0')}:5: cells[0].runs: 3 repetitions; the method says 5 {RERUN}")
    assert len(found) == 10, "one line per cell"


def test_a_cell_names_an_app_of_its_own_run(data: DataCopy) -> None:
    data.replace(RUN, "  - app: alpha-one\n    endpoint: json\n    connections: 1\n", "  - app: alpha-on\n    endpoint: json\n    connections: 1\n")
    assert_reported(problems(data), f"{FILE}:{line(data, 'app: alpha-on')}:5: cells[0].app: no app 'alpha-on' in this run (did you mean 'alpha-one'?)")


def test_a_cell_names_an_endpoint_of_its_own_run(data: DataCopy) -> None:
    data.replace(RUN, "    endpoint: json\n    connections: 1\n", "    endpoint: db\n    connections: 1\n")
    assert_reported(problems(data), f"{FILE}:{line(data, 'endpoint: db')}:5: cells[0].endpoint: no endpoint 'db' in this run "
                                    "(this run's endpoints: json, io)")


def test_an_app_id_is_unique_within_its_run(data: DataCopy) -> None:
    data.replace(RUN, "  - id: gamma-ref\n", "  - id: beta-one\n")
    found = problems(data)
    assert_reported(found, f"{FILE}:{line(data, 'id: beta-one', 2)}:5: apps[2].id: duplicate id 'beta-one' "
                           f"(already used at line {line(data, 'id: beta-one')}; ids must be unique)")


def test_every_cell_is_measured_once(data: DataCopy) -> None:
    text = data.path(RUN).read_text(encoding="utf-8")
    data.write(RUN, text[: text.rindex("  - app: gamma-ref")])
    assert str(only(data)) == f"{FILE}:{line(data, 'cells:')}:1: cells: no cell for gamma-ref on io at 64 connections {RERUN}"


def test_a_cell_is_not_measured_twice(data: DataCopy) -> None:
    text = data.path(RUN).read_text(encoding="utf-8")
    last = text[text.rindex("  - app: gamma-ref"):]
    data.write(RUN, text + last)
    first, second = line(data, "app: gamma-ref", 2), line(data, "app: gamma-ref", 3)
    assert str(only(data)) == f"{FILE}:{second}:5: cells[10]: a second cell for gamma-ref on io at 64 connections (the first is at line {first}; " \
        "results files are written by `make loadtest`, never by hand: restore the file from git or run it again)"


def test_every_run_has_its_source(data: DataCopy) -> None:
    text = data.path("sources.yaml").read_text(encoding="utf-8")
    data.write("sources.yaml", text[: text.index("  - id: minimal-loadtest")])
    assert str(only(data)) == (
        f"{FILE}:{line(data, 'run:')}:1: run: no entry of data/sources.yaml cites this run (add one of kind benchmark with the next free number, "
        'run, published, measurement: "2026-11-20" (quoted) and url: the file in the repository (…/blob/main/data/loadtest/2026-11-20.yaml))')


def test_a_run_has_one_source(data: DataCopy) -> None:
    text = data.path("sources.yaml").read_text(encoding="utf-8")
    second = text[text.index("  - id: minimal-loadtest"):].replace("minimal-loadtest", "again-loadtest").replace("number: 7", "number: 8")
    data.write("sources.yaml", text + second)
    error = only(data)
    assert str(error) == (f"data/sources.yaml:{data.line_of('sources.yaml', 'measurement:', 2)}:5: sources[7].measurement: "
                          "run '2026-11-20' already has its source, 'minimal-loadtest' (cite each run through one source)")


def test_a_run_source_links_its_results_file(data: DataCopy) -> None:
    data.replace("sources.yaml", "blob/main/data/loadtest/2026-11-20.yaml", "tree/main/data/loadtest/")
    assert str(only(data)) == (f"data/sources.yaml:{data.line_of('sources.yaml', 'tree/main/data/loadtest/')}:5: sources[6].url: "
                               "the url of run '2026-11-20' is not its results file (link the file in the repository, ending in /data/loadtest/2026-11-20.yaml)")


def test_a_source_names_an_existing_run(data: DataCopy) -> None:
    data.replace("sources.yaml", 'measurement: "2026-11-20"', 'measurement: "2026-11-02"')
    assert_reported(problems(data), f"data/sources.yaml:{data.line_of('sources.yaml', 'measurement:')}:5: sources[6].measurement: "
                                    "unknown load-test run '2026-11-02' (did you mean '2026-11-20'?)")


def test_a_measured_endpoint_exists(data: DataCopy) -> None:
    data.replace("criteria.yaml", "      endpoints: [json, io]", "      endpoints: [jsn, io]")
    assert str(only(data)) == (f"data/criteria.yaml:{data.line_of('criteria.yaml', 'endpoints: [jsn, io]')}:19: criteria[1].measured.endpoints[0]: "
                               "unknown load-test endpoint 'jsn' (did you mean 'json'?)")


def newer_run_without_io(data: DataCopy) -> None:
    """A second run, a day later, that renamed the endpoint io to wait; with its source."""
    text = data.path(RUN).read_text(encoding="utf-8")
    data.write("loadtest/2026-11-21.yaml", text.replace("2026-11-20", "2026-11-21").replace("id: io", "id: wait").replace("endpoint: io", "endpoint: wait"))
    sources = data.path("sources.yaml").read_text(encoding="utf-8")
    entry = sources[sources.index("  - id: minimal-loadtest"):]
    data.write("sources.yaml", sources + entry.replace("minimal-loadtest", "newer-loadtest").replace("number: 7", "number: 8").replace("2026-11-20", "2026-11-21"))


def test_a_measured_endpoint_is_in_the_latest_run(data: DataCopy) -> None:
    newer_run_without_io(data)
    assert str(only(data)) == (f"data/criteria.yaml:{data.line_of('criteria.yaml', 'endpoints: [json, io]')}:25: criteria[1].measured.endpoints[1]: "
                               "endpoint 'io' is not in the latest run, 2026-11-21 (cite one it measured: json, wait)")


def test_the_latest_run_is_the_one_that_started_last(data: DataCopy) -> None:
    newer_run_without_io(data)
    data.replace("criteria.yaml", "      endpoints: [json, io]", "      endpoints: [json, wait]")
    catalog = load_catalog(data.root)
    assert catalog.latest_run.id == "2026-11-21"
    assert {f.id for f in catalog.citations["newer-loadtest"]} == {"2026-11-21", "templating"}
    assert [f.id for f in catalog.citations["minimal-loadtest"]] == ["2026-11-20"]


def test_every_problem_in_a_hand_edited_file_is_reported_at_once(data: DataCopy) -> None:
    data.replace(RUN, "    spread: 0.02\n", "    spread: 0.05\n")
    data.replace(RUN, "latency_ms: {p50: 0.9, p99: 2.1}", "latency_ms: {p50: 3.0, p99: 2.1}")
    data.replace(RUN, "    spread: 0.4\n    noisy: true\n", "    spread: 0.4\n    noisy: false\n")
    assert [e.path for e in problems(data)] == ["cells[0].spread", "cells[0].latency_ms", "cells[5].noisy"]


def test_a_path_is_a_url_path(data: DataCopy) -> None:
    data.replace(RUN, "    path: /json\n", "    path: json\n")
    error = only(data)
    assert error.path == "endpoints[0].path" and error.message.startswith("string should match pattern")
