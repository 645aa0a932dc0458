"""The results file, data/loadtest/<YYYY-MM-DD>.yaml: its records and a small YAML 1.2 writer.

The writer emits only what the file needs: mappings, lists, strings, numbers, booleans
and dates, with no anchors, aliases or tags. A string is left plain only when it reads
as a string under both YAML 1.1 and 1.2 (no yes/no/on/off, nothing number- or
date-like); anything else is double-quoted. Lists of scalars, and the small mappings
named in FLOW_MAPPINGS, are written on one line.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from pathlib import Path
from typing import Any

from .plan import App, Cell, Endpoint
from .stats import CellResult

# The first line points editors at the file's JSON Schema, as every data file's does (macros/schema.py).
HEADER = ("# yaml-language-server: $schema=../schema/loadtest.schema.json\n"
          "# Written by `make loadtest`: do not edit by hand; rerun it.\n")
FLOW_MAPPINGS = frozenset({"rps", "latency_ms", "call_ms"})
_PLAIN = re.compile(r"[a-z/][a-z0-9 ./_-]*(?<! )")
_RESERVED = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})


def path_for(directory: Path, day: dt.date) -> Path:
    """<day>.yaml, or <day>-2.yaml, <day>-3.yaml ... when that file exists."""
    path = directory / f"{day.isoformat()}.yaml"
    suffix = 2
    while path.exists():
        path = directory / f"{day.isoformat()}-{suffix}.yaml"
        suffix += 1
    return path


def app_record(app: App, server_cores: int) -> dict[str, Any]:
    record: dict[str, Any] = {"id": app.id}
    if app.framework:
        record["framework"] = app.framework
    record |= {"name": app.name, "configuration": app.label, "processes": app.processes,
               "multi_process": app.multi_process, "compared": app.compared(server_cores), "reference": app.reference}
    return record


def endpoint_record(endpoint: Endpoint, call_ms: dict[str, float] | None = None) -> dict[str, Any]:
    record: dict[str, Any] = {"id": endpoint.id, "path": endpoint.path, "what": endpoint.what}
    if call_ms:
        record["call_ms"] = {language: round(ms, 2) for language, ms in call_ms.items()}
    return record


def cell_record(cell: Cell, result: CellResult, noisy_above: float) -> dict[str, Any]:
    return {
        "app": cell.app.id,
        "endpoint": cell.endpoint.id,
        "connections": cell.connections,
        "rps": {"median": round(result.median, 1), "min": round(min(result.runs), 1), "max": round(max(result.runs), 1)},
        "spread": round(result.spread, 3),
        "noisy": result.noisy(noisy_above),
        "latency_ms": {"p50": round(result.p50_ms, 2), "p99": round(result.p99_ms, 2)},
        "errors": result.errors,
        "timeouts": result.timeouts,
        "peak_memory_mib": round(result.peak_memory_mib, 1),
        "runs": [round(rps, 1) for rps in result.runs],
    }


def scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"not a finite number: {value}")
        return repr(value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, str):
        plain = _PLAIN.fullmatch(value) and value.lower() not in _RESERVED
        return value if plain else json.dumps(value, ensure_ascii=False)
    raise TypeError(f"no YAML form for {type(value).__name__}: {value!r}")


def _is_scalar(value: Any) -> bool:
    return not isinstance(value, (dict, list))


def _flow(value: dict[str, Any] | list[Any]) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{scalar(k)}: {scalar(v)}" for k, v in value.items()) + "}"
    return "[" + ", ".join(scalar(v) for v in value) + "]"


def _mapping(value: dict[str, Any], indent: str) -> list[str]:
    lines = []
    for key, item in value.items():
        head = f"{indent}{scalar(key)}:"
        if _is_scalar(item):
            lines.append(f"{head} {scalar(item)}")
        elif (isinstance(item, list) and all(map(_is_scalar, item))) or key in FLOW_MAPPINGS:
            lines.append(f"{head} {_flow(item)}")
        elif not item:
            raise ValueError(f"{key}: empty {type(item).__name__}s are not written")
        elif isinstance(item, dict):
            lines += [head, *_mapping(item, indent + "  ")]
        else:
            lines += [head, *_sequence(item, indent + "  ")]
    return lines


def _sequence(value: list[Any], indent: str) -> list[str]:
    lines = []
    for item in value:
        if not isinstance(item, dict) or not item:
            raise ValueError("a block list holds mappings only; lists of scalars are written in flow style")
        first, *rest = _mapping(item, indent + "  ")
        lines += [f"{indent}- {first.lstrip()}", *rest]
    return lines


def dump(document: dict[str, Any]) -> str:
    return HEADER + "\n".join(_mapping(document, "")) + "\n"


def write(directory: Path, day: dt.date, document: dict[str, Any]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = path_for(directory, day)
    path.write_text(dump(document), encoding="utf-8")
    return path
