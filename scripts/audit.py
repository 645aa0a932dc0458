"""`make audit`: HTML validity of every built page, and Lighthouse scores of every page type.

1. The Nu HTML Checker (vnu.jar from npm `vnu-jar`, run with Java) checks every page
   of a fresh strict build. Errors that Material for MkDocs itself emits are listed,
   with the reason they stay, in scripts/vnu-allowlist.txt; any other error fails the
   audit (exit status 1).
2. Lighthouse (npm `lighthouse`, driving Chromium) scores each page type on a phone,
   side by side with a plain Material page (scripts/plain_material.py), both served
   gzip-compressed (as GitHub Pages serves them) and uncompressed: performance (median
   of the runs) and, for this site, accessibility, best practices and SEO (the lowest
   of the runs), then the same on a desktop. The scores are printed against the
   targets (every page type within 5 points of plain Material on a phone); they do not
   fail the audit.

Needs Java and Node.js; `make audit` installs the npm tools into node_modules/ first.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.find_chromium import chromium_path  # noqa: E402
from tests.browser.page_types import page_types  # noqa: E402
from scripts.plain_material import build_reference  # noqa: E402
from tests.helpers import SiteServer, build  # noqa: E402

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
ALLOWLIST = ROOT / "scripts" / "vnu-allowlist.txt"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {("mobile", "performance"): 95, ("mobile", "accessibility"): 100, ("mobile", "best-practices"): 100, ("mobile", "seo"): 100,
           ("desktop", "accessibility"): 100, ("desktop", "best-practices"): 100, ("desktop", "seo"): 100}
RUNS = 3
WITHIN_PLAIN = 5  # performance points a page type may trail plain Material by, on a phone


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


def best_of(url: str, device: str, runs: int) -> dict[str, float]:
    """Performance: the median of the runs; the other categories: the lowest (and the audits that failed)."""
    results = [lighthouse(url, device) for _ in range(runs)]
    row: dict[str, float] = {c: (statistics.median(r[c] for r in results) if c == "performance" else min(r[c] for r in results)) for c in CATEGORIES}
    row["_failing"] = sorted({a for r in results for a in r["_failing"]})  # type: ignore[assignment,union-attr]
    return row


def score_pages(site: Path, runs: int) -> None:
    """Lighthouse on every page type, beside a plain Material page, served with and without gzip."""
    with tempfile.TemporaryDirectory(prefix="audit-plain-") as tmp:
        servers = {(name, zipped): SiteServer(gzip=zipped) for name in ("ours", "plain") for zipped in (True, False)}
        for (name, zipped), server in servers.items():
            server.serve(site if name == "ours" else build_reference(Path(tmp) / f"gzip-{zipped}", server.url))
        try:
            print(f"\n== Lighthouse on a phone (performance: median of {runs} runs; the other scores: the lowest of them)")
            plain = {zipped: best_of(servers[("plain", zipped)].url, "mobile", runs)["performance"] for zipped in (True, False)}
            print(f"  plain Material page: performance {plain[True]:.0f} with gzip, {plain[False]:.0f} without")
            print(f"  {'page type':<15} {'gzip':>5} {'plain':>6} {'vs Material':>12} " + " ".join(f"{c[:13]:>13}" for c in CATEGORIES[1:]) + "  below target")
            for pt in page_types():
                rows = {zipped: best_of(servers[("ours", zipped)].url + pt.path, "mobile", runs) for zipped in (True, False)}
                gap = min(rows[z]["performance"] - plain[z] for z in (True, False))
                below = [f"{c} < {TARGETS[('mobile', c)]}" for c in CATEGORIES if ("mobile", c) in TARGETS and rows[True][c] < TARGETS[("mobile", c)]]
                if gap < -WITHIN_PLAIN:
                    below.append(f"more than {WITHIN_PLAIN} points under plain Material")
                audits = sorted(set(rows[True]["_failing"]) | set(rows[False]["_failing"]))  # type: ignore[arg-type]
                note = "; ".join(below) + (f" (failing audits: {', '.join(audits)})" if audits else "")
                print(f"  {pt.name:<15} {rows[True]['performance']:>5.0f} {rows[False]['performance']:>6.0f} {gap:>+12.0f} "
                      + " ".join(f"{rows[True][c]:>13.0f}" for c in CATEGORIES[1:]) + f"  {note or '-'}", flush=True)
            print(f"\n== Lighthouse on a desktop, with gzip (performance: median of {runs} runs)")
            print(f"  {'page type':<15} " + " ".join(f"{c[:13]:>13}" for c in CATEGORIES) + "  below target")
            for pt in page_types():
                row = best_of(servers[("ours", True)].url + pt.path, "desktop", runs)
                below = [f"{c} < {TARGETS[('desktop', c)]}" for c in CATEGORIES if ("desktop", c) in TARGETS and row[c] < TARGETS[("desktop", c)]]
                print(f"  {pt.name:<15} " + " ".join(f"{row[c]:>13.0f}" for c in CATEGORIES) + f"  {'; '.join(below) or '-'}", flush=True)
        finally:
            for server in servers.values():
                server.close()


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
        # Built for no server in particular: Lighthouse loads each page on its own, so
        # instant navigation (which needs site_url to match the server) plays no part.
        result = build(ROOT, site, "http://127.0.0.1:8000/")
        if result.returncode != 0:
            raise SystemExit(f"the strict build failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
        status = check_html(site)
        if not args.skip_lighthouse:
            score_pages(site, args.runs)
    return status


if __name__ == "__main__":
    sys.exit(main())
