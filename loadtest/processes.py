"""Every process the harness starts, in its own session, stopped by its process group.

A server's workers (Gunicorn's, node:cluster's) share its session and process group,
so one signal to the group reaches them all, and the session id finds them all when
the harness adds up their memory. ProcessGroups.stop_all runs on every way out:
normal end, exception, Ctrl-C and SIGTERM (see __main__).
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Self

STOP_SIGNAL = signal.SIGINT  # fast shutdown for PostgreSQL, quick shutdown for Gunicorn; Node and Uvicorn exit
STOP_WAIT_SECONDS = 10.0
PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")


class PortInUse(SystemExit):
    def __init__(self, port: int) -> None:
        super().__init__(f"port {port} on 127.0.0.1 is in use: stop what listens there, or choose another with --port")


def ensure_port_free(port: int) -> None:
    """Bind the port as the servers do (SO_REUSEADDR, so TIME_WAIT leftovers do not count)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise PortInUse(port) from None
            raise


def _session_pids(sid: int) -> Iterator[int]:
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:  # the process ended while we looked
                continue
            # Fields after the command name (which may hold spaces): state ppid pgrp session ...
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[3]) == sid and fields[0] not in "ZX":  # zombies hold no memory and need no signal
                yield int(entry.name)


def session_count(sid: int) -> int:
    return sum(1 for _ in _session_pids(sid))


def session_rss(sid: int) -> int:
    """Resident memory of every process in the session, in bytes (shared pages counted in each)."""
    total = 0
    for pid in _session_pids(sid):
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_BYTES
        except (OSError, IndexError, ValueError):
            continue
    return total


class PeakMemory(threading.Thread):
    """Samples a session's resident memory every `interval` seconds until stopped; keeps the peak."""

    def __init__(self, sid: int, interval: float = 0.25) -> None:
        super().__init__(daemon=True)
        self.sid, self.interval, self.peak = sid, interval, 0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.is_set():
            self.peak = max(self.peak, session_rss(self.sid))
            self._done.wait(self.interval)

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        self.join()


class ProcessGroups:
    """Starts commands in new sessions and stops each by its process group, also on failure."""

    def __init__(self) -> None:
        self._running: list[subprocess.Popen[bytes]] = []

    def start(self, command: list[str], *, cwd: Path | None = None, env: dict[str, str] | None = None,
              log: IO[bytes] | int = subprocess.DEVNULL, user: str | None = None) -> subprocess.Popen[bytes]:
        """Start `command` as the leader of a new session (as `user`, when given), its output to `log`."""
        process = subprocess.Popen(command, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True, user=user, group=user, extra_groups=[] if user else None)
        self._running.append(process)
        return process

    def run(self, command: list[str], timeout: float, *, cwd: Path | None = None, env: dict[str, str] | None = None,
            user: str | None = None) -> str:
        """Run to completion within `timeout` seconds; its output, or RuntimeError naming the command."""
        process = self.start(command, cwd=cwd, env=env, log=subprocess.PIPE, user=user)
        try:
            output, _ = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            raise RuntimeError(f"{command[0]} took longer than {timeout:.0f} s") from None
        finally:
            self.stop(process)
        text = output.decode("utf-8", "replace")
        if process.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} exited with {process.returncode}:\n{text[-2000:]}")
        return text

    def stop(self, process: subprocess.Popen[bytes]) -> None:
        """STOP_SIGNAL to the group, SIGKILL to what is left after STOP_WAIT_SECONDS."""
        if process in self._running:
            self._running.remove(process)
        if process.poll() is None:
            _signal_group(process.pid, STOP_SIGNAL)
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(STOP_WAIT_SECONDS)
        # Workers may outlive their leader: whatever is left in the session is killed.
        deadline = time.monotonic() + STOP_WAIT_SECONDS
        while session_count(process.pid) and time.monotonic() < deadline:
            _signal_group(process.pid, signal.SIGKILL)
            time.sleep(0.05)
        process.wait()

    def stop_all(self) -> None:
        for process in reversed(list(self._running)):
            self.stop(process)


def _signal_group(pgid: int, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pgid, signum)
