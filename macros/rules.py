"""Checks across records and files, each a small named function returning its errors.

The shape of each file is already checked (shape.py); these rules check what a
schema cannot: unique ids, references that resolve, complete coverage, a sound tree.
A rule skips what it cannot see (a file that failed its shape check).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

from . import model as m
from .dataset import Dataset, Record, Reference
from .errors import DataError, did_you_mean
from .load import Loc
from .registry import BY_NAME, CRITERIA, FRAMEWORK, KINDS, SCENARIOS, TREE

MAX_TREE_DEPTH = 6


# --- references, as the model's fields declare them -----------------------------------------------


def references(ds: Dataset) -> list[Reference]:
    """Every cross-reference in the data: each field marked Ref(kind) in macros/model.py, wherever it sits."""
    return ds.references


def known_ids(ds: Dataset) -> dict[str, list[str]]:
    """Ids of every kind whose files parsed; a kind of whole files knows its ids from the file names."""
    ids: dict[str, list[str]] = {}
    for kind in KINDS:
        if kind.paths == ((),):
            ids[kind.name] = list(ds.stems.get(kind.file.name, []))
        elif ds.files[kind.file.name]:
            ids[kind.name] = [r.id for r in ds.records(kind)]
    return ids


# --- the rules -----------------------------------------------------------------------


def ids_are_unique(ds: Dataset) -> list[DataError]:
    """No two records of one kind share an id (or a name, where names must differ too), within their parent."""
    errors: list[DataError] = []
    for kind in KINDS:
        if kind.subset_of:
            continue
        for field in kind.unique:
            first: dict[tuple[Loc, Any], Record] = {}
            for record in ds.records(kind):
                key = (record.loc[:-2], getattr(record.model, field))
                if key not in first:
                    first[key] = record
                    continue
                seen = first[key]
                line = seen.at.doc.where(seen.loc + (field,))[0]
                where = f"at line {line}" if seen.at is record.at else f"in {seen.at.doc.file}:{line}"
                errors.append(record.error((field,), f"duplicate {field} '{key[1]}'", f"already used {where}; {field}s must be unique"))
    return errors


def framework_ids_match_file_names(ds: Dataset) -> list[DataError]:
    """data/frameworks/<id>.yaml holds the framework with that id."""
    return [
        fw.error(("id",), f"id '{fw.model.id}' does not match the file name", f"rename the file to {fw.model.id}.yaml or set id: {fw.doc.file.rsplit('/', 1)[-1][:-5]}")
        for fw in ds.files[FRAMEWORK.name]
        if fw.doc.file.rsplit("/", 1)[-1] != f"{fw.model.id}.yaml"
    ]


def references_resolve(ds: Dataset) -> list[DataError]:
    """Every id used as a reference names an existing record of the right kind."""
    ids = known_ids(ds)
    lookup = {kind: set(values) for kind, values in ids.items()}  # sets: linear in the number of references
    errors = []
    for ref in references(ds):
        if ref.kind not in lookup or ref.id in lookup[ref.kind]:
            continue
        kind = BY_NAME[ref.kind]
        if kind.subset_of and ref.id in lookup.get(kind.subset_of, ()):
            errors.append(ref.at.error(ref.loc, f"{kind.subset_of} '{ref.id}' is not an {ref.kind}", f"claims must cite a {kind.noun}"))
            continue
        errors.append(ref.at.error(ref.loc, f"unknown {kind.noun} '{ref.id}'", did_you_mean(ref.id, ids[ref.kind])))
    return errors


def every_framework_values_every_criterion(ds: Dataset) -> list[DataError]:
    """Each framework file has a value for every criterion (an explicit 'unknown' is fine)."""
    if not ds.files[CRITERIA.name]:
        return []
    criteria = [c.id for c in ds.records("criterion")]
    errors = []
    for fw in ds.files[FRAMEWORK.name]:
        missing = [cid for cid in criteria if cid not in fw.model.values]
        if missing:
            errors.append(fw.error(("values",), f"no value for criteria: {', '.join(missing)}", "add each, with level 'unknown' and a reason if nobody knows yet"))
    return errors


def values_cite_sources(ds: Dataset) -> list[DataError]:
    """A value states a fact, so it cites a source, unless its level is 'unknown'."""
    return [
        value.error(("sources",), "a value needs at least one source", "add a source id, or set level: unknown and say why")
        for value in ds.records("value")
        if not value.model.sources and value.model.level != "unknown"
    ]


def tree_is_sound(ds: Dataset) -> list[DataError]:
    """One root question; every node reachable; no cycles; every path ends in a result within the depth limit."""
    if not ds.files[TREE.name]:
        return []
    t = ds.files[TREE.name][0]
    tree = t.model
    questions = {q.id: i for i, q in enumerate(tree.questions)}
    results = {r.id for r in tree.results}
    errors = []
    if tree.root in results:
        errors.append(t.error(("root",), f"root '{tree.root}' is a result", "the root must be a question"))
    if tree.root not in questions:
        return errors  # an unknown root is reported by references_resolve
    reached: set[str] = set()

    def walk(node: str, path: tuple[str, ...]) -> None:
        reached.add(node)
        if node not in questions:
            return
        i = questions[node]
        if len(path) + 1 > MAX_TREE_DEPTH:
            errors.append(t.error(("questions", i), f"path {' > '.join(path + (node,))} asks more than {MAX_TREE_DEPTH} questions", "shorten the path"))
            return
        for j, answer in enumerate(tree.questions[i].answers):
            if answer.next in path + (node,):
                errors.append(t.error(("questions", i, "answers", j, "next"), f"cycle: {' > '.join(path + (node, answer.next))}", "every path must end in a result"))
            elif answer.next in questions or answer.next in results:
                walk(answer.next, path + (node,))

    walk(tree.root, ())
    for i, q in enumerate(tree.questions):
        if q.id not in reached:
            errors.append(t.error(("questions", i, "id"), f"question '{q.id}' is unreachable from the root", "point an answer's next at it, or remove it"))
    for i, r in enumerate(tree.results):
        if r.id not in reached:
            errors.append(t.error(("results", i, "id"), f"result '{r.id}' is unreachable from the root", "point an answer's next at it, or remove it"))
    return errors


def tree_results_fit_their_paths(ds: Dataset) -> list[DataError]:
    """A result recommends only frameworks its scenario discusses, and never tells a team to
    switch language without saying why the switch pays for itself."""
    if not ds.files[TREE.name] or not ds.files[SCENARIOS.name]:
        return []
    t = ds.files[TREE.name][0]
    tree = t.model
    scenarios = {s.id: s.model for s in ds.records("scenario")}
    results = {r.id: i for i, r in enumerate(tree.results)}
    errors = []
    for i, r in enumerate(tree.results):
        scenario = scenarios.get(r.scenario)
        if scenario is None:
            continue  # reported by references_resolve
        discussed = list(scenario.recommend) + list(scenario.alternatives)
        for j, fid in enumerate(r.recommend):
            if fid not in discussed:
                errors.append(t.error(("results", i, "recommend", j), f"'{fid}' is not among the frameworks scenario '{scenario.id}' discusses ({', '.join(discussed)})",
                                      "recommend one of them, or add it to the scenario's alternatives with a caveat saying when it fits"))
    for steps, result_id in tree_paths(tree):
        knows = {fid for _, answer in steps for fid in answer.knows}
        i = results[result_id]
        r = tree.results[i]
        if knows and not knows & set(r.recommend) and not r.switch_reason:
            path = " > ".join(f"{q}:{answer.id}" for q, answer in steps)
            errors.append(t.error(("results", i, "recommend"), f"the path {path} recommends {', '.join(r.recommend)}, none of which the team knows ({', '.join(sorted(knows))})",
                                  "recommend a framework in the team's language, or say in switch_reason why switching pays for itself"))
    return errors


def tree_paths(tree: m.TreeFile) -> Iterator[tuple[list[tuple[str, m.Answer]], str]]:
    """Every (answers from the root, result id) path of a sound tree; nothing for parts that are not sound."""
    questions = {q.id: q for q in tree.questions}
    results = {r.id for r in tree.results}

    def walk(node: str, steps: list[tuple[str, m.Answer]]) -> Iterator[tuple[list[tuple[str, m.Answer]], str]]:
        if node in results:
            yield steps, node
        elif node in questions and len(steps) < MAX_TREE_DEPTH and node not in {q for q, _ in steps}:
            for answer in questions[node].answers:
                yield from walk(answer.next, steps + [(node, answer)])

    yield from walk(tree.root, [])


def release_dates_cite_a_release(ds: Dataset) -> list[DataError]:
    """A release is dated by its release note or tag (registry metadata alone has dated releases
    wrongly), or says that nothing does."""
    kinds = {s.id: s.model.kind for s in ds.records("source")}
    errors = []
    for fact in ds.records("fact"):
        release = fact.model
        if not isinstance(release, m.Release):
            continue
        if release.date is None and release.undated is None:
            errors.append(fact.error(("date",), "a release needs its date, or `undated` saying why no release note or tag gives one",
                                     "add date: YYYY-MM-DD (or YYYY-MM), or undated: what is known instead"))
        elif release.date is not None and release.undated is not None:
            errors.append(fact.error(("undated",), "a release has either a date or `undated`, not both", "remove the one that is not true"))
        elif release.date is not None and kinds and not any(kinds.get(sid) in ("release-notes", "repository") for sid in release.sources):
            errors.append(fact.error(("sources",), "a release date needs a source of kind 'release-notes' or 'repository'",
                                     "cite the release's tag or its changelog entry; registry metadata alone does not date a release"))
    return errors


# Pages that list many releases: a citation of one of them points at the entry it means.
_CHANGELOG = re.compile(r"(History|CHANGELOG|CHANGES|HISTORY)(\.md|\.rst)?$|/changes/?$|/changelog/?$", re.IGNORECASE)


def sources_point_at_the_place(ds: Dataset) -> list[DataError]:
    """A changelog is cited at its entry, and a benchmark names the round or run its figures come from."""
    errors = []
    for source in ds.records("source"):
        s = source.model
        if s.kind == "release-notes" and "#" not in s.url and _CHANGELOG.search(s.url):
            errors.append(source.error(("url",), "a changelog is cited without the entry it means",
                                       "add the entry's anchor, e.g. …/History.md#530--2026-10-09, or cite the release's tag"))
        if s.kind == "benchmark" and (s.run is None or s.published is None):
            missing = " and ".join(f for f in ("run", "published") if getattr(s, f) is None)
            errors.append(source.error((), f"a benchmark source needs its {missing}",
                                       "name the round or run (run: Round 23) and the date its figures were published"))
    return errors


def faq_answers_have_the_right_length(ds: Dataset) -> list[DataError]:
    """FAQ answers are short enough to read at a glance and long enough to answer."""
    low, high = m.FAQ_WORDS
    errors = []
    for entry in ds.records("faq"):
        count = len(re.findall(r"[\w'’.-]+", entry.model.answer))
        if not low <= count <= high:
            errors.append(entry.error(("answer",), f"answer has {count} words; expected {low} to {high}", "lead with the direct answer; end with where to read more"))
    return errors


def article_questions_are_unique(ds: Dataset) -> list[DataError]:
    """Each question of the source article is answered by one entry."""
    entries = ds.records("faq")
    numbers = Counter(e.model.article_question for e in entries if e.model.article_question is not None)
    return [
        e.error(("article_question",), f"article question {e.model.article_question} is answered twice", "merge the two entries")
        for e in entries
        if e.model.article_question is not None and numbers[e.model.article_question] > 1
    ]


def every_source_is_cited(ds: Dataset) -> list[DataError]:
    """A source nobody cites is dead weight on the sources page."""
    if not ds.complete:
        return []  # a source may be cited in a file that failed its shape check
    cited = {ref.id for ref in references(ds) if ref.kind in ("source", "article")}
    return [
        s.error(("id",), f"source '{s.id}' is not cited by any fact", "cite it or remove it")
        for s in ds.records("source")
        if s.id not in cited
    ]


RULES: list[Callable[[Dataset], list[DataError]]] = [
    ids_are_unique,
    framework_ids_match_file_names,
    references_resolve,
    every_framework_values_every_criterion,
    values_cite_sources,
    tree_is_sound,
    tree_results_fit_their_paths,
    faq_answers_have_the_right_length,
    release_dates_cite_a_release,
    sources_point_at_the_place,
    article_questions_are_unique,
    every_source_is_cited,
]


def check(ds: Dataset) -> list[DataError]:
    """Run every rule; return all their errors."""
    return [error for rule in RULES for error in rule(ds)]
