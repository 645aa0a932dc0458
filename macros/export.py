"""The validated data as JSON, published with the site under /data/v1/.

knowledge.json holds everything; one file per kind holds one part of it. Each
file has a JSON Schema beside it (<name>.schema.json), generated from the same
pydantic models that validate data/, plus a format `version` and the `built`
date. The records are the validated YAML with every optional field filled in
(missing lists as [], missing values as null), so a reader need not know the
defaults.

`version` changes only when a field is removed, renamed or changes meaning;
new fields may appear within a version. The URL path carries it too, so a new
version can be published beside the old one.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

from . import links
from . import model as m
from .catalog import Catalog
from .registry import FILES, KINDS, FileKind
from .schema import DIALECT, dump

VERSION = 1
EXPORT_DIR = links.export().rstrip("/")  # under docs/, so under the site root
assert EXPORT_DIR.endswith(f"/v{VERSION}"), "links.export() out of step with export.VERSION"
STAMP = "Generated from macros/model.py when the site is built: see /contribute/data-reference/."


class Header(BaseModel):
    """What every exported file starts with."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    schema_: str = Field(alias="$schema", description="The JSON Schema of this file, relative to it.")
    version: Literal[1] = Field(description="Format version; it changes only when a field is removed or changes meaning.")
    built: dt.date = Field(description="Date the site and this file were built (YYYY-MM-DD).")


def _part(name: str, fields: dict[str, Any], doc: str) -> type[Header]:
    return create_model(name, __base__=Header, __doc__=doc, **fields)


def _fields_of(file_model: type[BaseModel]) -> dict[str, Any]:
    return {name: (info.annotation, info) for name, info in file_model.model_fields.items()}


def _single_field(file: FileKind) -> str | None:
    """The one field of a single file holding a list (sources, scenarios): knowledge.json holds that list itself."""
    fields = list(file.model.model_fields)
    return fields[0] if not file.many and len(fields) == 1 else None


def _record_model(file: FileKind) -> type[BaseModel]:
    """A record of a kind of one file per record; where the file's name is the id, the export adds it first."""
    if not file.named_by_file:
        return file.model
    named = {"id": (m.Id, Field(description=f"The record's id: the name of its file, {file.path.replace('*', '<id>')}."))}
    return create_model(f"{file.model.__name__}Record", __base__=m.Strict, __doc__=file.model.__doc__, **named,
                        **_fields_of(file.model))


RECORDS: dict[str, type[BaseModel]] = {file.name: _record_model(file) for file in FILES if file.many}


def _part_model(file: FileKind) -> type[Header]:
    name = "".join(word.capitalize() for word in file.part.split("-")) + "Export"
    if file.many:
        fields = {file.part: (list[RECORDS[file.name]], Field(description=f"Every record, as in {file.path.replace('*', '<id>')}."))}
    else:
        fields = _fields_of(file.model)
    return _part(name, fields, file.about)


def _knowledge_field(file: FileKind) -> tuple[Any, Any]:
    one = _single_field(file)
    annotation = list[RECORDS[file.name]] if file.many else file.model.model_fields[one].annotation if one else file.model
    return annotation, Field(description=f"As in {file.part}.json.")


# File name (without .json) -> its model. knowledge.json is the union of the others.
PARTS: dict[str, type[Header]] = {file.part: _part_model(file) for file in FILES}
Knowledge = _part("Knowledge", {file.export_key: _knowledge_field(file) for file in FILES},
                  "Everything this site is built from, validated: the union of the other files in /data/v1/.")
ALL: dict[str, type[Header]] = {"knowledge": Knowledge, **PARTS}


def build_date() -> dt.date:
    """Today, or the date of SOURCE_DATE_EPOCH when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date() if epoch else dt.date.today()


def contents(catalog: Catalog) -> dict[str, dict[str, Any]]:
    """Name -> the records of that file (without the header)."""
    out: dict[str, dict[str, Any]] = {"knowledge": {}}
    for file in FILES:
        if file.many:  # one record per file, in the catalog's order (frameworks by name)
            by_id = getattr(catalog, next(k.attr for k in KINDS if k.file is file and k.paths == ((),)))
            records = [{"id": rid, **dict(r)} for rid, r in by_id.items()] if file.named_by_file else list(by_id.values())
            out[file.part] = {file.part: records}
            out["knowledge"][file.export_key] = records
        else:
            model = catalog.file_model(file)
            out[file.part] = dict(model)
            one = _single_field(file)
            out["knowledge"][file.export_key] = getattr(model, one) if one else model
    return out


def schema_of(name: str) -> dict[str, Any]:
    body = ALL[name].model_json_schema(mode="serialization", by_alias=True)
    body.pop("title", None)
    return {"$schema": DIALECT, "$comment": STAMP, "title": f"/{EXPORT_DIR}/{name}.json", **body}


def files(catalog: Catalog, built: dt.date) -> dict[str, str]:
    """File name -> text, for every exported file and its schema."""
    out: dict[str, str] = {}
    for name, records in contents(catalog).items():
        document = ALL[name](**{"$schema": f"{name}.schema.json", "version": VERSION, "built": built}, **records)
        data = document.model_dump(mode="json", by_alias=True)
        out[f"{name}.json"] = json.dumps(data, indent=1, ensure_ascii=False) + "\n"
        out[f"{name}.schema.json"] = dump(schema_of(name))
    return out
