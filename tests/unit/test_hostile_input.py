"""Hostile input: whatever data/ holds, the validator answers with a report, never a crash.

Property-based: hypothesis mutates the minimal data set (drop, duplicate, retype and
rename fields, break references, inject cycles into the tree, very long and non-ASCII
strings) and `load_catalog` must either return a Catalog or raise DataInvalid whose
every error is one well-formed line (a data file, line and column >= 1, a message).
The mutations work on the parsed documents in memory, so thousands of examples run in
seconds; a smaller set of cases writes whole files, for what only the YAML reader sees
(empty files, tags, aliases, control characters, undecodable bytes).
"""

from __future__ import annotations

import copy
import datetime as dt
import math
import shutil
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros import dataset
from macros.catalog import Catalog, load_catalog
from macros.errors import DataError, DataInvalid
from macros.load import Document, Loc, format_loc, read_reference
from macros.registry import FRAMEWORK
from macros.rules import references
from tests.helpers import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "minimal"
# The parsed fixture, once, by the reader that records every node's position: an example
# copies the documents it mutates and shares the rest.
BASE: dict[Path, Document] = {
    path: read_reference(path.relative_to(FIXTURE).as_posix(), path.read_text(encoding="utf-8"))[0]  # type: ignore[misc]
    for path in dataset.data_files(FIXTURE)
}
FILES = sorted(BASE)
MAX_LINE = 1000  # an error line longer than this is no longer readable

# Fixed budgets and a fixed seed: CI sees the same examples on every run.
HOSTILE = settings(max_examples=3000, deadline=None, derandomize=True, database=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
TARGETED = settings(HOSTILE, max_examples=400)


# --- running the validator on documents held in memory ----------------------------------------


def validate(data: dict[Path, Any], moved: dict[Loc, Loc] | None = None) -> Catalog | DataInvalid:
    """`load_catalog` on the fixture, with each file's parsed content replaced by `data`.

    Positions stay those of the original files; `moved` gives a renamed key the
    position of the key it replaced, as the YAML reader would.
    """

    def read_from_memory(path: Path, root: Path) -> tuple[Document, list[DataError]]:
        base = BASE[path]
        positions = dict(base.positions)
        positions.update({new: base.positions[old] for new, old in (moved or {}).items() if old in base.positions})
        return Document(base.file, data[path], positions), []

    try:
        with mock.patch.object(dataset, "read", read_from_memory):
            return load_catalog(FIXTURE)
    except DataInvalid as exc:
        return exc


def assert_clear_report(outcome: Catalog | DataInvalid) -> list[DataError]:
    """A Catalog, or a non-empty list of one-line errors that each name a data file and a position."""
    if isinstance(outcome, Catalog):
        assert outcome.origins  # every record can say where it is written
        return []
    assert outcome.errors, "DataInvalid without a single error"
    for error in outcome.errors:
        assert isinstance(error, DataError), error
        assert error.file.startswith("data/") and error.file.endswith(".yaml") or error.file == FRAMEWORK.folder, error
        assert isinstance(error.line, int) and error.line >= 1, error
        assert isinstance(error.column, int) and error.column >= 1, error
        assert isinstance(error.message, str) and error.message.strip(), error
        line = str(error)
        assert "\n" not in line and "\r" not in line, f"an error must print as one line: {line!r}"
        assert len(line) <= MAX_LINE, f"an error line of {len(line)} characters: {line[:200]}…"
    return outcome.errors


# --- walking and editing plain YAML values ------------------------------------------------------


def nodes(value: Any, loc: Loc = ()) -> Iterator[tuple[Loc, Any]]:
    """Every (location, value) in a document, the root included."""
    yield loc, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from nodes(item, loc + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from nodes(item, loc + (index,))


def parent_of(doc: Any, loc: Loc) -> Any:
    for part in loc[:-1]:
        doc = doc[part]
    return doc


def replace_at(doc: Any, loc: Loc, value: Any) -> Any:
    """`doc` with the node at `loc` replaced (the new root when `loc` is empty)."""
    if not loc:
        return value
    parent_of(doc, loc)[loc[-1]] = value
    return doc


def rename_key(mapping: dict[Any, Any], old: Any, new: Any) -> None:
    """Rename a key in place, keeping the order of the others."""
    items = [(new if key == old else key, value) for key, value in mapping.items()]
    mapping.clear()
    mapping.update(items)


# --- strategies -----------------------------------------------------------------------------------

FIELD_NAMES = sorted({key for doc in BASE.values() for loc, _ in nodes(doc.data) for key in loc if isinstance(key, str)})
IDS = sorted({value for doc in BASE.values() for loc, value in nodes(doc.data) if loc and loc[-1] == "id"})

# Characters that break naive code: bidi and zero-width marks, line and paragraph
# separators, NUL and other controls, combining marks, astral-plane emoji, quotes.
AWKWARD = "\u202e\u200b\u200d\u2028\u2029\x00\x07\x1b\ufeff\u0301é漢字😀🏳️‍🌈\"'`\\<>&{}%#"

texts = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=AWKWARD + "abc -", max_size=40),
    # Very long strings, without asking hypothesis to draw every character.
    st.builds(lambda unit, n: unit * n, st.text(alphabet=AWKWARD + "ab ", min_size=1, max_size=8), st.integers(100, 3000)),
)
# Kebab-case ids: existing ones (wrong kind, duplicates) and new ones (dangling references).
new_ids = st.lists(st.sampled_from(["x", "async", "a1", "zz-top", "2"]), min_size=1, max_size=3).map("-".join)
ids = st.one_of(st.sampled_from(IDS), new_ids)
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=10**30), st.floats(allow_nan=True, allow_infinity=True),
    texts, ids, st.dates(), st.datetimes(), st.just(dt.date(2026, 11, 1)),
)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8) | ids, inner, max_size=3), max_leaves=6)
ids_or_texts = ids | texts
keys = st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=12), st.integers(), st.none(), st.booleans())

