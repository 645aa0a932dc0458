"""Check one parsed file against its pydantic model, turning pydantic's errors into DataErrors."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import DataError, did_you_mean
from .load import Document, Loc

M = TypeVar("M", bound=BaseModel)


def check_shape(doc: Document, model: type[M]) -> tuple[M | None, list[DataError]]:
    """Validate a document; return the model, or None and one error per problem."""
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        return None, [_to_data_error(doc, model, err) for err in exc.errors()]


def _to_data_error(doc: Document, model: type[BaseModel], err: Any) -> DataError:
    loc: Loc = tuple(p for p in err["loc"] if p != "[key]")
    kind, value = err["type"], err.get("input")
    owner, name = _field_owner(model, loc)
    described = _description(owner, name)
    if kind == "missing":
        return doc.error(loc, f"missing required field '{name}'", described)
    if kind == "extra_forbidden":
        allowed = list(owner.model_fields) if owner else []
        hint = did_you_mean(str(name), allowed) or f"allowed fields: {', '.join(allowed)}"
        return doc.error(loc, f"unknown field '{name}'", hint)
    if kind == "string_pattern_mismatch" and "[a-z0-9]" in str(err.get("ctx", {}).get("pattern", "")):
        return doc.error(loc, f"{_short(value)} is not a kebab-case id", "use lowercase letters, digits and single hyphens, e.g. 'async-support'")
    if kind == "literal_error":
        expected = err["ctx"]["expected"]
        return doc.error(loc, f"expected one of {expected}; got {_short(value)}", did_you_mean(str(value), _literals(expected)))
    if kind in ("date_type", "date_parsing", "date_from_datetime_inexact"):
        return doc.error(loc, f"expected a date (YYYY-MM-DD); got {_short(value)}", "write the date unquoted, e.g. 2026-11-25")
    if kind == "string_type":
        return doc.error(loc, f"expected text; got {type(value).__name__} {_short(value)}", "put the value in quotes")
    if kind in ("list_type", "dict_type", "model_type"):
        expected = {"list_type": "a list", "dict_type": "a mapping", "model_type": "a mapping"}[kind]
        return doc.error(loc, f"expected {expected}; got {type(value).__name__}", described)
    message = err["msg"].removeprefix("Value error, ")
    return doc.error(loc, message[0].lower() + message[1:], described if kind != "value_error" else "")


def _short(value: Any, limit: int = 60) -> str:
    """The offending value as the file holds it, cut short when long."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _field_owner(model: type[BaseModel], loc: Loc) -> tuple[type[BaseModel] | None, str | int]:
    """Walk the model along `loc` to find which model owns the last field."""
    owner: type[BaseModel] | None = model
    for i, part in enumerate(loc):
        if i == len(loc) - 1 or owner is None:
            break
        field = owner.model_fields.get(str(part)) if isinstance(part, str) else None
        if field is None:
            continue  # a list index or dict key: stay on the current model
        owner = _inner_model(field.annotation)
    return owner, loc[-1] if loc else ""


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found:
            return found
    return None


def _description(owner: type[BaseModel] | None, name: str | int) -> str:
    field = owner.model_fields.get(str(name)) if owner else None
    return f"{name}: {field.description}" if field and field.description else ""


def _literals(expected: str) -> list[str]:
    return [part.strip(" '") for part in expected.replace(" or ", ",").split(",")]
