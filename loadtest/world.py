"""The seeded table `world`: 10,000 rows whose random numbers follow from a fixed seed.

The harness loads it into PostgreSQL and checks the apps' /db, /queries and /template
answers against it, so a row read from the wrong id or column is caught.
"""

from __future__ import annotations

import random

ROWS = 10_000
SEED = 20261202


def random_numbers() -> dict[int, int]:
    """randomnumber by id, 1..ROWS, each in 1..10,000: the same on every run."""
    draw = random.Random(SEED)
    return {id_: draw.randint(1, 10_000) for id_ in range(1, ROWS + 1)}
