"""Find a Chromium for the browser tests, or say exactly how to install one.

Playwright's own browser download does not work everywhere (a closed network);
Debian's Chromium at /usr/bin/chromium is the default, and a browser that
Playwright installed is the fallback.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

SYSTEM_CHROMIUM = Path("/usr/bin/chromium")
INSTALL_HINT = "install one with `sudo apt-get install -y chromium` (Debian/Ubuntu), or `python -m playwright install chromium`"

# Flags for a headless, quiet Chromium that makes no request of its own.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    """Path of a Chromium to drive, or None when there is none (Playwright's own is then tried)."""
    override = os.environ.get("CHROMIUM")
    if override:
        return override
    if SYSTEM_CHROMIUM.exists():
        return str(SYSTEM_CHROMIUM)
    return shutil.which("chromium") or shutil.which("chromium-browser")


def playwright_has_own_browser() -> bool:
    cache = Path(os.environ.get("PLAYWRIGHT_BROWSERS_PATH", Path.home() / ".cache" / "ms-playwright"))
    return any(cache.glob("chromium*/chrome-linux*/chrome"))


def main() -> int:
    path = chromium_path()
    if path:
        print(f"browser tests will use {path}")
        return 0
    if playwright_has_own_browser():
        print("browser tests will use Playwright's own Chromium")
        return 0
    print(f"No Chromium found for the browser tests: {INSTALL_HINT}.", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
