"""`python -m macros generate`: write what the build reads but nobody edits, before the build.

- docs/frameworks/<id>.md, one page per framework file (git-ignored): each calls
  `framework_profile(id)`, so adding data/frameworks/<id>.yaml adds a page;
- docs/data/v1/, the JSON export (git-ignored);
- the nav entries of those pages, under Frameworks in mkdocs.yml.

A step of its own, not a side effect of the build: every reader of mkdocs.yml (MkDocs,
and successors that list the files before any plugin runs and ignore nav edits made by
one) then finds the pages and the nav on disk. `make build`, `make serve` (again on each
edit of data/), CI and the benchmarks run it. Files are written only when their content
changes, so a running `mkdocs serve` rebuilds only when something did change.
"""

from __future__ import annotations

import html
import io
import json
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from . import export
from .catalog import Catalog
from .registry import FRAMEWORK
from .render import plain

GENERATED_MARK = "{# generated from data/ by `python -m macros generate`: edit the data, not this file #}"
FRAMEWORKS = "frameworks"  # docs/frameworks/: the index is written by hand, the pages are generated
FRAMEWORKS_INDEX = f"{FRAMEWORKS}/index.md"
CONFIG = "mkdocs.yml"


def pages(catalog: Catalog) -> dict[str, str]:
    """Path under docs/ -> content, for every generated page and file."""
    out = {f"{FRAMEWORKS}/{fw.id}.md": framework_page(fw.id, fw.name, plain(fw.summary)) for fw in catalog.frameworks.values()}
    out |= {f"{export.EXPORT_DIR}/{name}": text for name, text in export.files(catalog, export.build_date()).items()}
    return out


def framework_page(framework_id: str, name: str, description: str) -> str:
    # Material prints page.meta.description into an attribute unescaped: escape it here.
    front = {
        "title": name,
        "description": html.escape(description, quote=True),
        # overrides/partials/actions.html: the page's edit button opens the data file it comes from
        "edit_source": FRAMEWORK.path.replace("*", framework_id),
    }
    # JSON is valid YAML, and escapes whatever the name or summary holds.
    lines = ["---"] + [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in front.items()] + ["---"]
    return "\n".join(lines + [GENERATED_MARK, "", f"{{{{ framework_profile({json.dumps(framework_id)}) }}}}", ""])


def write_pages(docs_dir: Path, catalog: Catalog) -> list[str]:
    """Write generated pages whose content changed, remove those whose data is gone; return what changed."""
    wanted = pages(catalog)
    changed = []
    for rel, content in wanted.items():
        path = docs_dir / rel
        if not path.is_file() or path.read_text(encoding="utf-8") != content:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
            changed.append(rel)
    for path in sorted((docs_dir / FRAMEWORKS).glob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        if rel not in wanted and GENERATED_MARK in path.read_text(encoding="utf-8"):
            path.unlink()
            changed.append(rel)
    return changed


def framework_nav(catalog: Catalog) -> list[Any]:
    """The Frameworks section of the nav: the hand-written index, then one page per framework, by name."""
    return [FRAMEWORKS_INDEX] + [{fw.name: f"{FRAMEWORKS}/{fw.id}.md"} for fw in catalog.frameworks.values()]


def write_nav(config_path: Path, catalog: Catalog) -> bool:
    """Put the framework pages under the nav section whose index is frameworks/index.md; True when mkdocs.yml changed.

    A round trip through ruamel.yaml keeps every comment, tag and quote of the file as it was.
    """
    reader = YAML(typ="rt")
    reader.preserve_quotes = True
    reader.width = 4096
    reader.indent(mapping=2, sequence=4, offset=2)
    text = config_path.read_text(encoding="utf-8")
    config = reader.load(text)
    section = _frameworks_section(config.get("nav") or [])
    if section is None:
        raise SystemExit(f"{CONFIG}: no nav section holds {FRAMEWORKS_INDEX}; add `- Frameworks: {FRAMEWORKS_INDEX}` to the nav")
    section[0][section[1]] = framework_nav(catalog)
    out = io.StringIO()
    reader.dump(config, out)
    if out.getvalue() == text:
        return False
    config_path.write_text(out.getvalue(), encoding="utf-8")
    return True


def _frameworks_section(nav: list[Any]) -> tuple[Any, str] | None:
    """(the mapping, its key) of the nav entry whose target is, or starts with, frameworks/index.md."""
    for item in nav:
        if not isinstance(item, dict) or len(item) != 1:
            continue
        (title, target), = item.items()
        if target == FRAMEWORKS_INDEX or (isinstance(target, list) and target and target[0] == FRAMEWORKS_INDEX):
            return item, title
        if isinstance(target, list):
            found = _frameworks_section(target)
            if found:
                return found
    return None


def generate(root: Path, catalog: Catalog) -> list[str]:
    """Write every generated file under `root`; return the paths that changed, from the project root."""
    changed = [f"docs/{rel}" for rel in write_pages(root / "docs", catalog)]
    if write_nav(root / CONFIG, catalog):
        changed.append(CONFIG)
    return changed
