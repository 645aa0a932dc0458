"""/contribute/data-reference/: every data file's fields, read from macros/model.py.

For each file kind, a table of its top-level fields, then one table per record
type it contains (each type once per page, where it first appears). Types,
limits and allowed values come from the models' annotations, the descriptions
from their `Field(description=…)`, so the page cannot drift from the validator.
"""

from __future__ import annotations

import datetime as dt
import re
import types
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from annotated_types import Ge, Gt, Le, MinLen
from markupsafe import Markup, escape
from pydantic import BaseModel, StringConstraints
from pydantic.fields import FieldInfo

from .. import export, links
from .. import model as m
from ..catalog import Catalog
from ..registry import FILES
from ..schema import schema_path, shown_path
from . import Page, render

# The model's named text types, in words: (type, its plural, what is allowed). The page's
# prose explains ids, text and Markdown once; the tables only give the limits.
NAMED: list[tuple[Any, str, str, str]] = [
    (m.Id, "id", "ids", "kebab-case, up to 64 characters"),
    (m.Line, "text", "lines of text", "one line, up to 200 characters"),
    (m.Markdown, "Markdown", "Markdown texts", "up to 4,000 characters"),
    (m.Url, "URL", "URLs", "https:// only"),
]
IRREGULAR = {"criterion": "criteria"}


@dataclass(frozen=True)
class FieldRow:
    name: str
    required: bool
    default: str  # shown for optional fields
    type: Markup
    allowed: Markup
    description: str


@dataclass(frozen=True)
class Table:
    model: type[BaseModel]
    anchor: str
    title: str
    description: str
    rows: list[FieldRow]


@dataclass(frozen=True)
class FileSection:
    kind: str
    file: str
    anchor: str
    schema: str  # path of its JSON Schema
    tables: list[Table]  # the file's top level first


def model_anchor(model: type[BaseModel]) -> str:
    return "type-" + model.__name__.lower()


def model_title(model: type[BaseModel]) -> str:
    """'ArticleClaim' -> 'Article claim', 'FaqEntry' -> 'FAQ entry'."""
    words = [w if w != "Faq" else "FAQ" for w in re.findall(r"[A-Z][a-z]*", model.__name__)]
    return " ".join([words[0]] + [w if w.isupper() else w.lower() for w in words[1:]])


def _plural(noun: str) -> str:
    *head, last = noun.split(" ")
    last = IRREGULAR.get(last) or (last[:-1] + "ies" if last.endswith("y") else last + "s")
    return " ".join([*head, last])


def _full(info: FieldInfo) -> Any:
    """The field's annotation with the constraints pydantic moved into `metadata` put back."""
    return Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation


def _named(annotation: Any, plural: bool) -> tuple[str, str] | None:
    for named, word, words, allowed in NAMED:
        if annotation == named:
            return (words if plural else word), allowed
    return None


def _model_link(model: type[BaseModel], plural: bool) -> Markup:
    title = model_title(model)
    title = title if title.split(" ")[0].isupper() else title[0].lower() + title[1:]
    return Markup('<a href="#{}">{}</a>').format(model_anchor(model), _plural(title) if plural else title)


