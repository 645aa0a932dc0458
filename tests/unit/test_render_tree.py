"""The decision tree renderer: its JSON and its no-JS outline both hold the whole validated tree."""

from __future__ import annotations

import copy
import html
import json
import re
from typing import Any

import pytest
from markupsafe import escape

from macros import links
from macros.catalog import Catalog, load_catalog
from macros.links import Linker
from macros.pages import renderer
from macros.render import Page, md, md_inline, plain
from macros.render.tree import decision_tree, either, nodes, question_spans
from tests.helpers import ROOT

MINIMAL = ROOT / "tests" / "fixtures" / "minimal"


def _page() -> Page:
    return Page(url="decide/", title="Which should I choose?", linker=Linker("decide/", "https://github.com/o/r"))


def _render(catalog: Catalog) -> tuple[str, dict[str, Any]]:
    out = decision_tree(catalog, _page())
    found = re.findall(r'data-kb-tree="([^"]*)"', out)
    assert len(found) == 1, "exactly one mount element carries the tree"
    return out, json.loads(html.unescape(found[0]))


def _text(rich: list[Any]) -> str:
    """The text of a node list, as the browser would show it."""
    return "".join(n if isinstance(n, str) else _text(n[1]) for n in rich)


def test_the_macro_is_registered() -> None:
    assert renderer("decision_tree") is decision_tree


def test_json_holds_every_question_with_answers_that_resolve(catalog: Catalog) -> None:
    _, data = _render(catalog)
    assert data["root"] == catalog.tree.root
    assert list(data["questions"]) == list(catalog.questions)
    for qid, question in catalog.questions.items():
        shown = data["questions"][qid]
        assert _text(shown["text"]) == plain(question.question)
        assert _text(shown["help"]).strip() == plain(question.help)
        assert [(a["id"], _text(a["label"]), a["next"]) for a in shown["answers"]] == [
            (a.id, plain(a.label), a.next) for a in question.answers
        ]
        for answer in shown["answers"]:
            assert answer["next"] in data["questions"] or answer["next"] in data["results"], answer


def test_json_results_show_their_own_recommendation_scenario_and_note(catalog: Catalog) -> None:
    _, data = _render(catalog)
    assert list(data["results"]) == list(catalog.results)
    assert set(data["scenarios"]) == {r.scenario for r in catalog.results.values()}
    for rid, result in catalog.results.items():
        shown = data["results"][rid]
        assert shown["scenario"] == result.scenario
        assert shown["recommend"] == result.recommend
        assert shown["heading"] == "Recommended: " + either([catalog.frameworks[f].name for f in result.recommend])
        assert _text(shown["headline"]) == plain(result.headline)
        assert (_text(shown["note"]).strip() if shown["note"] else None) == (plain(result.note) if result.note else None)
    for sid, shown in data["scenarios"].items():
        scenario = catalog.scenarios[sid]
        assert _text(shown["verdict"]) == plain(scenario.verdict)
        assert [(r["name"], r["url"]) for r in shown["reasons"]] == [
            (catalog.criteria[r.criterion].name, f"../compare/#{r.criterion}") for r in scenario.reasons
        ]
        assert [_text(c) for c in shown["caveats"]] == [plain(c) for c in scenario.caveats]
        assert (shown["title"], shown["url"]) == (plain(scenario.title), f"../scenarios/#{sid}")
        discussed = dict.fromkeys(scenario.recommend + scenario.alternatives)
        assert [f["url"] for f in shown["frameworks"]] == [f"../frameworks/{f}/" for f in discussed]
        assert [f["url"] for f in shown["faq"]] == [f"../faq/#{e.id}" for e in catalog.faq_for_scenario(sid)]
        assert set(scenario.related_faq) <= {f["url"].rpartition("#")[2] for f in shown["faq"]}


def test_links_are_relative_to_the_page() -> None:
    catalog = load_catalog(MINIMAL)
    page = Page(url="deep/er/", title="t", linker=Linker("deep/er/", "https://github.com/o/r"))
    data = json.loads(html.unescape(re.findall(r'data-kb-tree="([^"]*)"', decision_tree(catalog, page))[0]))
    assert data["scenarios"]["small-app"]["reasons"][0]["url"] == "../../" + links.compare("language")


