"""The JSON export: valid against its own schemas, and the same records as the YAML."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from ruamel.yaml import YAML

from macros import export
from macros.catalog import load_catalog
from macros.generate import pages as generated_pages
from tests.helpers import copy_project
from tests.unit.conftest import MINIMAL

BUILT = dt.date(2026, 11, 25)


@pytest.fixture(scope="module")
def files() -> dict[str, Any]:
    return {name: json.loads(text) for name, text in export.files(load_catalog(MINIMAL), BUILT).items()}


def yaml(rel: str) -> Any:
    data = YAML(typ="safe").load((MINIMAL / "data" / rel).read_text(encoding="utf-8"))
    return json.loads(json.dumps(data, default=str))  # dates as YYYY-MM-DD strings, as in the export


def contains(big: Any, small: Any, where: str = "") -> None:
    """Assert every value written in the YAML is in the export (which adds the defaults)."""
    if isinstance(small, dict):
        assert isinstance(big, dict), where
        for key, value in small.items():
            assert key in big, f"{where}.{key} missing from the export"
            contains(big[key], value, f"{where}.{key}")
    elif isinstance(small, list):
        assert isinstance(big, list) and len(big) == len(small), where
        for i, (a, b) in enumerate(zip(big, small)):
            contains(a, b, f"{where}[{i}]")
    else:
        assert big == small, f"{where}: export has {big!r}, YAML has {small!r}"


@pytest.mark.parametrize("name", list(export.ALL))
def test_every_file_is_valid_against_its_schema(files: dict[str, Any], name: str) -> None:
    schema = files[f"{name}.schema.json"]
    Draft202012Validator.check_schema(schema)
    document = files[f"{name}.json"]
    errors = [e.message for e in Draft202012Validator(schema, format_checker=FormatChecker()).iter_errors(document)]
    assert errors == []
    assert (document["$schema"], document["version"], document["built"]) == (f"{name}.schema.json", 1, "2026-11-25")


def test_schema_refuses_what_the_model_refuses(files: dict[str, Any]) -> None:
    validator = Draft202012Validator(files["knowledge.schema.json"], format_checker=FormatChecker())
    document = copy.deepcopy(files["knowledge.json"])
    document["sources"][0]["kind"] = "blog"
    document["version"] = 2
    messages = " ".join(e.message for e in validator.iter_errors(document))
    assert "'blog' is not one of" in messages and "1 was expected" in messages


def test_each_kind_holds_the_yaml_records(files: dict[str, Any]) -> None:
    for name in ("sources", "criteria", "faq", "scenarios", "decision-tree"):
        contains(files[f"{name}.json"], yaml(f"{name}.yaml"), name)
    frameworks = files["frameworks.json"]["frameworks"]
    assert [fw["id"] for fw in frameworks] == ["alpha", "beta"]
    for fw in frameworks:
        contains(fw, yaml(f"frameworks/{fw['id']}.yaml"), fw["id"])


def test_defaults_are_written_out(files: dict[str, Any]) -> None:
    alpha = files["frameworks.json"]["frameworks"][0]
    assert alpha["values"]["language"]["level"] is None  # left out in the YAML
    assert files["criteria.json"]["criteria"][1]["claims"] == []
    assert files["decision-tree.json"]["results"][0]["note"] is None


def test_knowledge_is_the_union_of_the_parts(files: dict[str, Any]) -> None:
    whole = files["knowledge.json"]
    assert whole["sources"] == files["sources.json"]["sources"]
    assert whole["criteria"] == {k: files["criteria.json"][k] for k in ("groups", "criteria")}
    assert whole["frameworks"] == files["frameworks.json"]["frameworks"]
    assert whole["faq"] == {k: files["faq.json"][k] for k in ("categories", "faq")}
    assert whole["scenarios"] == files["scenarios.json"]["scenarios"]
    assert whole["decision_tree"] == {k: files["decision-tree.json"][k] for k in ("root", "questions", "results")}


def test_the_build_publishes_it_under_data_v1(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795564800")  # 2026-11-25
    pages = generated_pages(load_catalog(MINIMAL))
    assert json.loads(pages["data/v1/knowledge.json"])["built"] == "2026-11-25"
    assert {p for p in pages if p.startswith("data/v1/")} == {f"data/v1/{name}" for name in export.files(load_catalog(MINIMAL), BUILT)}


def test_generate_writes_the_files(tmp_path: Path) -> None:
    from macros.__main__ import main

    project = copy_project(tmp_path / "project", data=MINIMAL / "data")
    assert main(["generate", "--root", str(project)]) == 0
    written = project / "docs" / export.EXPORT_DIR
    assert sorted(p.name for p in written.iterdir()) == sorted(export.files(load_catalog(MINIMAL), BUILT))
