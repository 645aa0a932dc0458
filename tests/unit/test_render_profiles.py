"""Framework pages: the list of frameworks and one profile per framework file."""

from __future__ import annotations

import pytest

from macros.catalog import Catalog, load_catalog
from macros.links import Linker
from macros.pages import renderer
from macros.render import Page, plain
from macros.links import fact_anchor
from macros.model import fact_fields
from macros.render.profiles import framework_list, framework_profile
from tests.helpers import rendered, text
from tests.helpers import ROOT
from tests.unit.conftest import DataCopy

MINIMAL = ROOT / "tests" / "fixtures" / "minimal"


def page(url: str) -> Page:
    return Page(title="Profile", linker=Linker("/", "https://github.com/o/r"))


def test_the_macros_are_registered() -> None:
    assert renderer("framework_profile") is framework_profile
    assert renderer("framework_list") is framework_list


def test_the_list_has_a_card_per_framework(catalog: Catalog) -> None:
    out = rendered(framework_list(catalog, page("frameworks/")))
    titles = [(text(a), a["href"]) for a in (p.select_one("a") for p in out.select("p.kb-card__title"))]
    assert titles == [(fw.name, f"/frameworks/{fw.id}/") for fw in catalog.frameworks.values()]


def test_a_profile_has_the_facts_every_value_grouped_and_the_entries_about_it(catalog: Catalog) -> None:
    for fw in catalog.frameworks.values():
        out = rendered(framework_profile(catalog, page(f"frameworks/{fw.id}/"), fw.id))
        facts = out.select_one("dl.kb-facts__list")
        assert [item.get("id") for item in facts.select("div.kb-facts__item")] == [fact_anchor(f) for f in fact_fields()] + [None]
        assert text(out.find(id="fact-licence").select_one("dd")).startswith(plain(fw.licence.value))
        for group in catalog.groups.values():
            heading = out.find(id=f"group-{group.id}")
            assert heading.name == "h3" and text(heading) == group.name
        items = out.select("div.kb-values__item")
        assert [i["id"] for i in items] == [c.id for g in catalog.groups for c in catalog.criteria_in(g)]
        for item in items:
            value = fw.values[item["id"]]
            assert item.select_one("dt").select_one("a")["href"] == f"/compare/#{item.attrs['id']}"
            assert text(item.select_one("p.kb-values__verdict")) == plain(value.verdict)
        scenarios = [a["href"] for a in out.select("a") if "scenarios/#" in a["href"]]
        assert scenarios == [f"/scenarios/#{s.id}" for s in catalog.scenarios_recommending(fw.id)]
        questions = [a["href"] for a in out.select("a") if "faq/#" in a["href"]]
        assert questions == [f"/faq/#{e.id}" for e in catalog.faq_about(fw.id)]


def test_a_framework_no_scenario_or_question_names_says_so(data: DataCopy) -> None:
    alpha = data.path("frameworks/alpha.yaml").read_text(encoding="utf-8")
    data.write("frameworks/gamma.yaml", alpha.replace("id: alpha", "id: gamma").replace("name: Alpha", "name: Gamma"))
    catalog = load_catalog(data.root)
    out = rendered(framework_profile(catalog, page("frameworks/gamma/"), "gamma"))
    assert "No scenario recommends Gamma yet" in text(out)
    assert "No FAQ entry is about Gamma yet" in text(out)
    assert out.select("ul.kb-linklist") == []


def test_an_unknown_framework_fails_loudly() -> None:
    with pytest.raises(ValueError, match="no data/frameworks/gamma.yaml"):
        framework_profile(load_catalog(MINIMAL), page("frameworks/gamma/"), "gamma")
