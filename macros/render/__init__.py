"""Rendering: validated Catalog -> HTML/Markdown fragments, through Jinja templates.

This package never imports MkDocs: a renderer takes the Catalog and a Page
context and returns text for the page. Templates live in macros/templates/, one
per component, rendered with autoescape and StrictUndefined so that a typo fails
the build instead of shipping a blank.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import markdown
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .. import links
from ..catalog import Catalog
from ..links import Linker
from ..measurement import RATIO_CONNECTIONS, ratio_text

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

# Data text is validated to hold no raw HTML and only https links, so the HTML
# Python-Markdown makes from it is safe to put in a page unescaped.
_markdown = markdown.Markdown(extensions=["sane_lists"], output_format="html")


@functools.lru_cache(maxsize=4096)
def md(text: str) -> Markup:
    """Block Markdown from the data -> HTML (cached: the same text appears on several pages)."""
    _markdown.reset()
    return Markup(_markdown.convert(text))


def md_inline(text: str) -> Markup:
    """One line of Markdown -> HTML without the surrounding paragraph."""
    html = str(md(text))
    return Markup(re.sub(r"^<p>(.*)</p>$", r"\1", html, flags=re.DOTALL))


def plain(text: str) -> str:
    """Markdown -> plain text, for meta descriptions and JSON-LD."""
    return md(text).striptags()


def names(items: list[str], conjunction: str = "and") -> str:
    """'A', 'A and B', 'A, B and C' (or 'A, B or C'): names in a sentence, for any number of them."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {conjunction} " + items[-1]


def month_name(month: str) -> str:
    """'2026-10' -> 'Oct 2026', for dates known only to the month."""
    return dt.date.fromisoformat(month + "-01").strftime("%b %Y")


@dataclass
class Page:
    """What a renderer knows of the page it renders into: its title (for report links) and <head>."""

    title: str
    linker: Linker
    head: dict[str, Any] = field(default_factory=dict)  # data for the page <head>, e.g. JSON-LD

    def link(self, target: str) -> str:
        return self.linker.url(target)


_env = Environment(
    loader=FileSystemLoader(TEMPLATES),
    undefined=StrictUndefined,
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)

_env.filters.update(md=md, md_inline=md_inline, plain=plain, names=names)
_env.globals.update(links=links, month_name=month_name, ratio_text=ratio_text, ratio_connections=RATIO_CONNECTIONS)


def render(template: str, catalog: Catalog, page: Page, **context: Any) -> str:
    """Render one template with the catalog and page in scope."""
    return _env.get_template(template).render(catalog=catalog, page=page, **context)