Draw = Callable[[st.SearchStrategy[Any]], Any]


def pick(draw: Draw, items: list[Any]) -> Any:
    """One of `items`; cheaper than a new sampled_from strategy per draw, and it shrinks to the first."""
    return items[draw(st.integers(0, len(items) - 1))]


def drop(draw: Draw, doc: Any) -> Any:
    """Remove a field or a list item."""
    locs = [loc for loc, _ in nodes(doc) if loc]
    if not locs:
        return doc
    loc = pick(draw, locs)
    del parent_of(doc, loc)[loc[-1]]
    return doc


def duplicate(draw: Draw, doc: Any) -> Any:
    """Repeat a list item (a record, an answer, an id in a list of references)."""
    lists = [value for _, value in nodes(doc) if isinstance(value, list) and value]
    if not lists:
        return doc
    items = pick(draw, lists)
    index = draw(st.integers(0, len(items) - 1))
    items.insert(index + draw(st.integers(0, 1)), copy.deepcopy(items[index]))
    return doc


def retype(draw: Draw, doc: Any) -> Any:
    """Put a value of another type (or another value) anywhere, the whole document included."""
    loc = pick(draw, [loc for loc, _ in nodes(doc)])
    return replace_at(doc, loc, draw(values))


def rename(draw: Draw, doc: Any) -> Any:
    """Rename a field: a typo, another field's name, a number, null."""
    locs = [loc for loc, _ in nodes(doc) if loc and isinstance(parent_of(doc, loc), dict)]
    if not locs:
        return doc
    loc = pick(draw, locs)
    rename_key(parent_of(doc, loc), loc[-1], draw(keys))
    return doc


def reword(draw: Draw, doc: Any) -> Any:
    """Replace a string with an id (a broken or wrong-kind reference), or very long or non-ASCII text."""
    locs = [loc for loc, value in nodes(doc) if isinstance(value, str)]
    if not locs:
        return doc
    return replace_at(doc, pick(draw, locs), draw(ids_or_texts))


def rewire_tree(draw: Draw, doc: Any) -> Any:
    """Point an answer (or the root) at any node of the tree: cycles, self-loops, skipped questions."""
    questions = doc.get("questions") if isinstance(doc, dict) else None
    if not isinstance(questions, list):
        return doc
    targets = [n["id"] for key in ("questions", "results") if isinstance(doc.get(key), list)
               for n in doc[key] if isinstance(n, dict) and isinstance(n.get("id"), str)]
    nexts = [(("questions", i, "answers", j, "next")) for i, q in enumerate(questions) if isinstance(q, dict)
             and isinstance(q.get("answers"), list) for j, a in enumerate(q["answers"]) if isinstance(a, dict) and "next" in a]
    if not targets or not nexts:
        return doc
    loc = pick(draw, nexts + [("root",)])
    return replace_at(doc, loc, pick(draw, targets))


