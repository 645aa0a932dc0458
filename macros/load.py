"""Read YAML files into plain Python values, remembering where each value stands.

Two readers, one result. The fast one composes the file with libyaml (PyYAML's C
parser: nodes with line and column, in milliseconds) and types plain scalars by
YAML 1.2's rules (`no` stays text), taking ruamel.yaml's resolver as the reference.
It handles what data files are made of: mappings, lists, text, whole numbers,
decimals, booleans, null and dates. Anything else it meets (a syntax error, a
duplicate key, an alias, a merge key, a tag, a timestamp with a time, a number
written another way, deep nesting) hands the file to the reference reader, ruamel.yaml,
which refuses or reads it exactly as it always has: so every error line is the
same, and only valid files take the fast path.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.resolver import VersionedResolver
from yaml.cyaml import CParser
from yaml.resolver import BaseResolver

from .errors import DataError

Loc = tuple[str | int, ...]


@dataclass
class Document:
    """One data file: its plain data, and where each of its nodes stands.

    The reference reader records the (line, column) of every node in `positions`; the
    fast reader keeps the composed `node` tree instead and reads a position off it only
    when one is asked for (an error, an edit link), which valid files rarely need.
    """

    file: str  # relative to the project root
    data: Any
    positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    node: yaml.Node | None = None

    def where(self, loc: Loc) -> tuple[int, int]:
        """Position of `loc`, or of its nearest ancestor that exists in the file."""
        if self.node is not None:
            return _node_position(self.node, loc)
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.positions:
                return self.positions[loc[:end]]
        return (1, 1)

    def error(self, loc: Loc, message: str, hint: str = "") -> DataError:
        line, column = self.where(loc)
        return DataError(self.file, line, column, format_loc(loc), message, hint)


def format_loc(loc: Loc) -> str:
    """('faq', 3, 'related') -> 'faq[3].related'."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class _Refused(Exception):
    """A construct the data files do not use: anchors, aliases, merge keys, tags."""

    def __init__(self, line: int, column: int, message: str, hint: str) -> None:
        super().__init__(message)
        self.line, self.column, self.message, self.hint = line, column, message, hint


_PLAIN_SCALARS = (str, bool, int, float, datetime.date, type(None))


def read(path: Path, root: Path) -> tuple[Document | None, list[DataError]]:
    """Parse one YAML file; on failure return the problem as a DataError."""
    rel = path.relative_to(root).as_posix()
    try:
        text = path.read_text(encoding="utf-8")
    except (ValueError, UnicodeDecodeError, OSError) as exc:
        reason = " ".join(str(exc).split())  # one error, one line
        return None, [DataError(rel, 1, 1, "", f"cannot read file: {reason}", "save it as UTF-8 YAML with plain values")]
    try:
        return _fast(rel, text), []
    except _Unusual:
        return read_reference(rel, text)


# --- the fast reader ------------------------------------------------------------------------


class _Unusual(Exception):
    """Something the fast reader leaves to the reference reader."""


_TAG = "tag:yaml.org,2002:"
_STR_TAG, _SEQ_TAG, _MAP_TAG = _TAG + "str", _TAG + "seq", _TAG + "map"
_NULL_TAG, _BOOL_TAG, _INT_TAG, _FLOAT_TAG, _TIMESTAMP_TAG = (_TAG + t for t in ("null", "bool", "int", "float", "timestamp"))
_UNTYPED = {yaml.ScalarNode: _STR_TAG, yaml.SequenceNode: _SEQ_TAG, yaml.MappingNode: _MAP_TAG}


class _Composer(CParser, BaseResolver):  # type: ignore[misc]
    """libyaml's composer with no implicit typing: every untagged node keeps its plain tag."""

    def __init__(self, text: str) -> None:
        CParser.__init__(self, text)
        BaseResolver.__init__(self)

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> str:
        return _UNTYPED[kind]  # scalars are typed afterwards, by YAML 1.2's rules (_typed)


# The reference reader's YAML 1.2 rules: first character -> [(tag, pattern)], its lazily
# compiled patterns compiled once here.
_RULES: dict[str | None, list[tuple[str, re.Pattern[str]]]] = {
    first: [(tag, re.compile(pattern.pattern, pattern.flags)) for tag, pattern in rules]
    for first, rules in VersionedResolver(version=(1, 2)).versioned_resolver.items()
}


assert None not in _RULES, "a YAML 1.2 rule for any first character: _typed's shortcut would miss it"


def _implicit_tag(value: str) -> str:
    for tag, pattern in _RULES.get(value[:1], []):
        if pattern.match(value):
            return tag
    return _STR_TAG

_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]{0,17})")  # no leading zeros, underscores or huge numbers
_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)")  # no exponent, .inf or .nan
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MAX_DEPTH = 64  # data files need a handful of levels; deeper is left to the reference reader


def _fast(rel: str, text: str) -> Document:
    composer = _Composer(text)
    try:
        node = composer.get_single_node()
    except yaml.YAMLError:
        raise _Unusual from None
    finally:
        composer.dispose()
    if not isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
        raise _Unusual  # an empty file, or a lone value
    return Document(rel, _convert(node, set(), 0), node=node)


_SCALAR, _MAPPING, _SEQUENCE = yaml.ScalarNode, yaml.MappingNode, yaml.SequenceNode


