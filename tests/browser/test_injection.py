"""Script injection through the data: refused by validation, or harmless on the built pages.

Every payload of a small corpus (tags, event handlers, `javascript:` URLs, `</script>`
inside strings, Markdown link tricks, attribute breakers, HTML entities that a careless
`innerHTML` would revive, Jinja) is appended to every text value of the minimal data
set. Validation must either refuse it with one clear line naming that file and field,
or accept it. Everything accepted goes into ONE copy of the data, which is built and
opened in Chromium: on every page, and after driving the tree, the FAQ filter and the
table controls, no injected script may run and no injected handler or URL may exist.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, Page

from macros.catalog import Catalog
from macros.errors import DataInvalid
from macros.load import Loc, format_loc
from tests.helpers import SiteServer, build, copy_project
from tests.unit.test_hostile_input import BASE, assert_clear_report, nodes, replace_at, validate

# Each payload sets window.__pwned or calls alert() if it ever runs.
# Ordered so that those most likely to pass validation come first: a field takes payloads
# in this order while it has room, so every accepted field holds at least the first few.
PAYLOADS = [
    "{{ 'KB' ~ 'JINJA' }}",
    "{% set kb = 'KB' ~ 'STATEMENT' %}{{ kb }}",
    "\" onfocus=\"window.__pwned = 'attribute, double quote'\" autofocus x=\"",
    "' onfocus='window.__pwned = \"attribute, single quote\"' autofocus x='",
    "&#60;img src=x onerror=alert(document.domain)&#62;",
    "&lt;/script&gt;&lt;script&gt;window.__pwned='entity script break-out'&lt;/script&gt;",
    "&lt;img src=x onerror=\"window.__pwned = 'entity revived'\"&gt;",
    "javascript:alert('bare scheme')",
    "${alert('template literal')}",
    "\u2028\u2029 line separators \\u003cscript\\u003e",
    "[ok](https://example.org/ \"title\\\" onmouseover=\\\"window.__pwned = 'markdown title'\")",
    "[ok](https://example.org/\"onmouseover=\"window.__pwned='markdown url quote')",
    "![pixel](https://tracker.example.org/pixel.png)",
    "<script>window.__pwned = 'script tag'</script>",
    "<img src=x onerror=\"window.__pwned = 'img onerror'\">",
    "<svg/onload=alert('svg onload')>",
    "<a href=\"javascript:alert('html href')\">x</a>",
    "</script><script>window.__pwned = 'script break-out'</script>",
    "<!-- --><script>window.__pwned = 'after comment'</script>",
    "<style>@import 'https://tracker.example.org/x.css';</style>",
    "[click](javascript:alert('markdown link'))",
    "[click]( JaVaScRiPt:alert('markdown link, spaced'))",
    "[click](<javascript:alert('markdown link, angle')>)",
    "[click](&#106;avascript:alert('markdown link, entity'))",
    "[click][evil]\n\n[evil]: javascript:alert('markdown reference')",
]
# What Jinja would print if it evaluated a payload (no payload contains these as written):
# they must appear nowhere in the site.
EVALUATED = ["KBJINJA", "KBSTATEMENT"]

# Where the values are: every string in the fixture (ids, URLs and enums included: those must refuse).
FIELDS: list[tuple[Path, Loc]] = [(path, loc) for path, doc in BASE.items() for loc, value in nodes(doc.data) if isinstance(value, str)]


def with_value(data: dict[Path, Any], path: Path, loc: Loc, value: str) -> dict[Path, Any]:
    out = dict(data)
    out[path] = replace_at(copy.deepcopy(data[path]), loc, value)
    return out


def original() -> dict[Path, Any]:
    return {path: doc.data for path, doc in BASE.items()}


def get(data: Any, loc: Loc) -> Any:
    for part in loc:
        data = data[part]
    return data


@pytest.fixture(scope="module")
def accepted() -> dict[tuple[Path, Loc], list[str]]:
    """Validation of each payload in each field: refusals must be clear; returns what each field accepted."""
    out: dict[tuple[Path, Loc], list[str]] = {}
    unclear: list[str] = []
    for path, loc in FIELDS:
        doc = BASE[path]
        for payload in PAYLOADS:
            outcome = validate(with_value(original(), path, loc, f"{get(doc.data, loc)} {payload}"))
            if isinstance(outcome, Catalog):
                out.setdefault((path, loc), []).append(payload)
                continue
            errors = assert_clear_report(outcome)
            if not any(e.file == doc.file and e.path == format_loc(loc) for e in errors):
                unclear.append(f"{doc.file} {format_loc(loc)} + {payload!r}:\n    " + "\n    ".join(map(str, errors)))
    assert not unclear, "refused without a line naming the field:\n" + "\n".join(unclear[:10])
    return out


def test_markup_links_and_images_are_refused_everywhere(accepted: dict[tuple[Path, Loc], list[str]]) -> None:
    """Assert no text field accepts raw HTML, a non-https link or an image (an image is a request to its host)."""
    refused = [p for p in PAYLOADS if p.startswith(("<", "</", "[click]", "!["))]
    let_through = {f"{BASE[path].file} {format_loc(loc)}": [p for p in payloads if p in refused] for (path, loc), payloads in accepted.items()}
    let_through = {field: payloads for field, payloads in let_through.items() if payloads}
    assert not let_through, "\n".join(f"{field}: {payloads}" for field, payloads in let_through.items())


class _Dumper(yaml.SafeDumper):
    """Writes shared values out in full: the data files refuse YAML anchors and aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


