"""Starting each app as it runs in production, waiting until it serves, and timing /cpu's loop."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from .checks import fetch
from .plan import App
from .processes import ProcessGroups, ensure_port_free, session_count
from .toolchain import NODE_APPS, PYTHON_APPS, node, path_with_node

READY_SECONDS = 30.0
IDLE_SECONDS = 60.0


def command(app: App, port: int) -> tuple[list[str], Path]:
    """The command line of an app and the folder it runs in."""
    gunicorn = [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py"]
    commands = {
        "flask-sync": ([*gunicorn, "--worker-class", "sync", "flask_app:app"], PYTHON_APPS),
        "flask-gevent": ([*gunicorn, "--worker-class", "gevent", "flask_app:app"], PYTHON_APPS),
        "express-single": ([str(node()), "express.js"], NODE_APPS),
        "express-cluster": ([str(node()), "express-cluster.js"], NODE_APPS),
        "fastapi": ([sys.executable, "-m", "uvicorn", "fastapi_app:app", "--host", "127.0.0.1", "--port", str(port),
                     "--no-access-log", "--log-level", "warning"], PYTHON_APPS),
        "fastify": ([str(node()), "fastify.js"], NODE_APPS),
    }
    return commands[app.id]


def environment(app: App, port: int, database: dict[str, str]) -> dict[str, str]:
    """A small, explicit environment: the same for every app but for the worker count."""
    env = {"PATH": path_with_node(), "HOME": os.environ.get("HOME", "/"), "LANG": "C.UTF-8", "PORT": str(port),
           "NODE_ENV": "production", "PYTHONDONTWRITEBYTECODE": "1", **database}
    if app.multi_process:
        env["WEB_CONCURRENCY"] = str(app.processes)
    return env


@dataclass
class Server:
    app: App
    port: int
    process: subprocess.Popen[bytes]
    log: Path

    def log_tail(self) -> str:
        return self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""


def start(app: App, port: int, database: dict[str, str], groups: ProcessGroups, log_dir: Path) -> Server:
    """Start the app and return once it answers and all its processes are up."""
    ensure_port_free(port)
    argv, cwd = command(app, port)
    log = log_dir / f"{app.id}.log"
    with log.open("wb") as out:
        process = groups.start(argv, cwd=cwd, env=environment(app, port, database), log=out)
    server = Server(app, port, process, log)
    # A multi-process server has a parent (Gunicorn's arbiter, the cluster's primary) beside its workers.
    expected = app.processes + (1 if app.multi_process else 0)
    deadline = time.monotonic() + READY_SECONDS
    while not (_answers(port) and session_count(process.pid) == expected):
        if process.poll() is not None:
            raise RuntimeError(f"{app.id} exited at start (status {process.returncode}):\n{server.log_tail()}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"{app.id} did not serve with {expected} processes within {READY_SECONDS:.0f} s "
                               f"({session_count(process.pid)} running):\n{server.log_tail()}")
        time.sleep(0.1)
    return server


def wait_idle(server: Server) -> None:
    """Return once the server answers a new request, i.e. has worked off what wrk left queued.

    When wrk stops it closes its connections, but requests already sent stay queued: a
    sync Gunicorn worker still serves each one (256 calls of /io keep 5 workers busy for
    2.5 s). Without this wait the next run would start behind that backlog.
    """
    try:
        fetch(server.port, "/plaintext", timeout=IDLE_SECONDS)
    except OSError as exc:
        raise RuntimeError(f"{server.app.id} did not answer within {IDLE_SECONDS:.0f} s after a wrk run ({exc})") from None


def _answers(port: int) -> bool:
    try:
        return fetch(port, "/plaintext", timeout=2).status == 200
    except OSError:
        return False


PYTHON_TIMING = """
import statistics, timeit
from shared import crunch
crunch()
print(statistics.median(timeit.repeat(crunch, number=20, repeat=5)) / 20 * 1000)
"""
NODE_TIMING = """
import { crunch } from './shared.js'
for (let i = 0; i < 200; i++) crunch()  // let V8 optimise it, as in a warm server
const batches = []
for (let b = 0; b < 5; b++) {
  const started = performance.now()
  for (let i = 0; i < 20; i++) crunch()
  batches.push((performance.now() - started) / 20)
}
console.log(batches.sort((a, b) => a - b)[2])
"""


def cpu_call_ms(groups: ProcessGroups) -> dict[str, float]:
    """Milliseconds one call of /cpu's loop takes in each language, outside any server (median of 5 batches)."""
    python = groups.run([sys.executable, "-c", PYTHON_TIMING], timeout=60, cwd=PYTHON_APPS)
    javascript = groups.run([str(node()), "--input-type=module", "--eval", NODE_TIMING], timeout=60, cwd=NODE_APPS,
                            env={"PATH": path_with_node(), "HOME": os.environ.get("HOME", "/")})
    return {"python": float(python.strip()), "node": float(javascript.strip())}
