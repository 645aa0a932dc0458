"""The FAQ (/faq/): questions by category, each its own heading and search result.

Each question is a Markdown heading with the entry's id (### Question {#id}),
so the table of contents lists it and Material's search indexes it as its own
section. The same entries go into the page head as schema.org FAQPage JSON-LD.
"""

from __future__ import annotations

import json
from typing import Any

from ..catalog import Catalog
from . import Page, plain, render
from .marks import shared

# Characters that could end a <script> element or break JavaScript parsing, as JSON escapes.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def json_for_script(data: Any) -> str:
    """JSON that cannot close or confuse the <script> element it is written into."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_SAFE)


def faq_jsonld(catalog: Catalog) -> dict[str, Any]:
    """schema.org FAQPage for every question, answers as plain text (they are shown on the page too)."""
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {"@type": "Question", "name": plain(e.question), "acceptedAnswer": {"@type": "Answer", "text": plain(e.answer)}}
            for e in catalog.faq.values()
        ],
    }


def faq(catalog: Catalog, page: Page) -> str:
    """Every question, by category, with the filter box (shown by faq-filter.js)."""
    page.head["kb_jsonld"] = json_for_script(faq_jsonld(catalog))
    categories = [(c, catalog.faq_in(c.id)) for c in catalog.faq_categories.values()]
    return render("faq.html", catalog, page, categories=[(c, entries) for c, entries in categories if entries], **shared(catalog))
