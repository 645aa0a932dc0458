"""What the Flask and FastAPI apps share: the workload constants and the /cpu loop.

Each constant and the loop are mirrored in ../node/shared.js; the harness checks that
every app answers with the same bytes, so a drift between the two files fails it.
The database is found through libpq's environment (PGHOST, PGPORT, PGUSER, PGDATABASE),
set by the harness, so no connection string lives here.
"""

from __future__ import annotations

import random

WORLD_ROWS = 10_000  # ids 1..10,000 in table world
QUERIES_MAX = 500  # /queries?n= is clamped to 1..500
TEMPLATE_ROWS = 20
IO_DELAY_MS = 50  # the simulated upstream call of /io
CPU_LOOPS = 100_000  # a few milliseconds of interpreter work in CPython
POOL_MAX = 10  # connections per process, as node-postgres' default pool

WORLD_BY_ID = "SELECT id, randomnumber FROM world WHERE id = %s"
WORLD_RANGE = "SELECT id, randomnumber FROM world WHERE id BETWEEN %s AND %s ORDER BY id"


def random_id() -> int:
    return random.randint(1, WORLD_ROWS)


def query_count(n: str | None) -> int:
    """The n of /queries, clamped to 1..QUERIES_MAX; a missing or invalid n counts as 1."""
    try:
        return min(max(int(n or 1), 1), QUERIES_MAX)
    except ValueError:
        return 1


def template_range() -> tuple[int, int]:
    """First and last id of TEMPLATE_ROWS consecutive rows at a random place."""
    first = random.randint(1, WORLD_ROWS - TEMPLATE_ROWS + 1)
    return first, first + TEMPLATE_ROWS - 1


def crunch() -> int:
    """A fixed integer loop: the same algorithm and input in every app, values stay below 2**53."""
    x = 0
    for i in range(CPU_LOOPS):
        x = (x * 31 + i) % 1_000_003
    return x


def world(row: tuple[int, int]) -> dict[str, int]:
    return {"id": row[0], "randomNumber": row[1]}
