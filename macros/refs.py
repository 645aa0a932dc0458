"""Find every reference in a parsed file by reading the model: each field marked `Ref(kind)`.

One generic walker, compiled once per type: a reference is checked wherever the
model puts it (a field, a list item, a dict key, a nested record), so a new field
marked Ref(...) is checked with no other change.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from functools import cache
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .model import Ref

Loc = tuple[str | int, ...]
Found = list[tuple[Loc, str, str]]
Walk = Callable[[Any, Loc, Found], None]  # appends (loc, kind, id) for each reference in a value


def references_in(model: BaseModel) -> Found:
    """(where, kind, id) for every reference in a file's model, in file order."""
    found: Found = []
    walker(type(model))(model, (), found)
    return found


def full_annotation(info: FieldInfo) -> Any:
    """A field's annotation with the markers pydantic moved into its metadata put back."""
    return Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation


def unwrap(annotation: Any) -> tuple[Ref | None, Any]:
    """(the Ref marker, the bare type) of an annotation."""
    ref = None
    while get_origin(annotation) is Annotated:
        annotation, *extra = get_args(annotation)
        ref = next((x for x in extra if isinstance(x, Ref)), ref)
    return ref, annotation


def _nothing(value: Any, loc: Loc, found: Found) -> None:
    pass


# The walkers append to one list rather than chain generators: at 100x the FAQ that is
# a quarter of a million references, and nested generators cost twice as much.
@cache
def walker(annotation: Any) -> Walk:
    """A function appending (loc, kind, id) for every reference inside a value of this type."""
    ref, annotation = unwrap(annotation)
    if ref is not None:
        kind = ref.kind

        def reference(value: Any, loc: Loc, found: Found) -> None:
            if isinstance(value, str):
                found.append((loc, kind, value))
        return reference
    origin = get_origin(annotation)
    if origin is list:
        item = walker(get_args(annotation)[0])
        if item is _nothing:
            return _nothing

        def items(value: Any, loc: Loc, found: Found) -> None:
            for i, v in enumerate(value):
                item(v, loc + (i,), found)
        return items
    if origin is dict:
        key, item = (walker(a) for a in get_args(annotation))
        if key is _nothing and item is _nothing:
            return _nothing

        def entries(value: Any, loc: Loc, found: Found) -> None:
            for k, v in value.items():
                key(k, loc + (k,), found)
                item(v, loc + (k,), found)
        return entries
    if origin in (Union, types.UnionType):
        options = [w for w in (walker(a) for a in get_args(annotation) if a is not type(None)) if w is not _nothing]
        if not options:
            return _nothing

        def any_of(value: Any, loc: Loc, found: Found) -> None:
            if value is not None:
                for w in options:
                    w(value, loc, found)
        return any_of
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        model = annotation
        fields = [(name, w) for name, info in model.model_fields.items() if (w := walker(full_annotation(info))) is not _nothing]
        if not fields:
            return _nothing

        def record(value: Any, loc: Loc, found: Found) -> None:
            if isinstance(value, model):
                for name, w in fields:
                    w(getattr(value, name), loc + (name,), found)
        return record
    return _nothing
