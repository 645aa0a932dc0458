"""Shared test helpers: copy the project, build it, serve it on 127.0.0.1, read its HTML."""

from __future__ import annotations

import functools
import gzip
import io
import mimetypes
import os
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from bs4 import BeautifulSoup, Tag

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]
PROJECT_PARTS = ["mkdocs.yml", "CONTRIBUTING.md", "docs", "data", "macros", "overrides"]


def copy_project(dest: Path, data: Path | None = None) -> Path:
    """A copy of the site's sources in `dest`, optionally with another data/ folder."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(src, dest / part)
    if data is not None:
        shutil.rmtree(dest / "data")
        shutil.copytree(data, dest / "data")
    return dest


def build(project: Path, site_dir: Path, site_url: str = "http://127.0.0.1:8000/") -> subprocess.CompletedProcess[str]:
    """`make build` of a project folder, as CI runs it: generate, then `mkdocs build --strict`."""
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1", "CI": "true"}
    env.pop("GITHUB_ACTIONS", None)
    if (project / "data").is_dir():  # a site built from data/ (not, say, a plain reference site)
        generated = subprocess.run([sys.executable, "-m", "macros", "generate"], cwd=project, env=env, capture_output=True, text=True, timeout=300)
        if generated.returncode != 0:
            return generated
    return subprocess.run(
        MKDOCS + ["build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )


COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib's name
        pass


class _GzipHandler(_QuietHandler):
    """Text files gzip-compressed when the client accepts it, as GitHub Pages serves them."""

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the base class redirects /dir to /dir/
            path = path / "index.html"
        if not path.is_file() or path.suffix not in COMPRESSIBLE or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", mimetypes.guess_type(path.name)[0] or "application/octet-stream")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class SiteServer:
    """A static server for a built site on 127.0.0.1; bind first, so the URL is known before the build.

    gzip=True compresses text files as GitHub Pages does; the default serves them as they are.
    """

    def __init__(self, gzip: bool = False) -> None:
        self._handler = _GzipHandler if gzip else _QuietHandler
        self._sock = ThreadingHTTPServer(("127.0.0.1", 0), self._handler, bind_and_activate=True)
        self.url = f"http://127.0.0.1:{self._sock.server_address[1]}/"

    def serve(self, directory: Path) -> None:
        self._sock.RequestHandlerClass = functools.partial(self._handler, directory=str(directory))  # type: ignore[assignment]
        threading.Thread(target=self._sock.serve_forever, daemon=True).start()

    def close(self) -> None:
        self._sock.shutdown()
        self._sock.server_close()


def soup(html: str) -> BeautifulSoup:
    """HTML as a browser would parse it, to query with CSS selectors (`.select`, `.select_one`)."""
    return BeautifulSoup(html, "html.parser")


def rendered(markdown_text: str) -> BeautifulSoup:
    """A renderer's output (Markdown headings and HTML blocks) as MkDocs turns it into HTML."""
    import markdown

    return soup(markdown.markdown(markdown_text, extensions=["attr_list", "md_in_html", "tables", "toc"]))


def text(element: Tag) -> str:
    """An element's text as a reader sees it: whitespace collapsed."""
    return " ".join(element.get_text().split())
