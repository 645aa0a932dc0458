"""mkdocs-macros glue: the only module that knows the plugin.

`define_env` registers each renderer of `macros.pages` as a macro, and nothing else:
the generated pages and nav entries are written before the build, by
`python -m macros generate`. It may be called once per build (MkDocs) or once per page
(other hosts of the macros API): data/ is loaded once per change of its files, and the
package's modules are reloaded only when one of them changed (`mkdocs serve` then picks
up an edit of macros/ on its next rebuild).

When data/ is invalid, a build fails with every problem listed. Under `make serve`
(KB_SERVE=1) the site is served instead with every page replaced by that list, exactly
as `make check` prints it, and comes back by itself once the files are fixed.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlsplit

_PACKAGE = Path(__file__).resolve().parent
# What the last call loaded: kept here, in the one module that is never reloaded.
_state: dict[str, Any] = {"code": None, "data": None, "catalog": None, "errors": []}


def define_env(env: Any) -> None:
    root = Path(env.project_dir)
    code = _fingerprint(_PACKAGE, "*.py", "*.html")
    if code != _state["code"]:
        _forget_modules()
        _state.update(code=code, data=None)
    data = _fingerprint(root / "data", "*.yaml")
    if data != _state["data"]:
        _state.update(data=data, **_load(root))
    pages = importlib.import_module(".pages", __name__)
    base = urlsplit(env.conf["site_url"] or "/").path or "/"
    repo_url = (env.conf["repo_url"] or "").rstrip("/")
    for name in pages.MACROS:
        env.macro(_bind(env, name, pages.renderer, base, repo_url), name)


def on_post_page_macros(env: Any) -> None:
    """Under `make serve` with invalid data: every page shows the problems instead of its content.

    After the macros ran, so the report is not read as a template."""
    if _state["errors"]:
        env.markdown = importlib.import_module(".errors", __name__).report_page(_state["errors"])


def _load(root: Path) -> dict[str, Any]:
    from .catalog import load_catalog
    from .errors import DataInvalid, annotate_on_github, format_report

    try:
        return {"catalog": load_catalog(root), "errors": []}
    except DataInvalid as exc:
        annotate_on_github(exc.errors)
        if os.environ.get("KB_SERVE") != "1":
            from mkdocs.exceptions import PluginError

            raise PluginError("\n" + format_report(exc.errors)) from None
        print(format_report(exc.errors), file=sys.stderr)
        return {"catalog": None, "errors": exc.errors}


def _bind(env: Any, name: str, find: Callable[[str], Callable[..., str]], base: str, repo_url: str) -> Callable[..., str]:
    from .links import Linker
    from .render import Page

    def macro(*args: Any, **kwargs: Any) -> str:
        if _state["catalog"] is None:
            return ""  # invalid data under `make serve`: on_pre_page_macros has replaced the page
        page = Page(title=env.page.title, linker=Linker(base, repo_url))
        html = find(name)(_state["catalog"], page, *args, **kwargs)
        env.page.meta.update(page.head)  # e.g. JSON-LD, which overrides/main.html puts in <head>
        return html

    macro.__name__ = name
    return macro


def _fingerprint(folder: Path, *patterns: str) -> tuple[tuple[str, int, int], ...]:
    """Name, size and modification time of every matching file: cheap to take on every call."""
    files = sorted({p for pattern in patterns for p in folder.rglob(pattern)})
    return tuple((p.as_posix(), (s := p.stat()).st_size, s.st_mtime_ns) for p in files if p.is_file())


def _forget_modules() -> None:
    # The plugin imports this package once and never reloads it; forgetting the
    # submodules makes the next import read edited files. The package's attributes
    # must go too: `from . import model` reads them first.
    package = sys.modules[__name__]
    for name in [n for n in sys.modules if n.startswith(__name__ + ".")]:
        del sys.modules[name]
        child = name.split(".")[1]
        if child in vars(package):
            delattr(package, child)