MUTATIONS = [drop, duplicate, retype, rename, reword, rewire_tree]


@st.composite
def mutated_data(draw: Draw) -> dict[Path, Any]:
    """The fixture's documents after one to four mutations, each in a file of its own choice."""
    data = {path: doc.data for path, doc in BASE.items()}  # validation only reads them
    copied: set[Path] = set()
    for _ in range(draw(st.integers(1, 4))):
        path = pick(draw, FILES)
        if path not in copied:
            data[path] = copy.deepcopy(data[path])
            copied.add(path)
        mutation = pick(draw, MUTATIONS)
        data[path] = mutation(draw, data[path])
    return data


# --- properties --------------------------------------------------------------------------------------


def test_the_fixture_itself_is_valid() -> None:
    """Assert the unmutated documents validate, so every failure below comes from a mutation."""
    assert isinstance(validate({path: copy.deepcopy(doc.data) for path, doc in BASE.items()}), Catalog)


@HOSTILE
@given(mutated_data())
def test_any_mutation_gets_a_clear_report_or_a_catalog(data: dict[Path, Any]) -> None:
    """Assert mutated data yields a Catalog or one-line errors with file and position, never another exception."""
    assert_clear_report(validate(data))


# Every reference in the fixture: (file, location, kind of record it names).
REFS = [(path, ref.loc, ref.kind) for ref in references(dataset.read_dataset(FIXTURE)[0])
        for path in FILES if ref.at.doc.file == BASE[path].file]


@TARGETED
@given(st.sampled_from(REFS), new_ids.filter(lambda s: s not in IDS))
def test_a_broken_reference_is_reported_at_its_line(ref: tuple[Path, Loc, str], new_id: str) -> None:
    """Assert an id that names nothing is reported at the referring line, with its field path."""
    path, loc, _ = ref
    data = {p: copy.deepcopy(doc.data) for p, doc in BASE.items()}
    moved: dict[Loc, Loc] = {}
    if loc[0] == "values":  # a framework's values are keyed by criterion id
        rename_key(data[path]["values"], loc[1], new_id)
        moved[("values", new_id)] = loc
    else:
        replace_at(data[path], loc, new_id)
    errors = assert_clear_report(validate(data, moved))
    doc = BASE[path]
    line = doc.where(loc)[0]
    assert any(e.file == doc.file and e.line == line and f"'{new_id}'" in e.message for e in errors), \
        f"no error at {doc.file}:{line} for {format_loc(loc)}:\n" + "\n".join(map(str, errors))


def _tree_paths() -> list[tuple[int, int, str]]:
    """(question index, answer index, id of that question or of a question above it): every way to close a loop."""
    tree = next(doc.data for doc in BASE.values() if doc.file.endswith("decision-tree.yaml"))
    index = {q["id"]: i for i, q in enumerate(tree["questions"])}
    out: list[tuple[int, int, str]] = []

    def walk(qid: str, above: tuple[str, ...]) -> None:
        i = index[qid]
        for j, answer in enumerate(tree["questions"][i]["answers"]):
            out.extend((i, j, target) for target in above + (qid,))
            if answer["next"] in index:
                walk(answer["next"], above + (qid,))

    walk(tree["root"], ())
    return out


@TARGETED
@given(st.sampled_from(_tree_paths()))
def test_a_cycle_in_the_tree_is_reported(loop: tuple[int, int, str]) -> None:
    """Assert pointing an answer back at its own question or one above it is reported as a cycle at that answer."""
    i, j, target = loop
    path = next(p for p, doc in BASE.items() if doc.file.endswith("decision-tree.yaml"))
    data = {p: copy.deepcopy(doc.data) for p, doc in BASE.items()}
    data[path]["questions"][i]["answers"][j]["next"] = target
    errors = assert_clear_report(validate(data))
    at = format_loc(("questions", i, "answers", j, "next"))
    assert any(e.path == at and e.message.startswith("cycle: ") for e in errors), "\n".join(map(str, errors))


