"""The YAML reader: the fast path reads exactly what the reference reader reads, and leaves it everything else."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from macros import load
from macros.dataset import data_files
from tests.helpers import ROOT
from tests.unit.test_hostile_input import FILE_CASES

MINIMAL = ROOT / "tests" / "fixtures" / "minimal"
DATA_FILES = [(root, path) for root in (ROOT, MINIMAL) for path in data_files(root)]


def positions(doc: load.Document, like: load.Document) -> dict[load.Loc, tuple[int, int]]:
    """Where `doc` places every node the reference reader recorded in `like`."""
    return {loc: doc.where(loc) for loc in like.positions}


def both(text: str) -> tuple[load.Document, load.Document]:
    """The fast reader's document and the reference reader's, for valid text."""
    reference, errors = load.read_reference("data/x.yaml", text)
    assert reference is not None and not errors, errors
    return load._fast("data/x.yaml", text), reference


@pytest.mark.parametrize(("root", "path"), DATA_FILES, ids=lambda p: p.relative_to(ROOT).as_posix() if isinstance(p, Path) and p != ROOT else "")
def test_every_data_file_takes_the_fast_path_to_the_same_values_and_positions(root: Path, path: Path) -> None:
    """Assert the real and fixture data read the same both ways, down to the line and column of every node."""
    fast, reference = both(path.read_text(encoding="utf-8"))
    assert fast.data == reference.data
    assert positions(fast, reference) == reference.positions


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a: no", "no"), ("a: yes", "yes"), ("a: on", "on"), ("a: true", True), ("a: False", False),
        ("a: ~", None), ("a:", None), ("a: 12", 12), ("a: -3", -3), ("a: 1.5", 1.5), ("a: 3.1.3", "3.1.3"),
        ("a: 2026-11-25", dt.date(2026, 11, 25)), ("a: '2026-11-25'", "2026-11-25"), ('a: "12"', "12"),
        ("a: 2026-1-5", "2026-1-5"), ("a: 1:20", "1:20"), ("a: >-\n  folded\n  text", "folded text"),
    ],
)
def test_scalars_follow_yaml_1_2(text: str, value: Any) -> None:
    """Assert plain scalars are typed as YAML 1.2 types them (`no` and `yes` stay text), the same both ways."""
    fast, reference = both(text)
    assert fast.data == reference.data == {"a": value}
    assert type(fast.data["a"]) is type(reference.data["a"])


@pytest.mark.parametrize(
    "text",
    [
        "a: 0x1f", "a: 1_000", "a: 012", "a: 1e3", "a: .inf", "a: .nan", "a: 2026-11-25T10:00:00", "a: 2026-02-30",
        "a: &x [1]\nb: *x", "a: !!int 12", "~", "just text", "a: !tag x", "a: !!set {x}", "<<: {a: 1}", "a: 1\na: 2", "? [a]\n: b",
        "a: 1\n---\nb: 2", "a: [1", "", "a: " + "9" * 40, "a: " + "[" * 80 + "]" * 80,
    ],
)
def test_what_data_files_do_not_use_goes_to_the_reference_reader(text: str) -> None:
    """Assert the fast reader declines (rather than guesses) whatever it does not handle exactly like the reference."""
    with pytest.raises(load._Unusual):
        load._fast("data/x.yaml", text)


@pytest.mark.parametrize("content", FILE_CASES.values(), ids=FILE_CASES.keys())
def test_a_hostile_file_gets_the_reference_readers_exact_report(tmp_path: Path, content: str | bytes) -> None:
    """Assert every error line for a broken file is byte for byte what the reference reader says."""
    path = tmp_path / "data" / "x.yaml"
    path.parent.mkdir()
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    doc, errors = load.read(path, tmp_path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        assert doc is None and errors[0].message.startswith("cannot read file:")
        return
    expected_doc, expected_errors = load.read_reference("data/x.yaml", text)
    assert [str(e) for e in errors] == [str(e) for e in expected_errors]
    assert (doc is None) == (expected_doc is None)
    if doc and expected_doc:
        assert (doc.data, positions(doc, expected_doc)) == (expected_doc.data, expected_doc.positions)


# Documents of the kinds of values data files hold, written out in every style ruamel knows.
keys = st.text(st.characters(codec="utf-8", categories=("L", "N"), include_characters="_-"), min_size=1, max_size=8)
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12), st.dates(),
    st.floats(allow_nan=False, allow_infinity=False, width=32).map(lambda f: round(f, 3)),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")), max_size=30),
)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, min_size=1, max_size=4), max_leaves=20)


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.dictionaries(keys, values, min_size=1, max_size=5), st.sampled_from([None, True, False]))
def test_any_document_reads_the_same_both_ways(document: dict[str, Any], flow: bool | None) -> None:
    """Assert for generated documents that the fast reader, when it reads one, agrees with the reference exactly."""
    writer = YAML(typ="rt")
    writer.default_flow_style = flow
    out = StringIO()
    writer.dump(document, out)
    text = out.getvalue()
    reference, _ = load.read_reference("data/x.yaml", text)
    try:
        fast = load._fast("data/x.yaml", text)
    except load._Unusual:
        return  # the reference reader answers for it
    assert reference is not None
    assert (fast.data, positions(fast, reference)) == (reference.data, reference.positions)
