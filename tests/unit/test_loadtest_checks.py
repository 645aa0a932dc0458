"""The load test's response checks: exact bytes where the answer is fixed, shape and table rows otherwise."""

from __future__ import annotations

import json

import pytest

from loadtest import world
from loadtest.checks import Response, problems, template_html

NUMBERS = world.random_numbers()


def ok(content_type: str, body: bytes, seconds: float = 0.001) -> Response:
    return Response(200, content_type, body, seconds)


def rows(*ids: int) -> list[dict[str, int]]:
    return [{"id": id_, "randomNumber": NUMBERS[id_]} for id_ in ids]


def test_the_seeded_table_is_the_same_on_every_run() -> None:
    assert len(NUMBERS) == world.ROWS == 10_000
    assert world.random_numbers() == NUMBERS
    assert all(1 <= n <= 10_000 for n in NUMBERS.values())


@pytest.mark.parametrize("content_type", ["application/json", "application/json; charset=utf-8"])
@pytest.mark.parametrize("body", [b'{"message":"Hello, World!"}', b'{"message":"Hello, World!"}\n'])
def test_json_accepts_express_and_flask_defaults(content_type: str, body: bytes) -> None:
    assert problems("/json", ok(content_type, body), NUMBERS) == []


@pytest.mark.parametrize(("path", "response", "expected"), [
    ("/json", ok("application/json", b'{"message": "Hello, World!"}'), "body"),
    ("/json", ok("text/html; charset=utf-8", b'{"message":"Hello, World!"}'), "content type"),
    ("/plaintext", ok("text/plain; charset=latin-1", b"Hello, World!"), "charset latin-1"),
    ("/plaintext", ok("text/plain", b"Hello, World!\n"), "body"),
    ("/cpu", ok("application/json", b'{"result":1}'), "body"),
    ("/io", ok("application/json", b'{"waited_ms":50}', seconds=0.01), "before the 50 ms wait"),
    ("/db", Response(500, "text/html", b"Internal Server Error", 0.01), "status 500"),
])
def test_wrong_answers_are_named(path: str, response: Response, expected: str) -> None:
    found = problems(path, response, NUMBERS)
    assert len(found) == 1 and expected in found[0]


def test_db_and_queries_rows_must_match_the_table() -> None:
    assert problems("/db", ok("application/json", json.dumps(rows(42)[0]).encode()), NUMBERS) == []
    queries = json.dumps(rows(*range(1, 21))).encode()
    assert problems("/queries?n=20", ok("application/json", queries), NUMBERS) == []
    wrong = {"id": 42, "randomNumber": NUMBERS[42] + 1}
    assert "the table has" in problems("/db", ok("application/json", json.dumps(wrong).encode()), NUMBERS)[0]
    assert "keys id, randomNumber" in problems("/db", ok("application/json", b'{"id":42}'), NUMBERS)[0]
    assert "list of 20" in problems("/queries?n=20", ok("application/json", json.dumps(rows(1, 2)).encode()), NUMBERS)[0]


def test_the_template_page_is_checked_byte_for_byte() -> None:
    page = template_html([(id_, NUMBERS[id_]) for id_ in range(101, 121)]).encode()
    assert problems("/template", ok("text/html; charset=utf-8", page), NUMBERS) == []
    assert "markup" in problems("/template", ok("text/html", page.replace(b"<table>", b"<table class=x>")), NUMBERS)[0]
    assert "20 table rows" in problems("/template", ok("text/html", page.replace(b"<tr><td>101<", b"<tr><td>x<")), NUMBERS)[0]
    shuffled = template_html([(id_, NUMBERS[id_]) for id_ in [*range(102, 121), 101]]).encode()
    assert "consecutive" in problems("/template", ok("text/html", shuffled), NUMBERS)[0]
