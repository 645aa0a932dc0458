"""`make audit`: HTML validity of every built page, and Lighthouse scores of every page type.

1. The Nu HTML Checker (vnu.jar from npm `vnu-jar`, run with Java) checks every page
   of a fresh strict build. Errors that Material for MkDocs itself emits are listed,
   with the reason they stay, in scripts/vnu-allowlist.txt; any other error fails the
   audit (exit status 1).
2. Lighthouse (npm `lighthouse`, driving Chromium) scores each page type on a phone
   and on a desktop: performance (median of 3 runs), accessibility, best practices
   and SEO. The site is served gzip-compressed, as GitHub Pages serves it. The scores
   are printed against the targets; they do not fail the audit.

Needs Java and Node.js; `make audit` installs the npm tools into node_modules/ first.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import mimetypes
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from collections import defaultdict
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.find_chromium import chromium_path  # noqa: E402
from tests.browser.page_types import page_types  # noqa: E402
from tests.helpers import build  # noqa: E402

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
ALLOWLIST = ROOT / "scripts" / "vnu-allowlist.txt"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {("mobile", "performance"): 95, ("mobile", "accessibility"): 100, ("mobile", "best-practices"): 100, ("mobile", "seo"): 100,
           ("desktop", "accessibility"): 100, ("desktop", "best-practices"): 100, ("desktop", "seo"): 100}
RUNS = 3
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the client accepts it (as GitHub Pages does)."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib's name
        pass

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


def serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


# --- 1. the Nu HTML Checker ---------------------------------------------------------------------------


def allowlist() -> list[tuple[str, str]]:
    """(message start, reason) per line of scripts/vnu-allowlist.txt: `message | reason`."""
    entries = []
    for line in ALLOWLIST.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            message, _, reason = line.partition(" | ")
            assert reason.strip(), f"{ALLOWLIST.name}: an entry without a reason: {line!r}"
            entries.append((message.strip(), reason.strip()))
    return entries


def check_html(site: Path) -> int:
    print(f"== Nu HTML Checker on {sum(1 for _ in site.rglob('*.html'))} pages")
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", str(site)],
                            capture_output=True, text=True)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    allowed = allowlist()
    used: dict[str, int] = defaultdict(int)
    faults: dict[str, list[str]] = defaultdict(list)
    for m in messages:
        text = m.get("message", "")
        entry = next((start for start, _ in allowed if text.startswith(start)), None)
        if entry is not None:
            used[entry] += 1
            continue
        where = m.get("url", "").replace(f"file:{site}/", "")
        faults[text].append(f"{where}:{m.get('lastLine', '?')}: {' '.join(m.get('extract', '').split())[:120]}")
    for start, reason in allowed:
        print(f"  allowed ({used[start]}x): {start[:90]}… — {reason}")
    for text, places in faults.items():
        print(f"  ERROR ({len(places)}x): {text}")
        for place in places[:5]:
            print(f"      {place}")
    print(f"  {sum(len(p) for p in faults.values())} errors from our templates and macros; {sum(used.values())} allowed from Material")
    return 1 if faults else 0


# --- 2. Lighthouse ---------------------------------------------------------------------------------------


def lighthouse(url: str, device: str) -> dict[str, int]:
    cmd = ["node", str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=stdout",
           f"--only-categories={','.join(CATEGORIES)}", "--chrome-flags=--headless=new --no-sandbox --disable-gpu"]
    if device == "desktop":
        cmd.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": chromium_path() or ""}
    result = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    if result.returncode != 0:
        raise SystemExit(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    scores = {c: round((report["categories"][c]["score"] or 0) * 100) for c in CATEGORIES}
    failing = [f"{a['id']}" for c in CATEGORIES[1:] for ref in report["categories"][c]["auditRefs"]
               if ref["weight"] and (a := report["audits"][ref["id"]])["score"] is not None and a["score"] < 1]
    scores["_failing"] = failing  # type: ignore[assignment]
    return scores


def score_pages(url: str, runs: int) -> None:
    print(f"\n== Lighthouse (performance: median of {runs} runs; the other scores: the lowest of them)")
    print(f"  {'page type':<15} {'device':<8} " + " ".join(f"{c[:13]:>13}" for c in CATEGORIES) + "  below target")
    for pt in page_types():
        for device in ("mobile", "desktop"):
            results = [lighthouse(url + pt.path, device) for _ in range(runs)]
            row = {c: (statistics.median(r[c] for r in results) if c == "performance" else min(r[c] for r in results)) for c in CATEGORIES}
            below = [f"{c} < {TARGETS[(device, c)]}" for c in CATEGORIES if (device, c) in TARGETS and row[c] < TARGETS[(device, c)]]
            audits = sorted({a for r in results for a in r["_failing"]})  # type: ignore[union-attr]
            note = "; ".join(below) + (f" (failing audits: {', '.join(audits)})" if audits else "")
            print(f"  {pt.name:<15} {device:<8} " + " ".join(f"{row[c]:>13.0f}" for c in CATEGORIES) + f"  {note or '-'}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=RUNS, help="Lighthouse runs per page and device (default 3)")
    parser.add_argument("--skip-lighthouse", action="store_true")
    args = parser.parse_args()
    for tool in (VNU, LIGHTHOUSE):
        if not tool.is_file():
            raise SystemExit(f"{tool.relative_to(ROOT)} is missing: run `make audit`, which installs the npm tools first")
    with tempfile.TemporaryDirectory(prefix="audit-") as tmp:
        site = Path(tmp) / "site"
        server, url = serve(site)
        result = build(ROOT, site, url)
        if result.returncode != 0:
            raise SystemExit(f"the strict build failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
        status = check_html(site)
        if not args.skip_lighthouse:
            score_pages(url, args.runs)
        server.shutdown()
    return status


if __name__ == "__main__":
    sys.exit(main())
