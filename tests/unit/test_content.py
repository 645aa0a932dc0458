"""The real data in data/ is complete: the counts the site promises, and nothing unsourced."""

from __future__ import annotations

import pytest

from macros.catalog import Catalog, load_catalog
from tests.helpers import ROOT

ARTICLE_FAQ = range(1, 21)  # the source article asks 20 questions in its FAQ


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(ROOT)


def test_every_article_question_is_answered(catalog: Catalog) -> None:
    answered = {e.article_question for e in catalog.faq.values()}
    missing = [n for n in ARTICLE_FAQ if n not in answered]
    assert not missing, f"article FAQ questions without an entry: {missing}"


def test_faq_adds_at_least_ten_questions_of_its_own(catalog: Catalog) -> None:
    assert sum(e.article_question is None for e in catalog.faq.values()) >= 10


def test_criteria_counts(catalog: Catalog) -> None:
    assert 24 <= len(catalog.criteria) <= 32
    assert 5 <= len(catalog.groups) <= 7
    assert all(catalog.criteria_in(g) for g in catalog.groups), "every group has criteria"


def test_scenarios_and_tree(catalog: Catalog) -> None:
    assert len(catalog.scenarios) >= 10
    assert {r.scenario for r in catalog.results.values()} <= set(catalog.scenarios)


@pytest.mark.parametrize("framework", ["flask", "express"])
def test_framework_values_every_criterion_with_a_source(catalog: Catalog, framework: str) -> None:
    values = catalog.frameworks[framework].values
    assert set(values) == set(catalog.criteria)
    unsourced = [cid for cid, v in values.items() if not v.sources and v.level != "unknown"]
    assert not unsourced


def test_every_claim_cites_the_article_and_evidence(catalog: Catalog) -> None:
    claims = [c for cr in catalog.criteria.values() for c in cr.claims]
    claims += [c for e in catalog.faq.values() for c in e.claims]
    claims += [c for s in catalog.scenarios.values() for c in s.claims]
    assert len(claims) >= 40
    assert all(catalog.sources[c.source].kind == "article" and c.sources for c in claims)
    assert {c.verdict for c in claims} >= {"accurate", "partly-accurate", "inaccurate", "opinion"}
