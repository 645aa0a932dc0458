"""`make bench`: what the data layer costs, how it scales, and what each page weighs.

Prints four tables (figures, not pass/fail; the targets are printed beside them):

1. Build time of the real site (median of 5 strict builds after a warm-up), and of the
   same pages as plain static Markdown with the macros plugin removed. The difference
   is the cost of the data layer (loading, validating, rendering).
2. Scaling: synthetic data at 1x, 10x and 100x the real content. `python -m macros check`
   and the build are timed at each size, per entity, and growth faster than linear is
   flagged.
3. Page weight per page type in Chromium: HTML, CSS and JS as gzip bytes, requests, and
   the same for a plain Material page; the decision tree's own script and CSS.

Run from the project root: `python scripts/bench.py` (`--quick` skips the 100x size).
"""

from __future__ import annotations

import argparse
import copy
import gzip
import json
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.rules import MAX_TREE_DEPTH  # noqa: E402
from tests.browser.find_chromium import CHROMIUM_ARGS, chromium_path  # noqa: E402
from tests.browser.page_types import page_types  # noqa: E402
from scripts.plain_material import build_reference  # noqa: E402
from tests.helpers import SiteServer, build, copy_project  # noqa: E402

RUNS = 5
TARGET_DATA_LAYER = 0.10  # of the build time
TARGET_CHECK_AT_100X = 2.0  # seconds
TARGET_OVERHEAD_KB = 15  # gzip KB over a plain Material page, content aside
TARGET_TREE_KB = 5  # gzip KB for the tree's own script
TARGET_EXTRA_REQUESTS = 2  # requests per page over a plain Material page
SUPERLINEAR = 1.25  # marginal cost per entity growing by more than this factor is flagged


def kb(n: float) -> str:
    return f"{n / 1024:.1f}"


def timed(cmd: list[str], cwd: Path) -> tuple[float, subprocess.CompletedProcess[str]]:
    started = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=_env())
    return time.perf_counter() - started, result


def _env() -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "CI": "true"}
    env.pop("GITHUB_ACTIONS", None)
    return env


def build_seconds(project: Path, site: Path) -> float:
    """Wall time of one `mkdocs build --strict` in a fresh interpreter, as `make build` runs it."""
    started = time.perf_counter()
    result = build(project, site)
    took = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"build of {project} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return took


# --- 1. the data layer's share of the build ---------------------------------------------------

CAPTURE_HOOK = '''"""Bench only: write each page's Markdown after the macros ran, with its front matter."""
import json
from pathlib import Path
from mkdocs.plugins import event_priority

OUT = Path(__file__).parent / "rendered"


@event_priority(-100)  # after the macros plugin, which adds one nav entry per framework
def on_config(config):
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "nav.json").write_text(json.dumps(config["nav"]), encoding="utf-8")


@event_priority(-100)  # after every plugin, the macros included
def on_page_markdown(markdown, page, config, files):
    meta = "".join(f"{key}: {json.dumps(value, ensure_ascii=False, default=str)}\\n" for key, value in page.meta.items())
    target = OUT / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text((f"---\\n{meta}---\\n" if meta else "") + markdown, encoding="utf-8")
    return markdown
'''


def without_macros(config: str) -> str:
    """mkdocs.yml with the macros plugin entry (and its options) removed."""
    out = re.sub(r"\n  - macros:\n(?:(?:    .*|\s*)\n)*", "\n", config)
    assert "macros" not in re.sub(r"#.*", "", out.split("\nplugins:", 1)[1].split("\nwatch:", 1)[0]), "macros plugin still listed"
    return out


