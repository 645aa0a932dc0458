"""Every URL the site builds from ids: one place, so a cross-reference cannot drift.

Targets are paths from the site root ("compare/#async-support"); `Linker.url`
makes them relative to the page being rendered, so the site works under any
base path (GitHub Pages serves it under /<repo>/).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import urlencode


def home() -> str:
    return ""


def compare(criterion_id: str | None = None) -> str:
    return "compare/" + (f"#{criterion_id}" if criterion_id else "")


def group(group_id: str) -> str:
    return f"compare/#group-{group_id}"


def framework(framework_id: str) -> str:
    return f"frameworks/{framework_id}/"


def fact_anchor(field: str) -> str:
    """A profile fact's anchor on its framework's page: 'latest_release' -> 'fact-latest-release'."""
    return "fact-" + field.replace("_", "-")


def decide() -> str:
    return "decide/"


def faq(entry_id: str | None = None) -> str:
    return "faq/" + (f"#{entry_id}" if entry_id else "")


def scenario(scenario_id: str | None = None) -> str:
    return "scenarios/" + (f"#{scenario_id}" if scenario_id else "")


def source(source_id: str | None = None) -> str:
    return "sources/" + (f"#src-{source_id}" if source_id else "")


def conventions(anchor: str | None = None) -> str:
    return "about/conventions/" + (f"#{anchor}" if anchor else "")


def export(name: str = "") -> str:
    """A file of the JSON export (macros/export.py), e.g. "knowledge.json"; the folder when empty."""
    return f"data/v1/{name}"


def data_reference(anchor: str | None = None) -> str:
    return "contribute/data-reference/" + (f"#{anchor}" if anchor else "")


@dataclass(frozen=True)
class Linker:
    """Makes site-root paths relative to one page, and builds links out to the repository."""

    page_url: str  # the current page's URL from the site root, e.g. "frameworks/flask/"
    repo_url: str  # e.g. "https://github.com/owner/repo"
    branch: str = "main"

    def url(self, target: str) -> str:
        path, _, fragment = target.partition("#")
        if fragment and path == self.page_url:
            return "#" + fragment
        rel = posixpath.relpath("/" + path, "/" + self.page_url)
        if path.endswith("/") or not path:
            rel = rel.rstrip("/") + "/"  # directory URLs keep their slash
        return rel + (f"#{fragment}" if fragment else "")

    def edit(self, file: str, line: int) -> str:
        """The data file on GitHub, at the record's line; its pencil button edits it."""
        return f"{self.repo_url}/blob/{self.branch}/{file}#L{line}"

    def edit_file(self, file: str) -> str:
        """GitHub's editor for a whole file."""
        return f"{self.repo_url}/edit/{self.branch}/{file}"

    def report(self, page_title: str, entry: str) -> str:
        """A new 'wrong or outdated fact' issue, with the page and entry filled in."""
        query = urlencode({"template": "wrong-fact.yml", "title": f"Wrong or outdated: {entry}", "page": page_title, "entry": entry})
        return f"{self.repo_url}/issues/new?{query}"
