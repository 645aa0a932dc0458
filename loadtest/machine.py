"""Facts of the machine and exact versions of what ran, read at run time (not from requirements files)."""

from __future__ import annotations

import json
import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path
from typing import Any

from .toolchain import NODE_APPS, node

# Every framework, server, driver and view engine, as named by its registry.
PYTHON_PACKAGES = ("flask", "werkzeug", "jinja2", "gunicorn", "gevent", "psycopg", "psycopg-binary", "psycopg-pool",
                   "fastapi", "starlette", "uvicorn", "uvloop", "httptools")
NODE_PACKAGES = ("express", "ejs", "pg", "fastify", "@fastify/view")


def _field(text: str, key: str, separator: str) -> str:
    for line in text.splitlines():
        name, _, value = line.partition(separator)
        if name.strip() == key:
            return value.strip().strip('"')
    return "unknown"


def cpu_model(cpuinfo: str) -> str:
    return _field(cpuinfo, "model name", ":")


def memory_gib(meminfo: str) -> float:
    return round(int(_field(meminfo, "MemTotal", ":").split()[0]) / 2**20, 1)


def os_name(os_release: str) -> str:
    return _field(os_release, "PRETTY_NAME", "=")


def facts() -> dict[str, Any]:
    return {
        "cpu": cpu_model(Path("/proc/cpuinfo").read_text()),
        "cores": os.cpu_count() or 1,
        "memory_gib": memory_gib(Path("/proc/meminfo").read_text()),
        "os": os_name(Path("/etc/os-release").read_text()),
        "kernel": platform.release(),
    }


def node_version() -> str:
    found = subprocess.run([str(node()), "--version"], capture_output=True, text=True, check=True, timeout=30)
    return found.stdout.strip().lstrip("v")


def package_versions() -> dict[str, str]:
    versions = {name: metadata.version(name) for name in PYTHON_PACKAGES}
    for name in NODE_PACKAGES:
        manifest = json.loads((NODE_APPS / "node_modules" / name / "package.json").read_text(encoding="utf-8"))
        versions[name] = manifest["version"]
    return versions
