"""The GitHub workflows pass actionlint and zizmor (offline) and keep the hardening rules.

The linters run from the test virtualenv (requirements-test.txt). Each is also run on
a deliberately bad workflow, so a linter that silently checks nothing fails here.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from ruamel.yaml import YAML

from macros.links import Linker
from tests.helpers import ROOT
from tests.unit.conftest import DataCopy

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
FORMS = GITHUB / "ISSUE_TEMPLATE"
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")
BAD_WORKFLOW = """\
on: pull_request_target
jobs:
  greet:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
      - run: echo "${{ github.event.pull_request.title }}"
"""


def tool(name: str) -> str:
    path = Path(sys.executable).parent / name
    assert path.is_file(), f"{name} is not installed: run `make .venv/.test-deps` (it is pinned in requirements-test.txt)"
    return str(path)


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    return subprocess.run([str(a) for a in args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)


def load(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))  # YAML 1.2: `on` stays a string


def test_there_are_the_four_workflows() -> None:
    assert [p.name for p in WORKFLOWS] == ["ci.yml", "deploy.yml", "pr-summary.yml", "weekly.yml"]


def test_actionlint_finds_nothing() -> None:
    result = run(tool("actionlint"), "-no-color", *WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_offline_finds_nothing() -> None:
    result = run(tool("zizmor"), "--offline", "--strict-collection", "--persona", "pedantic",
                 GITHUB / "workflows", GITHUB / "dependabot.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout


def test_both_linters_do_catch_a_bad_workflow(tmp_path: Path) -> None:
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text(BAD_WORKFLOW + "      - run: [unclosed\n", encoding="utf-8")
    assert run(tool("actionlint"), "-no-color", bad).returncode != 0
    bad.write_text(BAD_WORKFLOW, encoding="utf-8")
    result = run(tool("zizmor"), "--offline", bad)
    assert result.returncode != 0
    for audit in ("dangerous-triggers", "template-injection", "unpinned-uses"):
        assert audit in result.stdout, audit


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_is_hardened(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    workflow = load(path)
    assert workflow["permissions"] == {}, "top-level permissions must be {}"
    assert "pull_request_target" not in workflow["on"]
    assert "concurrency" in workflow
    for name, job in workflow["jobs"].items():
        assert "permissions" in job, f"job {name} must state its permissions"
        assert job.get("timeout-minutes"), f"job {name} needs a timeout"
        for step in job["steps"]:
            if "uses" in step:
                line = next(l.strip() for l in text.splitlines() if f"uses: {step['uses']}" in l)
                assert PINNED.match(line.removeprefix("- ").removeprefix("uses: ")), f"not pinned by SHA with a version: {line}"
            if str(step.get("uses", "")).startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


def steps_of(workflow: str, job: str) -> list[dict[str, Any]]:
    return load(GITHUB / "workflows" / workflow)["jobs"][job]["steps"]


def test_ci_validates_in_its_own_step_then_builds_and_tests() -> None:
    runs = [s.get("run", "") for s in steps_of("ci.yml", "test")]
    assert "make check" in runs and "make build" in runs and "make test" in runs
    assert runs.index("make check") < runs.index("make build") < runs.index("make test")


def test_deploy_publishes_only_after_tests_and_build_pass() -> None:
    workflow = load(GITHUB / "workflows" / "deploy.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["jobs"]["deploy"]["needs"] == "test"
    steps = steps_of("deploy.yml", "test")
    order = [s.get("run") or s.get("uses", "").split("@")[0] for s in steps]
    assert order.index("make check") < order.index("make test") < order.index("make build") < order.index("actions/upload-pages-artifact")
    assert [s["uses"].split("@")[0] for s in steps_of("deploy.yml", "deploy")] == ["actions/deploy-pages"]


def test_pr_summary_diffs_against_the_base_and_uploads_the_site() -> None:
    steps = steps_of("pr-summary.yml", "summary")
    assert any("-m macros diff" in s.get("run", "") and "$GITHUB_STEP_SUMMARY" in s["run"] for s in steps)
    assert any(s.get("uses", "").startswith("actions/upload-artifact@") and s["with"]["path"] == "site/" for s in steps)


def test_weekly_runs_the_stale_check_with_links() -> None:
    workflow = load(GITHUB / "workflows" / "weekly.yml")
    assert "schedule" in workflow["on"]
    assert any("macros stale --days 365 --check-urls" in s.get("run", "") for s in steps_of("weekly.yml", "freshness"))


def test_validation_errors_become_annotations_under_github_actions(data: DataCopy) -> None:
    data.replace("faq.yaml", "    sources: [alpha-docs, beta-docs]\n    verified", "    sources: [alpha-docs, beta-doc]\n    verified")
    env = {**os.environ, "GITHUB_ACTIONS": "true"}
    result = subprocess.run([sys.executable, "-m", "macros", "check", "--root", str(data.root)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60, check=False)
    line = data.line_of("faq.yaml", "beta-doc]")
    assert result.returncode == 1
    assert f"::error file=data/faq.yaml,line={line},col=27::faq[0].sources[1]: unknown source 'beta-doc'" in result.stdout


def test_report_links_fill_in_the_wrong_fact_form() -> None:
    url = Linker("/", "https://github.com/o/r").report("FAQ", "Is Express faster?")
    query = parse_qs(urlsplit(url).query)
    form = load(FORMS / query["template"][0])
    ids = {item.get("id") for item in form["body"]}
    assert set(query) - {"template", "title"} == {"page", "entry"} <= ids
    assert query["title"][0].startswith(form["title"].strip())


@pytest.mark.parametrize("name", ["wrong-fact.yml", "new-question.yml", "new-framework.yml"])
def test_issue_forms_ask_for_a_source(name: str) -> None:
    form = load(FORMS / name)
    fields = {item["id"]: item for item in form["body"] if "id" in item}
    assert "source" in fields, "every form asks where the fact can be checked"
    if name != "new-question.yml":
        assert fields["source"]["validations"]["required"] is True


def test_pull_request_template_has_the_checklist() -> None:
    text = (GITHUB / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    for item in ("cites a source", "`make check`", "`verified` date"):
        assert re.search(rf"- \[ \] .*{re.escape(item)}", text), item
