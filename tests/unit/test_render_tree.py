"""The decision tree renderer: one view model, printed as the outline (the only HTML) and as
the structure the script walks (ids only)."""

from __future__ import annotations

import copy
import html
import json
import re
from typing import Any

from markupsafe import escape

from macros.catalog import Catalog, load_catalog
from macros.links import Linker
from macros.pages import renderer
from macros.render import Page, md, md_inline, names, plain
from macros.render.tree import decision_tree, question_spans
from tests.helpers import ROOT

MINIMAL = ROOT / "tests" / "fixtures" / "minimal"


def _page() -> Page:
    return Page(title="Which should I choose?", linker=Linker("/", "https://github.com/o/r"))


def _render(catalog: Catalog) -> tuple[str, dict[str, Any]]:
    out = decision_tree(catalog, _page())
    found = re.findall(r'data-kb-tree="([^"]*)"', out)
    assert len(found) == 1, "exactly one mount element carries the tree"
    return out, json.loads(html.unescape(found[0]))


def _block(out: str, node_id: str) -> str:
    """A node's block in the outline, up to the first block nested in it."""
    start = out.index(f'id="kb-dt-{node_id}"')
    rest = out[start:]
    nested = min((i for i in (rest.find('class="kb-tree__step"', 1), rest.find('class="kb-tree__outcome"', 1)) if i > 0), default=len(rest))
    return rest[:nested]


def test_the_macro_is_registered() -> None:
    assert renderer("decision_tree") is decision_tree


def test_the_structure_has_every_node_and_link_and_no_text(catalog: Catalog) -> None:
    out, data = _render(catalog)
    assert data["root"] == catalog.tree.root
    assert data["questions"] == {
        q.id: {"left": list(question_spans(catalog)[q.id]), "answers": [[a.id, a.next] for a in q.answers]}
        for q in catalog.questions.values()
    }
    assert data["results"] == {r.id: {"recommend": r.recommend} for r in catalog.results.values()}
    attribute = re.findall(r'data-kb-tree="([^"]*)"', out)[0]
    for question in catalog.questions.values():
        assert plain(question.question) not in html.unescape(attribute), "the text is in the outline only"


def test_outline_writes_every_node_once_with_every_answer(catalog: Catalog) -> None:
    out, _ = _render(catalog)
    outline = out.split('class="kb-tree__outline"', 1)[1].split('class="kb-tree__app"', 1)[0]
    ids = re.findall(r'id="kb-dt-([^"]+)"', outline)
    assert sorted(ids) == sorted(list(catalog.questions) + list(catalog.results)), "each node written out once"
    for target in re.findall(r'href="#kb-dt-([^"]+)"', outline):
        assert target in ids
    for question in catalog.questions.values():
        block = _block(outline, question.id)
        assert f'<p class="kb-tree__question"><strong>{md_inline(question.question)}</strong></p>' in block
        assert f'<div class="kb-tree__help">{md(question.help)}</div>' in block
        for answer in question.answers:
            assert f'<li data-kb-answer="{answer.id}"><span class="kb-tree__label">{md_inline(answer.label)}</span>' in outline


def test_each_result_states_its_own_recommendation_and_reads_more_in_its_scenario(catalog: Catalog) -> None:
    out, _ = _render(catalog)
    for result in catalog.results.values():
        block = _block(out, result.id)
        chosen = names([catalog.frameworks[f].name for f in result.recommend], "or")
        assert block.startswith(f'id="kb-dt-{result.id}" data-recommend="{" ".join(result.recommend)}"')
        assert f"<strong>{escape('Recommended: ' + chosen)}</strong>" in block
        assert f'<p class="kb-tree__verdict">{md_inline(result.headline)}</p>' in block
        for text in (result.note, result.switch_reason):
            assert not text or str(md(text)) in block
        scenario = catalog.scenarios[result.scenario]
        assert f'href="/scenarios/#{scenario.id}"' in block
        for reason in scenario.reasons:
            assert f'href="/compare/#{reason.criterion}"' in block
        for caveat in scenario.caveats:
            assert str(md_inline(caveat)) in block
        for entry in catalog.faq_for_scenario(scenario.id):
            assert f'href="/faq/#{entry.id}"' in block


def test_outline_nests_each_node_under_the_first_answer_reaching_it() -> None:
    out, _ = _render(load_catalog(MINIMAL))
    # team: alpha -> result-alpha (written out), both -> size; size: small -> result-alpha (linked back)
    assert out.index('id="kb-dt-result-alpha"') < out.index('id="kb-dt-size"') < out.index('href="#kb-dt-result-alpha"')


def test_question_spans_count_the_questions_left() -> None:
    assert question_spans(load_catalog(MINIMAL)) == {"team": (1, 2), "size": (1, 1)}


def test_data_text_stays_text() -> None:
    catalog = copy.copy(load_catalog(MINIMAL))
    hostile = 'Say "hi" & mean it: a < b, \u2028 \'quoted\''
    result = catalog.results["result-alpha"]
    catalog.results = {**catalog.results, "result-alpha": result.model_copy(update={"headline": hostile})}
    catalog.tree = catalog.tree.model_copy(update={"results": list(catalog.results.values())})
    out, _ = _render(catalog)
    shown = str(md_inline(hostile))
    assert "a &lt; b" in shown and "&amp; mean" in shown
    assert f'<p class="kb-tree__verdict">{shown}</p>' in out
    start = out.index("data-kb-tree=")
    assert out[start:].split(">", 1)[0].count('"') == 2, "no quote escapes the attribute"


def test_names_join_any_number() -> None:
    assert names(["Flask"], "or") == "Flask"
    assert names(["Flask", "Express"], "or") == "Flask or Express"
    assert names(["A", "B", "C"], "or") == "A, B or C"
    assert names(["A", "B", "C"]) == "A, B and C"


def test_decide_page_calls_the_macro() -> None:
    text = (ROOT / "docs" / "decide.md").read_text(encoding="utf-8")
    assert "{{ decision_tree() }}" in text
    assert "<" not in text.replace("{{ decision_tree() }}", ""), "no HTML in the page's Markdown"
