"""wrk's command line and the report its done() hook prints (report.lua).

wrk's own summary has no p50/p99 in a stable format, so report.lua's done() prints one
line of JSON (wrk's SCRIPTING: latency and duration in microseconds). Its `status`
count is wrk's: responses with a status above 399.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

REPORT_SCRIPT = Path(__file__).with_name("report.lua")
MARKER = "WRK_JSON "
LOCALHOST = "127.0.0.1"


@dataclass(frozen=True)
class WrkRun:
    """One wrk run: throughput, latency percentiles and error counts."""

    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: int  # socket connect, read and write errors, and responses with a status above 399
    timeouts: int

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds > 0 else 0.0


def threads_for(connections: int, cores: int) -> int:
    """One wrk thread per core, but no more threads than connections (wrk needs one each)."""
    return max(1, min(cores, connections))


def command(wrk: str, port: int, path: str, connections: int, seconds: int, threads: int, timeout: int) -> list[str]:
    """A wrk run against this machine's loopback only."""
    if not path.startswith("/"):
        raise ValueError(f"path must start with '/': {path!r}")
    return [wrk, "--threads", str(threads), "--connections", str(connections), "--duration", f"{seconds}s",
            "--timeout", f"{timeout}s", "--script", str(REPORT_SCRIPT), f"http://{LOCALHOST}:{port}{path}"]


def parse(stdout: str) -> WrkRun:
    """The WrkRun of wrk's output; ValueError if report.lua's line is missing or malformed."""
    line = next((line for line in reversed(stdout.splitlines()) if line.startswith(MARKER)), None)
    if line is None:
        raise ValueError(f"no {MARKER.strip()} line in wrk's output:\n{stdout[-2000:]}")
    data = json.loads(line[len(MARKER):])
    return WrkRun(
        requests=data["requests"],
        seconds=data["duration_us"] / 1e6,
        p50_ms=data["p50_us"] / 1000,
        p99_ms=data["p99_us"] / 1000,
        errors=data["connect"] + data["read"] + data["write"] + data["status"],
        timeouts=data["timeout"],
    )


def version(banner: str) -> str:
    """'4.1.0' from `wrk -v`'s first line, e.g. 'wrk debian/4.1.0-3+b2 [epoll] Copyright ...'."""
    found = re.search(r"(\d+\.\d+\.\d+)", banner)
    if not found:
        raise ValueError(f"no version in wrk's banner: {banner!r}")
    return found.group(1)
