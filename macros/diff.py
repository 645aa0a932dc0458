"""`python -m macros diff BASE HEAD`: what a change does to the knowledge, in words.

Reads data/ as it is at two git revisions (`git archive` into temporary folders),
validates both, and lists the criteria, values, FAQ entries, scenarios, tree
nodes, sources and frameworks added, changed or removed, naming the fields that
changed. The output is Markdown, for a pull request's job summary
($GITHUB_STEP_SUMMARY) or a terminal.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .catalog import Catalog, load_catalog
from .errors import DataError, DataInvalid
from .render import plain

SHORT = 80  # text longer than this is reported as "reworded", not quoted


@dataclass(frozen=True)
class Change:
    """One record added, changed or removed."""

    kind: str  # a key of SECTIONS
    action: str  # "added", "changed" or "removed"
    name: str  # how a reader knows the record
    details: tuple[str, ...] = ()  # for "changed": what changed, one phrase per field


# Section heading, singular and plural noun, in the order the summary lists them.
SECTIONS: dict[str, tuple[str, str, str]] = {
    "framework": ("Frameworks", "framework", "frameworks"),
    "group": ("Criterion groups", "criterion group", "criterion groups"),
    "criterion": ("Criteria", "criterion", "criteria"),
    "value": ("Values", "value", "values"),
    "fact": ("Framework facts", "framework fact", "framework facts"),
    "faq-category": ("FAQ categories", "FAQ category", "FAQ categories"),
    "faq": ("FAQ entries", "FAQ entry", "FAQ entries"),
    "scenario": ("Scenarios", "scenario", "scenarios"),
    "tree": ("Decision tree nodes", "tree node", "tree nodes"),
    "source": ("Sources", "source", "sources"),
}


@dataclass
class Outcome:
    """The comparison, or the problems that stopped it."""

    base: str
    head: str
    changes: list[Change] = field(default_factory=list)
    problems: dict[str, list[DataError]] = field(default_factory=dict)  # revision -> its validation errors


# --- reading a revision -----------------------------------------------------------------


def checkout_data(repo: Path, revision: str, dest: Path) -> None:
    """Extract data/ as it is at `revision` into dest/data."""
    archive = subprocess.run(
        ["git", "-C", str(repo), "archive", "--format=tar", revision, "--", "data"],
        capture_output=True, check=False,
    )
    if archive.returncode != 0:
        raise SystemExit(f"git archive {revision} failed: {archive.stderr.decode(errors='replace').strip()}")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(dest, filter="data")


def catalog_at(repo: Path, revision: str, dest: Path) -> Catalog:
    """The validated data of one revision (raises DataInvalid)."""
    dest.mkdir(parents=True)
    checkout_data(repo, revision, dest)
    return load_catalog(dest)


def compare_revisions(repo: Path, base: str, head: str) -> Outcome:
    outcome = Outcome(base, head)
    catalogs: dict[str, Catalog] = {}
    with tempfile.TemporaryDirectory(prefix="kb-diff-") as tmp:
        for label, revision in (("base", base), ("head", head)):
            try:
                catalogs[label] = catalog_at(repo, revision, Path(tmp) / label)
            except DataInvalid as exc:
                outcome.problems[revision] = exc.errors
    if not outcome.problems:
        outcome.changes = list(changes(catalogs["base"], catalogs["head"]))
    return outcome


# --- comparing two catalogs ---------------------------------------------------------------


def records(catalog: Catalog) -> dict[str, dict[Any, tuple[str, BaseModel]]]:
    """Kind -> key -> (name, record), for every kind the summary reports."""
    fw_names = {fid: fw.name for fid, fw in catalog.frameworks.items()}

    def criterion_name(cid: str) -> str:
        return plain(catalog.criteria[cid].name) if cid in catalog.criteria else cid

    out: dict[str, dict[Any, tuple[str, BaseModel]]] = {kind: {} for kind in SECTIONS}
    for fid, fw in catalog.frameworks.items():
        out["framework"][fid] = (fw.name, fw)
        for cid, value in fw.values.items():
            out["value"][(fid, cid)] = (f"{fw_names[fid]} · {criterion_name(cid)}", value)
        for name in ("language", "runtime", "category", "first_release", "latest_release", "licence", "governance"):
            out["fact"][(fid, name)] = (f"{fw_names[fid]} · {name.replace('_', ' ')}", getattr(fw, name))
    for gid, group in catalog.groups.items():
        out["group"][gid] = (plain(group.name), group)
    for cid, criterion in catalog.criteria.items():
        out["criterion"][cid] = (plain(criterion.name), criterion)
    for cid, category in catalog.faq_categories.items():
        out["faq-category"][cid] = (plain(category.name), category)
    for eid, entry in catalog.faq.items():
        out["faq"][eid] = (plain(entry.question), entry)
    for sid, scenario in catalog.scenarios.items():
        out["scenario"][sid] = (plain(scenario.title), scenario)
    for qid, question in catalog.questions.items():
        out["tree"][qid] = (f"question “{plain(question.question)}”", question)
    for rid, result in catalog.results.items():
        out["tree"][rid] = (f"result “{rid}”", result)
    for sid, source in catalog.sources.items():
        out["source"][sid] = (plain(source.title), source)
    return out


# A framework's values and facts are reported on their own lines, not as changes of the framework.
_REPORTED_APART = {"framework": {"values", "language", "runtime", "category", "first_release", "latest_release", "licence", "governance"}}


def changes(base: Catalog, head: Catalog) -> Iterator[Change]:
    """Every record added, changed or removed between two catalogs, section by section."""
    old, new = records(base), records(head)
    for kind in SECTIONS:
        before, after = old[kind], new[kind]
        if kind in ("value", "fact"):  # a new framework's values are not news of their own
            before = {k: v for k, v in before.items() if k[0] in head.frameworks}
            after = {k: v for k, v in after.items() if k[0] in base.frameworks}
        for key, (name, record) in after.items():
            if key not in before:
                yield Change(kind, "added", name)
            else:
                details = field_changes(before[key][1], record, skip=_REPORTED_APART.get(kind, set()))
                if details:
                    yield Change(kind, "changed", name, tuple(details))
        for key, (name, _) in before.items():
            if key not in after:
                yield Change(kind, "removed", name)
        if kind == "tree" and base.tree.root != head.tree.root:
            yield Change(kind, "changed", "first question", (describe("root", base.tree.root, head.tree.root),))


def field_changes(old: BaseModel, new: BaseModel, skip: Collection[str] = (), prefix: str = "") -> list[str]:
    """One phrase per field that differs, e.g. 'verdict “Partial” → “Built in”'."""
    out = []
    for name in type(new).model_fields:
        if name in skip:
            continue
        a, b = getattr(old, name), getattr(new, name)
        label = prefix + name.replace("_", " ")
        if a == b:
            continue
        if isinstance(a, BaseModel) and type(a) is type(b):
            out += field_changes(a, b, prefix=label + " ")  # e.g. "related criteria: added `x`"
        else:
            out.append(describe(label, a, b))
    return out


def describe(label: str, old: Any, new: Any) -> str:
    if _is_id_list(old) and _is_id_list(new):
        added = [x for x in new if x not in old]
        removed = [x for x in old if x not in new]
        parts = [f"added {_ids(added)}" if added else "", f"removed {_ids(removed)}" if removed else ""]
        return f"{label}: " + "; ".join(p for p in parts if p) if added or removed else f"{label}: reordered"
    if isinstance(old, list) and isinstance(new, list):
        return f"{label}: {len(old)} → {len(new)}" if len(old) != len(new) else f"{label} edited"
    if isinstance(old, BaseModel) or isinstance(new, BaseModel):
        return f"{label} edited" if old is not None and new is not None else f"{label} {'added' if old is None else 'removed'}"
    if _short(old) and _short(new):
        return f"{label} {_show(old)} → {_show(new)}"
    return f"{label} reworded"


def _is_id_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(x, str) and len(x) <= 64 and " " not in x for x in value)


def _ids(ids: list[str]) -> str:
    return ", ".join(f"`{i}`" for i in ids)


def _short(value: Any) -> bool:
    return not isinstance(value, str) or len(value) <= SHORT


def _show(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, str):
        return f"“{' '.join(value.split())}”"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


# --- the summary ---------------------------------------------------------------------------


def _count(n: int, kind: str) -> str:
    _, one, many = SECTIONS[kind]
    return f"{n} {one if n == 1 else many}"


def summary(outcome: Outcome) -> str:
    """The Markdown the job summary shows."""
    lines = ["## What this change does to the knowledge", ""]
    if outcome.problems:
        for revision, errors in outcome.problems.items():
            noun = "problem" if len(errors) == 1 else "problems"
            lines += [f"The data at `{revision}` does not validate ({len(errors)} {noun}), so it cannot be compared:", "", "```text"]
            lines += [str(e) for e in errors] + ["```", ""]
        return "\n".join(lines)
    if not outcome.changes:
        lines.append(f"Nothing: the records in data/ are the same at `{outcome.base}` and `{outcome.head}` "
                     "(comments, order of keys or layout may differ).")
        return "\n".join(lines) + "\n"
    totals = []
    for action in ("added", "changed", "removed"):
        for kind in SECTIONS:
            n = sum(1 for c in outcome.changes if c.kind == kind and c.action == action)
            if n:
                totals.append(f"{_count(n, kind)} {action}")
    lines += [f"Between `{outcome.base}` and `{outcome.head}`: " + ", ".join(totals) + ".", ""]
    for kind, (heading, _, _) in SECTIONS.items():
        found = [c for c in outcome.changes if c.kind == kind]
        if not found:
            continue
        lines += [f"### {heading}", ""]
        for c in found:
            detail = f": {'; '.join(c.details)}" if c.details else ""
            lines.append(f"- {c.action.capitalize()}: **{_escape(c.name)}**{detail}")
        lines.append("")
    return "\n".join(lines)


def _escape(text: str) -> str:
    return text.replace("*", r"\*").replace("_", r"\_")
