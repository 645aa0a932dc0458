"""One error type for every problem in data/, and the one way to print it."""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class DataError:
    """A problem at one place in one data file: where, what was expected, how to fix it."""

    file: str  # path relative to the project root, e.g. "data/faq.yaml"
    line: int  # 1-based
    column: int  # 1-based
    path: str  # field path inside the file, e.g. "faq[3].related.criteria[1]"
    message: str  # what is wrong, and what was expected
    hint: str = ""  # how to fix it, when we can tell

    def __post_init__(self) -> None:
        # Paths and messages quote what the file holds, which may be anything:
        # keep each error on one readable line of bounded length.
        for name in ("path", "message", "hint"):
            object.__setattr__(self, name, _one_line(getattr(self, name)))

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        text = f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text

    def github_annotation(self) -> str:
        """The same error as a GitHub Actions workflow command, shown inline on the PR."""
        text = f"{self.path}: {self.message}" if self.path else self.message
        if self.hint:
            text += f" ({self.hint})"
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::error file={self.file},line={self.line},col={self.column}::{text}"


_FIELD_LIMIT = 300
_CONTROL = {i: f"\\x{i:02x}" for i in range(32)} | {10: "\\n", 13: "\\r", 9: "\\t", 127: "\\x7f"}


def _one_line(text: str) -> str:
    text = text.translate(_CONTROL)
    return text if len(text) <= _FIELD_LIMIT else text[: _FIELD_LIMIT - 1] + "…"


class DataInvalid(Exception):
    """Raised when data/ has problems; carries every one of them."""

    def __init__(self, errors: Iterable[DataError]) -> None:
        self.errors = sorted(set(errors))
        super().__init__(format_report(self.errors))


def format_report(errors: list[DataError]) -> str:
    """All errors, one per line, then a count: the text `make check` and the build print."""
    lines = [str(e) for e in errors]
    noun = "problem" if len(errors) == 1 else "problems"
    lines.append(f"{len(errors)} {noun} found in data/.")
    return "\n".join(lines)


def report_page(errors: list[DataError]) -> str:
    """The Markdown of the page `make serve` shows in place of every page while data/ is invalid."""
    report = format_report(errors)
    fence = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", report)), default=0))
    return "\n".join([
        "# The data has problems",
        "",
        "The site cannot be built from `data/` as it stands. `make check` prints the same lines;",
        "each names the file, line and column, the field, what was expected and how to fix it.",
        "This page reloads by itself, and the site comes back, as soon as the files are fixed.",
        "",
        fence + "text",
        report,
        fence,
        "",
    ])


def print_report(errors: list[DataError]) -> None:
    """Print the report (and the GitHub annotations, where they show)."""
    annotate_on_github(errors)
    print(format_report(errors))


def annotate_on_github(errors: list[DataError]) -> None:
    """Under GitHub Actions, print each error as an annotation on its file and line."""
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for e in errors:
            print(e.github_annotation())


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A 'did you mean' hint for a near miss, or '' when nothing is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""
