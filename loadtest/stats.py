"""A cell's repetitions summed up: the median and spread of requests per second, and the noisy flag."""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from .wrk import WrkRun


def spread(values: list[float]) -> float:
    """(max - min) / median; against the max when the median is 0 (some repetitions served nothing)."""
    low, high, middle = min(values), max(values), statistics.median(values)
    if middle > 0:
        return (high - low) / middle
    return (high - low) / high if high > 0 else 0.0


@dataclass(frozen=True)
class CellResult:
    runs: list[float]  # requests per second of each repetition
    p50_ms: float  # medians across repetitions
    p99_ms: float
    errors: int  # summed over repetitions
    timeouts: int
    peak_memory_mib: float

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def spread(self) -> float:
        return spread(self.runs)

    def noisy(self, above: float) -> bool:
        return round(self.spread, 3) > above


def summarise(runs: list[WrkRun], peak_memory_bytes: int) -> CellResult:
    if not runs:
        raise ValueError("a cell needs at least one repetition")
    return CellResult(
        runs=[run.rps for run in runs],
        p50_ms=statistics.median(run.p50_ms for run in runs),
        p99_ms=statistics.median(run.p99_ms for run in runs),
        errors=sum(run.errors for run in runs),
        timeouts=sum(run.timeouts for run in runs),
        peak_memory_mib=peak_memory_bytes / 2**20,
    )
