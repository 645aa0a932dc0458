"""The validated data, indexed by id: the only thing the renderers receive.

`load_catalog(root)` reads, shape-checks and rule-checks data/ once; it raises
DataInvalid with every problem, or returns a Catalog. The build calls it once, from
the plugin glue; `make check` calls it alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from . import model as m
from .dataset import Dataset, read_dataset
from .errors import DataInvalid
from .rules import check, references


@dataclass(frozen=True)
class Citation:
    """A record that cites a source, for the source list's links back.

    kind is "criterion" (an article claim about it), "value" (a framework's value for
    criterion `id`), "fact" (a framework profile field named `id`), "faq" or "scenario".
    """

    kind: str
    id: str
    framework: str | None = None


@dataclass(frozen=True)
class Origin:
    """Where a record is written: for 'edit this' links."""

    file: str
    line: int


class Catalog:
    """Sources, criteria, frameworks, FAQ, scenarios and the tree, validated and indexed."""

    def __init__(self, ds: Dataset) -> None:
        assert ds.sources and ds.criteria and ds.faq and ds.scenarios and ds.tree
        self._ds = ds
        self.sources = {s.id: s for s in ds.sources.model.sources}
        self.groups = {g.id: g for g in ds.criteria.model.groups}
        self.criteria = {c.id: c for c in ds.criteria.model.criteria}
        self.frameworks = {f.model.id: f.model for f in sorted(ds.frameworks, key=lambda f: f.model.name.lower())}
        self.faq_categories = {c.id: c for c in ds.faq.model.categories}
        self.faq = {e.id: e for e in ds.faq.model.faq}
        self.scenarios = {s.id: s for s in ds.scenarios.model.scenarios}
        self.tree = ds.tree.model
        self.questions = {q.id: q for q in self.tree.questions}
        self.results = {r.id: r for r in self.tree.results}

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

    @cached_property
    def citations(self) -> dict[str, list[Citation]]:
        """Source id -> every record citing it (once each), from the rules' list of references."""
        out: dict[str, list[Citation]] = {sid: [] for sid in self.sources}
        for ref in references(self._ds):
            if ref.kind in ("source", "article"):
                citation = self._citing(ref.at, ref.loc)
                if citation not in out[ref.id]:
                    out[ref.id].append(citation)
        return out

    def _citing(self, at: Any, loc: tuple[Any, ...]) -> Citation:
        ds = self._ds
        for parsed, key, kind in ((ds.criteria, "criteria", "criterion"), (ds.faq, "faq", "faq"), (ds.scenarios, "scenarios", "scenario")):
            if at is parsed:  # loc is (key, index, ...)
                return Citation(kind, getattr(at.model, key)[loc[1]].id)
        if any(at is fw for fw in ds.frameworks):
            return Citation("value", loc[1], at.model.id) if loc[0] == "values" else Citation("fact", loc[0], at.model.id)
        raise ValueError(f"a source is cited from {at.doc.file} at {loc}, which the source list cannot link to")

    # --- where records are written -------------------------------------------------------

    @cached_property
    def origins(self) -> dict[tuple[str, str], Origin]:
        """(kind, id) -> file and line, for every record."""
        ds, out = self._ds, {}
        listed: list[tuple[str, Any, str]] = [
            ("source", ds.sources, "sources"),
            ("criterion", ds.criteria, "criteria"),
            ("faq", ds.faq, "faq"),
            ("scenario", ds.scenarios, "scenarios"),
        ]
        for kind, parsed, key in listed:
            for i, item in enumerate(getattr(parsed.model, key)):
                out[(kind, item.id)] = Origin(parsed.doc.file, parsed.doc.where((key, i))[0])
        for fw in ds.frameworks:
            out[("framework", fw.model.id)] = Origin(fw.doc.file, 1)
            for cid in fw.model.values:
                out[(f"value:{fw.model.id}", cid)] = Origin(fw.doc.file, fw.doc.where(("values", cid))[0])
        tree = ds.tree
        for key in ("questions", "results"):
            for i, node in enumerate(getattr(tree.model, key)):
                out[("tree", node.id)] = Origin(tree.doc.file, tree.doc.where((key, i))[0])
        return out


def load_catalog(root: Path) -> Catalog:
    """Read and validate data/ under `root`; raise DataInvalid listing every problem."""
    ds, errors = read_dataset(root.resolve())
    errors += check(ds)  # rules skip files that failed, so every visible problem is reported
    if errors:
        raise DataInvalid(errors)
    return Catalog(ds)
