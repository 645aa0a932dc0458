"""The strict build: the real site builds; broken data stops it with the validator's lines."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import Built
from tests.helpers import build, copy_project


def test_the_site_builds_strictly_with_every_page(built: Built) -> None:
    pages = ["index.html", "compare/index.html", "faq/index.html", "scenarios/index.html", "sources/index.html",
             "decide/index.html", "contribute/index.html", "contribute/data-reference/index.html"]
    for page in pages + [f"frameworks/{fw}/index.html" for fw in built.catalog.frameworks]:
        assert (built.site / page).is_file(), page


def test_no_page_shows_a_macro_error(built: Built) -> None:
    for html in built.site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "Macro Rendering Error" not in text and "Traceback" not in text, html


def test_broken_data_fails_the_build_with_validation_lines(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    faq = project / "data" / "faq.yaml"
    text = faq.read_text(encoding="utf-8")
    first_criterion = text.index("    related:\n      criteria:\n        - ") + len("    related:\n      criteria:\n        - ")
    faq.write_text(text[:first_criterion] + "asynch-support-x" + text[text.index("\n", first_criterion):], encoding="utf-8")
    line = text[:first_criterion].count("\n") + 1
    result = build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"data/faq.yaml:{line}:11: faq[0].related.criteria[0]: unknown criterion 'asynch-support-x'" in output
    assert "Traceback" not in output
    assert not (tmp_path / "site" / "index.html").exists()


def test_make_check_prints_the_same_lines(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    criteria = project / "data" / "criteria.yaml"
    criteria.write_text(criteria.read_text(encoding="utf-8").replace("group: core", "group: kore", 1), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "macros", "check"], cwd=project, capture_output=True, text=True,
                            env={"PATH": "/usr/bin:/bin"})
    assert result.returncode == 1
    assert "unknown group 'kore' (did you mean 'core'?)" in result.stdout
    assert result.stdout.strip().endswith("1 problem found in data/.")
    assert "Traceback" not in result.stderr
