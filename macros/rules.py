"""Checks across records and files, each a small named function returning its errors.

The shape of each file is already checked (shape.py); these rules check what a
schema cannot: unique ids, references that resolve, complete coverage, a sound tree.
A rule skips what it cannot see (a file that failed its shape check).
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

from . import model as m
from .dataset import Dataset, Parsed, Record, Reference
from .errors import DataError, did_you_mean
from .load import Loc
from .measurement import MAX_SERIES, RATIO_CONNECTIONS, latest
from .registry import BY_NAME, CRITERIA, FRAMEWORK, KINDS, LOADTEST, SCENARIOS, SOURCES, TREE

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
            first: dict[tuple[str, Loc, Any], Record] = {}
            for record in ds.records(kind):
                key = (record.found.parent, record.loc[:-2], getattr(record.model, field))
                if key not in first:
                    first[key] = record
                    continue
                seen = first[key]
                line = seen.at.doc.where(seen.loc + (field,))[0]
                where = f"at line {line}" if seen.at is record.at else f"in {seen.at.doc.file}:{line}"
                errors.append(record.error((field,), f"duplicate {field} '{key[2]}'", f"already used {where}; {field}s must be unique"))
    return errors


def framework_ids_match_file_names(ds: Dataset) -> list[DataError]:
    """data/frameworks/<id>.yaml holds the framework with that id."""
    return [
        fw.error(("id",), f"id '{fw.model.id}' does not match the file name", f"rename the file to {fw.model.id}.yaml or set id: {fw.name}")
        for fw in ds.files[FRAMEWORK.name]
        if fw.name != fw.model.id
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
    cited |= {s.id for s in ds.records("source") if s.model.measurement}  # the load test page cites every run
    return [
        s.error(("id",), f"source '{s.id}' is not cited by any fact", "cite it or remove it")
        for s in ds.records("source")
        if s.id not in cited
    ]


# --- load-test runs: data/loadtest/<date>.yaml, written by `make loadtest` ---------------------------

RERUN = "results files are written by `make loadtest`, never by hand: restore the file from git or run it again"


def _runs(ds: Dataset) -> list[Parsed[m.LoadTestRun]]:
    return ds.files[LOADTEST.name]


def _connections(n: int) -> str:
    return f"{n} connection{'' if n == 1 else 's'}"


def run_files_are_named_by_their_date(ds: Dataset) -> list[DataError]:
    """data/loadtest/<date>.yaml (<date>-2.yaml for a second run that day) holds the run that started that UTC day."""
    errors = []
    for p in _runs(ds):
        day = p.model.run.date.isoformat()
        if not re.fullmatch(rf"{day}(-[2-9]|-[1-9][0-9]+)?", p.name):
            errors.append(p.error(("run", "date"), f"a run of {day} in a file named {p.name}.yaml",
                                  f"a run's file is named by its date: rename it to {day}.yaml, or {day}-2.yaml for a second run that day"))
        if not p.model.run.started.startswith(day):
            errors.append(p.error(("run", "started"), f"started {p.model.run.started} is not on the run's date, {day}", RERUN))
    return errors


def cells_name_apps_and_endpoints_of_their_run(ds: Dataset) -> list[DataError]:
    """A cell measures an app and an endpoint listed in its own file."""
    errors = []
    for p in _runs(ds):
        names = {"app": [a.id for a in p.model.apps], "endpoint": [e.id for e in p.model.endpoints]}
        for i, cell in enumerate(p.model.cells):
            for field, known in names.items():
                value = getattr(cell, field)
                if value not in known:
                    errors.append(p.error(("cells", i, field), f"no {field} '{value}' in this run",
                                          did_you_mean(value, known) or f"this run's {field}s: {', '.join(known)}"))
    return errors


def _spread(runs: list[float]) -> float:
    """As the harness computes it (loadtest/stats.py): (max - min) / median, against the max when the median is 0."""
    low, high, middle = min(runs), max(runs), statistics.median(runs)
    base = middle if middle > 0 else high
    return (high - low) / base if base > 0 else 0.0


def _spread_tolerance(runs: list[float], spread: float) -> float:
    """How far a spread computed from the written repetitions (each rounded to 0.1) may be from the written spread
    (rounded to 0.001): the rounding moves max - min by up to 0.1 and the median by up to 0.05."""
    base = statistics.median(runs) or max(runs)
    return 0.0005 + (0.1 + 0.05 * spread) / max(base - 0.05, 0.05) + 1e-9


def cells_agree_with_their_runs(ds: Dataset) -> list[DataError]:
    """A cell has as many repetitions as the method says, and its median, min, max and spread are theirs."""
    errors = []
    for p in _runs(ds):
        repetitions = p.model.method.repetitions
        for i, cell in enumerate(p.model.cells):
            runs = cell.runs
            if len(runs) != repetitions:
                errors.append(p.error(("cells", i, "runs"), f"{len(runs)} repetitions; the method says {repetitions}", RERUN))
            # The written median of an even number of repetitions is their mean rounded to 0.1.
            for field, value, slack in (("median", statistics.median(runs), 0.05), ("min", min(runs), 0), ("max", max(runs), 0)):
                written = getattr(cell.rps, field)
                if abs(written - value) > slack + 1e-9:
                    errors.append(p.error(("cells", i, "rps", field), f"{field} {written} rps is not the {field} of its runs ({value:.1f})", RERUN))
            spread = _spread(runs)
            if abs(cell.spread - spread) > _spread_tolerance(runs, cell.spread):
                errors.append(p.error(("cells", i, "spread"), f"spread {cell.spread} does not match its runs ({spread:.3f})", RERUN))
    return errors


def noisy_flags_follow_the_threshold(ds: Dataset) -> list[DataError]:
    """A cell is noisy exactly when its spread is above the method's noisy_above."""
    errors = []
    for p in _runs(ds):
        above = p.model.method.noisy_above
        for i, cell in enumerate(p.model.cells):
            if cell.noisy != (cell.spread > above):
                relation = "above" if cell.spread > above else "not above"
                errors.append(p.error(("cells", i, "noisy"), f"noisy is {str(cell.noisy).lower()}, but spread {cell.spread} is {relation} "
                                      f"noisy_above {above}", RERUN))
    return errors


