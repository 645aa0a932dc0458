"""JSON Schemas of the data files, generated from macros/model.py.

Each data file starts with `# yaml-language-server: $schema=…`, so editors that
speak the YAML language server (VS Code's YAML extension, and others) complete
field names, show each field's description and flag wrong values as you type.
The schemas are committed under data/schema/ (a fresh clone works with no build
step) and `tests/unit/test_schema.py` fails when they fall behind the model.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .registry import FILES, FileKind

SCHEMA_DIR = "data/schema"
DIALECT = "https://json-schema.org/draft/2020-12/schema"
STAMP = "Generated from macros/model.py by `python -m macros schema`: do not edit; change the model and run it again."
REGENERATE = "python -m macros schema"

def json_schema(model: type[BaseModel], title: str, description: str) -> dict[str, Any]:
    """The model's JSON Schema with our header: dialect, do-not-edit stamp, title."""
    body = model.model_json_schema(mode="validation")
    body.pop("title", None)
    return {"$schema": DIALECT, "$comment": STAMP, "title": title, "description": description, **body}


def shown_path(file: FileKind) -> str:
    """'data/frameworks/<id>.yaml' for a kind of one file per record."""
    return file.path.replace("*", "<id>")


def file_schemas() -> dict[str, dict[str, Any]]:
    """Kind -> JSON Schema of that data file."""
    return {
        file.name: json_schema(file.model, shown_path(file), f"One data file of this site: {shown_path(file)}. See /contribute/data-reference/.")
        for file in FILES
    }


def dump(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def schema_path(kind: str) -> str:
    """Path from the project root, e.g. data/schema/faq.schema.json."""
    return f"{SCHEMA_DIR}/{kind}.schema.json"


def modeline(file: FileKind) -> str:
    """The first line a data file of this kind carries, relative to the file."""
    prefix = "../schema" if file.many else "schema"
    return f"# yaml-language-server: $schema={prefix}/{file.name}.schema.json"


def stale(root: Path) -> list[str]:
    """Schema files under `root` that are missing or differ from the model."""
    return [
        schema_path(kind)
        for kind, schema in file_schemas().items()
        if not (root / schema_path(kind)).is_file() or (root / schema_path(kind)).read_text(encoding="utf-8") != dump(schema)
    ]


def write(root: Path) -> list[str]:
    """Write every schema that changed; return their paths."""
    changed = stale(root)
    schemas = file_schemas()
    for rel in changed:
        kind = rel.removeprefix(f"{SCHEMA_DIR}/").removesuffix(".schema.json")
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump(schemas[kind]), encoding="utf-8")
    return changed
