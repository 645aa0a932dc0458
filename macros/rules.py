"""Checks across records and files, each a small named function returning its errors.

The shape of each file is already checked (shape.py); these rules check what a
schema cannot: unique ids, references that resolve, complete coverage, a sound tree.
A rule skips what it cannot see (a file that failed its shape check).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from .dataset import Dataset, Parsed
from .errors import DataError, did_you_mean
from .load import Loc

MAX_TREE_DEPTH = 6
FAQ_WORDS = (40, 150)


@dataclass(frozen=True)
class Ref:
    """One reference by id from a place in a file to a record of some kind."""

    at: Parsed[Any]
    loc: Loc
    kind: str
    id: str


def known_ids(ds: Dataset) -> dict[str, list[str]]:
    """Ids of every kind, for the files that parsed."""
    ids: dict[str, list[str]] = {"framework": list(ds.framework_files)}
    if ds.sources:
        ids["source"] = [s.id for s in ds.sources.model.sources]
        ids["article"] = [s.id for s in ds.sources.model.sources if s.kind == "article"]
    if ds.criteria:
        ids["group"] = [g.id for g in ds.criteria.model.groups]
        ids["criterion"] = [c.id for c in ds.criteria.model.criteria]
    if ds.faq:
        ids["faq category"] = [c.id for c in ds.faq.model.categories]
        ids["FAQ entry"] = [e.id for e in ds.faq.model.faq]
    if ds.scenarios:
        ids["scenario"] = [s.id for s in ds.scenarios.model.scenarios]
    if ds.tree:
        ids["tree node"] = [q.id for q in ds.tree.model.questions] + [r.id for r in ds.tree.model.results]
    return ids


def references(ds: Dataset) -> Iterator[Ref]:
    """Every cross-reference in the data: the one list the reference rule walks."""
    if ds.criteria:
        c = ds.criteria
        for i, crit in enumerate(c.model.criteria):
            yield Ref(c, ("criteria", i, "group"), "group", crit.group)
            yield from _claim_refs(c, ("criteria", i), crit.claims)
    for fw in ds.frameworks:
        for name in ("language", "runtime", "category", "first_release", "latest_release", "licence", "governance"):
            for j, sid in enumerate(getattr(fw.model, name).sources):
                yield Ref(fw, (name, "sources", j), "source", sid)
        for cid, value in fw.model.values.items():
            yield Ref(fw, ("values", cid), "criterion", cid)
            for j, sid in enumerate(value.sources):
                yield Ref(fw, ("values", cid, "sources", j), "source", sid)
    if ds.faq:
        f = ds.faq
        for i, entry in enumerate(f.model.faq):
            yield Ref(f, ("faq", i, "category"), "faq category", entry.category)
            for field, kind in (("criteria", "criterion"), ("scenarios", "scenario"), ("faq", "FAQ entry"), ("frameworks", "framework")):
                for j, rid in enumerate(getattr(entry.related, field)):
                    yield Ref(f, ("faq", i, "related", field, j), kind, rid)
            yield from _source_refs(f, ("faq", i), entry.sources)
            yield from _claim_refs(f, ("faq", i), entry.claims)
    if ds.scenarios:
        s = ds.scenarios
        for i, sc in enumerate(s.model.scenarios):
            for field in ("recommend", "alternatives"):
                for j, fid in enumerate(getattr(sc, field)):
                    yield Ref(s, ("scenarios", i, field, j), "framework", fid)
            for j, reason in enumerate(sc.reasons):
                yield Ref(s, ("scenarios", i, "reasons", j, "criterion"), "criterion", reason.criterion)
            for j, fid in enumerate(sc.related_faq):
                yield Ref(s, ("scenarios", i, "related_faq", j), "FAQ entry", fid)
            yield from _source_refs(s, ("scenarios", i), sc.sources)
            yield from _claim_refs(s, ("scenarios", i), sc.claims)
    if ds.tree:
        t = ds.tree
        yield Ref(t, ("root",), "tree node", t.model.root)
        for i, q in enumerate(t.model.questions):
            for j, answer in enumerate(q.answers):
                yield Ref(t, ("questions", i, "answers", j, "next"), "tree node", answer.next)
                for k, fid in enumerate(answer.knows):
                    yield Ref(t, ("questions", i, "answers", j, "knows", k), "framework", fid)
        for i, r in enumerate(t.model.results):
            yield Ref(t, ("results", i, "scenario"), "scenario", r.scenario)
            for j, fid in enumerate(r.recommend):
                yield Ref(t, ("results", i, "recommend", j), "framework", fid)


def _source_refs(at: Parsed[Any], loc: Loc, ids: list[str]) -> Iterator[Ref]:
    for j, sid in enumerate(ids):
        yield Ref(at, loc + ("sources", j), "source", sid)


def _claim_refs(at: Parsed[Any], loc: Loc, claims: list[Any]) -> Iterator[Ref]:
    for k, claim in enumerate(claims):
        yield Ref(at, loc + ("claims", k, "source"), "article", claim.source)
        yield from _source_refs(at, loc + ("claims", k), claim.sources)


# --- the rules -----------------------------------------------------------------------


def ids_are_unique(ds: Dataset) -> list[DataError]:
    """No two records of one kind share an id; answers are unique within their question."""
    errors: list[DataError] = []
    lists: list[tuple[Parsed[Any], str, list[Any]]] = []
    if ds.sources:
        lists.append((ds.sources, "sources", ds.sources.model.sources))
    if ds.criteria:
        lists += [(ds.criteria, "groups", ds.criteria.model.groups), (ds.criteria, "criteria", ds.criteria.model.criteria)]
    if ds.faq:
        lists += [(ds.faq, "categories", ds.faq.model.categories), (ds.faq, "faq", ds.faq.model.faq)]
    if ds.scenarios:
        lists.append((ds.scenarios, "scenarios", ds.scenarios.model.scenarios))
    for at, key, items in lists:
        errors += _duplicates(at, [((key, i), item.id) for i, item in enumerate(items)])
    if ds.tree:
        t = ds.tree.model
        nodes = [(("questions", i), q.id) for i, q in enumerate(t.questions)] + [(("results", i), r.id) for i, r in enumerate(t.results)]
        errors += _duplicates(ds.tree, nodes)
        for i, q in enumerate(t.questions):
            errors += _duplicates(ds.tree, [(("questions", i, "answers", j), a.id) for j, a in enumerate(q.answers)])
    return errors


def _duplicates(at: Parsed[Any], items: list[tuple[Loc, str]]) -> list[DataError]:
    first: dict[str, Loc] = {}
    errors = []
    for loc, rid in items:
        if rid in first:
            line, _ = at.doc.where(first[rid] + ("id",))
            errors.append(at.error(loc + ("id",), f"duplicate id '{rid}'", f"already used at line {line}; ids must be unique"))
        else:
            first[rid] = loc
    return errors


def framework_ids_match_file_names(ds: Dataset) -> list[DataError]:
    """data/frameworks/<id>.yaml holds the framework with that id."""
    return [
        fw.error(("id",), f"id '{fw.model.id}' does not match the file name", f"rename the file to {fw.model.id}.yaml or set id: {fw.doc.file.rsplit('/', 1)[-1][:-5]}")
        for fw in ds.frameworks
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
        if ref.kind == "article" and ref.id in lookup.get("source", ()):
            errors.append(ref.at.error(ref.loc, f"source '{ref.id}' is not an article", "claims must cite a source of kind 'article'"))
            continue
        noun = "source of kind 'article'" if ref.kind == "article" else ref.kind
        errors.append(ref.at.error(ref.loc, f"unknown {noun} '{ref.id}'", did_you_mean(ref.id, ids[ref.kind])))
    return errors


def every_framework_values_every_criterion(ds: Dataset) -> list[DataError]:
    """Each framework file has a value for every criterion (an explicit 'unknown' is fine)."""
    if not ds.criteria:
        return []
    errors = []
    for fw in ds.frameworks:
        missing = [c.id for c in ds.criteria.model.criteria if c.id not in fw.model.values]
        if missing:
            errors.append(fw.error(("values",), f"no value for criteria: {', '.join(missing)}", "add each, with level 'unknown' and a reason if nobody knows yet"))
    return errors


def values_cite_sources(ds: Dataset) -> list[DataError]:
    """A value states a fact, so it cites a source, unless its level is 'unknown'."""
    return [
        fw.error(("values", cid, "sources"), "a value needs at least one source", "add a source id, or set level: unknown and say why")
        for fw in ds.frameworks
        for cid, value in fw.model.values.items()
        if not value.sources and value.level != "unknown"
    ]


def tree_is_sound(ds: Dataset) -> list[DataError]:
    """One root question; every node reachable; no cycles; every path ends in a result within the depth limit."""
    if not ds.tree:
        return []
    t, tree = ds.tree, ds.tree.model
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
    if not ds.tree or not ds.scenarios:
        return []
    t, tree = ds.tree, ds.tree.model
    scenarios = {s.id: s for s in ds.scenarios.model.scenarios}
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


def tree_paths(tree: Any) -> Iterator[tuple[list[tuple[str, Any]], str]]:
    """Every (answers from the root, result id) path of a sound tree; nothing for parts that are not sound."""
    questions = {q.id: q for q in tree.questions}
    results = {r.id for r in tree.results}

    def walk(node: str, steps: list[tuple[str, Any]]) -> Iterator[tuple[list[tuple[str, Any]], str]]:
        if node in results:
            yield steps, node
        elif node in questions and len(steps) < MAX_TREE_DEPTH and node not in {q for q, _ in steps}:
            for answer in questions[node].answers:
                yield from walk(answer.next, steps + [(node, answer)])

    yield from walk(tree.root, [])


def release_dates_cite_a_release(ds: Dataset) -> list[DataError]:
    """A release date cites release notes or a tag: registry metadata alone has dated releases wrongly."""
    if not ds.sources:
        return []
    kinds = {s.id: s.kind for s in ds.sources.model.sources}
    return [
        fw.error(("latest_release", "sources"), "a release date needs a source of kind 'release-notes' or 'repository'",
                 "cite the release's tag or its changelog entry; registry metadata alone does not date a release")
        for fw in ds.frameworks
        if not any(kinds.get(sid) in ("release-notes", "repository") for sid in fw.model.latest_release.sources)
    ]


# Pages that list many releases: a citation of one of them points at the entry it means.
_CHANGELOG = re.compile(r"(History|CHANGELOG|CHANGES|HISTORY)(\.md|\.rst)?$|/changes/?$|/changelog/?$", re.IGNORECASE)


def sources_point_at_the_place(ds: Dataset) -> list[DataError]:
    """A changelog is cited at its entry, and a benchmark names the round or run its figures come from."""
    if not ds.sources:
        return []
    errors = []
    for i, source in enumerate(ds.sources.model.sources):
        url = source.url.split("#", 1)
        if source.kind == "release-notes" and len(url) == 1 and _CHANGELOG.search(url[0]):
            errors.append(ds.sources.error(("sources", i, "url"), "a changelog is cited without the entry it means",
                                           "add the entry's anchor, e.g. …/History.md#530--2026-10-09, or cite the release's tag"))
        if source.kind == "benchmark" and (source.run is None or source.published is None):
            missing = " and ".join(f for f in ("run", "published") if getattr(source, f) is None)
            errors.append(ds.sources.error(("sources", i), f"a benchmark source needs its {missing}",
                                           "name the round or run (run: Round 23) and the date its figures were published"))
    return errors


def faq_answers_have_40_to_150_words(ds: Dataset) -> list[DataError]:
    """FAQ answers are short enough to read at a glance and long enough to answer."""
    if not ds.faq:
        return []
    low, high = FAQ_WORDS
    errors = []
    for i, entry in enumerate(ds.faq.model.faq):
        count = len(re.findall(r"[\w'’.-]+", entry.answer))
        if not low <= count <= high:
            errors.append(ds.faq.error(("faq", i, "answer"), f"answer has {count} words; expected {low} to {high}", "lead with the direct answer; end with where to read more"))
    return errors


def article_questions_are_unique(ds: Dataset) -> list[DataError]:
    """Each question of the source article is answered by one entry."""
    if not ds.faq:
        return []
    numbers = Counter(e.article_question for e in ds.faq.model.faq if e.article_question is not None)
    return [
        ds.faq.error(("faq", i, "article_question"), f"article question {e.article_question} is answered twice", "merge the two entries")
        for i, e in enumerate(ds.faq.model.faq)
        if e.article_question is not None and numbers[e.article_question] > 1
    ]


def every_source_is_cited(ds: Dataset) -> list[DataError]:
    """A source nobody cites is dead weight on the sources page."""
    complete = ds.criteria and ds.faq and ds.scenarios and len(ds.frameworks) == len(ds.framework_files)
    if not ds.sources or not complete:
        return []  # a source may be cited in a file that failed its shape check
    cited = {ref.id for ref in references(ds) if ref.kind in ("source", "article")}
    return [
        ds.sources.error(("sources", i, "id"), f"source '{s.id}' is not cited by any fact", "cite it or remove it")
        for i, s in enumerate(ds.sources.model.sources)
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
    release_dates_cite_a_release,
    sources_point_at_the_place,
    faq_answers_have_40_to_150_words,
    article_questions_are_unique,
    every_source_is_cited,
]


def check(ds: Dataset) -> list[DataError]:
    """Run every rule; return all their errors."""
    return [error for rule in RULES for error in rule(ds)]
