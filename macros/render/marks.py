"""The site's marks: what each level and each claim verdict is called, looks like and means.

One vocabulary for every page: the table cells, the claim boxes, the legend on
/compare/ and the definitions on /about/conventions/ all read it, and every mark
links to its definition there. Each mark pairs a glyph (decoration, hidden from
screen readers) with a word that is always shown, so colour is never the only cue.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, get_args

from .. import model as m
from ..catalog import Catalog


@dataclass(frozen=True)
class Mark:
    kind: str  # "level" or "verdict"
    id: str
    glyph: str
    label: str
    meaning: str

    @property
    def anchor(self) -> str:
        """Its entry's id on /about/conventions/."""
        return f"{self.kind}-{self.id}"


LEVELS: dict[str, Mark] = {
    mark.id: mark
    for mark in [
        Mark("level", "built-in", "●", "Built in",
             "Part of the framework's core package: it comes with the install and its own documentation covers it."),
        Mark("level", "official", "◐", "Official add-on",
             "A separate package that the framework's own project maintains or names as the way to do it."),
        Mark("level", "third-party", "○", "Third-party library",
             "Done with a package maintained outside the framework's project; the cell names the usual choices."),
        Mark("level", "not-available", "✕", "Not available",
             "We found no maintained way to do it with this framework."),
        Mark("level", "not-applicable", "–", "Not applicable",
             "The question does not arise for this framework, for example because of its language or runtime."),
        Mark("level", "unknown", "?", "Unknown",
             "No primary source settles it; the cell says what is known and what is not."),
    ]
}

VERDICTS: dict[str, Mark] = {
    mark.id: mark
    for mark in [
        Mark("verdict", "accurate", "✓", "Accurate", "The claim matches the current sources."),
        Mark("verdict", "partly-accurate", "≈", "Partly accurate",
             "Part of the claim holds; the rest is missing a condition, overstated or mixed with something untrue."),
        Mark("verdict", "outdated", "↻", "Outdated", "The claim was true once, but a later release or event changed it."),
        Mark("verdict", "inaccurate", "✗", "Inaccurate", "The claim is wrong, whatever the date."),
        Mark("verdict", "opinion", "❝", "Opinion",
             "A judgement that sources cannot prove or disprove; we say whether the evidence leans for or against it."),
    ]
}

# The vocabularies must name exactly the values the model allows.
assert set(LEVELS) == set(get_args(m.Level)), "LEVELS out of step with model.Level"
assert set(VERDICTS) == set(get_args(m.Verdict)), "VERDICTS out of step with model.Verdict"


def numbers(catalog: Catalog) -> dict[str, int]:
    """Source id -> its citation number, as data/sources.yaml gives it: the same on every page, and for good."""
    return {sid: source.number for sid, source in catalog.sources.items()}


def shared(catalog: Catalog) -> dict[str, Any]:
    """What every template's shared parts (_parts.html) need."""
    return {"levels": LEVELS, "verdicts": VERDICTS, "numbers": numbers(catalog)}
