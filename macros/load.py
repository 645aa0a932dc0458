"""Read YAML files into plain Python values, remembering where each value stands.

ruamel.yaml keeps line and column for every node and refuses duplicate keys (which
PyYAML would silently collapse to the last one).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from .errors import DataError

Loc = tuple[str | int, ...]


@dataclass
class Document:
    """One data file: its plain data and the (line, column) of every node in it."""

    file: str  # relative to the project root
    data: Any
    positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def where(self, loc: Loc) -> tuple[int, int]:
        """Position of `loc`, or of its nearest ancestor that exists in the file."""
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
    yaml = YAML(typ="rt")
    try:
        text = path.read_text(encoding="utf-8")
        node = yaml.load(text)
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
    except (YAMLError, ValueError, UnicodeDecodeError, OSError) as exc:
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
