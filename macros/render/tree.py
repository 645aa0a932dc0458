"""The decision tree page (/decide/): one view model of data/decision-tree.yaml, two outputs.

`tree_view` builds the view once. The template decision-tree.html prints it as the
outline, the only HTML: every question, answer and result as nested, linked lists, for
readers without JavaScript, printers and search engines. The same view's `structure()`
(ids and links between them, no text) becomes the mount element's data-kb-tree
attribute; overrides/assets/javascripts/decision-tree.js walks that structure and shows
one step at a time by copying the parts of the outline it needs. A data attribute
survives Material's instant navigation, which a JSON <script> in the page body does not.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from markupsafe import Markup

from .. import links
from .. import model as m
from ..catalog import Catalog
from . import Page, md, md_inline, names, plain, render


@dataclass(frozen=True)
class Link:
    text: str
    url: str


@dataclass(frozen=True)
class Answer:
    id: str
    label: Markup
    next: str
    nested: bool  # the node it leads to is written out under this answer (else: linked, as above)


@dataclass(frozen=True)
class Question:
    id: str
    text: Markup
    help: Markup
    left: tuple[int, int]  # fewest and most questions from here to a result, this one included
    answers: list[Answer]


@dataclass(frozen=True)
class Reason:
    criterion: Link
    text: Markup


@dataclass(frozen=True)
class Result:
    id: str
    recommend: list[str]  # framework ids, preferred first
    heading: str  # "Recommended: Express or Flask"
    headline: Markup
    notes: list[Markup]  # what the path adds, and why a switch of language pays for itself
    reasons: list[Reason]
    caveats: list[Markup]
    scenario: Link
    frameworks: list[Link]
    faq: list[Link]


@dataclass(frozen=True)
class TreeView:
    root: str
    questions: dict[str, Question]
    results: dict[str, Result]

    def structure(self) -> dict[str, Any]:
        """What the script needs beyond the outline: ids and how they connect, no text."""
        return {
            "root": self.root,
            "questions": {q.id: {"left": list(q.left), "answers": [[a.id, a.next] for a in q.answers]} for q in self.questions.values()},
            "results": {r.id: {"recommend": r.recommend} for r in self.results.values()},
        }


def decision_tree(catalog: Catalog, page: Page) -> str:
    view = tree_view(catalog, page)
    data = json.dumps(view.structure(), ensure_ascii=False, separators=(",", ":"))
    return render("decision-tree.html", catalog, page, tree=view, data=data)


def tree_view(catalog: Catalog, page: Page) -> TreeView:
    spans = question_spans(catalog)
    placed = placement(catalog)
    questions = {
        q.id: Question(q.id, md_inline(q.question), md(q.help), spans[q.id],
                       [Answer(a.id, md_inline(a.label), a.next, placed[a.next] == (q.id, a.id)) for a in q.answers])
        for q in catalog.tree.questions
    }
    results = {r.id: _result(catalog, page, r) for r in catalog.tree.results}
    return TreeView(catalog.tree.root, questions, results)


def _result(catalog: Catalog, page: Page, result: m.Result) -> Result:
    """A result's own recommendation, for the team that reached it; its scenario is the read-more."""
    scenario = catalog.scenarios[result.scenario]
    discussed = [catalog.frameworks[f] for f in dict.fromkeys(scenario.recommend + scenario.alternatives)]
    return Result(
        id=result.id,
        recommend=list(result.recommend),
        heading="Recommended: " + names([plain(catalog.frameworks[f].name) for f in result.recommend], "or"),
        headline=md_inline(result.headline),
        notes=[md(text) for text in (result.note, result.switch_reason) if text],
        reasons=[Reason(Link(plain(catalog.criteria[r.criterion].name), page.link(links.compare(r.criterion))), md_inline(r.text))
                 for r in scenario.reasons],
        caveats=[md_inline(c) for c in scenario.caveats],
        scenario=Link(plain(scenario.title), page.link(links.scenario(scenario.id))),
        frameworks=[Link(plain(f.name), page.link(links.framework(f.id))) for f in discussed],
        faq=[Link(plain(e.question), page.link(links.faq(e.id))) for e in catalog.faq_for_scenario(scenario.id)],
    )


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


def placement(catalog: Catalog) -> dict[str, tuple[str, str]]:
    """Node id -> (question id, answer id) of the answer under which the outline writes it out.

    A node that several answers lead to is written out once, under the first of them in
    reading order; the others link to it.
    """
    placed: dict[str, tuple[str, str]] = {}

    def walk(question_id: str) -> None:
        for answer in catalog.questions[question_id].answers:
            if answer.next not in placed:
                placed[answer.next] = (question_id, answer.id)
                if answer.next in catalog.questions:
                    walk(answer.next)

    walk(catalog.tree.root)
    return placed