def plain_markdown_project(work: Path) -> Path:
    """A copy of the site whose pages are the Markdown the macros produced, built without the plugin."""
    capture = copy_project(work / "capture")
    (capture / "capture_hook.py").write_text(CAPTURE_HOOK, encoding="utf-8")
    config = (capture / "mkdocs.yml").read_text(encoding="utf-8")
    (capture / "mkdocs.yml").write_text(config + "\nhooks:\n  - capture_hook.py\n", encoding="utf-8")
    result = build(capture, work / "capture-site")
    if result.returncode != 0:
        raise SystemExit(f"capture build failed:\n{result.stderr[-3000:]}")
    plain = work / "plain"
    # No data/: the plain pages need no generating, so the build is MkDocs alone.
    shutil.copytree(capture, plain, ignore=shutil.ignore_patterns("rendered", "capture_hook.py", "data"))
    for page in (capture / "rendered").rglob("*.md"):
        shutil.copy2(page, plain / "docs" / page.relative_to(capture / "rendered"))
    nav = json.loads((capture / "rendered" / "nav.json").read_text(encoding="utf-8"))
    config = re.sub(r"\nnav:\n(?:(?:  .*|\s*)\n)*", "\n" + yaml.safe_dump({"nav": nav}, sort_keys=False), without_macros(config))
    # Nothing to watch in data/ either (MkDocs refuses a `watch:` path that is missing).
    config = config.replace("\nwatch:\n  - data\n", "\nwatch:\n")
    (plain / "mkdocs.yml").write_text(config, encoding="utf-8")
    return plain


def bench_data_layer(work: Path) -> None:
    print("\n== 1. Build time: the real site vs the same pages as plain Markdown (median of 5, after a warm-up)")
    plain_project = plain_markdown_project(work)
    builds: dict[str, list[float]] = {"real": [], "plain": []}
    for i in range(RUNS + 1):  # alternate the two, so that a busy spell of the machine hits both alike
        for name, project in (("real", ROOT), ("plain", plain_project)):
            took = build_seconds(project, work / f"{name}-site")
            if i:  # the first round warms the disk cache and byte-code
                builds[name].append(took)
    real, plain = statistics.median(builds["real"]), statistics.median(builds["plain"])
    load = _check_ms(ROOT)
    share = (real - plain) / real
    print(f"  real site (macros on)         {real:6.2f} s")
    print(f"  same pages, macros off        {plain:6.2f} s")
    print(f"  data layer                    {real - plain:6.2f} s = {share:.0%} of the build  (target <= {TARGET_DATA_LAYER:.0%}: "
          f"{'met' if share <= TARGET_DATA_LAYER else 'NOT met'})")
    print(f"  of which load + validate      {load / 1000:6.2f} s  (python -m macros check, in-process)")
    print(f"  runs: real {', '.join(f'{t:.2f}' for t in builds['real'])}; plain {', '.join(f'{t:.2f}' for t in builds['plain'])}"
          f"; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")


def _check_ms(project: Path) -> float:
    _, result = timed([sys.executable, "-m", "macros", "check", "--root", str(project)], ROOT)
    found = re.search(r"\((\d+) ms\)", result.stdout)
    if result.returncode != 0 or not found:
        raise SystemExit(f"`macros check` failed for {project}:\n{result.stdout[-3000:]}{result.stderr[-2000:]}")
    return float(found.group(1))


# --- 2. scaling -------------------------------------------------------------------------------------


def _read(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Writes shared values out in full: the data files refuse YAML anchors and aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _write(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10**6), encoding="utf-8")


def _cid(base: str, copy_index: int) -> str:
    return base if copy_index == 0 else f"{base}-x{copy_index}"


def _named(text: str, copy_index: int) -> str:
    return text if copy_index == 0 else f"{text} {copy_index + 1}"


@dataclass
class Scale:
    """How many copies of each kind of record a size takes.

    Frameworks and criteria each grow by the square root of the factor, so that their
    product, the framework x criterion values, grows by the factor like everything else.
    """

    factor: int

    @property
    def wide(self) -> int:  # copies of frameworks, criteria and groups
        return max(1, round(math.sqrt(self.factor)))

    @property
    def long(self) -> int:  # copies of sources, FAQ entries and scenarios
        return self.factor


