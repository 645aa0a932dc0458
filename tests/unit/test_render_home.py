"""The home page's verdict at a glance: the at_a_glance criteria, each linked to its row."""

from __future__ import annotations

import pytest

from macros.catalog import load_catalog
from macros.links import Linker
from macros.pages import renderer
from macros.render import Page, plain
from macros.render.home import verdict_at_a_glance
from tests.helpers import rendered, text
from tests.helpers import ROOT
from tests.unit.conftest import DataCopy

MINIMAL = ROOT / "tests" / "fixtures" / "minimal"


def home() -> Page:
    return Page(title="Home", linker=Linker("/", "https://github.com/o/r"))


def test_the_macro_is_registered() -> None:
    assert renderer("verdict_at_a_glance") is verdict_at_a_glance


@pytest.mark.parametrize("root", [MINIMAL, ROOT], ids=["minimal", "real"])
def test_rows_are_the_chosen_criteria_linked_to_the_table(root: object) -> None:
    catalog = load_catalog(root)  # type: ignore[arg-type]
    out = rendered(verdict_at_a_glance(catalog, home()))
    chosen = [c for c in catalog.criteria.values() if c.at_a_glance]
    rows = out.select_one("tbody").select("tr")
    assert [r.select_one("a.kb-compare__name")["href"] for r in rows] == [f"/compare/#{c.id}" for c in chosen]
    assert [text(th) for th in out.select_one("thead").select("th")] == ["Criterion"] + [f.name for f in catalog.frameworks.values()]
    for row, criterion in zip(rows, chosen):
        verdicts = [text(p) for p in row.select("p.kb-compare__verdict")]
        assert verdicts == [plain(f.values[criterion.id].verdict) for f in catalog.frameworks.values()]


def test_data_with_no_chosen_criterion_fails_loudly(data: DataCopy) -> None:
    data.replace("criteria.yaml", "    at_a_glance: true\n", "")
    with pytest.raises(ValueError, match="no criterion has at_a_glance: true"):
        verdict_at_a_glance(load_catalog(data.root), home())
