"""The plugin glue: `mkdocs serve` rebuilds in one process, and must see edited code and data."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.helpers import copy_project

SCRIPT = """
import sys
from pathlib import Path
sys.path.insert(0, ".")
import macros

class Env:
    project_dir = "."
    conf = {"docs_dir": "docs", "nav": None, "repo_url": "https://github.com/o/r"}
    macros = {}
    def macro(self, f, name):
        self.macros[name] = f

macros.define_env(Env())
links = Path("macros/links.py")
links.write_text(links.read_text() + "\\n\\ndef added_while_serving() -> str:\\n    return 'new'\\n")
Path("data/criteria.yaml").touch()
env = Env()
macros.define_env(env)
stale = [n for n, mod in vars(macros).items() if hasattr(mod, "__spec__") and sys.modules.get(f"macros.{n}", mod) is not mod]
print(sys.modules["macros.links"].added_while_serving(), sorted(env.macros) == sorted(sys.modules["macros.pages"].MACROS), stale)
"""


def test_a_second_build_in_one_process_uses_edited_modules(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    result = subprocess.run([sys.executable, "-c", SCRIPT], cwd=project, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    # `from . import model` reads the package attribute: none may point at a forgotten module
    assert result.stdout.split() == ["new", "True", "[]"]
