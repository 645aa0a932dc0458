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
    model = create_model(name, __base__=Header, __doc__=doc, **fields)
    return model


def _fields_of(file_model: type[BaseModel]) -> dict[str, Any]:
    return {name: (info.annotation, info) for name, info in file_model.model_fields.items()}


# File name (without .json) -> its model. knowledge.json is the union of the others.
PARTS: dict[str, type[Header]] = {
    "sources": _part("SourcesExport", _fields_of(m.SourcesFile), "Every source cited anywhere, as in data/sources.yaml."),
    "criteria": _part("CriteriaExport", _fields_of(m.CriteriaFile), "Criterion groups and criteria, as in data/criteria.yaml."),
    "frameworks": _part(
        "FrameworksExport",
        {"frameworks": (list[m.Framework], Field(description="Every framework, as in data/frameworks/<id>.yaml, by name."))},
        "Every framework's profile and its value for every criterion.",
    ),
    "faq": _part("FaqExport", _fields_of(m.FaqFile), "FAQ categories and entries, as in data/faq.yaml."),
    "scenarios": _part("ScenariosExport", _fields_of(m.ScenariosFile), "Scenarios, as in data/scenarios.yaml."),
    "decision-tree": _part("DecisionTreeExport", _fields_of(m.TreeFile), "The decision tree, as in data/decision-tree.yaml."),
}

Knowledge = _part(
    "Knowledge",
    {
        "sources": (list[m.Source], Field(description="As in sources.json.")),
        "criteria": (m.CriteriaFile, Field(description="Groups and criteria, as in criteria.json.")),
        "frameworks": (list[m.Framework], Field(description="As in frameworks.json.")),
        "faq": (m.FaqFile, Field(description="Categories and entries, as in faq.json.")),
        "scenarios": (list[m.Scenario], Field(description="As in scenarios.json.")),
        "decision_tree": (m.TreeFile, Field(description="As in decision-tree.json.")),
    },
    "Everything this site is built from, validated: the union of the other files in /data/v1/.",
)
ALL: dict[str, type[Header]] = {"knowledge": Knowledge, **PARTS}


def build_date() -> dt.date:
    """Today, or the date of SOURCE_DATE_EPOCH when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date() if epoch else dt.date.today()


def contents(catalog: Catalog) -> dict[str, dict[str, Any]]:
    """Name -> the records of that file (without the header)."""
    sources = list(catalog.sources.values())
    criteria = m.CriteriaFile(groups=list(catalog.groups.values()), criteria=list(catalog.criteria.values()))
    frameworks = list(catalog.frameworks.values())
    faq = m.FaqFile(categories=list(catalog.faq_categories.values()), faq=list(catalog.faq.values()))
    scenarios = list(catalog.scenarios.values())
    return {
        "knowledge": {"sources": sources, "criteria": criteria, "frameworks": frameworks, "faq": faq,
                      "scenarios": scenarios, "decision_tree": catalog.tree},
        "sources": {"sources": sources},
        "criteria": dict(criteria),
        "frameworks": {"frameworks": frameworks},
        "faq": dict(faq),
        "scenarios": {"scenarios": scenarios},
        "decision-tree": dict(catalog.tree),
    }


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
