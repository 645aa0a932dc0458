"""`python -m macros diff`: a test repository with known changes gets the right summary."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.diff import compare_revisions, summary
from tests.helpers import ROOT
from tests.unit.conftest import MINIMAL

GIT_ENV = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org", "GIT_COMMITTER_NAME": "Test",
           "GIT_COMMITTER_EMAIL": "test@example.org", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}

NEW_FAQ = """  - id: which-is-older
    category: basics
    question: Which framework is older?
    answer: >-
      Alpha came first and Beta followed a few years later. Both have been maintained
      without a break since their first release, so their age says little about which one
      suits a new project today; look instead at the language your team writes and at
      the libraries each ecosystem offers for your problem. See each project's history
      page for the dates.
    sources: [alpha-docs, beta-docs]
    verified: 2026-11-20
"""


class Repo:
    def __init__(self, path: Path) -> None:
        self.path = path
        path.mkdir(parents=True)
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str) -> str:
        result = subprocess.run(["git", *args], cwd=self.path, env={**os.environ, **GIT_ENV}, capture_output=True, text=True, check=True)
        return result.stdout.strip()

    def edit(self, rel: str, old: str, new: str) -> None:
        path = self.path / "data" / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {rel}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def commit(self, message: str) -> str:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)
        return self.git("rev-parse", "HEAD")


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    repo = Repo(tmp_path / "repo")
    shutil.copytree(MINIMAL / "data", repo.path / "data")
    repo.commit("minimal data")
    return repo


def test_known_changes_are_listed_in_words(repo: Repo) -> None:
    base = repo.git("rev-parse", "HEAD")
    repo.edit("frameworks/alpha.yaml", "    verdict: Through a library\n", "    verdict: Built in\n")
    repo.edit("frameworks/alpha.yaml", "    level: third-party\n", "    level: built-in\n")
    repo.edit("faq.yaml", "    sources: [alpha-docs, beta-docs]\n    verified: 2026-11-01\n",
              "    sources: [alpha-docs, beta-docs]\n    verified: 2026-11-01\n" + NEW_FAQ)
    repo.edit("sources.yaml", "    read: 2026-11-01\n    published: 2024-01-01\n",
              "    read: 2026-11-20\n    published: 2024-01-01\n")
    repo.edit("scenarios.yaml", "    related_faq: [which-language]\n", "    related_faq: [which-language, which-is-older]\n")
    repo.edit("decision-tree.yaml", "      - {id: small, label: Small, next: result-alpha}\n",
              "      - {id: small, label: Small or medium, next: result-alpha}\n")
    head = repo.commit("known changes")

    outcome = compare_revisions(repo.path, base, head)
    text = summary(outcome)
    assert not outcome.problems
    assert [(c.kind, c.action, c.name) for c in outcome.changes] == [
        ("value", "changed", "Alpha · Templates"),
        ("faq", "added", "Which framework is older?"),
        ("scenario", "changed", "A small app"),
        ("tree node", "changed", "How big is the app?"),
        ("source", "changed", "Alpha or Beta?"),
    ]
    assert "1 FAQ entry added, 1 value changed, 1 scenario changed, 1 tree node changed, 1 source changed." in text
    assert "- Changed: **Alpha · Templates**: level “third-party” → “built-in”; verdict “Through a library” → “Built in”" in text
    assert "- Added: **Which framework is older?**" in text
    assert "- Changed: **A small app**: related faq: added `which-is-older`" in text
    assert "- Changed: **How big is the app?**: answers edited" in text
    assert "- Changed: **Alpha or Beta?**: read 2026-11-01 → 2026-11-20" in text
    assert text.index("### Values") < text.index("### FAQ entries") < text.index("### Sources")


def test_removals_and_a_new_framework(repo: Repo) -> None:
    base = repo.git("rev-parse", "HEAD")
    beta = (repo.path / "data" / "frameworks" / "beta.yaml").read_text(encoding="utf-8")
    (repo.path / "data" / "frameworks" / "gamma.yaml").write_text(
        beta.replace("id: beta", "id: gamma").replace("name: Beta", "name: Gamma"), encoding="utf-8")
    repo.edit("decision-tree.yaml", "    note: Both fit; the tie-breaker is taste.\n", "")
    head = repo.commit("gamma")
    changes = [(c.kind, c.action, c.name, c.details) for c in compare_revisions(repo.path, base, head).changes]
    assert changes == [
        ("framework", "added", "Gamma", ()),
        ("tree node", "changed", "Either; the tie-breaker is taste", ("note “Both fit; the tie-breaker is taste.” → (none)",)),
    ]


def test_no_change_says_so(repo: Repo) -> None:
    base = repo.git("rev-parse", "HEAD")
    repo.edit("sources.yaml", "# Smallest valid data set", "# The smallest valid data set")
    head = repo.commit("comment only")
    outcome = compare_revisions(repo.path, base, head)
    assert outcome.changes == []
    assert "Nothing: the records in data/ are the same" in summary(outcome)


def test_invalid_head_is_reported_with_the_validator_lines(repo: Repo) -> None:
    base = repo.git("rev-parse", "HEAD")
    repo.edit("faq.yaml", "    sources: [alpha-docs, beta-docs]\n    verified", "    sources: [alpha-docs, beta-doc]\n    verified")
    head = repo.commit("typo")
    outcome = compare_revisions(repo.path, base, head)
    assert list(outcome.problems) == [head]
    assert "data/faq.yaml:26:27: faq[0].sources[1]: unknown source 'beta-doc'" in summary(outcome)


def test_command_line_prints_markdown_and_fails_on_invalid_data(repo: Repo) -> None:
    repo.edit("frameworks/beta.yaml", "    verdict: Through a library\n", "    verdict: Built in\n")
    repo.commit("beta templating")
    run = subprocess.run([sys.executable, "-m", "macros", "diff", "HEAD~1", "HEAD", "--root", str(repo.path)],
                         cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("## What this change does to the knowledge")
    assert "**Beta · Templates**: verdict “Through a library” → “Built in”" in run.stdout
