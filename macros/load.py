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


def read(path: Path, root: Path) -> tuple[Document | None, list[DataError]]:
    """Parse one YAML file; on failure return the syntax error as a DataError."""
    rel = path.relative_to(root).as_posix()
    yaml = YAML(typ="rt")
    try:
        text = path.read_text(encoding="utf-8")
        node = yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = " ".join(str(exc.problem or exc.context or "invalid YAML").split())
        hint = "each key may appear only once in a mapping" if "duplicate key" in problem else "check indentation and quoting"
        return None, [DataError(rel, line, column, "", f"YAML syntax error: {problem}", hint)]
    except (YAMLError, UnicodeDecodeError, OSError) as exc:
        reason = " ".join(str(exc).split())  # one error, one line
        return None, [DataError(rel, 1, 1, "", f"cannot read file: {reason}", "save it as UTF-8 YAML")]
    if node is None:
        return None, [DataError(rel, 1, 1, "", "file is empty; expected a YAML mapping", "see the data reference page")]
    doc = Document(rel, None)
    doc.positions[()] = (1, 1)
    doc.data = _plain(node, (), doc.positions)
    return doc, []


def _plain(node: Any, loc: Loc, positions: dict[Loc, tuple[int, int]]) -> Any:
    """Convert ruamel's round-trip types to plain ones, recording positions."""
    if isinstance(node, CommentedMap):
        out = {}
        for key, value in node.items():
            line, column = node.lc.key(key)
            key = _scalar(key)
            positions[loc + (key,)] = (line + 1, column + 1)
            out[key] = _plain(value, loc + (key,), positions)
        return out
    if isinstance(node, CommentedSeq):
        items = []
        for index, value in enumerate(node):
            line, column = node.lc.item(index)
            positions[loc + (index,)] = (line + 1, column + 1)
            items.append(_plain(value, loc + (index,), positions))
        return items
    return _scalar(node)


def _scalar(value: Any) -> Any:
    # ruamel wraps scalars in str/int/float subclasses that carry formatting;
    # strict validation wants the plain types.
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, str):
        return str(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, datetime.datetime):
        return value  # a timestamp where a date is expected is reported by the model
    return value
