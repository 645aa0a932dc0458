"""`make loadtest` runs `python -m loadtest`; `make loadtest SMOKE=1` adds --smoke.

Full run: every cell of plan.cells, measured with wrk, written to
data/loadtest/<YYYY-MM-DD>.yaml. Smoke: every app started against the database,
every endpoint checked, one short wrk cell per app; nothing is written under data/.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import os
import platform
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from types import FrameType
from typing import Any

from . import checks, machine, plan, results, servers, stats, toolchain, world, wrk
from .database import Database
from .processes import PeakMemory, ProcessGroups, ensure_port_free

ROOT = Path(__file__).resolve().parent.parent
RESULTS_DIR = ROOT / "data" / "loadtest"
DEFAULT_PORT = 8480
PATHS = [endpoint.path for endpoint in plan.ENDPOINTS]


def clock(seconds: float) -> str:
    minutes, seconds = divmod(round(seconds), 60)
    return f"{minutes}m{seconds:02d}s"


class Run:
    """One run of the harness: its plan, its processes and its progress."""

    def __init__(self, smoke: bool, port: int, groups: ProcessGroups) -> None:
        self.smoke, self.port, self.groups = smoke, port, groups
        self.timing = plan.SMOKE if smoke else plan.FULL
        self.cores = os.cpu_count() or 1
        self.server_cores = len(os.sched_getaffinity(0))  # shared placement: the server may use every core
        self.apps = plan.apps(self.server_cores)
        self.cells = plan.cells(self.apps, smoke)
        self.wrk = toolchain.wrk()
        banner = subprocess.run([self.wrk, "-v"], capture_output=True, text=True, timeout=30, check=False)  # exits 1 after it
        self.wrk_version = wrk.version(banner.stdout + banner.stderr)
        self.numbers = world.random_numbers()
        self.measured: list[dict[str, Any]] = []  # one results.cell_record per cell done
        self.started = dt.datetime.now(dt.UTC)
        self.clock_start = time.monotonic()

    def elapsed(self) -> float:
        return time.monotonic() - self.clock_start

    def wrk_run(self, server: servers.Server, cell: plan.Cell, seconds: int) -> wrk.WrkRun:
        threads = wrk.threads_for(cell.connections, self.cores)
        argv = wrk.command(self.wrk, server.port, cell.endpoint.path, cell.connections, seconds, threads,
                           plan.WRK_TIMEOUT_SECONDS)
        run = wrk.parse(self.groups.run(argv, timeout=seconds + 30))
        servers.wait_idle(server)  # each run starts on an idle server
        return run

    def measure(self, server: servers.Server, cell: plan.Cell) -> stats.CellResult:
        with PeakMemory(server.process.pid) as memory:
            if self.timing.warmup_seconds:
                self.wrk_run(server, cell, self.timing.warmup_seconds)
            runs = [self.wrk_run(server, cell, self.timing.duration_seconds) for _ in range(self.timing.repetitions)]
        if server.process.poll() is not None:
            raise RuntimeError(f"{server.app.id} exited during {cell.endpoint.path}:\n{server.log_tail()}")
        return stats.summarise(runs, memory.peak)

    def progress(self, cell: plan.Cell, result: stats.CellResult) -> None:
        done = len(self.measured)
        left = (len(self.cells) - done) * plan.cell_seconds(self.timing)
        left += len({c.app.id for c in self.cells[done:]} - {cell.app.id}) * plan.APP_START_SECONDS
        noisy = " NOISY" if result.noisy(plan.NOISY_ABOVE) else ""
        print(f"[{done:>3}/{len(self.cells)}] {cell.app.id:<15} {cell.endpoint.path:<14} {cell.connections:>3} conn: "
              f"{result.median:>9.1f} rps (spread {result.spread:.1%}{noisy}), p50 {result.p50_ms:.2f} ms, "
              f"p99 {result.p99_ms:.2f} ms, {result.errors} errors, {result.timeouts} timeouts, "
              f"{result.peak_memory_mib:.0f} MiB | {clock(self.elapsed())} elapsed, ~{clock(left)} left", flush=True)

    def measure_app(self, app: plan.App, app_cells: Iterable[plan.Cell], database: Database, logs: Path) -> None:
        """Start the app, check every endpoint, measure its cells, stop it (also on failure)."""
        server = servers.start(app, self.port, database.env, self.groups, logs)
        try:
            problems = checks.app_problems(self.port, PATHS, self.numbers)
            if problems:
                raise RuntimeError(f"{app.id} answers wrongly:\n  " + "\n  ".join(problems))
            print(f"{app.id} ({app.label}): all {len(PATHS)} endpoints answer correctly", flush=True)
            for cell in app_cells:
                result = self.measure(server, cell)
                self.measured.append(results.cell_record(cell, result, plan.NOISY_ABOVE))
                self.progress(cell, result)
        finally:
            self.groups.stop(server.process)

    def execute(self) -> dict[str, Any]:
        ensure_port_free(self.port)  # fail before anything starts; checked again before each app
        estimate = plan.estimate_seconds(self.cells, self.timing)
        print(f"loadtest{' (smoke)' if self.smoke else ''}: {len(self.apps)} apps, {len(self.cells)} cells, "
              f"{self.timing.warmup_seconds} s warm-up + {self.timing.repetitions} x {self.timing.duration_seconds} s each; "
              f"wrk {self.wrk_version}, estimated {clock(estimate)} on {self.cores} cores", flush=True)
        with tempfile.TemporaryDirectory(prefix="loadtest-logs-") as logs:
            database = Database(self.groups)
            try:
                database.start()
                postgresql = database.version()
                print(f"PostgreSQL {postgresql} on {database.root}, table world seeded ({world.ROWS:,} rows)", flush=True)
                call_ms = servers.cpu_call_ms(self.groups)
                print(f"/cpu's loop, one call: Python {call_ms['python']:.2f} ms, Node.js {call_ms['node']:.2f} ms", flush=True)
                for app, app_cells in itertools.groupby(self.cells, key=lambda c: c.app):
                    self.measure_app(app, app_cells, database, Path(logs))
            finally:
                database.remove()
        return self.document(postgresql, call_ms)

    def document(self, postgresql: str, call_ms: dict[str, float]) -> dict[str, Any]:
        placement, worker_rule = plan.method_rules(self.server_cores)
        return {
            "run": {"date": self.started.date(), "started": self.started.strftime("%Y-%m-%dT%H:%M:%SZ"),
                    "minutes": round(self.elapsed() / 60, 1), "command": "make loadtest"},
            "machine": machine.facts(),
            "method": {
                "load_generator": f"wrk {self.wrk_version}",
                "wrk_threads": plan.WRK_THREADS.format(cores=self.cores),
                "warmup_seconds": self.timing.warmup_seconds,
                "duration_seconds": self.timing.duration_seconds,
                "repetitions": self.timing.repetitions,
                "connections": list(plan.CONNECTIONS),
                "reference_connections": list(plan.REFERENCE_CONNECTIONS),
                "wrk_timeout_seconds": plan.WRK_TIMEOUT_SECONDS,
                "cpu_placement": placement,
                "worker_rule": worker_rule,
                "noisy_above": plan.NOISY_ABOVE,
                "database": f"PostgreSQL {postgresql} on a Unix socket; table world, {world.ROWS:,} rows",
            },
            "versions": {"python": platform.python_version(), "node": machine.node_version(), "postgresql": postgresql,
                         "packages": machine.package_versions()},
            "apps": [results.app_record(app, self.server_cores) for app in self.apps],
            "endpoints": [results.endpoint_record(endpoint, call_ms if endpoint.id == "cpu" else None)
                          for endpoint in plan.ENDPOINTS],
            "cells": self.measured,
        }


def _exit_on_signal(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(f"loadtest: stopped by {signal.Signals(signum).name}; stopping every process it started")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m loadtest", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--smoke", action="store_true", help="check every app and run one short cell each; write nothing")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"the apps' port on 127.0.0.1 (default {DEFAULT_PORT})")
    args = parser.parse_args(argv)
    # Ctrl-C raises KeyboardInterrupt even where the shell started us with SIGINT ignored (in the background).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _exit_on_signal)
    signal.signal(signal.SIGHUP, _exit_on_signal)
    groups = ProcessGroups()
    try:
        run = Run(args.smoke, args.port, groups)
        document = run.execute()
    except KeyboardInterrupt:
        print("\nloadtest: interrupted; stopping every process it started", file=sys.stderr)
        return 130
    except RuntimeError as exc:
        print(f"loadtest: {exc}", file=sys.stderr)
        return 1
    finally:
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, signal.SIG_IGN)  # a second Ctrl-C must not cut the clean-up short
        groups.stop_all()
    if args.smoke:
        print(f"smoke passed in {clock(run.elapsed())}: every app answered every endpoint correctly and under wrk")
        return 0
    path = results.write(RESULTS_DIR, run.started.date(), document)
    print(f"wrote {path.relative_to(ROOT)} ({clock(run.elapsed())})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
