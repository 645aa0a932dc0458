"""The decision tree page (/decide/): one view of data/decision-tree.yaml, two outputs.

`decision_tree` builds `tree_view` once. The template decision-tree.html prints it as
the no-JS outline (every question, answer and result as nested, linked lists), and the
same view, with each Markup field turned into a list of nodes (`nodes`), becomes the
mount element's data-kb-tree attribute. overrides/assets/javascripts/decision-tree.js
reads that attribute and builds the page with DOM calls only, never innerHTML. A data
attribute survives Material's instant navigation, which a JSON <script> in the page
body does not.
"""

from __future__ import annotations

import json
from functools import cache
from html.parser import HTMLParser
from typing import Any

from markupsafe import Markup

from .. import links
from ..catalog import Catalog
from . import Page, md, md_inline, plain, render


def decision_tree(catalog: Catalog, page: Page) -> str:
    view = tree_view(catalog, page)
    data = json.dumps(for_script(view), ensure_ascii=False, separators=(",", ":"))
    return render("decision-tree.html", catalog, page, tree=view, placed=placement(catalog), data=data)


def tree_view(catalog: Catalog, page: Page) -> dict[str, Any]:
    """Everything the page shows, keyed by id; data text as Markup (HTML).

    Results point at scenarios, as in the data, so a scenario that several answers
    lead to is written once.
    """
    spans = question_spans(catalog)
    results = catalog.tree.results
    return {
        "root": catalog.tree.root,
        "questions": {q.id: _question(q, spans[q.id]) for q in catalog.tree.questions},
        "results": {r.id: _result(catalog, r) for r in results},
        "scenarios": {sid: _scenario(catalog, page, sid) for sid in dict.fromkeys(r.scenario for r in results)},
    }


def _question(question: Any, span: tuple[int, int]) -> dict[str, Any]:
    return {
        "text": md_inline(question.question),
        "help": md(question.help),
        "left": list(span),
        "answers": [{"id": a.id, "label": md_inline(a.label), "next": a.next} for a in question.answers],
    }


def _result(catalog: Catalog, result: Any) -> dict[str, Any]:
    """A result's own recommendation, for the team that reached it; the scenario is the read-more."""
    return {
        "scenario": result.scenario,
        "recommend": list(result.recommend),
        "heading": "Recommended: " + either([plain(catalog.frameworks[f].name) for f in result.recommend]),
        "headline": md_inline(result.headline),
        "note": md(result.note) if result.note else None,
        "switch": md(result.switch_reason) if result.switch_reason else None,
    }


def _scenario(catalog: Catalog, page: Page, scenario_id: str) -> dict[str, Any]:
    scenario = catalog.scenarios[scenario_id]
    frameworks = [catalog.frameworks[f] for f in dict.fromkeys(scenario.recommend + scenario.alternatives)]
    return {
        "verdict": md_inline(scenario.verdict),
        "reasons": [
            {"name": plain(catalog.criteria[r.criterion].name), "url": page.link(links.compare(r.criterion)), "text": md_inline(r.text)}
            for r in scenario.reasons
        ],
        "caveats": [md_inline(c) for c in scenario.caveats],
        "title": plain(scenario.title),
        "url": page.link(links.scenario(scenario.id)),
        "frameworks": [{"title": plain(f.name), "url": page.link(links.framework(f.id))} for f in frameworks],
        "faq": [{"title": plain(e.question), "url": page.link(links.faq(e.id))} for e in catalog.faq_for_scenario(scenario.id)],
    }


def either(names: list[str]) -> str:
    """'Flask', 'Flask or Express', 'A, B or C'."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def question_spans(catalog: Catalog) -> dict[str, tuple[int, int]]:
    """Question id -> fewest and most questions from it to a result, itself included.

    The script shows "question 2 of 4" (or "of up to 4" when paths differ in length).
    The tree is validated acyclic, so the walk ends.
    """

    @cache
    def span(node: str) -> tuple[int, int]:
        if node in catalog.results:
            return (0, 0)
        below = [span(a.next) for a in catalog.questions[node].answers]
        return (1 + min(s[0] for s in below), 1 + max(s[1] for s in below))

    return {q: span(q) for q in catalog.questions}


def placement(catalog: Catalog) -> dict[str, str]:
    """Node id -> 'question-id:answer-id' of the answer under which the outline shows it.

    A node that several answers lead to is written out once, under the first of them in
    reading order; the others link to it.
    """
    placed: dict[str, str] = {}

    def walk(question_id: str) -> None:
        for answer in catalog.questions[question_id].answers:
            if answer.next not in placed:
                placed[answer.next] = f"{question_id}:{answer.id}"
                if answer.next in catalog.questions:
                    walk(answer.next)

    walk(catalog.tree.root)
    return placed


# --- the view as JSON for the script -------------------------------------------------


def for_script(value: Any) -> Any:
    """The view with every Markup field as `nodes`, ready for json.dumps."""
    if isinstance(value, Markup):
        return nodes(value)
    if isinstance(value, dict):
        return {k: for_script(v) for k, v in value.items()}
    if isinstance(value, list):
        return [for_script(v) for v in value]
    return value


# Elements the script may create; anything else Markdown makes (a heading, an image, a
# table) is unwrapped to its text. Links keep only their href.
KEPT_TAGS = frozenset({"p", "ul", "ol", "li", "em", "strong", "code", "pre", "blockquote", "a", "br"})
_VOID = frozenset({"br", "hr", "img", "wbr"})
_CONTAINERS = frozenset({"", "ul", "ol", "blockquote"})  # whitespace between their children is layout only


def nodes(html: str) -> list[Any]:
    """HTML from the `md` filters -> a list of nodes the script builds with DOM calls.

    A node is a string (text) or [tag, children] ([tag, children, href] for a link).
    """
    parser = _NodeParser()
    parser.feed(html)
    parser.close()
    return parser.root


class _NodeParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root: list[Any] = []
        self._open: list[tuple[str, list[Any]]] = [("", self.root)]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.handle_data(dict(attrs).get("alt") or "")
        if tag not in KEPT_TAGS:
            return
        node: list[Any] = [tag, []]
        if tag == "a":
            node.append(dict(attrs).get("href") or "")
        self._open[-1][1].append(node)
        if tag not in _VOID:
            self._open.append((tag, node[1]))

    def handle_endtag(self, tag: str) -> None:
        if len(self._open) > 1 and self._open[-1][0] == tag:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        tag, children = self._open[-1]
        if not data.strip() and tag in _CONTAINERS:
            return
        if children and isinstance(children[-1], str):
            children[-1] += data
        else:
            children.append(data)
