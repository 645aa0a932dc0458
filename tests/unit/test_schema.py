"""The editor JSON Schemas: current with the model, referenced by every data file, and they accept the data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from ruamel.yaml import YAML

from macros import schema
from macros.dataset import FRAMEWORKS_DIR, SHARED_FILES
from macros.model import FILE_MODELS
from tests.helpers import ROOT
from tests.unit.conftest import MINIMAL

DATA_FILES = [(kind, ROOT / rel) for kind, rel in SHARED_FILES.items()] + [
    ("framework", p) for p in sorted((ROOT / FRAMEWORKS_DIR).glob("*.yaml"))
]


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


@pytest.mark.parametrize("kind", list(FILE_MODELS))
def test_schema_is_stamped_and_described(kind: str) -> None:
    body = json.loads((ROOT / schema.schema_path(kind)).read_text(encoding="utf-8"))
    assert body["$comment"].startswith("Generated") and "do not edit" in body["$comment"]
    Draft202012Validator.check_schema(body)
    model = FILE_MODELS[kind]
    for name, info in model.model_fields.items():
        assert body["properties"][name]["description"] == info.description, f"{kind}.{name}"


@pytest.mark.parametrize(("kind", "path"), DATA_FILES, ids=lambda x: x.name if isinstance(x, Path) else x)
def test_data_file_points_to_its_schema_on_line_one(kind: str, path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == schema.modeline(kind)
    target = (path.parent / first.split("$schema=", 1)[1]).resolve()
    assert target == (ROOT / schema.schema_path(kind)).resolve() and target.is_file()


def _yaml_as_json(path: Path) -> object:
    """What the YAML language server sees: dates are strings (YAML 1.2 core schema)."""
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    return json.loads(json.dumps(data, default=str))


@pytest.mark.parametrize(
    ("kind", "path"),
    [(kind, MINIMAL / rel) for kind, rel in SHARED_FILES.items()] + [("framework", MINIMAL / FRAMEWORKS_DIR / "alpha.yaml")],
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
