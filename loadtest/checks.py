"""Before an app is measured, each endpoint's status, content type and body are checked.

Deterministic endpoints (json, plaintext, io, cpu) must answer with exactly the expected
bytes; db, queries and template must have the expected shape and rows that match the
seeded table. Two allowances, both the frameworks' documented defaults: a content type
is compared by its media type (Express adds `; charset=utf-8` to JSON, Flask does not),
and one trailing newline after a JSON body is ignored (Flask's jsonify appends it).
"""

from __future__ import annotations

import http.client
import json
import re
import time
from dataclasses import dataclass
from typing import Any

from .wrk import LOCALHOST

CPU_RESULT = 933429  # crunch() in apps/python/shared.py and apps/node/shared.js
IO_DELAY_SECONDS = 0.05
QUERIES = 20
TEMPLATE_ROWS = 20
TEMPLATE_HEAD = ('<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>World</title></head>\n'
                 "<body>\n<table>\n<tr><th>id</th><th>randomNumber</th></tr>\n")
TEMPLATE_TAIL = "</table>\n</body>\n</html>\n"
_TEMPLATE_ROW = re.compile(r"<tr><td>(\d+)</td><td>(\d+)</td></tr>\n")

EXACT = {
    "/json": ("application/json", b'{"message":"Hello, World!"}'),
    "/plaintext": ("text/plain", b"Hello, World!"),
    "/io": ("application/json", b'{"waited_ms":50}'),
    "/cpu": ("application/json", b'{"result":%d}' % CPU_RESULT),
}


@dataclass(frozen=True)
class Response:
    status: int
    content_type: str
    body: bytes
    seconds: float


def fetch(port: int, path: str, timeout: float = 10.0) -> Response:
    """GET http://127.0.0.1:<port><path> (http.client: no proxy is ever consulted)."""
    connection = http.client.HTTPConnection(LOCALHOST, port, timeout=timeout)
    try:
        started = time.perf_counter()
        connection.request("GET", path)
        reply = connection.getresponse()
        body = reply.read()
        return Response(reply.status, reply.getheader("Content-Type", ""), body, time.perf_counter() - started)
    finally:
        connection.close()


def media_type(content_type: str) -> str:
    return content_type.split(";")[0].strip().lower()


def _charset_problem(content_type: str) -> str | None:
    charset = re.search(r"charset=([\w-]+)", content_type, re.IGNORECASE)
    if charset and charset.group(1).lower() != "utf-8":
        return f"charset {charset.group(1)}, expected utf-8"
    return None


def _world_problems(item: Any, numbers: dict[int, int]) -> list[str]:
    if not isinstance(item, dict) or list(item) != ["id", "randomNumber"]:
        return [f"expected an object with keys id, randomNumber: {item!r}"]
    id_, number = item["id"], item["randomNumber"]
    if type(id_) is not int or id_ not in numbers:
        return [f"id {id_!r} is not in the table"]
    if number != numbers[id_]:
        return [f"row {id_}: randomNumber {number!r}, the table has {numbers[id_]}"]
    return []


def template_html(rows: list[tuple[int, int]]) -> str:
    """The page every app's /template renders for these rows, byte for byte."""
    return TEMPLATE_HEAD + "".join(f"<tr><td>{id_}</td><td>{number}</td></tr>\n" for id_, number in rows) + TEMPLATE_TAIL


def _template_problems(body: bytes, numbers: dict[int, int]) -> list[str]:
    rows = [(int(a), int(b)) for a, b in _TEMPLATE_ROW.findall(body.decode("utf-8", "replace"))]
    if len(rows) != TEMPLATE_ROWS:
        return [f"expected {TEMPLATE_ROWS} table rows, found {len(rows)}"]
    ids = [id_ for id_, _ in rows]
    if ids != list(range(ids[0], ids[0] + TEMPLATE_ROWS)):
        return [f"expected consecutive ids, got {ids}"]
    problems = [problem for id_, number in rows for problem in _world_problems({"id": id_, "randomNumber": number}, numbers)]
    if not problems and body != template_html(rows).encode():
        problems.append(f"the page differs from the expected markup: {body[:300]!r}")
    return problems


def problems(path: str, response: Response, numbers: dict[int, int]) -> list[str]:
    """What is wrong with one endpoint's response; empty when it is right."""
    if response.status != 200:
        return [f"status {response.status}, expected 200: {response.body[:200]!r}"]
    found = [p for p in [_charset_problem(response.content_type)] if p]
    if path in EXACT:
        expected_type, expected_body = EXACT[path]
        body = response.body.removesuffix(b"\n") if expected_type == "application/json" else response.body
        if body != expected_body:
            found.append(f"body {response.body[:200]!r}, expected {expected_body!r}")
        if path == "/io" and response.seconds < IO_DELAY_SECONDS:
            found.append(f"answered in {response.seconds * 1000:.1f} ms, before the {IO_DELAY_SECONDS * 1000:.0f} ms wait")
    elif path == "/template":
        expected_type = "text/html"
        found += _template_problems(response.body, numbers)
    else:
        expected_type = "application/json"
        try:
            data = json.loads(response.body)
        except ValueError:
            return [*found, f"not JSON: {response.body[:200]!r}"]
        if path == "/db":
            found += _world_problems(data, numbers)
        elif not isinstance(data, list) or len(data) != QUERIES:
            found.append(f"expected a list of {QUERIES} rows: {response.body[:200]!r}")
        else:
            found += [problem for item in data for problem in _world_problems(item, numbers)]
    if media_type(response.content_type) != expected_type:
        found.append(f"content type {response.content_type!r}, expected {expected_type}")
    return found


def app_problems(port: int, paths: list[str], numbers: dict[int, int]) -> list[str]:
    """Call every endpoint once; one line per problem, prefixed with the path."""
    found = []
    for path in paths:
        try:
            response = fetch(port, path)
        except OSError as exc:
            found.append(f"{path}: no answer ({exc})")
            continue
        found += [f"{path}: {problem}" for problem in problems(path, response, numbers)]
    return found