def _convert(node: yaml.Node, seen: set[int], depth: int) -> Any:
    if type(node) is _SCALAR:
        return _typed(node)  # type: ignore[arg-type]
    if id(node) in seen or depth > _MAX_DEPTH:
        raise _Unusual  # an alias, or nesting no data file needs
    seen.add(id(node))
    if type(node) is _MAPPING and node.tag == _MAP_TAG:
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if type(key_node) is not _SCALAR or (key_node.value == "<<" and not key_node.style):
                raise _Unusual  # a complex key, or a merge key
            key = _typed(key_node)
            if key in out:
                raise _Unusual  # a duplicate key
            out[key] = _convert(value_node, seen, depth + 1)
        return out
    if type(node) is _SEQUENCE and node.tag == _SEQ_TAG:
        return [_convert(item, seen, depth + 1) for item in node.value]
    raise _Unusual  # a tagged mapping or list


def _node_position(root: yaml.Node, loc: Loc) -> tuple[int, int]:
    """Where `loc` stands: a mapping entry at its key, a list item at its start (as the reference reader records them)."""
    node, mark = root, None
    for part in loc:
        if type(node) is _MAPPING:
            found = next(((k, v) for k, v in node.value if _typed(k) == part), None)
            if found is None:
                break
            mark, node = found[0].start_mark, found[1]
        elif type(node) is _SEQUENCE and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
            mark = node.start_mark
        else:
            break
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


def _typed(node: yaml.ScalarNode) -> Any:
    """A scalar's value by YAML 1.2's rules, for the kinds of value data files hold."""
    value = node.value
    if node.tag != _STR_TAG:
        raise _Unusual  # an explicit tag
    if node.style or value[:1] not in _RULES:
        return value  # quoted or block text (libyaml gives plain scalars the style ''), or plainly text
    tag = _implicit_tag(value)
    if tag == _STR_TAG:
        return value
    if tag == _NULL_TAG:
        return None
    if tag == _BOOL_TAG:
        return value.lower() == "true"
    if tag == _INT_TAG and _DECIMAL.fullmatch(value):
        return int(value)
    if tag == _FLOAT_TAG and _FLOAT.fullmatch(value):
        return float(value)
    if tag == _TIMESTAMP_TAG and _DATE.fullmatch(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise _Unusual from None
    raise _Unusual  # a number written another way, a timestamp with a time, a merge key


# --- the reference reader ---------------------------------------------------------------------


def read_reference(rel: str, text: str) -> tuple[Document | None, list[DataError]]:
    """Parse YAML text with ruamel.yaml, refusing what data files do not use; problems as DataErrors."""
    reader = YAML(typ="rt")
    try:
        node = reader.load(text)
        doc = Document(rel, None, {(): (1, 1)})
        doc.data = _plain(node, (), doc.positions, (1, 1), set())
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = " ".join(str(exc.problem or exc.context or "invalid YAML").split())
        hint = "each key may appear only once in a mapping" if "duplicate key" in problem else "check indentation and quoting"
        return None, [DataError(rel, line, column, "", f"YAML syntax error: {problem}", hint)]
    except _Refused as exc:
        return None, [DataError(rel, exc.line, exc.column, "", exc.message, exc.hint)]
    except RecursionError:
        return None, [DataError(rel, 1, 1, "", "the file nests too deeply to read", "data files need only a few levels")]
    except (YAMLError, ValueError) as exc:
        reason = " ".join(str(exc).split())  # one error, one line
        return None, [DataError(rel, 1, 1, "", f"cannot read file: {reason}", "save it as UTF-8 YAML with plain values")]
    if node is None:
        return None, [DataError(rel, 1, 1, "", "file is empty; expected a YAML mapping", "see the data reference page")]
    return doc, []


def _plain(node: Any, loc: Loc, positions: dict[Loc, tuple[int, int]], at: tuple[int, int], seen: set[int]) -> Any:
    """Convert ruamel's round-trip types to plain ones, recording positions.

    Anchors and aliases are refused: data files do not need them, and expanding
    nested aliases can blow a small file up exponentially.
    """
    if isinstance(node, (CommentedMap, CommentedSeq)):
        if id(node) in seen:
            raise _Refused(*at, "anchors and aliases (&name, *name) are not allowed", "write the value out where it is used")
        seen.add(id(node))
        tag = getattr(getattr(node, "tag", None), "value", None)
        if tag:
            raise _Refused(*at, f"YAML tag {tag} is not allowed", "remove the !tag; write plain text, numbers, dates, lists and mappings")
    if isinstance(node, CommentedMap):
        if getattr(node, "merge", None):
            raise _Refused(*at, "merge keys (<<) are not allowed", "write every field out")
        if type(node) is not CommentedMap:
            raise _Refused(*at, f"YAML type {type(node).__name__} is not allowed", "use a plain mapping")
        out = {}
        for key, value in node.items():
            position = _position((node.lc.data or {}).get(key), at)
            key = _scalar(key, position)
            positions[loc + (key,)] = position
            out[key] = _plain(value, loc + (key,), positions, position, seen)
        return out
    if isinstance(node, CommentedSeq):
        items = []
        for index, value in enumerate(node):
            position = _position((node.lc.data or {}).get(index), at)
            positions[loc + (index,)] = position
            items.append(_plain(value, loc + (index,), positions, position, seen))
        return items
    return _scalar(node, at)


def _position(mark: Any, fallback: tuple[int, int]) -> tuple[int, int]:
    return (mark[0] + 1, mark[1] + 1) if mark else fallback


def _scalar(value: Any, at: tuple[int, int]) -> Any:
    # ruamel wraps scalars in str/int/float subclasses that carry formatting;
    # strict validation wants the plain types. Anything else came from a YAML tag.
    if not isinstance(value, _PLAIN_SCALARS):
        raise _Refused(*at, f"YAML value of type {type(value).__name__} is not allowed", "remove the !tag; write plain text, numbers, dates, lists and mappings")
    if isinstance(value, (bool, datetime.date)) or value is None:
        return value  # (a timestamp where a date is expected is reported by the model)
    for plain in (str, int, float):
        if isinstance(value, plain):
            return plain(value)
    return value
