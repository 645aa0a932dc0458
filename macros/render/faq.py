"""The FAQ (/faq/): questions by category, each its own heading and search result.

Each question is a Markdown heading with the entry's id (### Question {#id}),
so the table of contents lists it and Material's search indexes it as its own
section. The same entries go into the page head as schema.org FAQPage JSON-LD.
"""

from __future__ import annotations

from typing import Any

from jinja2.utils import htmlsafe_json_dumps

from ..catalog import Catalog
from . import Page, plain, render
from .marks import shared


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
    # Jinja's htmlsafe_json_dumps escapes <, >, & and ' so the JSON cannot close its <script> element.
    page.head["kb_jsonld"] = str(htmlsafe_json_dumps(faq_jsonld(catalog), ensure_ascii=False, separators=(",", ":")))
    categories = [(c, catalog.faq_in(c.id)) for c in catalog.faq_categories.values()]
    return render("faq.html", catalog, page, categories=[(c, entries) for c, entries in categories if entries], **shared(catalog))
