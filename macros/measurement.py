"""What the site shows of a load-test run: each configuration's requests per second by number
of connections, and one framework's configurations divided by the other's.

Pure views over the validated model (no Jinja, no MkDocs). The rules make sure a run holds
what these need (every cell once, two frameworks compared, a level of RATIO_CONNECTIONS); the
load test page and the "Measured here" lines show what they return.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from . import model as m

# The level at which the ratios compare: every configuration is measured there, the reference
# points too, and it is more connections than any configuration has processes.
RATIO_CONNECTIONS = 64
MAX_SERIES = 6  # the charts draw each configuration in its own style and have six (render/charts.py)


def newest_first(runs: dict[str, m.LoadTestRun]) -> list[str]:
    """Run ids by the time each run started, the newest first (the file name breaks a tie)."""
    return sorted(runs, key=lambda run_id: (runs[run_id].run.started, run_id), reverse=True)


def latest(runs: dict[str, m.LoadTestRun]) -> str:
    """The id of the newest run."""
    return newest_first(runs)[0]


@dataclass(frozen=True)
class Point:
    """One cell of a configuration's line: its connections and what was measured."""

    connections: int
    cell: m.Cell


@dataclass(frozen=True)
class Series:
    """A configuration's requests per second on one endpoint, by number of connections."""

    app: m.LoadTestApp
    points: list[Point]


@dataclass(frozen=True)
class Ratio:
    """The median requests per second of one configuration divided by another's, on one endpoint."""

    endpoint: m.LoadTestEndpoint
    over: m.LoadTestApp  # the numerator: a configuration of the second framework
    under: m.LoadTestApp  # the denominator: a configuration of the first
    value: float
    noisy: bool  # either cell's repetitions spread more than the method allows


class RunView:
    """One validated run, indexed: its cells by (app, endpoint, connections)."""

    def __init__(self, run_id: str, run: m.LoadTestRun) -> None:
        self.id, self.run = run_id, run
        self.cells = {(c.app, c.endpoint, c.connections): c for c in run.cells}
        self.endpoints = {e.id: e for e in run.endpoints}

    @cached_property
    def compared(self) -> list[m.LoadTestApp]:
        """The configurations of this site's frameworks that the comparison counts, in the file's order."""
        return [a for a in self.run.apps if a.framework is not None and a.compared]

    @cached_property
    def references(self) -> list[m.LoadTestApp]:
        return [a for a in self.run.apps if a.framework is None]

    @cached_property
    def frameworks(self) -> list[str]:
        """The frameworks of the compared configurations, in the order the file first names them."""
        return list(dict.fromkeys(a.framework for a in self.compared if a.framework is not None))

    def apps_of(self, framework_id: str) -> list[m.LoadTestApp]:
        return [a for a in self.compared if a.framework == framework_id]

    def series(self, endpoint_id: str) -> list[Series]:
        """Each compared configuration's line on an endpoint, over every level of connections."""
        return [Series(app, [Point(n, self.cells[(app.id, endpoint_id, n)]) for n in self.run.method.connections])
                for app in self.compared]

    def reference_cells(self, endpoint_id: str) -> list[tuple[m.LoadTestApp, m.Cell]]:
        """The reference points on an endpoint, at the ratios' level."""
        return [(a, self.cells[(a.id, endpoint_id, RATIO_CONNECTIONS)]) for a in self.references
                if (a.id, endpoint_id, RATIO_CONNECTIONS) in self.cells]

    def ratios(self, endpoint_id: str) -> list[Ratio]:
        """Every configuration of the second framework over every configuration of the first, at RATIO_CONNECTIONS."""
        first, second = self.frameworks
        endpoint = self.endpoints[endpoint_id]
        out = []
        for over in self.apps_of(second):
            for under in self.apps_of(first):
                a = self.cells[(over.id, endpoint_id, RATIO_CONNECTIONS)]
                b = self.cells[(under.id, endpoint_id, RATIO_CONNECTIONS)]
                out.append(Ratio(endpoint, over, under, a.rps.median / b.rps.median, a.noisy or b.noisy))
        return out


def ratio_text(value: float) -> str:
    """Two significant figures, as the repetitions' spread warrants: ×13, ×4.1, ×1.0, ×0.63."""
    if value >= 10:
        return f"×{value:.0f}"
    return f"×{value:.1f}" if value >= 1 else f"×{value:.2f}"
