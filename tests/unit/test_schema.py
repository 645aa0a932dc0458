"""The editor JSON Schemas: current with the model, referenced by every data file, and they accept the data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from ruamel.yaml import YAML

from macros import schema
from macros.dataset import file_paths
from macros.registry import FILES, FileKind
from tests.helpers import ROOT
from tests.unit.conftest import MINIMAL

DATA_FILES = [(file, path) for file in FILES for path in file_paths(ROOT, file)]


def test_committed_schemas_match_the_model() -> None:
    stale = schema.stale(ROOT)
    assert not stale, f"{', '.join(stale)} out of date with macros/model.py: run `{schema.REGENERATE}` and commit the result"


def test_a_changed_model_makes_the_schemas_stale(tmp_path: Path) -> None:
    schema.write(tmp_path)
    assert schema.stale(tmp_path) == []
    faq = tmp_path / schema.schema_path("faq")
    faq.write_text(faq.read_text(encoding="utf-8").replace("40-150 words", "any length"), encoding="utf-8")
    (tmp_path / schema.schema_path("sources")).unlink()
    assert schema.stale(tmp_path) == ["data/schema/sources.schema.json", "data/schema/faq.schema.json"]


@pytest.mark.parametrize("file", FILES, ids=lambda f: f.name)
def test_schema_is_stamped_and_described(file: FileKind) -> None:
    body = json.loads((ROOT / schema.schema_path(file.name)).read_text(encoding="utf-8"))
    assert body["$comment"].startswith("Generated") and "do not edit" in body["$comment"]
    Draft202012Validator.check_schema(body)
    for name, info in file.model.model_fields.items():
        assert body["properties"][name]["description"] == info.description, f"{file.name}.{name}"


@pytest.mark.parametrize(("file", "path"), DATA_FILES, ids=lambda x: x.name)
def test_data_file_points_to_its_schema_on_line_one(file: FileKind, path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == schema.modeline(file)
    target = (path.parent / first.split("$schema=", 1)[1]).resolve()
    assert target == (ROOT / schema.schema_path(file.name)).resolve() and target.is_file()


def _yaml_as_json(path: Path) -> object:
    """What the YAML language server sees: dates are strings (YAML 1.2 core schema)."""
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    return json.loads(json.dumps(data, default=str))


@pytest.mark.parametrize(
    ("kind", "path"),
    [(file.name, file_paths(MINIMAL, file)[0]) for file in FILES],
    ids=lambda x: x.name if isinstance(x, Path) else x,
)
def test_schema_accepts_valid_data_and_flags_an_unknown_field(kind: str, path: Path) -> None:
    validator = Draft202012Validator(json.loads((ROOT / schema.schema_path(kind)).read_text(encoding="utf-8")),
                                     format_checker=FormatChecker())
    document = _yaml_as_json(path)
    assert list(validator.iter_errors(document)) == []
    assert isinstance(document, dict)
    document["colour"] = "blue"
    assert any("colour" in e.message for e in validator.iter_errors(document))