def describe(annotation: Any, plural: bool = False) -> tuple[Markup, Markup]:
    """(type in words, allowed values in words) for an annotation; `plural` names several."""
    named = _named(annotation, plural)
    if named:
        return escape(named[0]), escape(named[1])
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is Annotated:
        base, *given = args
        # Constraints may sit in a FieldInfo, e.g. Annotated[int, Field(ge=1)].
        meta = [x for c in given for x in (c.metadata if isinstance(c, FieldInfo) else [c])]
        if base is str:
            pattern = next((c.pattern for c in meta if isinstance(c, StringConstraints) and c.pattern), None)
            return escape("texts" if plural else "text"), Markup("matching <code>{}</code>").format(pattern) if pattern else Markup("")
        if base in (int, float):
            low = next((c.ge for c in meta if isinstance(c, Ge)), None)
            above = next((c.gt for c in meta if isinstance(c, Gt)), None)
            high = next((c.le for c in meta if isinstance(c, Le)), None)
            if low is not None and high is not None:
                limits = f"{low} to {high}"
            else:
                limits = f"at least {low}" if low is not None else f"above {above}" if above is not None else ""
            return describe(base, plural)[0], escape(limits)
        return describe(base, plural)
    if origin in (Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return describe(inner[0]) if len(inner) == 1 else (escape(" or ".join(str(a) for a in inner)), Markup(""))
    if origin is Literal:
        return escape("one of"), Markup(", ").join(Markup("<code>{}</code>").format(a) for a in args)
    if origin is list:
        kind, allowed = describe(args[0], plural=True)
        return Markup("list of {}").format(kind), allowed
    if origin is dict:
        key, key_allowed = describe(args[0], plural=True)
        value, _ = describe(args[1], plural=True)
        return Markup("mapping of {} to {}").format(key, value), Markup("keys: ") + key_allowed
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _model_link(annotation, plural), Markup("")
    if annotation is dt.date:
        return escape("date"), escape("YYYY-MM-DD, unquoted, e.g. 2026-11-25")
    if annotation is bool:
        return escape("true or false"), Markup("")
    if annotation is int:
        return escape("whole numbers" if plural else "whole number"), Markup("")
    if annotation is float:
        return escape("numbers" if plural else "number"), Markup("")
    if annotation is str:
        return escape("text"), Markup("")
    raise TypeError(f"the data reference cannot describe {annotation!r}: teach reference.describe about it")


def _default(info: FieldInfo) -> str:
    value = info.get_default(call_default_factory=True)
    if value is None or value == [] or (isinstance(value, BaseModel) and not any(dict(value).values())):
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def rows(model: type[BaseModel]) -> list[FieldRow]:
    out = []
    for name, info in model.model_fields.items():
        kind, allowed = describe(_full(info))
        at_least = next((c.min_length for c in info.metadata if isinstance(c, MinLen)), None)
        if at_least:
            allowed = Markup("at least {}; ").format(at_least) + allowed if allowed else Markup("at least {}").format(at_least)
        required = info.is_required()
        out.append(FieldRow(name, required, "" if required else _default(info), kind, allowed, info.description or ""))
    return out


def nested_models(annotation: Any) -> list[type[BaseModel]]:
    """Record types an annotation contains, outermost first."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    for arg in get_args(annotation):
        found += [x for x in nested_models(arg) if x not in found]
    return found


def sections() -> list[FileSection]:
    """One section per file kind; each record type described once, where it first appears."""
    seen: set[type[BaseModel]] = set()
    out = []
    for file in FILES:
        kind, file_model = file.name, file.model
        queue, tables = [file_model], []
        while queue:
            model = queue.pop(0)
            if model in seen:
                continue
            seen.add(model)
            top = model is file_model
            title = f"Top level of {shown_path(file)}" if top else model_title(model)
            anchor = f"file-{kind}" if top else model_anchor(model)
            tables.append(Table(model, anchor, title, "" if top else (model.__doc__ or ""), rows(model)))
            for info in model.model_fields.values():
                queue += [x for x in nested_models(info.annotation) if x not in seen]
        out.append(FileSection(kind, shown_path(file), f"file-{kind}", schema_path(kind), tables))
    return out


EXPORT_ABOUT = {
    "knowledge": "All of the files below, in one.",
    "sources": "Every source, as in data/sources.yaml.",
    "criteria": "Criterion groups and criteria, as in data/criteria.yaml.",
    "frameworks": "Every framework's profile and values, as in data/frameworks/<id>.yaml.",
    "faq": "FAQ categories and entries, as in data/faq.yaml.",
    "scenarios": "Scenarios, as in data/scenarios.yaml.",
    "decision-tree": "The decision tree, as in data/decision-tree.yaml.",
    "loadtest": "Every run of the load test, as in data/loadtest/<id>.yaml, each with its id.",
}
assert set(EXPORT_ABOUT) == set(export.ALL), "EXPORT_ABOUT out of step with export.ALL"


def data_reference(catalog: Catalog, page: Page, part: str = "files") -> str:
    """part="files": every data file's fields; part="export": the files of the JSON export."""
    if part == "files":
        return render("data-reference.html", catalog, page, sections=sections(), repo=page.linker.repo_url)
    if part == "export":
        exported = [(name, links.export(f"{name}.json"), links.export(f"{name}.schema.json"), about)
                    for name, about in EXPORT_ABOUT.items()]
        return render("data-export.html", catalog, page, exported=exported)
    raise ValueError(f"data_reference(part={part!r}): expected 'files' or 'export'")
