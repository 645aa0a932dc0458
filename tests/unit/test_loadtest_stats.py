"""The load test's summary of a cell: median, spread, the noisy flag, medians of latency, sums of errors."""

from __future__ import annotations

import pytest

from loadtest.plan import NOISY_ABOVE
from loadtest.stats import spread, summarise
from loadtest.wrk import WrkRun


def run(rps: float, p50: float = 1.0, p99: float = 5.0, errors: int = 0, timeouts: int = 0) -> WrkRun:
    return WrkRun(requests=round(rps * 1000), seconds=1000.0, p50_ms=p50, p99_ms=p99, errors=errors, timeouts=timeouts)


def test_spread_is_range_over_median() -> None:
    assert spread([1200.0, 1234.5, 1250.0]) == pytest.approx(50 / 1234.5)
    assert spread([100.0]) == 0.0


def test_spread_of_runs_that_served_nothing() -> None:
    assert spread([0.0, 0.0, 0.0]) == 0.0
    assert spread([0.0, 0.0, 50.0]) == 1.0  # against the max, since the median is 0


def test_a_cell_summary_takes_medians_and_sums() -> None:
    result = summarise([run(1234.5, 1.0, 9.0, 1, 0), run(1200.1, 3.0, 4.0, 0, 2), run(1250.0, 2.0, 5.0, 2, 1)], 210 * 2**20)
    assert result.runs == [1234.5, 1200.1, 1250.0]
    assert result.median == 1234.5
    assert (result.p50_ms, result.p99_ms) == (2.0, 5.0)
    assert (result.errors, result.timeouts) == (3, 3)
    assert result.peak_memory_mib == 210.0
    assert not result.noisy(NOISY_ABOVE)


@pytest.mark.parametrize(("runs", "noisy"), [([100.0, 100.0, 110.0], False), ([100.0, 100.0, 110.1], True),
                                             ([100.0, 80.0, 100.0], True)])
def test_noisy_above_ten_percent(runs: list[float], noisy: bool) -> None:
    assert summarise([run(r) for r in runs], 0).noisy(0.1) is noisy


def test_a_cell_needs_a_repetition() -> None:
    with pytest.raises(ValueError):
        summarise([], 0)