def synthetic_data(real: Path, out: Path, scale: Scale) -> dict[str, int]:
    """Write data/ at `scale` times the real content; return the number of records of each kind."""
    if scale.factor == 1:
        shutil.copytree(real, out)
        return _counts(out)
    wide, long = scale.wide, scale.long
    src = {name: _read(real / f"{name}.yaml") for name in ("sources", "criteria", "faq", "scenarios", "decision-tree")}
    frameworks = {p.stem: _read(p) for p in sorted((real / "frameworks").glob("*.yaml"))}

    def ref(kind: str, rid: str, j: int) -> str:
        copies = {"source": long, "criterion": wide, "group": wide, "framework": wide, "faq": long, "scenario": long}[kind]
        return _cid(rid, j % copies)

    def claims(items: list[dict[str, Any]], j: int) -> list[dict[str, Any]]:
        return [{**c, "source": ref("source", c["source"], j), "sources": [ref("source", s, j) for s in c["sources"]]} for c in items]

    sources = [{**s, "id": _cid(s["id"], j), "title": _named(s["title"], j), "url": s["url"] if j == 0 else f"{s['url']}#copy-{j}"}
               for j in range(long) for s in src["sources"]["sources"]]
    for s in sources[len(src["sources"]["sources"]):]:
        s.pop("measurement", None)  # each run keeps its one source, the original; a copy is a plain benchmark
    groups = [{**g, "id": _cid(g["id"], j), "name": _named(g["name"], j)} for j in range(wide) for g in src["criteria"]["groups"]]
    criteria = [{**c, "id": _cid(c["id"], j), "group": ref("group", c["group"], j), "name": _named(c["name"], j),
                 "claims": claims(c.get("claims", []), j)} for j in range(wide) for c in src["criteria"]["criteria"]]
    faq = []
    for j in range(long):
        for e in src["faq"]["faq"]:
            related = {key: [ref({"criteria": "criterion", "scenarios": "scenario", "faq": "faq", "frameworks": "framework"}[key], r, j)
                             for r in ids] for key, ids in e.get("related", {}).items()}
            entry = {**e, "id": _cid(e["id"], j), "question": _named(e["question"], j), "related": related,
                     "claims": claims(e.get("claims", []), j), "sources": [ref("source", s, j) for s in e["sources"]]}
            if j:
                entry.pop("article_question", None)  # each article question is answered once
            faq.append(entry)
    scenarios = [{**s, "id": _cid(s["id"], j), "title": _named(s["title"], j),
                  "recommend": [ref("framework", f, j) for f in s["recommend"]],
                  "reasons": [{**r, "criterion": ref("criterion", r["criterion"], j)} for r in s["reasons"]],
                  "related_faq": [ref("faq", f, j) for f in s.get("related_faq", [])],
                  "claims": claims(s.get("claims", []), j), "sources": [ref("source", x, j) for x in s["sources"]]}
                 for j in range(long) for s in src["scenarios"]["scenarios"]]
    tree_nodes = len(src["decision-tree"]["questions"]) + len(src["decision-tree"]["results"])
    tree = synthetic_tree(tree_nodes * scale.factor, scenarios, src["decision-tree"]["questions"])
    fws = {}
    for j in range(wide):
        for fid, fw in frameworks.items():
            new = copy.deepcopy(fw)
            new["id"], new["name"] = _cid(fid, j), _named(fw["name"], j)
            for key, value in new.items():
                if isinstance(value, dict) and "sources" in value:
                    value["sources"] = [ref("source", s, j) for s in value["sources"]]
            new["values"] = {_cid(cid, k): {**v, "sources": [ref("source", s, k) for s in v.get("sources", [])]}
                             for k in range(wide) for cid, v in fw["values"].items()}
            fws[new["id"]] = new
    shutil.copytree(real / "loadtest", out / "loadtest")  # the measured runs, as they are
    runs = [_read(p) for p in sorted((out / "loadtest").glob("*.yaml"))]
    cited = _cited(criteria, faq, scenarios, fws) | _cited(runs, [], [], {}) | {s["id"] for s in sources if "measurement" in s}
    sources = [s for s in sources if s["id"] in cited]  # a source nobody cites is an error
    for number, source in enumerate(sources, start=1):
        source["number"] = number  # each keeps a number of its own
    _write(out / "sources.yaml", {"sources": sources})
    _write(out / "criteria.yaml", {"groups": groups, "criteria": criteria})
    _write(out / "faq.yaml", {"categories": src["faq"]["categories"], "faq": faq})
    _write(out / "scenarios.yaml", {"scenarios": scenarios})
    _write(out / "decision-tree.yaml", tree)
    for fid, fw in fws.items():
        _write(out / "frameworks" / f"{fid}.yaml", fw)
    return _counts(out)


