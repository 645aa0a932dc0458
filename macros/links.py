"""Every URL the site builds from ids: one place, so a cross-reference cannot drift.

Targets are paths from the site root ("compare/#async-support"); `Linker.url` puts
the site's base path in front ("/flask-vs-express/compare/#async-support", from
site_url), so a link is the same whichever page renders it: a renderer's output
does not depend on the page, and hosts that resolve relative links in raw HTML
against the source file (rather than the page's URL) cannot misplace it.
"""

from __future__ import annotations

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


def loadtest(anchor: str | None = None) -> str:
    """The load test page: the latest run in full, earlier runs listed."""
    return "loadtest/" + (f"#{anchor}" if anchor else "")


def run_anchor(run_id: str) -> str:
    """A run's entry in the list of runs on the load test page."""
    return f"run-{run_id}"


def run(run_id: str) -> str:
    return loadtest(run_anchor(run_id))


def ratio_anchor(endpoint_id: str, over: str, under: str) -> str:
    """One ratio of the latest run: app `over` ÷ app `under` on an endpoint, a cell of the ratio table."""
    return f"ratio-{endpoint_id}-{over}-{under}"


def ratio(endpoint_id: str, over: str, under: str) -> str:
    return loadtest(ratio_anchor(endpoint_id, over, under))


def rps_anchor(endpoint_id: str) -> str:
    """An endpoint's chart and table of requests per second in the latest run."""
    return f"rps-{endpoint_id}"


def conventions(anchor: str | None = None) -> str:
    return "about/conventions/" + (f"#{anchor}" if anchor else "")


def export(name: str = "") -> str:
    """A file of the JSON export (macros/export.py), e.g. "knowledge.json"; the folder when empty."""
    return f"data/v1/{name}"


def data_reference(anchor: str | None = None) -> str:
    return "contribute/data-reference/" + (f"#{anchor}" if anchor else "")


@dataclass(frozen=True)
class Linker:
    """Makes site-root paths into links under the site's base path, and builds links out to the repository."""

    base: str  # the path of site_url, e.g. "/flask-vs-express/" (GitHub Pages) or "/"
    repo_url: str  # e.g. "https://github.com/owner/repo"
    branch: str = "main"

    def url(self, target: str) -> str:
        return self.base.rstrip("/") + "/" + target

    def edit(self, file: str, line: int) -> str:
        """The data file on GitHub, at the record's line; its pencil button edits it."""
        return f"{self.repo_url}/blob/{self.branch}/{file}#L{line}"

    def report(self, page_title: str, entry: str) -> str:
        """A new 'wrong or outdated fact' issue, with the page and entry filled in."""
        query = urlencode({"template": "wrong-fact.yml", "title": f"Wrong or outdated: {entry}", "page": page_title, "entry": entry})
        return f"{self.repo_url}/issues/new?{query}"
