"""What pages are made of: the macros they call, and the pages generated per framework.

One page per framework file is written to docs/frameworks/<id>.md (git-ignored) before
MkDocs collects its files, so adding data/frameworks/<id>.yaml adds a page with no
other edit. Plain files on disk (rather than an MkDocs hook) keep this portable to
other site generators that read mkdocs.yml. The JSON export (macros/export.py) is
written the same way, to docs/data/v1/.
"""

from __future__ import annotations

import html
import importlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import export
from .catalog import Catalog
from .render import plain

GENERATED_MARK = "{# generated from data/ by macros/pages.py: edit the data, not this file #}"
FRAMEWORKS_DIR = "frameworks"
FRAMEWORKS_INDEX = f"{FRAMEWORKS_DIR}/index.md"

# A page's {{ name(…) }} -> "module:function" in macros/render/, called as
# function(catalog, page, …) and returning the HTML/Markdown to put in its place.
MACROS: dict[str, str] = {
    "verdict_at_a_glance": "home:verdict_at_a_glance",
    "recently_verified": "recent:recently_verified",
    "comparison_table": "compare:comparison_table",
    "level_legend": "compare:level_legend",
    "framework_list": "profiles:framework_list",
    "framework_profile": "profiles:framework_profile",
    "faq": "faq:faq",
    "scenarios": "scenarios:scenarios",
    "bibliography": "sources:bibliography",
    "decision_tree": "tree:decision_tree",
    "data_reference": "reference:data_reference",
}


def renderer(name: str) -> Callable[..., str]:
    """The function behind macro `name`."""
    module, _, function = MACROS[name].partition(":")
    return getattr(importlib.import_module(f".render.{module}", __package__), function)


def generated(catalog: Catalog) -> dict[str, str]:
    """Path under docs/ -> content, for every generated page and file."""
    pages = {f"{FRAMEWORKS_DIR}/{fw.id}.md": _framework_stub(fw.id, fw.name, plain(fw.summary)) for fw in catalog.frameworks.values()}
    # The JSON export (/data/v1/…), published as static files beside the pages.
    exported = {f"{export.EXPORT_DIR}/{name}": text for name, text in export.files(catalog, export.build_date()).items()}
    return pages | exported


def _framework_stub(framework_id: str, name: str, description: str) -> str:
    # Material prints page.meta.description into an attribute unescaped: escape it here.
    front = {"title": name, "description": html.escape(description, quote=True)}
    # JSON is valid YAML, and escapes whatever the name or summary holds.
    lines = ["---"] + [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in front.items()] + ["---"]
    return "\n".join(lines + [GENERATED_MARK, "", f"{{{{ framework_profile({json.dumps(framework_id)}) }}}}", ""])


def write_generated(docs_dir: Path, catalog: Catalog) -> None:
    """Write generated pages whose content changed; remove ones whose data is gone.

    Writing only on change matters under `mkdocs serve`: an unchanged write would
    trigger another rebuild, forever.
    """
    wanted = generated(catalog)
    for rel, content in wanted.items():
        path = docs_dir / rel
        if not path.is_file() or path.read_text(encoding="utf-8") != content:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
    for path in (docs_dir / FRAMEWORKS_DIR).glob("*.md"):
        rel = path.relative_to(docs_dir).as_posix()
        if rel not in wanted and GENERATED_MARK in path.read_text(encoding="utf-8"):
            path.unlink()


def expand_nav(nav: list[Any] | None, catalog: Catalog) -> list[Any] | None:
    """Put one nav entry per framework under the section whose index is frameworks/index.md."""
    if nav is None:
        return None
    pages = [FRAMEWORKS_INDEX] + [{fw.name: f"{FRAMEWORKS_DIR}/{fw.id}.md"} for fw in catalog.frameworks.values()]
    out: list[Any] = []
    for item in nav:
        if isinstance(item, dict) and len(item) == 1:
            (title, target), = item.items()
            if target == FRAMEWORKS_INDEX:
                item = {title: pages}
            elif isinstance(target, list):
                item = {title: expand_nav(target, catalog)}
        out.append(item)
    return out