def latency_percentiles_are_ordered(ds: Dataset) -> list[DataError]:
    """A cell's 50th percentile latency is no higher than its 99th."""
    return [
        p.error(("cells", i, "latency_ms"), f"p50 {cell.latency_ms.p50} ms is above p99 {cell.latency_ms.p99} ms", RERUN)
        for p in _runs(ds)
        for i, cell in enumerate(p.model.cells)
        if cell.latency_ms.p50 > cell.latency_ms.p99
    ]


def apps_agree_with_their_processes(ds: Dataset) -> list[DataError]:
    """multi_process means more than one process, a reference point has no framework, and one process is always compared."""
    errors = []
    for p in _runs(ds):
        for i, app in enumerate(p.model.apps):
            if app.multi_process != (app.processes > 1):
                errors.append(p.error(("apps", i, "multi_process"), f"multi_process is {str(app.multi_process).lower()} with "
                                      f"{app.processes} process{'es' if app.processes > 1 else ''}", RERUN))
            if app.reference != (app.framework is None):
                errors.append(p.error(("apps", i, "reference"), f"reference is {str(app.reference).lower()}, but the app "
                                      + ("has no framework" if app.framework is None else f"runs framework '{app.framework}'"), RERUN))
            if not app.multi_process and not app.compared:
                errors.append(p.error(("apps", i, "compared"), "a single-process app is always compared", RERUN))
    return errors


def runs_measure_every_cell_once(ds: Dataset) -> list[DataError]:
    """Each app is measured once on each endpoint at each of its levels: compared apps at `connections`,
    reference points at `reference_connections`."""
    errors = []
    for p in _runs(ds):
        run = p.model
        levels = {a.id: run.method.reference_connections if a.reference else run.method.connections for a in run.apps}
        seen: dict[tuple[str, str, int], int] = {}
        for i, cell in enumerate(run.cells):
            key = (cell.app, cell.endpoint, cell.connections)
            if key in seen:
                line = p.doc.where(("cells", seen[key]))[0]
                errors.append(p.error(("cells", i), f"a second cell for {cell.app} on {cell.endpoint} at {_connections(cell.connections)}",
                                      f"the first is at line {line}; {RERUN}"))
                continue
            seen[key] = i
            if cell.app in levels and cell.connections not in levels[cell.app]:
                errors.append(p.error(("cells", i, "connections"), f"{_connections(cell.connections)} is not a level the method lists for "
                                      f"{cell.app} ({', '.join(map(str, levels[cell.app]))})", RERUN))
        missing = [f"{app} on {e.id} at {_connections(n)}" for app, app_levels in levels.items() for e in run.endpoints
                   for n in app_levels if (app, e.id, n) not in seen]
        if missing:
            more = f", and {len(missing) - 3} more" if len(missing) > 3 else ""
            errors.append(p.error(("cells",), f"no cell for {'; '.join(missing[:3])}{more}", RERUN))
    return errors


