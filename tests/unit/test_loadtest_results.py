"""The load test's results file: the contract's layout, read the same by YAML 1.1 and 1.2 parsers."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
import yaml
from ruamel.yaml import YAML

from loadtest import plan, results
from loadtest.stats import CellResult


def cell(runs: list[float]) -> dict[str, Any]:
    apps = plan.apps(2)
    result = CellResult(runs=runs, p50_ms=12.345, p99_ms=45.6, errors=0, timeouts=3, peak_memory_mib=210.54)
    return results.cell_record(plan.Cell(apps[0], plan.ENDPOINTS[2], 64), result, plan.NOISY_ABOVE)


def document() -> dict[str, Any]:
    return {
        "run": {"date": dt.date(2026, 12, 2), "started": "2026-12-02T14:03:11Z", "minutes": 21.4, "command": "make loadtest"},
        "machine": {"cpu": "Intel(R) Xeon(R) Processor", "cores": 2, "memory_gib": 23.4, "os": "Debian GNU/Linux 12 (bookworm)",
                    "kernel": "6.1.0-28-amd64"},
        "method": {"connections": [1, 16, 64, 256], "noisy_above": 0.1, "cpu_placement": "shared: all cores"},
        "versions": {"python": "3.11.7", "node": "24.19.0", "postgresql": "15.18",
                     "packages": {"flask": "3.1.3", "@fastify/view": "12.0.0", "pg": "8.23.1"}},
        "apps": [results.app_record(app, 2) for app in plan.apps(2)],
        "endpoints": [results.endpoint_record(e, {"python": 7.123, "node": 0.5} if e.id == "cpu" else None)
                      for e in plan.ENDPOINTS],
        "cells": [cell([1234.5, 1200.1, 1250.0])],
    }


def test_both_yaml_versions_read_back_the_document() -> None:
    text = results.dump(document())
    assert yaml.safe_load(text) == document()  # YAML 1.1
    assert YAML(typ="safe", pure=True).load(io.StringIO(text)) == document()  # YAML 1.2


def test_the_header_and_the_contracts_layout() -> None:
    text = results.dump(document())
    assert text.startswith("# yaml-language-server: $schema=../schema/loadtest.schema.json\n"
                           "# Written by `make loadtest`: do not edit by hand; rerun it.\nrun:\n  date: 2026-12-02\n")
    assert '  started: "2026-12-02T14:03:11Z"\n' in text
    assert "  connections: [1, 16, 64, 256]\n" in text
    assert '    "@fastify/view": "12.0.0"\n' in text
    assert "  - id: flask-sync\n    framework: flask\n    name: \"Flask\"\n" in text
    assert "    rps: {median: 1234.5, min: 1200.1, max: 1250.0}\n" in text
    assert "    latency_ms: {p50: 12.35, p99: 45.6}\n" in text
    assert "    runs: [1234.5, 1200.1, 1250.0]\n" in text
    assert "    call_ms: {python: 7.12, node: 0.5}\n" in text
    assert "&" not in text and "*" not in text and "!" not in text


def test_a_cell_record_rounds_as_the_contract_says() -> None:
    record = cell([1234.56, 1200.14, 1250.0])
    assert record["rps"] == {"median": 1234.6, "min": 1200.1, "max": 1250.0}
    assert record["spread"] == 0.04
    assert record["noisy"] is False
    assert record["peak_memory_mib"] == 210.5
    assert record["timeouts"] == 3
    assert list(record) == ["app", "endpoint", "connections", "rps", "spread", "noisy", "latency_ms", "errors", "timeouts",
                            "peak_memory_mib", "runs"]


def test_reference_points_have_no_framework() -> None:
    records = {app.id: results.app_record(app, 2) for app in plan.apps(2)}
    assert "framework" not in records["fastapi"] and records["fastapi"]["reference"] is True
    assert records["flask-sync"]["framework"] == "flask"


@pytest.mark.parametrize("text", ["yes", "No", "on", "OFF", "true", "null", "y", "1.0", "0x1f", "2026-12-02", "15.18", "1e3",
                                  "a: b", "# note", "@scope/pkg", "-", "trailing ", "Flask", "", "[x]"])
def test_strings_that_could_read_as_something_else_are_quoted(text: str) -> None:
    assert results.scalar(text).startswith('"')
    assert yaml.safe_load(f"key: {results.scalar(text)}") == {"key": text}


@pytest.mark.parametrize("text", ["flask-sync", "/json", "make loadtest", "serialise a small object"])
def test_plain_strings_stay_plain(text: str) -> None:
    assert results.scalar(text) == text


def test_unwritable_values_are_refused() -> None:
    with pytest.raises(ValueError):
        results.scalar(float("nan"))
    with pytest.raises(TypeError):
        results.scalar(None)


def test_a_second_run_on_the_same_day_gets_a_suffix(tmp_path: Path) -> None:
    day = dt.date(2026, 12, 2)
    first = results.write(tmp_path / "loadtest", day, document())
    second = results.write(tmp_path / "loadtest", day, document())
    third = results.write(tmp_path / "loadtest", day, document())
    assert [p.name for p in (first, second, third)] == ["2026-12-02.yaml", "2026-12-02-2.yaml", "2026-12-02-3.yaml"]
    assert first.read_text(encoding="utf-8") == results.dump(document())
