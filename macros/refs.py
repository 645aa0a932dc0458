"""Find every reference in a parsed file by reading the model: each field marked `Ref(kind)`.

One generic walker, compiled once per type: a reference is checked wherever the
model puts it (a field, a list item, a dict key, a nested record), so a new field
marked Ref(...) is checked with no other change.
"""

from __future__ import annotations

import types
from collections.abc import Callable, Iterator
from functools import cache
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .model import Ref

Loc = tuple[str | int, ...]
Walk = Callable[[Any, Loc], Iterator[tuple[Loc, str, str]]]


def references_in(model: BaseModel) -> Iterator[tuple[Loc, str, str]]:
    """(where, kind, id) for every reference in a file's model, in file order."""
    return walker(type(model))(model, ())


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


def _nothing(value: Any, loc: Loc) -> Iterator[tuple[Loc, str, str]]:
    return iter(())


@cache
def walker(annotation: Any) -> Walk:
    """A function yielding (loc, kind, id) for every reference inside a value of this type."""
    ref, annotation = unwrap(annotation)
    if ref is not None:
        kind = ref.kind
        return lambda value, loc: iter(((loc, kind, value),) if isinstance(value, str) else ())
    origin = get_origin(annotation)
    if origin is list:
        item = walker(get_args(annotation)[0])
        return _nothing if item is _nothing else lambda value, loc: (r for i, v in enumerate(value) for r in item(v, loc + (i,)))
    if origin is dict:
        key, item = (walker(a) for a in get_args(annotation))
        if key is _nothing and item is _nothing:
            return _nothing
        return lambda value, loc: (r for k, v in value.items() for r in (*key(k, loc + (k,)), *item(v, loc + (k,))))
    if origin in (Union, types.UnionType):
        options = [w for w in (walker(a) for a in get_args(annotation) if a is not type(None)) if w is not _nothing]
        if not options:
            return _nothing
        return lambda value, loc: iter(()) if value is None else (r for w in options for r in w(value, loc))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        model = annotation
        fields = [(name, w) for name, info in model.model_fields.items() if (w := walker(full_annotation(info))) is not _nothing]
        if not fields:
            return _nothing
        return lambda value, loc: (
            (r for name, w in fields for r in w(getattr(value, name), loc + (name,))) if isinstance(value, model) else iter(())
        )
    return _nothing