def runs_compare_two_frameworks(ds: Dataset) -> list[DataError]:
    """The site divides one framework's configurations by the other's at RATIO_CONNECTIONS and draws each in its
    own style: a run compares two frameworks, at that level, in at most MAX_SERIES configurations, each answering."""
    errors = []
    for p in _runs(ds):
        run = p.model
        compared = [a for a in run.apps if a.framework is not None and a.compared]
        frameworks = list(dict.fromkeys(a.framework for a in compared))
        if len(frameworks) != 2:
            errors.append(p.error(("apps",), f"the compared apps run {len(frameworks)} framework{'' if len(frameworks) == 1 else 's'} "
                                  f"({', '.join(map(str, frameworks)) or 'none'}); the site's ratios need two", RERUN))
        if len(compared) > MAX_SERIES:
            errors.append(p.error(("apps",), f"{len(compared)} compared apps; the charts draw at most {MAX_SERIES}",
                                  "give the charts more line styles (macros/render/charts.py) before measuring more configurations"))
        if RATIO_CONNECTIONS not in run.method.connections:
            errors.append(p.error(("method", "connections"), f"no level of {RATIO_CONNECTIONS} connections, where the site compares", RERUN))
        ids = {a.id for a in compared}
        errors += [p.error(("cells", i, "rps", "median"), f"{cell.app} answered no request on {cell.endpoint} at {_connections(cell.connections)}; "
                           "the charts' logarithmic axis has no place for 0",
                           "find out why it failed under load, then run `make loadtest` again")
                   for i, cell in enumerate(run.cells) if cell.app in ids and cell.rps.median == 0]
    return errors


def every_run_has_one_source(ds: Dataset) -> list[DataError]:
    """Each run is cited like any source: one entry of data/sources.yaml names it in `measurement`."""
    if not ds.files[SOURCES.name]:
        return []
    sources: dict[str, list[Record]] = {}
    for s in ds.records("source"):
        if s.model.measurement:
            sources.setdefault(s.model.measurement, []).append(s)
    errors = [
        p.error(("run",), "no entry of data/sources.yaml cites this run",
                f"add one of kind benchmark with the next free number, run, published, measurement: \"{p.name}\" (quoted) and url: "
                f"the file in the repository (…/blob/main/data/loadtest/{p.name}.yaml)")
        for p in _runs(ds) if p.name not in sources
    ]
    for run_id, entries in sources.items():
        errors += [s.error(("measurement",), f"run '{run_id}' already has its source, '{entries[0].id}'", "cite each run through one source")
                   for s in entries[1:]]
    return errors


def run_sources_point_at_their_file(ds: Dataset) -> list[DataError]:
    """A run's source is a benchmark whose url is the run's results file."""
    runs = set(ds.stems.get(LOADTEST.name, []))
    errors = []
    for s in ds.records("source"):
        run_id = s.model.measurement
        if run_id not in runs:
            continue  # none, or an unknown run: references_resolve reports it
        if s.model.kind != "benchmark":
            errors.append(s.error(("kind",), f"the source of run '{run_id}' has kind '{s.model.kind}'", "a load-test run is a source of kind 'benchmark'"))
        if not s.model.url.endswith(f"/data/loadtest/{run_id}.yaml"):
            errors.append(s.error(("url",), f"the url of run '{run_id}' is not its results file",
                                  f"link the file in the repository, ending in /data/loadtest/{run_id}.yaml"))
    return errors


def measured_endpoints_are_in_the_latest_run(ds: Dataset) -> list[DataError]:
    """A "Measured here" line shows the latest run, so the endpoints it cites must be in that run."""
    runs = {p.name: p.model for p in _runs(ds)}
    if not runs or not ds.has(LOADTEST):
        return []
    newest = latest(runs)
    current = [e.id for e in runs[newest].endpoints]
    earlier = {e.id for run in runs.values() for e in run.endpoints}
    return [
        ref.at.error(ref.loc, f"endpoint '{ref.id}' is not in the latest run, {newest}", f"cite one it measured: {', '.join(current)}")
        for ref in references(ds)
        if ref.kind == "run endpoint" and ref.id in earlier and ref.id not in current  # unknown everywhere: references_resolve
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
    run_files_are_named_by_their_date,
    cells_name_apps_and_endpoints_of_their_run,
    cells_agree_with_their_runs,
    noisy_flags_follow_the_threshold,
    latency_percentiles_are_ordered,
    apps_agree_with_their_processes,
    runs_measure_every_cell_once,
    runs_compare_two_frameworks,
    every_run_has_one_source,
    run_sources_point_at_their_file,
    measured_endpoints_are_in_the_latest_run,
]


def check(ds: Dataset) -> list[DataError]:
    """Run every rule; return all their errors."""
    return [error for rule in RULES for error in rule(ds)]
