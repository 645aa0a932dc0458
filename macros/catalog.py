"""The validated data, indexed by id: the only thing the renderers receive.

`load_catalog(root)` reads, shape-checks and rule-checks data/ once; it raises
DataInvalid with every problem, or returns a Catalog. Its indexes come from the
registry (macros/registry.py): one dict of records per kind, named by `Kind.attr`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from . import measurement
from . import model as m
from .dataset import Dataset, Record, cyclic_gc_paused, read_dataset
from .errors import DataInvalid
from .registry import KINDS, TREE, FileKind, Found, Kind
from .rules import check

Key = tuple[str, str, str]  # (kind, id, parent id): a record anywhere in the data


@dataclass(frozen=True)
class Origin:
    """Where a record is written: for 'edit this' links."""

    file: str
    line: int


class Catalog:
    """Every record of every kind, validated and indexed by id (`catalog.criteria["async-support"]`)."""

    sources: dict[str, m.Source]
    groups: dict[str, m.Group]
    criteria: dict[str, m.Criterion]
    frameworks: dict[str, m.Framework]  # in order of name: the comparison's columns
    faq_categories: dict[str, m.FaqCategory]
    faq: dict[str, m.FaqEntry]
    scenarios: dict[str, m.Scenario]
    runs: dict[str, m.LoadTestRun]  # load-test runs by file name

    def __init__(self, ds: Dataset) -> None:
        self._ds = ds
        for kind in KINDS:
            if kind.attr:
                setattr(self, kind.attr, {r.id: r.model for r in ds.records(kind)})
        self.frameworks = dict(sorted(self.frameworks.items(), key=lambda item: item[1].name.lower()))
        self.tree: m.TreeFile = ds.files[TREE.name][0].model
        self.questions = {q.id: q for q in self.tree.questions}
        self.results = {r.id: r for r in self.tree.results}
        newest = measurement.latest(self.runs)
        self.latest_run = measurement.RunView(newest, self.runs[newest])  # what /loadtest/ and every "Measured here" line show
        self.run_sources = {s.measurement: sid for sid, s in self.sources.items() if s.measurement}  # run id -> its source

    # --- views -------------------------------------------------------------------------

    def criteria_in(self, group_id: str) -> list[m.Criterion]:
        return [c for c in self.criteria.values() if c.group == group_id]

    def differs(self, criterion_id: str) -> bool:
        """True when frameworks give different (level, verdict) pairs for a criterion."""
        pairs = {(v.level, v.verdict) for v in (f.values[criterion_id] for f in self.frameworks.values())}
        return len(pairs) > 1

    def faq_in(self, category_id: str) -> list[m.FaqEntry]:
        return [e for e in self.faq.values() if e.category == category_id]

    def scenarios_recommending(self, framework_id: str) -> list[m.Scenario]:
        return [s for s in self.scenarios.values() if framework_id in s.recommend]

    def faq_about(self, framework_id: str) -> list[m.FaqEntry]:
        return [e for e in self.faq.values() if framework_id in e.related.frameworks]

    def faq_about_criterion(self, criterion_id: str) -> list[m.FaqEntry]:
        return [e for e in self.faq.values() if criterion_id in e.related.criteria]

    def scenarios_citing(self, criterion_id: str) -> list[m.Scenario]:
        return [s for s in self.scenarios.values() if any(r.criterion == criterion_id for r in s.reasons)]

    def faq_for_scenario(self, scenario_id: str) -> list[m.FaqEntry]:
        """FAQ entries linked with a scenario, from either side of the link."""
        scenario = self.scenarios[scenario_id]
        ids = list(scenario.related_faq) + [e.id for e in self.faq.values() if scenario_id in e.related.scenarios]
        return [self.faq[i] for i in dict.fromkeys(ids)]

    def scenarios_for_faq(self, entry_id: str) -> list[m.Scenario]:
        """Scenarios linked with a FAQ entry, from either side of the link."""
        entry = self.faq[entry_id]
        ids = list(entry.related.scenarios) + [s.id for s in self.scenarios.values() if entry_id in s.related_faq]
        return [self.scenarios[i] for i in dict.fromkeys(ids)]

    # --- records of every kind, and where they are written -------------------------------

    def records(self, kind: Kind | str) -> list[Record]:
        """Every record of a kind, in file order, with where it is written."""
        return self._ds.records(kind)

    @cached_property
    def origins(self) -> dict[Key, Origin]:
        """(kind, id, parent id) -> file and line, for every record of every kind."""
        return {
            (kind.name, r.id, r.found.parent): Origin(r.at.doc.file, r.at.doc.where(r.loc)[0] if r.loc else 1)
            for kind in KINDS
            for r in self._ds.records(kind)
        }

    def file_model(self, file: FileKind) -> Any:
        """The model of a single data file (None for a kind of one file per record)."""
        return None if file.many else self._ds.files[file.name][0].model

    def origin(self, kind: str, record_id: str, parent: str = "") -> Origin:
        return self.origins[(kind, record_id, parent)]

    @cached_property
    def citations(self) -> dict[str, list[Found]]:
        """Source id -> every record citing it (once each): the record each reference sits in.

        A record shown inside another's entry cites as that entry (`Kind.cites_as`): a
        framework's value, as the criterion whose row shows it. A record naming load-test
        endpoints cites the latest run's source (its "Measured here" line shows that run), and
        each run cites its own source (its entry on /loadtest/).
        """
        owners = {(id(r.at), r.loc): r.found for kind in KINDS if kind.link for r in self._ds.records(kind)}
        by_id = {(kind.name, r.id): r.found for kind in KINDS if kind.cited_in for r in self._ds.records(kind)}
        out: dict[str, list[Found]] = {sid: [] for sid in self.sources}
        for run in self._ds.records("run"):
            out[self.run_sources[run.id]].append(run.found)
        for ref in self._ds.references:
            if ref.kind in ("source", "article"):
                cited = ref.id
            elif ref.kind == "run endpoint":
                cited = self.run_sources[self.latest_run.id]
            else:
                continue
            found = next((owners[key] for n in range(len(ref.loc), -1, -1) if (key := (id(ref.at), ref.loc[:n])) in owners), None)
            if found is not None and found.kind.cites_as:
                found = by_id[(found.kind.cites_as, found.id)]
            if found is None or not found.kind.cited_in:
                raise ValueError(f"a source is cited from {ref.at.doc.file} at {ref.loc}, which the source list cannot link back to")
            if found not in out[cited]:
                out[cited].append(found)
        return out


def load_catalog(root: Path) -> Catalog:
    """Read and validate data/ under `root`; raise DataInvalid listing every problem."""
    with cyclic_gc_paused():
        ds, errors = read_dataset(root.resolve())
        errors += check(ds)  # rules skip files that failed, so every visible problem is reported
        if errors:
            raise DataInvalid(errors)
        return Catalog(ds)

