"""The plugin glue: define_env registers macros only, loads data/ once per change, and under
`make serve` turns invalid data into a page that lists the problems."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.helpers import copy_project

ENV = """
import os, sys
from pathlib import Path
sys.path.insert(0, ".")
import macros

class Page:
    title = "Home"
    meta = {}

class Env:
    project_dir = "."
    conf = {"docs_dir": "docs", "nav": None, "repo_url": "https://github.com/o/r", "site_url": "https://example.org/kb/"}
    page = Page()
    markdown = "# Home"
    def __init__(self):
        self.macros = {}
    def macro(self, f, name):
        self.macros[name] = f

def build():
    env = Env()
    macros.define_env(env)
    macros.on_post_page_macros(env)
    return env
"""


def run(project: Path, script: str, **env: str) -> subprocess.CompletedProcess[str]:
    import os

    return subprocess.run([sys.executable, "-c", ENV + script], cwd=project, capture_output=True, text=True, timeout=120,
                          env={**os.environ, **env})


def test_one_load_per_change_of_data_and_edited_modules_are_picked_up(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    result = run(project, """
first = build()
catalog = macros._state["catalog"]
again = build()  # a host that calls define_env once per page
same = macros._state["catalog"] is catalog
links = Path("macros/links.py")
links.write_text(links.read_text() + "\\n\\ndef added_while_serving() -> str:\\n    return 'new'\\n")
build()
faq = Path("data/faq.yaml")
faq.write_text(faq.read_text() + "\\n")
build()
print(same, macros._state["catalog"] is not catalog, sys.modules["macros.links"].added_while_serving(),
      sorted(again.macros) == sorted(sys.modules["macros.pages"].MACROS))
print(first.macros["comparison_table"]().count('href="/kb/compare/#'))
""")
    assert result.returncode == 0, result.stderr
    flags, links = result.stdout.split("\n")[:2]
    assert flags.split() == ["True", "True", "new", "True"]
    assert int(links) > 20, "links start at site_url's path, whichever page renders them"


def test_invalid_data_fails_a_build_with_every_problem(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    faq = project / "data" / "faq.yaml"
    faq.write_text(faq.read_text().replace("category: basics", "category: basis", 1))
    result = run(project, "build()")
    assert result.returncode == 1
    assert "PluginError" in result.stderr and "unknown faq category 'basis'" in result.stderr


def test_under_make_serve_invalid_data_becomes_a_page_of_the_problems_and_recovers(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    faq = project / "data" / "faq.yaml"
    original = faq.read_text()
    faq.write_text(original.replace("category: basics", "category: basis", 1))
    check = subprocess.run([sys.executable, "-m", "macros", "check"], cwd=project, capture_output=True, text=True, timeout=60)
    result = run(project, """
env = build()
print(env.markdown)
print("MACRO", repr(env.macros["faq"]()))
Path("data/faq.yaml").write_text(Path("data/faq.yaml").read_text().replace("category: basis", "category: basics", 1))
env = build()
print("FIXED", env.markdown == "# Home", "kb-faq" in env.macros["faq"]())
""", KB_SERVE="1")
    assert result.returncode == 0, result.stderr
    problems = [line for line in check.stdout.splitlines() if line.startswith("data/")]
    assert problems and all(line in result.stdout for line in problems), "the page lists the lines `make check` prints"
    assert "MACRO ''" in result.stdout
    assert "FIXED True True" in result.stdout
    assert problems[0] in result.stderr, "the terminal shows them too"