@pytest.fixture(scope="module")
def hostile_data(accepted: dict[tuple[Path, Loc], list[str]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """ONE copy of the minimal data with every accepted payload, as many per field as the field takes."""
    data = original()
    for (path, loc), payloads in accepted.items():
        value = get(BASE[path].data, loc)
        for payload in payloads:
            candidate = with_value(data, path, loc, f"{value} {payload}")
            if isinstance(validate(candidate), Catalog):  # length and word-count limits may stop a field short
                data, value = candidate, f"{value} {payload}"
    placed = {p for (path, loc) in accepted for p in PAYLOADS if p in str(get(data[path], loc))}
    assert placed == {p for payloads in accepted.values() for p in payloads}, "some accepted payload found no field with room"
    outcome = validate(data)
    assert not isinstance(outcome, DataInvalid), "the payloads together fail validation:\n" + str(outcome)
    root = tmp_path_factory.mktemp("injection") / "data"
    for path, doc in BASE.items():
        target = root / Path(doc.file).relative_to("data")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(yaml.dump(data[path], Dumper=_Dumper, sort_keys=False, allow_unicode=False, width=10**6), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def hostile_site(hostile_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    server = SiteServer()
    tmp = tmp_path_factory.mktemp("injection-site")
    project = copy_project(tmp / "project", data=hostile_data)
    result = build(project, tmp / "site", server.url)
    assert result.returncode == 0, f"the site with hostile data did not build:\n{result.stdout}\n{result.stderr}"
    server.serve(tmp / "site")
    yield tmp / "site", server.url
    server.close()


def test_no_jinja_in_the_data_is_evaluated(hostile_site: tuple[Path, str]) -> None:
    """Assert Jinja written in the data reaches the pages as text, never evaluated (at build time that would run code)."""
    site, _ = hostile_site
    for file in site.rglob("*"):
        if file.is_file() and file.suffix in (".html", ".json", ".xml", ".js"):
            text = file.read_text(encoding="utf-8", errors="replace")
            for marker in EVALUATED:
                assert marker not in text, f"{file.relative_to(site)}: a Jinja payload was evaluated ({marker})"


# Run in every page after loading and after each interaction.
_INSPECT_JS = """() => {
  const injected = (text) => /__pwned|alert\\(/.test(text || "");
  const handlers = [];
  for (const el of document.querySelectorAll("*")) {
    for (const a of el.attributes) {
      if (a.name.startsWith("on") && injected(a.value)) handlers.push(`<${el.tagName.toLowerCase()} ${a.name}="${a.value}">`);
    }
  }
  // A payload inside an https URL is only text; a script URL is the danger.
  const urls = [...document.querySelectorAll("[href], [src], [action], [formaction], [srcdoc]")]
    .flatMap((el) => ["href", "src", "action", "formaction", "srcdoc"].map((n) => el.getAttribute(n)))
    .filter((v) => v && /^\\s*(javascript|vbscript|data:text\\/html)/i.test(v.replace(/[\\s\\x00-\\x1f]/g, "")));
  const scripts = [...document.scripts].filter((s) => !/json/.test(s.type) && injected(s.text)).map((s) => s.text.slice(0, 120));
  return {pwned: window.__pwned === undefined ? null : String(window.__pwned), handlers, urls, scripts,
          text: injected(document.body.innerText)};
}"""


def drive(page: Page) -> None:
    """Use what the page offers: walk the decision tree to a result, type into filters, flip the table controls."""
    for _ in range(10):
        answers = page.locator(".kb-tree__app .kb-tree__answer")
        if not answers.count() or page.locator(".kb-tree__app [data-recommend]").count():
            break
        answers.first.click()
    for box in page.locator("article input[type=search], article input[type=text]").all():
        if box.is_visible():
            box.fill("<img src=x onerror=\"window.__pwned = 'typed'\"> pwned")
            box.fill("alert")
    for checkbox in page.locator("article input[type=checkbox]").all():
        if checkbox.is_visible():
            checkbox.click()
    for select in page.locator("article select").all():
        if select.is_visible():
            for value in select.locator("option").evaluate_all("options => options.map(o => o.value)"):
                select.select_option(value)


# The site's handlers change the page while each interaction is dispatched. What an injected
# element could run comes later: autofocus and focus handlers at the next rendering, load
# and error handlers once its resource has loaded or failed.
_RENDERED_TWICE_JS = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())))"
_IMAGES_SETTLED_JS = "() => [...document.images].every((img) => img.complete)"


def settle(page: Page) -> None:
    """Wait until the page has drawn what the interactions changed and every image has loaded or failed."""
    page.evaluate(_RENDERED_TWICE_JS)
    page.wait_for_function(_IMAGES_SETTLED_JS)


def test_no_injected_script_runs_on_any_page(browser: Browser, hostile_site: tuple[Path, str]) -> None:
    """Assert that on every page of the hostile site no payload runs, and no injected handler, URL or script exists."""
    site, url = hostile_site
    pages = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))
    assert len(pages) >= 10, pages
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    problems: list[str] = []
    shown = 0
    page = context.new_page()
    page.on("dialog", lambda d: (problems.append(f"dialog opened: {d.message}"), d.dismiss()))
    page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    page.on("console", lambda m: problems.append(f"console error: {m.text}") if m.type == "error" else None)
    page.on("request", lambda r: None if r.url.startswith((url, "data:", "blob:")) else problems.append(f"off-site request: {r.url}"))
    try:
        for rel in pages:
            target = url + ("" if rel == "." else rel + "/")
            page.goto(target)
            page.wait_for_load_state("networkidle")
            found = [page.evaluate(_INSPECT_JS)]
            drive(page)
            settle(page)
            found.append(page.evaluate(_INSPECT_JS))
            for f in found:
                problems += [f"{rel}: window.__pwned = {f['pwned']}"] if f["pwned"] else []
                problems += [f"{rel}: injected {kind}: {item}" for kind in ("handlers", "urls", "scripts") for item in f[kind]]
            shown += found[0]["text"]
    finally:
        context.close()
    assert not problems, "\n".join(dict.fromkeys(problems))
    assert shown >= 5, f"payload text is visible on only {shown} pages: the data did not reach the pages"