def _cited(criteria: list[Any], faq: list[Any], scenarios: list[Any], frameworks: dict[str, Any]) -> set[str]:
    text = json.dumps([criteria, faq, scenarios, list(frameworks.values())], default=str)
    return set(re.findall(r'"([a-z0-9]+(?:-[a-z0-9]+)*)"', text))


def synthetic_tree(nodes: int, scenarios: list[dict[str, Any]], templates: list[dict[str, Any]]) -> dict[str, Any]:
    """A tree of about `nodes` nodes: a complete b-ary tree of questions, the smallest b that keeps every path within the depth limit."""
    branching = 2
    while (nodes - 1) // branching > (branching**MAX_TREE_DEPTH - 1) // (branching - 1):
        branching += 1
    n_questions = max(1, (nodes - 1) // branching)
    n_results = n_questions * (branching - 1) + 1
    order = [f"q{i}" for i in range(1, n_questions)] + [f"r{i}" for i in range(n_results)]
    questions = []
    for i in range(n_questions):
        template = templates[i % len(templates)]
        children = order[i * branching:(i + 1) * branching]
        questions.append({"id": f"q{i}", "question": _named(template["question"], i), "help": template["help"],
                          "answers": [{"id": f"a{a}", "label": f"Option {a + 1}", "next": nxt} for a, nxt in enumerate(children)]})
    picks = [scenarios[i % len(scenarios)] for i in range(n_results)]
    results = [{"id": f"r{i}", "recommend": s["recommend"], "headline": s["verdict"], "scenario": s["id"]} for i, s in enumerate(picks)]
    return {"root": "q0", "questions": questions, "results": results}


def _counts(data: Path) -> dict[str, int]:
    src = {name: _read(data / f"{name}.yaml") for name in ("sources", "criteria", "faq", "scenarios", "decision-tree")}
    frameworks = [_read(p) for p in (data / "frameworks").glob("*.yaml")]
    return {
        "frameworks": len(frameworks),
        "criteria": len(src["criteria"]["criteria"]),
        "values": sum(len(f["values"]) for f in frameworks),
        "faq": len(src["faq"]["faq"]),
        "scenarios": len(src["scenarios"]["scenarios"]),
        "tree nodes": len(src["decision-tree"]["questions"]) + len(src["decision-tree"]["results"]),
        "sources": len(src["sources"]["sources"]),
    }


def bench_scaling(work: Path, factors: list[int]) -> None:
    print("\n== 2. Scaling: synthetic data at " + ", ".join(f"{f}x" for f in factors) + " the real content")
    print("  frameworks and criteria grow by the square root of the factor (their product, the values, by the factor)")
    rows = []
    for factor in factors:
        project = copy_project(work / f"scale-{factor}")
        shutil.rmtree(project / "data")
        counts = synthetic_data(ROOT / "data", project / "data", Scale(factor))
        entities = sum(counts.values())
        checks = [timed([sys.executable, "-m", "macros", "check", "--root", str(project)], ROOT) for _ in range(3 if factor < 100 else 1)]
        if checks[0][1].returncode != 0:
            print(f"  {factor}x: the synthetic data does not validate:\n{checks[0][1].stdout[-2000:]}")
            continue
        check_wall = statistics.median(t for t, _ in checks)
        check_ms = statistics.median(float(re.search(r"\((\d+) ms\)", r.stdout).group(1)) for _, r in checks)  # type: ignore[union-attr]
        started = time.perf_counter()
        result = build(project, work / f"scale-{factor}-site")
        build_s = time.perf_counter() - started
        if result.returncode != 0:
            print(f"  {factor}x: build failed:\n{result.stderr[-2000:]}")
            continue
        pages = sum(1 for _ in (work / f"scale-{factor}-site").rglob("*.html"))
        rows.append((factor, counts, entities, check_wall, check_ms, build_s, pages))
        shutil.rmtree(work / f"scale-{factor}-site")
    print(f"  {'size':>5} {'entities':>9} {'check (wall)':>13} {'validate':>9} {'per entity':>11} {'build':>8} {'per entity':>11} {'pages':>6}")
    for factor, counts, entities, check_wall, check_ms, build_s, pages in rows:
        print(f"  {factor:>4}x {entities:>9} {check_wall:>11.2f} s {check_ms / 1000:>7.2f} s {check_ms * 1000 / entities:>8.0f} us"
              f" {build_s:>6.1f} s {build_s * 1e6 / entities:>8.0f} us {pages:>6}")
    for factor, counts, *_ in rows:
        print(f"  {factor:>4}x: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    for (f1, _, n1, c1, v1, b1, _), (f2, _, n2, c2, v2, b2, _) in zip(rows, rows[1:]):
        for name, t1, t2 in (("validation", v1, v2), ("build", b1, b2)):
            ratio = (t2 / n2) / (t1 / n1)
            flag = "SUPER-LINEAR" if ratio > SUPERLINEAR else "slightly super-linear" if ratio > 1.1 else "linear or better"
            print(f"  {f1}x -> {f2}x: {name} time per entity x{ratio:.2f} ({flag})")
    if 100 in factors:
        bench_check_at_100x(work)


def faq_and_scenarios_at(real: Path, out: Path, factor: int) -> None:
    """data/ with the FAQ and the scenarios repeated `factor` times (new ids, the same references), the rest as it is."""
    shutil.copytree(real, out)
    faq, scenarios = _read(real / "faq.yaml"), _read(real / "scenarios.yaml")
    faq["faq"] = [{**{k: v for k, v in e.items() if k != "article_question" or not j}, "id": _cid(e["id"], j),
                   "question": _named(e["question"], j)} for j in range(factor) for e in faq["faq"]]
    scenarios["scenarios"] = [{**s, "id": _cid(s["id"], j), "title": _named(s["title"], j)} for j in range(factor) for s in scenarios["scenarios"]]
    _write(out / "faq.yaml", faq)
    _write(out / "scenarios.yaml", scenarios)


def bench_check_at_100x(work: Path) -> None:
    """The issue's measure: `make check` with the FAQ and the scenarios at 100 times their size (median of 3 runs)."""
    project = work / "check-100x"
    faq_and_scenarios_at(ROOT / "data", project / "data", 100)
    runs = [timed([sys.executable, "-m", "macros", "check", "--root", str(project)], ROOT) for _ in range(3)]
    if runs[0][1].returncode != 0:
        raise SystemExit(f"the 100x FAQ and scenarios do not validate:\n{runs[0][1].stdout[-2000:]}")
    wall = statistics.median(t for t, _ in runs)
    size = sum(p.stat().st_size for p in (project / "data").rglob("*.yaml")) / 1e6
    print(f"  make check with the FAQ and scenarios at 100x ({size:.1f} MB of YAML): {wall:.2f} s (median of 3; target < "
          f"{TARGET_CHECK_AT_100X:.0f} s: {'met' if wall < TARGET_CHECK_AT_100X else 'NOT met'})")


# --- 3. page weight ---------------------------------------------------------------------------------

@dataclass
class Weight:
    html: int = 0
    html_chrome: int = 0  # the document without its article: what every page carries
    css: int = 0
    js: int = 0
    other: int = 0  # search index, images, fonts
    requests: int = 0

    @property
    def overhead(self) -> int:
        return self.html_chrome + self.css + self.js


def _gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def chrome(html: str) -> str:
    """A page without its own content: the <article> emptied, its structured data and every table of contents removed."""
    html = re.sub(r"(<article[^>]*>).*?(</article>)", r"\1\2", html, flags=re.S)
    html = re.sub(r'<script type="application/ld\+json">.*?</script>', "", html, flags=re.S)
    while (start := html.find('<nav class="md-nav md-nav--secondary"')) >= 0:
        depth, pos = 0, start
        for tag in re.finditer(r"<(/?)nav\b", html[start:]):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                pos = start + tag.end()
                break
        html = html[:start] + html[html.index(">", pos) + 1:]
    return html


def weigh(browser: Any, url: str, ready: str = "article") -> Weight:
    """Load a page in a fresh context (an empty cache) and add up what it fetched, gzip-compressed."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    responses: list[Any] = []
    page.on("response", lambda r: responses.append(r))
    page.goto(url)
    page.locator(ready).first.wait_for(state="visible")
    page.wait_for_load_state("networkidle")
    w = Weight(requests=len(responses))
    for response in responses:
        try:
            body = response.body()
        except Exception:  # a redirect or an aborted request has no body
            continue
        kind = response.request.resource_type
        if kind == "document":
            w.html += _gz(body)
            text = body.decode("utf-8", errors="replace")
            w.html_chrome += _gz(chrome(text).encode())
        elif kind == "stylesheet":
            w.css += _gz(body)
        elif kind == "script":
            w.js += _gz(body)
        else:
            w.other += _gz(body)
    context.close()
    return w


def bench_page_weight(work: Path) -> None:
    from playwright.sync_api import sync_playwright

    print("\n== 3. Page weight per page type (gzip level 6 of what Chromium fetched; empty cache)")
    server, ref_server = SiteServer(), SiteServer()
    site = work / "weight-site"
    result = build(ROOT, site, server.url)
    if result.returncode != 0:
        raise SystemExit(f"build failed:\n{result.stderr[-3000:]}")
    server.serve(site)
    ref_server.serve(build_reference(work, ref_server.url))
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
            ref = weigh(browser, ref_server.url)
            rows = [(pt.name, weigh(browser, server.url + pt.path, pt.ready)) for pt in page_types()]
            browser.close()
    finally:
        server.close()
        ref_server.close()
    print(f"  {'page type':<15} {'HTML':>6} {'chrome':>7} {'CSS':>6} {'JS':>6} {'other':>6} {'reqs':>5} {'overhead vs plain':>18}")
    print(f"  {'plain Material':<15} {kb(ref.html):>6} {kb(ref.html_chrome):>7} {kb(ref.css):>6} {kb(ref.js):>6} {kb(ref.other):>6} {ref.requests:>5} {'(reference)':>18}")
    worst, most = 0, 0
    for name, w in rows:
        over = w.overhead - ref.overhead
        worst, most = max(worst, over), max(most, w.requests - ref.requests)
        print(f"  {name:<15} {kb(w.html):>6} {kb(w.html_chrome):>7} {kb(w.css):>6} {kb(w.js):>6} {kb(w.other):>6} {w.requests:>5} {kb(over):>15} KB")
    print("  (KB = 1024 bytes of gzip; chrome = the HTML without its <article>, JSON-LD and tables of contents; other = search index and the rest;"
          " overhead = chrome + CSS + JS minus the plain page's)")
    print(f"  largest overhead: {kb(worst)} KB (target <= {TARGET_OVERHEAD_KB} KB: {'met' if worst <= TARGET_OVERHEAD_KB * 1024 else 'NOT met'})")
    print(f"  most requests over plain Material: {most} (target <= {TARGET_EXTRA_REQUESTS}: {'met' if most <= TARGET_EXTRA_REQUESTS else 'NOT met'})")
    tree = _gz((site / "assets" / "javascripts" / "decision-tree.js").read_bytes())
    print(f"  the decision tree's own script, loaded on /decide/ only: {kb(tree)} KB (target <= {TARGET_TREE_KB} KB: "
          f"{'met' if tree <= TARGET_TREE_KB * 1024 else 'NOT met'})")
    every_page = {"site.css": _gz((site / "assets" / "stylesheets" / "site.css").read_bytes()),
                  "site.js (in the page)": _gz((ROOT / "overrides" / "partials" / "site.js").read_bytes())}
    modules = {p.name: _gz(p.read_bytes()) for p in sorted((site / "assets" / "javascripts").glob("*.js")) if not p.name.startswith("bundle")}
    print("  on every page: " + ", ".join(f"{n} {kb(s)}" for n, s in every_page.items())
          + "; where used: " + ", ".join(f"{n} {kb(s)}" for n, s in modules.items()) + " (KB gzip)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="skip the 100x size")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = Path(tmp)
        bench_data_layer(work)
        bench_scaling(work, [1, 10] if args.quick else [1, 10, 100])
        bench_page_weight(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
