"""`make serve` as a contributor meets it: a data mistake shows in the open tab as the lines
`make check` prints, and the site comes back by itself once the file is fixed."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.helpers import ROOT, copy_project

START_TIMEOUT = 120  # seconds: generate, then MkDocs' first build, on a busy machine
CHANGE_TIMEOUT = 90_000  # ms: a rebuild after an edit, and the browser reloading


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until_serving(url: str, process: subprocess.Popen[bytes]) -> None:
    """Poll the server until it answers, the process dies, or the time is up."""
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"make serve exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)  # not up yet; the loop is bounded by the deadline
    pytest.fail(f"make serve did not answer at {url} within {START_TIMEOUT} s")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """scripts/serve.py (what `make serve` runs) on a copy of the project and a free port; stopped by its PID."""
    project = copy_project(tmp_path / "project")
    shutil.copytree(ROOT / "scripts", project / "scripts")
    address = f"127.0.0.1:{free_port()}"
    process = subprocess.Popen([sys.executable, "scripts/serve.py"], cwd=project, env={**os.environ, "KB_ADDRESS": address},
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        url = f"http://{address}/"
        wait_until_serving(url, process)
        yield project, url
    finally:
        os.killpg(process.pid, signal.SIGTERM)  # serve.py stops mkdocs and its watcher on SIGTERM
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)


def test_a_data_mistake_shows_in_the_open_tab_and_the_site_recovers(browser: Browser, served: tuple[Path, str]) -> None:
    project, url = served
    page = browser.new_page()
    try:
        page.goto(url + "faq/")
        expect(page.locator("h1")).to_have_text(re.compile(r"^Frequently asked questions"))

        faq = project / "data" / "faq.yaml"
        original = faq.read_text(encoding="utf-8")
        faq.write_text(original.replace("    category: basics", "    category: basis", 1), encoding="utf-8")
        check = subprocess.run([sys.executable, "-m", "macros", "check"], cwd=project, capture_output=True, text=True, timeout=120)
        problems = [line for line in check.stdout.splitlines() if line.startswith("data/")]
        assert problems and "unknown faq category 'basis'" in problems[0]

        expect(page.locator("h1")).to_have_text(re.compile(r"^The data has problems"), timeout=CHANGE_TIMEOUT)
        report = page.locator("article pre")
        for line in problems:
            expect(report).to_contain_text(line)
        expect(page.locator("article")).to_contain_text("comes back")

        faq.write_text(original, encoding="utf-8")
        expect(page.locator("h1")).to_have_text(re.compile(r"^Frequently asked questions"), timeout=CHANGE_TIMEOUT)
        expect(page.locator(".kb-faq__entry").first).to_be_visible()
    finally:
        page.close()