# --- whole files: what only the YAML reader sees --------------------------------------------------

# Aliases of aliases: 10**7 leaves if expanded. Kept at that size so that a loader
# which does expand them is stopped by the time limit before it eats the memory.
LAUGHS = "".join(f"l{n}: &l{n} [" + ", ".join([f"*l{n - 1}" if n else "lol"] * 10) + "]\n" for n in range(7))

FILE_CASES: dict[str, str | bytes] = {
    "empty": "",
    "only whitespace": "  \n\n\t\n",
    "only a comment": "# nothing here\n",
    "explicit null": "~\n",
    "a bare document marker": "---\n",
    "a list instead of a mapping": "- a\n- b\n",
    "a scalar instead of a mapping": "just text\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "a byte order mark": "\ufeff" + "sources: []\n",
    "undecodable bytes": b"sources: \xff\xfe\n",
    "a NUL byte": "sources:\x00 []\n",
    "a control character": "sources: [\x07]\n",
    "a tab as indentation": "sources:\n\t- a\n",
    "an unclosed bracket": "sources: [a, b\n",
    "an unclosed quote": 'sources: "abc\n',
    "a python tag": "sources: !!python/object/apply:os.system [echo pwned]\n",
    "a custom tag": "sources: !include other.yaml\n",
    "a binary scalar": "sources: !!binary aGVsbG8=\n",
    "a set": "sources: !!set {a, b}\n",
    "an ordered map": "sources: !!omap [a: 1, b: 2]\n",
    "a merge key": "base: &base {id: a, title: T}\nsources: [{<<: *base, publisher: P}]\n",
    "a self-referencing alias": "sources: &s [*s]\n",
    "exponential aliases": LAUGHS + "sources: *l6\n",
    "a complex key": "? [a, b]\n: c\n",
    "a number as key": "1: 2\nsources: []\n",
    "a 5000-digit number": "sources: " + "9" * 5000 + "\n",
    "deep nesting": "sources: " + "[" * 500 + "]" * 500 + "\n",
    "a very long line": "sources: [{id: " + "a" * 200_000 + "}]\n",
}


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Fail instead of hanging: validation must stay fast whatever the input."""

    def expire(signum: int, frame: Any) -> None:
        raise TimeoutError(f"validation took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    shutil.copytree(FIXTURE / "data", root / "data")
    return root


@pytest.mark.parametrize("content", FILE_CASES.values(), ids=FILE_CASES.keys())
@pytest.mark.parametrize("file", ["sources.yaml", "frameworks/alpha.yaml"])
def test_a_hostile_file_gets_a_clear_report(project: Path, file: str, content: str | bytes) -> None:
    """Assert a file the YAML reader chokes on is reported as one clear line at that file, quickly."""
    path = project / "data" / file
    original = path.read_bytes()
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    try:
        with time_limit(3):
            try:
                outcome: Catalog | DataInvalid = load_catalog(project)
            except DataInvalid as exc:
                outcome = exc
        errors = assert_clear_report(outcome)
        assert any(e.file == f"data/{file}" for e in errors), "\n".join(map(str, errors))
    finally:
        path.write_bytes(original)


def test_a_file_that_is_a_folder_gets_a_clear_report(project: Path) -> None:
    """Assert a folder named like a data file is reported, not a crash."""
    folder = project / "data" / "frameworks" / "gamma.yaml"
    folder.mkdir()
    try:
        errors = assert_clear_report(pytest.raises(DataInvalid, load_catalog, project).value)
        assert any(e.file == "data/frameworks/gamma.yaml" for e in errors), errors
    finally:
        folder.rmdir()


def test_nan_and_infinity_are_numbers_not_crashes() -> None:
    """Assert YAML's .nan and .inf in a text field are reported as the wrong type."""
    path = next(p for p, doc in BASE.items() if doc.file == "data/sources.yaml")
    for number in (math.nan, math.inf, -math.inf):
        data = {p: copy.deepcopy(doc.data) for p, doc in BASE.items()}
        data[path]["sources"][0]["title"] = number
        errors = assert_clear_report(validate(data))
        assert any(e.path == "sources[0].title" and e.message.startswith("expected text; got float") for e in errors), errors
