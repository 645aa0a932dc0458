"""`make serve`: the site on http://127.0.0.1:8000, regenerated and reloaded as you edit.

Runs `python -m macros generate`, then `mkdocs serve` (which rebuilds and reloads the
browser on edits under docs/, data/, macros/ and overrides/), and runs the generator
again whenever something under data/ changes, so a new framework file gets its page
and its nav entry. While data/ is invalid, the terminal and every page in the browser
list the problems (macros/__init__.py); the site comes back once the files are fixed.
Ctrl-C stops everything this started.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

ROOT = Path(__file__).resolve().parent.parent
ADDRESS = os.environ.get("KB_ADDRESS", "127.0.0.1:8000")
SETTLE = 0.3  # seconds: an editor's save is often several events; generate once they settle


def generate() -> None:
    """Regenerate; a data error is printed (the browser shows it through the macros) and serving goes on."""
    subprocess.run([sys.executable, "-m", "macros", "generate"], cwd=ROOT, check=False)


class DataChanged(FileSystemEventHandler):
    def __init__(self) -> None:
        self._timer: threading.Timer | None = None

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write") or not str(event.src_path).endswith(".yaml"):
            return
        if self._timer:
            self._timer.cancel()
        self._timer = threading.Timer(SETTLE, generate)
        self._timer.start()


def main() -> int:
    generate()
    env = {**os.environ, "KB_SERVE": "1", "KB_STRICT": "false", "SITE_URL": f"http://{ADDRESS}/"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", ADDRESS, "--livereload"],
                              cwd=ROOT, env=env, start_new_session=True)
    observer = Observer()
    observer.schedule(DataChanged(), str(ROOT / "data"), recursive=True)
    observer.start()

    def stop(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        return server.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        observer.stop()
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)  # mkdocs and anything it started
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
        observer.join(timeout=5)


if __name__ == "__main__":
    sys.exit(main())