def test_outline_writes_every_node_once_and_every_answer(catalog: Catalog) -> None:
    out, data = _render(catalog)
    outline = out.split('class="kb-tree__outline"', 1)[1].split('class="kb-tree__app"', 1)[0]
    ids = re.findall(r'id="kb-dt-([^"]+)"', outline)
    assert sorted(ids) == sorted(list(catalog.questions) + list(catalog.results)), "each node written out once"
    for target in re.findall(r'href="#kb-dt-([^"]+)"', outline):
        assert target in ids
    for question in catalog.questions.values():
        assert str(md(question.help)) in outline
        for answer in question.answers:
            assert f"<li>{md_inline(answer.label)}\n" in outline
    for rid, result in catalog.results.items():
        block = outline.split(f'id="kb-dt-{rid}"', 1)[1].split("</div>", 1)[0]
        assert f"<strong>{escape(data['results'][rid]['heading'])}</strong>" in block
        assert f'data-recommend="{" ".join(result.recommend)}"' in block
        assert f'href="../scenarios/#{result.scenario}"' in block
        for reason in catalog.scenarios[result.scenario].reasons:
            assert f'href="../compare/#{reason.criterion}"' in block


def test_outline_nests_each_node_under_the_first_answer_reaching_it() -> None:
    out, _ = _render(load_catalog(MINIMAL))
    # team: alpha -> result-alpha (written out), both -> size; size: small -> result-alpha (linked back)
    assert out.index('id="kb-dt-result-alpha"') < out.index('id="kb-dt-size"') < out.index('href="#kb-dt-result-alpha"')


def test_question_spans_count_the_questions_left() -> None:
    assert question_spans(load_catalog(MINIMAL)) == {"team": (1, 2), "size": (1, 1)}


def test_data_text_stays_text_inside_the_attribute() -> None:
    catalog = copy.copy(load_catalog(MINIMAL))
    hostile = 'Say "hi" & mean it: a < b, \u2028 \'quoted\''
    scenario = catalog.scenarios["small-app"]
    catalog.scenarios = {**catalog.scenarios, "small-app": scenario.model_copy(update={"verdict": hostile})}
    out, data = _render(catalog)
    assert _text(data["scenarios"]["small-app"]["verdict"]) == hostile
    start = out.index("data-kb-tree=")
    assert out[start:].split(">", 1)[0].count('"') == 2, "no quote escapes the attribute"


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("Run `flask run` *now*.", [["p", ["Run ", ["code", ["flask run"]], " ", ["em", ["now"]], "."]]]),
        ("See [the docs](https://example.org/a?b=1&c=2).", [["p", ["See ", ["a", ["the docs"], "https://example.org/a?b=1&c=2"], "."]]]),
        ("- one\n- two", [["ul", [["li", ["one"]], ["li", ["two"]]]]]),
        ("## Title\n\nText", ["Title", ["p", ["Text"]]]),
        ("![a chart](https://example.org/c.png)", [["p", ["a chart"]]]),
        ("a < b & c", [["p", ["a < b & c"]]]),
    ],
    ids=["code-and-emphasis", "link", "list", "heading-unwrapped", "image-as-its-alt-text", "entities-decoded"],
)
def test_nodes_keep_safe_markup_only(markdown: str, expected: list[Any]) -> None:
    assert nodes(md(markdown)) == expected


def test_either_names_every_framework() -> None:
    assert either(["Flask"]) == "Flask"
    assert either(["Flask", "Express"]) == "Flask or Express"
    assert either(["A", "B", "C"]) == "A, B or C"


def test_decide_page_calls_the_macro() -> None:
    text = (ROOT / "docs" / "decide.md").read_text(encoding="utf-8")
    assert "{{ decision_tree() }}" in text
    assert "<" not in text.replace("{{ decision_tree() }}", ""), "no HTML in the page's Markdown"

