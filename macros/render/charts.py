"""The load test's charts as positioned shapes: the SVG is written by templates/_charts.html at build time.

Two kinds, both on logarithmic axes (equal gaps are equal ratios):
- a line chart of requests per second by number of connections, one line per configuration,
  each with its own marker shape and dash pattern, labelled at its end; a whisker spans the
  slowest to the fastest repetition, and an open marker flags a noisy cell;
- a bar panel of ratios per endpoint for one pair of configurations, bars leaving the ×1 line,
  an outlined bar where either cell is noisy.

Coordinates are in the SVG's own units (its viewBox); CSS scales it to the column, and the
sizes here keep the text legible from a 320 px screen up. Colours and dashes are CSS classes
(kb-chart__series--N in site.css), so both of Material's palettes apply.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..measurement import MAX_SERIES, Ratio, Series, ratio_text

WIDTH = 340  # viewBox units; about the column of a 360 px phone, so text keeps its size there
FONT = 11  # tick labels and line labels; the stylesheet sets the same
LABEL_GAP = 13  # the least vertical distance between two line labels
SHAPES = ("circle", "square", "triangle", "diamond", "triangle-down", "cross")
assert len(SHAPES) == MAX_SERIES, "one marker shape per line the rules allow"


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float


@dataclass(frozen=True)
class Tick:
    at: float  # position along its axis
    label: str


@dataclass(frozen=True)
class Marker:
    x: float
    y: float
    low: float  # the whisker: y of the slowest repetition
    high: float  # y of the fastest
    path: str  # the marker's shape, as SVG path data
    noisy: bool


@dataclass(frozen=True)
class Line:
    style: int  # 1 to MAX_SERIES: the CSS class of its colour and dashes, and its marker shape
    label: str
    points: str  # SVG polyline points
    markers: list[Marker]
    label_x: float
    label_y: float
    key: str  # the marker beside its label, as SVG path data


@dataclass(frozen=True)
class LineChart:
    id: str
    title: str
    desc: str
    height: float
    plot: Box
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    x_title: str
    y_title: str
    lines: list[Line]
    width: float = WIDTH


@dataclass(frozen=True)
class Bar:
    y: float
    height: float
    start: float  # x of ×1
    end: float  # x of the ratio
    label: str  # the endpoint
    value: str
    noisy: bool


@dataclass(frozen=True)
class BarPanel:
    id: str
    title: str
    desc: str
    height: float
    plot: Box
    one: float  # x of ×1
    bars: list[Bar]
    x_ticks: list[Tick]
    x_title: str
    width: float = WIDTH


# --- logarithmic scales with ticks at 1, 2 and 5 of each power of ten ----------------------------


def _steps(low: float, high: float) -> list[float]:
    """1-2-5 values from the largest at or below `low` to the smallest at or above `high`."""
    values = [m * 10.0 ** e for e in range(math.floor(math.log10(low)) - 1, math.ceil(math.log10(high)) + 1) for m in (1, 2, 5)]
    start = max(v for v in values if v <= low * (1 + 1e-9))
    end = min(v for v in values if v >= high * (1 - 1e-9))
    return [v for v in values if start <= v <= end]


class LogScale:
    """Maps values onto [start, end] logarithmically, over a domain widened to 1-2-5 ticks."""

    def __init__(self, low: float, high: float, start: float, end: float) -> None:
        self.values = _steps(low, high)
        self.low, self.high = math.log10(self.values[0]), math.log10(self.values[-1])
        self.start, self.end = start, end

    def __call__(self, value: float) -> float:
        share = (math.log10(value) - self.low) / (self.high - self.low) if self.high > self.low else 0.5
        return round(self.start + share * (self.end - self.start), 1)


def number(value: float) -> str:
    """Requests per second as the tables print them: 19.5, 311, 28,250."""
    return f"{value:,.1f}" if value < 100 else f"{value:,.0f}"


# --- marker shapes ------------------------------------------------------------------------------


def shape(name: str, x: float, y: float, r: float = 4.0) -> str:
    """SVG path data of a marker centred on (x, y)."""
    if name == "circle":
        return f"M{x - r:.1f},{y:.1f}a{r},{r} 0 1,0 {2 * r},0a{r},{r} 0 1,0 {-2 * r},0Z"
    if name == "square":
        s = r * 0.9
        return f"M{x - s:.1f},{y - s:.1f}h{2 * s:.1f}v{2 * s:.1f}h{-2 * s:.1f}Z"
    if name in ("triangle", "triangle-down"):
        d = -1 if name == "triangle" else 1
        return f"M{x:.1f},{y + d * r * 1.2:.1f}L{x + r * 1.1:.1f},{y - d * r * 0.8:.1f}L{x - r * 1.1:.1f},{y - d * r * 0.8:.1f}Z"
    if name == "diamond":
        s = r * 1.25
        return f"M{x:.1f},{y - s:.1f}L{x + s:.1f},{y:.1f}L{x:.1f},{y + s:.1f}L{x - s:.1f},{y:.1f}Z"
    s = r * 1.1  # a cross of two bars
    w = r * 0.4
    return (f"M{x - w:.1f},{y - s:.1f}h{2 * w:.1f}v{s - w:.1f}h{s - w:.1f}v{2 * w:.1f}h{w - s:.1f}v{s - w:.1f}"
            f"h{-2 * w:.1f}v{w - s:.1f}h{w - s:.1f}v{-2 * w:.1f}h{s - w:.1f}Z")


def spread_labels(wanted: list[float], top: float, bottom: float, gap: float = LABEL_GAP) -> list[float]:
    """Label positions as close to `wanted` as they can be, at least `gap` apart, within [top, bottom]."""
    order = sorted(range(len(wanted)), key=lambda i: wanted[i])
    placed = [wanted[i] for i in order]
    for i in range(len(placed)):  # push down past the one above
        placed[i] = max(placed[i], top if i == 0 else placed[i - 1] + gap)
    for i in reversed(range(len(placed))):  # then up, where that ran past the bottom
        placed[i] = min(placed[i], bottom if i == len(placed) - 1 else placed[i + 1] - gap)
    out = [0.0] * len(wanted)
    for rank, i in enumerate(order):
        out[i] = round(placed[rank], 1)
    return out


# --- the two charts --------------------------------------------------------------------------------


def rps_chart(chart_id: str, title: str, series: list[Series], levels: list[int]) -> LineChart:
    """Requests per second by number of connections, one line per configuration (at most MAX_SERIES)."""
    plot = Box(left=62, top=12, right=WIDTH - 120, bottom=196)  # the right margin holds the line labels
    values = [v for s in series for p in s.points for v in (p.cell.rps.min, p.cell.rps.max, p.cell.rps.median)]
    y = LogScale(min(values), max(values), plot.bottom, plot.top)
    step = (plot.right - plot.left) / max(len(levels) - 1, 1)
    x = {n: round(plot.left + i * step, 1) for i, n in enumerate(levels)}
    ends = spread_labels([y(s.points[-1].cell.rps.median) for s in series], plot.top, plot.bottom)
    lines = []
    for i, s in enumerate(series):
        name = SHAPES[i]
        markers = [Marker(x[p.connections], y(p.cell.rps.median), y(p.cell.rps.min), y(p.cell.rps.max),
                          shape(name, x[p.connections], y(p.cell.rps.median)), p.cell.noisy) for p in s.points]
        lines.append(Line(i + 1, s.app.id, " ".join(f"{m.x},{m.y}" for m in markers), markers, plot.right + 24, ends[i],
                          shape(name, plot.right + 15, ends[i], 3.5)))
    desc = "; ".join(f"{s.app.id}: " + ", ".join(f"{number(p.cell.rps.median)} at {p.connections}" + (" (noisy)" if p.cell.noisy else "")
                                                  for p in s.points) for s in series)
    return LineChart(
        id=chart_id, title=title, height=236, plot=plot,
        desc=f"Median requests per second by number of connections, on a logarithmic scale. {desc}.",
        x_ticks=[Tick(x[n], str(n)) for n in levels],
        y_ticks=[Tick(y(v), f"{v:,g}") for v in y.values],
        x_title="concurrent connections", y_title="requests per second (log scale)", lines=lines,
    )


def ratio_domain(ratios: list[Ratio]) -> tuple[float, float]:
    """The smallest and largest ratio, with ×1 always inside: every panel of one figure shares it."""
    values = [r.value for r in ratios]
    return min(values + [1.0]), max(values + [1.0])


def ratio_panel(panel_id: str, title: str, ratios: list[Ratio], domain: tuple[float, float]) -> BarPanel:
    """One pair of configurations: a bar per endpoint from ×1 to the ratio."""
    row, bar = 22, 13
    plot = Box(left=98, top=8, right=WIDTH - 50, bottom=8 + row * len(ratios))
    x = LogScale(domain[0], domain[1], plot.left, plot.right)
    one = x(1.0)
    bars = [Bar(round(plot.top + i * row + (row - bar) / 2, 1), bar, one, x(r.value), r.endpoint.path, ratio_text(r.value), r.noisy)
            for i, r in enumerate(ratios)]
    desc = "; ".join(f"{r.endpoint.path} {ratio_text(r.value)}" + (" (noisy)" if r.noisy else "") for r in ratios)
    return BarPanel(
        id=panel_id, title=title, height=plot.bottom + 40, plot=plot, one=one, bars=bars,
        desc=f"Ratio of median requests per second, {title}, on a logarithmic scale: {desc}.",
        x_ticks=[Tick(x(v), f"×{v:g}") for v in x.values], x_title="ratio (log scale; ×1: as fast)",
    )
