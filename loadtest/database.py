"""PostgreSQL for the run: a new cluster in a temporary directory, reached on a Unix socket only.

PostgreSQL refuses to run as root, so when the harness is root (as in CI) initdb and
the server run as Debian's `postgres` system user, which owns the directory. The
server listens on no TCP port; the apps find it through libpq's PG* variables.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import psycopg

from . import world
from .processes import ProcessGroups

USER = "loadtest"
DATABASE = "loadtest"
PORT = 5432  # names the socket file only: listen_addresses is empty
READY_SECONDS = 30.0


def bin_dir() -> Path:
    """The newest /usr/lib/postgresql/<major>/bin, where Debian's packages put the server."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/postgres"), key=lambda p: int(p.parent.parent.name))
    if not found:
        raise SystemExit("PostgreSQL is not installed: apt-get install -y postgresql")
    return found[-1].parent


class Database:
    """Started by start(), removed by remove(); its process is one of the harness's ProcessGroups."""

    def __init__(self, groups: ProcessGroups) -> None:
        self.groups = groups
        self.bin = bin_dir()
        self.user = "postgres" if os.geteuid() == 0 else None
        self.root = Path(tempfile.mkdtemp(prefix="loadtest-pg-"))
        self.root.chmod(0o755)
        if self.user:
            shutil.chown(self.root, self.user, self.user)
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def env(self) -> dict[str, str]:
        """libpq's variables, read by psycopg and node-postgres alike."""
        return {"PGHOST": str(self.root), "PGPORT": str(PORT), "PGUSER": USER, "PGDATABASE": DATABASE}

    def start(self) -> None:
        data = self.root / "data"
        self.groups.run([str(self.bin / "initdb"), "--pgdata", str(data), "--username", USER, "--auth", "trust",
                         "--encoding", "UTF8", "--locale", "C", "--no-sync"], timeout=120, cwd=self.root, user=self.user)
        # A throwaway cluster: no fsync; enough connections for 5 gevent workers x 10 pooled each.
        with (self.root / "postgres.log").open("wb") as log:
            self.process = self.groups.start(
                [str(self.bin / "postgres"), "-D", str(data), "-k", str(self.root), "-p", str(PORT), "-c", "listen_addresses=",
                 "-c", "max_connections=200", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"],
                cwd=self.root, log=log, user=self.user)
        self._wait_ready()
        self._seed()

    def _connect(self, dbname: str) -> psycopg.Connection:
        return psycopg.connect(host=str(self.root), port=PORT, user=USER, dbname=dbname, autocommit=True, connect_timeout=5)

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + READY_SECONDS
        while True:
            if self.process is None or self.process.poll() is not None:
                raise RuntimeError(f"PostgreSQL exited at start:\n{self.log_tail()}")
            try:
                self._connect("postgres").close()
                return
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    message = f"PostgreSQL did not accept connections in {READY_SECONDS:.0f} s"
                    raise RuntimeError(f"{message}:\n{self.log_tail()}") from None
                time.sleep(0.1)

    def _seed(self) -> None:
        with self._connect("postgres") as conn:
            conn.execute(f"CREATE DATABASE {DATABASE}")
        rows = "".join(f"{id_}\t{number}\n" for id_, number in world.random_numbers().items())
        with self._connect(DATABASE) as conn:
            conn.execute("CREATE TABLE world (id integer PRIMARY KEY, randomnumber integer NOT NULL)")
            with conn.cursor().copy("COPY world (id, randomnumber) FROM STDIN") as copy:
                copy.write(rows)
            conn.execute("VACUUM ANALYZE world")

    def version(self) -> str:
        with self._connect(DATABASE) as conn:
            row = conn.execute("SHOW server_version").fetchone()
        if row is None:
            raise RuntimeError("PostgreSQL did not report its version")
        return str(row[0]).split()[0]  # Debian's reads "15.18 (Debian 15.18-0+deb12u1)"

    def log_tail(self) -> str:
        path = self.root / "postgres.log"
        return path.read_text(errors="replace")[-2000:] if path.exists() else ""

    def stop(self) -> None:
        if self.process is not None:
            self.groups.stop(self.process)
            self.process = None

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)
