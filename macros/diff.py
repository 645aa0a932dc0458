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
from .registry import BY_NAME, FILES, KINDS, FileKind, Kind
from .render import plain

SHORT = 80  # text longer than this is reported as "reworded", not quoted


@dataclass(frozen=True)
class Change:
    """One record added, changed or removed."""

    kind: str  # a kind of the registry
    action: str  # "added", "changed" or "removed"
    name: str  # how a reader knows the record
    details: tuple[str, ...] = ()  # for "changed": what changed, one phrase per field


# The kinds the summary lists, each a section, in the registry's order.
DIFFED: list[Kind] = [kind for kind in KINDS if kind.diffed]


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


def records(catalog: Catalog) -> dict[str, dict[tuple[str, str], tuple[str, BaseModel]]]:
    """Kind -> (parent id, id) -> (name, record), for every kind the summary reports."""
    out: dict[str, dict[tuple[str, str], tuple[str, BaseModel]]] = {}
    for kind in DIFFED:
        parents = {p.id: plain(p.found.kind.title(p.found, catalog)) for p in catalog.records(kind.parent)} if kind.parent else {}
        out[kind.name] = {}
        for r in catalog.records(kind):
            name = plain(kind.title(r.found, catalog))
            out[kind.name][(r.found.parent, r.id)] = (f"{parents[r.found.parent]} · {name}" if kind.parent else name, r.model)
    return out


def reported_apart(kind: Kind) -> set[str]:
    """Fields of a record that hold records of another reported kind: each of those is reported on its own line."""
    return {
        path[len(own)]
        for other in DIFFED if other is not kind and other.file is kind.file
        for own in kind.paths for path in other.paths
        if len(path) > len(own) and path[:len(own)] == own
    }


def file_fields(file: FileKind) -> list[str]:
    """A single file's top-level fields that hold no records (the tree's root), compared on their own."""
    held = {path[0] for kind in KINDS if kind.file is file for path in kind.paths if path}
    return [] if file.many else [name for name in file.model.model_fields if name not in held]


def changes(base: Catalog, head: Catalog) -> Iterator[Change]:
    """Every record added, changed or removed between two catalogs, section by section."""
    old, new = records(base), records(head)
    for kind in DIFFED:
        before, after = old[kind.name], new[kind.name]
        if kind.parent:  # the records inside a new or removed parent are not news of their own
            parents_before = {rid for _, rid in old[kind.parent]}
            parents_after = {rid for _, rid in new[kind.parent]}
            before = {k: v for k, v in before.items() if k[0] in parents_after}
            after = {k: v for k, v in after.items() if k[0] in parents_before}
        skip = reported_apart(kind)
        for key, (name, record) in after.items():
            if key not in before:
                yield Change(kind.name, "added", name)
            else:
                details = field_changes(before[key][1], record, skip=skip)
                if details:
                    yield Change(kind.name, "changed", name, tuple(details))
        for key, (name, _) in before.items():
            if key not in after:
                yield Change(kind.name, "removed", name)
    for file in FILES:
        a, b = base.file_model(file), head.file_model(file)
        details = [describe(name.replace("_", " "), getattr(a, name), getattr(b, name)) for name in file_fields(file)
                   if a is not None and b is not None and getattr(a, name) != getattr(b, name)]
        if details:
            yield Change(next(k.name for k in DIFFED if k.file is file), "changed", file.path, tuple(details))


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
    return f"{n} {BY_NAME[kind].noun if n == 1 else BY_NAME[kind].plural}"


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
        for kind in (k.name for k in DIFFED):
            n = sum(1 for c in outcome.changes if c.kind == kind and c.action == action)
            if n:
                totals.append(f"{_count(n, kind)} {action}")
    lines += [f"Between `{outcome.base}` and `{outcome.head}`: " + ", ".join(totals) + ".", ""]
    for kind in DIFFED:
        found = [c for c in outcome.changes if c.kind == kind.name]
        if not found:
            continue
        lines += [f"### {kind.plural[0].upper() + kind.plural[1:]}", ""]
        for c in found:
            detail = f": {'; '.join(c.details)}" if c.details else ""
            lines.append(f"- {c.action.capitalize()}: **{_escape(c.name)}**{detail}")
        lines.append("")
    return "\n".join(lines)


def _escape(text: str) -> str:
    return text.replace("*", r"\*").replace("_", r"\_")
