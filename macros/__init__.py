"""mkdocs-macros glue: the only module that knows the plugin.

`define_env` runs once per build: it loads and validates data/ (failing the build
with every problem listed), writes the generated pages, and registers each renderer
of `macros.pages` as a macro. Everything else in this package is plain Python.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any, Callable


def define_env(env: Any) -> None:
    # The plugin imports this package once and never reloads it; forgetting the
    # submodules makes `mkdocs serve` pick up edits to them on the next rebuild.
    # The package's attributes must go too: `from . import model` reads them first.
    package = sys.modules[__name__]
    for name in [n for n in sys.modules if n.startswith(__name__ + ".")]:
        del sys.modules[name]
        child = name.split(".")[1]
        if child in vars(package):
            delattr(package, child)
    pages = importlib.import_module(".pages", __name__)
    from mkdocs.exceptions import PluginError

    from .catalog import load_catalog
    from .errors import DataInvalid, annotate_on_github, format_report

    root = Path(env.project_dir)
    try:
        catalog = load_catalog(root)
    except DataInvalid as exc:
        annotate_on_github(exc.errors)
        raise PluginError("\n" + format_report(exc.errors)) from None
    pages.write_generated(root / env.conf["docs_dir"], catalog)
    env.conf["nav"] = pages.expand_nav(env.conf["nav"], catalog)
    repo_url = env.conf["repo_url"] or ""
    for name in pages.MACROS:
        env.macro(_bind(env, catalog, name, pages.renderer, repo_url), name)


def _bind(env: Any, catalog: Any, name: str, find: Callable[[str], Callable[..., str]], repo_url: str) -> Callable[..., str]:
    from .links import Linker
    from .render import Page

    def macro(*args: Any, **kwargs: Any) -> str:
        page = Page(url=env.page.url, title=env.page.title, linker=Linker(env.page.url, repo_url.rstrip("/")))
        html = find(name)(catalog, page, *args, **kwargs)
        env.page.meta.update(page.head)  # e.g. JSON-LD, which overrides/main.html puts in <head>
        if page.edit_url:
            env.page.edit_url = page.edit_url
        return html

    macro.__name__ = name
    return macro

