"""Every class of bad input yields one clear line: file, line, column, field path, what was expected, a hint."""

from __future__ import annotations

from typing import get_args

import pytest
from pydantic import BaseModel

from macros.catalog import load_catalog
from macros.errors import DataError, DataInvalid
from macros.refs import full_annotation, unwrap
from macros.registry import BY_NAME, FILES
from tests.unit.conftest import DataCopy


TEMPLATING_VALUE = "    level: third-party\n    verdict: Through a library\n    explanation: Neither framework bundles a template engine.\n    sources: [beta-docs]\n"


def problems(data: DataCopy) -> list[DataError]:
    with pytest.raises(DataInvalid) as caught:
        load_catalog(data.root)
    return caught.value.errors


def only(data: DataCopy) -> DataError:
    found = problems(data)
    assert len(found) == 1, "\n".join(map(str, found))
    return found[0]


def test_minimal_data_is_valid(data: DataCopy) -> None:
    catalog = load_catalog(data.root)
    assert list(catalog.frameworks) == ["alpha", "beta"]


def test_yaml_syntax_error_names_file_and_line(data: DataCopy) -> None:
    data.replace("scenarios.yaml", "    title: A small app", "    title: [A small app")
    error = only(data)
    assert (error.file, error.line) == ("data/scenarios.yaml", data.line_of("scenarios.yaml", "A small app") + 1)
    assert "YAML syntax error" in error.message


def test_duplicate_key_is_refused(data: DataCopy) -> None:
    data.replace("sources.yaml", "    publisher: Alpha project\n", "    publisher: Alpha project\n    title: Again\n")
    error = only(data)
    assert error.file == "data/sources.yaml"
    assert error.line == data.line_of("sources.yaml", "title: Again")
    assert 'duplicate key "title"' in error.message
    assert "only once" in error.hint


def test_wrong_type_says_what_was_expected(data: DataCopy) -> None:
    data.replace("criteria.yaml", "    name: Templates", "    name: [Templates]")
    error = only(data)
    assert str(error) == (
        f"data/criteria.yaml:{data.line_of('criteria.yaml', 'name: [Templates]')}:5: criteria[1].name: "
        "expected text; got list ['Templates'] (put the value in quotes)"
    )


def test_missing_required_field(data: DataCopy) -> None:
    data.replace("criteria.yaml", "    question: Does it render HTML templates?\n", "")
    error = only(data)
    assert error.path == "criteria[1].question"
    assert error.message == "missing required field 'question'"
    assert error.line == data.line_of("criteria.yaml", "id: templating")


def test_unknown_field_suggests_the_right_one(data: DataCopy) -> None:
    data.replace("criteria.yaml", "    at_a_glance: true", "    at_a_glace: true")
    error = only(data)
    assert (error.path, error.message, error.hint) == ("criteria[0].at_a_glace", "unknown field 'at_a_glace'", "did you mean 'at_a_glance'?")


def test_quoted_date_is_refused(data: DataCopy) -> None:
    data.replace("sources.yaml", "read: 2026-11-01", 'read: "2026-11-01"')
    error = only(data)
    assert error.path == "sources[0].read"
    assert "expected a date" in error.message and "unquoted" in error.hint


def test_id_must_be_kebab_case(data: DataCopy) -> None:
    data.replace("faq.yaml", "  - id: which-language", "  - id: Which_Language")
    found = problems(data)
    assert any(e.path == "faq[0].id" and "not a kebab-case id" in e.message for e in found), found


def test_duplicate_id(data: DataCopy) -> None:
    data.replace("scenarios.yaml", "  - id: either", "  - id: small-app")
    found = problems(data)
    dup = [e for e in found if "duplicate id" in e.message]
    assert len(dup) == 1 and dup[0].path == "scenarios[1].id"
    assert f"already used at line {data.line_of('scenarios.yaml', 'id: small-app')}" in dup[0].hint


def test_unknown_reference_with_did_you_mean(data: DataCopy) -> None:
    data.replace("faq.yaml", "      criteria: [language]", "      criteria: [languge]")
    error = only(data)
    assert str(error) == (
        f"data/faq.yaml:{data.line_of('faq.yaml', 'criteria: [languge]')}:18: faq[0].related.criteria[0]: "
        "unknown criterion 'languge' (did you mean 'language'?)"
    )


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        ("criteria.yaml", "group: core", "group: cores", "unknown group 'cores'"),
        ("scenarios.yaml", "recommend: [alpha]", "recommend: [gamma]", "unknown framework 'gamma'"),
        ("scenarios.yaml", "      - criterion: language", "      - criterion: speed", "unknown criterion 'speed'"),
        ("decision-tree.yaml", "scenario: small-app", "scenario: tiny-app", "unknown scenario 'tiny-app'"),
        ("frameworks/alpha.yaml", "language: {value: AlphaScript, sources: [alpha-docs]", "language: {value: AlphaScript, sources: [alpha-doc]", "unknown source 'alpha-doc'"),
        ("scenarios.yaml", "related_faq: [which-language]", "related_faq: [what-language]", "unknown FAQ entry 'what-language'"),
    ],
)
def test_every_kind_of_reference_is_checked(data: DataCopy, file: str, old: str, new: str, message: str) -> None:
    data.replace(file, old, new)
    found = problems(data)
    assert any(e.message == message and e.file == f"data/{file}" for e in found), "\n".join(map(str, found))


def test_claim_must_cite_an_article(data: DataCopy) -> None:
    data.replace("criteria.yaml", "      - source: some-article", "      - source: alpha-docs")
    error = only(data)
    assert error.path == "criteria[0].claims[0].source"
    assert error.message == "source 'alpha-docs' is not an article"


def test_framework_must_value_every_criterion(data: DataCopy) -> None:
    text = data.path("frameworks/beta.yaml").read_text()
    data.write("frameworks/beta.yaml", text[: text.index("  templating:")])
    error = only(data)
    assert (error.file, error.path) == ("data/frameworks/beta.yaml", "values")
    assert error.message == "no value for criteria: templating"
    assert "unknown" in error.hint


def test_unknown_value_is_allowed_without_sources(data: DataCopy) -> None:
    data.replace("frameworks/beta.yaml", TEMPLATING_VALUE, TEMPLATING_VALUE.replace("third-party", "unknown").replace("    sources: [beta-docs]\n", ""))
    assert load_catalog(data.root).frameworks["beta"].values["templating"].level == "unknown"


def test_value_without_sources_is_refused(data: DataCopy) -> None:
    data.replace("frameworks/beta.yaml", TEMPLATING_VALUE, TEMPLATING_VALUE.replace("[beta-docs]", "[]"))
    error = only(data)
    assert error.path == "values.templating.sources" and error.message == "a value needs at least one source"


def test_framework_file_name_must_match_id(data: DataCopy) -> None:
    data.replace("frameworks/beta.yaml", "id: beta", "id: gamma")
    found = problems(data)
    assert any(e.message == "id 'gamma' does not match the file name" for e in found), found


def test_tree_cycle_is_reported(data: DataCopy) -> None:
    data.replace("decision-tree.yaml", "{id: large, label: Large, next: result-either}", "{id: large, label: Large, next: team}")
    found = problems(data)
    assert any(e.message == "cycle: team > size > team" for e in found), found
    assert any(e.message == "result 'result-either' is unreachable from the root" for e in found), found


def test_tree_unreachable_question(data: DataCopy) -> None:
    data.replace("decision-tree.yaml", "{id: both, label: Both, next: size}", "{id: both, label: Both, next: result-either}")
    error = only(data)
    assert error.message == "question 'size' is unreachable from the root"


def test_tree_root_must_be_a_question(data: DataCopy) -> None:
    data.replace("decision-tree.yaml", "root: team", "root: result-alpha")
    found = problems(data)
    assert any(e.message == "root 'result-alpha' is a result" for e in found), found


def test_tree_depth_is_limited(data: DataCopy) -> None:
    chain = "".join(
        f"  - id: q{i}\n    question: Step {i}?\n    help: Pick one.\n    answers:\n"
        f"      - {{id: a, label: A, next: {'q' + str(i + 1) if i < 7 else 'result-alpha'}}}\n"
        f"      - {{id: b, label: B, next: result-either}}\n"
        for i in range(1, 8)
    )
    data.replace("decision-tree.yaml", "results:", chain + "results:")
    data.replace("decision-tree.yaml", "{id: large, label: Large, next: result-either}", "{id: large, label: Large, next: q1}")
    found = problems(data)
    assert any("asks more than 6 questions" in e.message for e in found), found


def test_raw_html_is_refused(data: DataCopy) -> None:
    data.replace("scenarios.yaml", "One developer builds a small internal tool.", "One developer builds a <b>small</b> tool.")
    error = only(data)
    assert error.path == "scenarios[0].situation"
    assert error.message.startswith("raw HTML is not allowed")


def test_links_must_be_https(data: DataCopy) -> None:
    data.replace("scenarios.yaml", "One developer builds a small internal tool.", "See [this](javascript:alert(1)).")
    error = only(data)
    assert "must be an https:// URL" in error.message


def test_source_url_must_be_https(data: DataCopy) -> None:
    data.replace("sources.yaml", "url: https://alpha.example.org/docs/", "url: http://alpha.example.org/docs/")
    error = only(data)
    assert error.path == "sources[0].url" and "https://" in error.message


def test_empty_file(data: DataCopy) -> None:
    data.write("scenarios.yaml", "")
    found = problems(data)
    assert any(e.file == "data/scenarios.yaml" and e.message == "file is empty; expected a YAML mapping" for e in found), found


def test_missing_file(data: DataCopy) -> None:
    data.path("faq.yaml").unlink()
    found = problems(data)
    assert any(e.file == "data/faq.yaml" and e.message == "file is missing" for e in found), found


def test_all_errors_are_reported_at_once(data: DataCopy) -> None:
    data.replace("criteria.yaml", "group: core", "group: cores")
    data.replace("sources.yaml", "kind: official-docs", "kind: docs")
    data.replace("faq.yaml", "      criteria: [language]", "      criteria: [languge]")
    found = problems(data)
    assert {e.file for e in found} == {"data/criteria.yaml", "data/sources.yaml", "data/faq.yaml"}


def test_faq_answer_length(data: DataCopy) -> None:
    text = data.path("faq.yaml").read_text()
    start = text.index("    answer: >-")
    end = text.index("    related:")
    data.write("faq.yaml", text[:start] + "    answer: Too short.\n" + text[end:])
    error = only(data)
    assert error.message == "answer has 2 words; expected 40 to 150"


def test_unused_source_is_reported(data: DataCopy) -> None:
    data.replace("sources.yaml", "sources:\n", "sources:\n  - id: nobody-cites-me\n    number: 99\n    title: T\n    publisher: P\n    url: https://x.example.org/\n    kind: community\n    read: 2026-01-01\n")
    error = only(data)
    assert error.message == "source 'nobody-cites-me' is not cited by any fact"


def test_character_references_are_refused(data: DataCopy) -> None:
    data.replace("scenarios.yaml", "One developer builds a small internal tool.", "One developer builds a &lt;small&gt; tool.")
    error = only(data)
    assert error.path == "scenarios[0].situation"
    assert error.message.startswith("character references such as '&lt;' are not allowed")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("base: &b {x: 1}\nsources: *b\n", "anchors and aliases (&name, *name) are not allowed"),
        ("sources: !!python/object:os.system {}\n", "YAML tag tag:yaml.org,2002:python/object:os.system is not allowed"),
    ],
)
def test_yaml_features_the_data_does_not_use_are_refused(data: DataCopy, text: str, message: str) -> None:
    data.write("sources.yaml", text)
    found = [e for e in problems(data) if e.file == "data/sources.yaml"]
    assert found and found[0].message == message, found


def test_tree_result_must_recommend_what_its_scenario_discusses(data: DataCopy) -> None:
    data.replace("decision-tree.yaml", "    recommend: [alpha]\n    headline: Alpha", "    recommend: [beta]\n    headline: Alpha")
    found = problems(data)
    assert any(
        e.path == "results[0].recommend[0]" and e.message == "'beta' is not among the frameworks scenario 'small-app' discusses (alpha)"
        for e in found
    ), "\n".join(map(str, found))


def test_tree_result_may_recommend_a_scenario_alternative(data: DataCopy) -> None:
    data.replace("decision-tree.yaml", "    recommend: [alpha]\n    headline: Alpha", "    recommend: [beta]\n    headline: Alpha")
    data.replace("decision-tree.yaml", "next: result-alpha, knows: [alpha]}", "next: result-alpha, knows: [beta]}")
    data.replace("scenarios.yaml", "    recommend: [alpha]\n", "    recommend: [alpha]\n    alternatives: [beta]\n")
    assert load_catalog(data.root).results["result-alpha"].recommend == ["beta"]


def test_tree_path_that_never_recommends_the_team_language_needs_a_reason(data: DataCopy) -> None:
    data.replace("decision-tree.yaml", "next: result-alpha, knows: [alpha]}", "next: result-alpha, knows: [beta]}")
    error = only(data)
    assert (error.path, error.message) == ("results[0].recommend", "the path team:alpha recommends alpha, none of which the team knows (beta)")
    assert "switch_reason" in error.hint
    data.replace("decision-tree.yaml", "    scenario: small-app\n", "    scenario: small-app\n    switch_reason: AlphaScript takes a day to learn.\n")
    assert load_catalog(data.root).results["result-alpha"].switch_reason


def test_two_frameworks_may_not_share_a_name(data: DataCopy) -> None:
    beta = data.path("frameworks/beta.yaml").read_text()
    data.write("frameworks/gamma.yaml", beta.replace("id: beta", "id: gamma"))
    error = only(data)
    assert (error.file, error.line, error.path) == ("data/frameworks/gamma.yaml", data.line_of("frameworks/gamma.yaml", "name: Beta"), "name")
    assert error.message == "duplicate name 'Beta'"
    assert error.hint == f"already used in data/frameworks/beta.yaml:{data.line_of('frameworks/beta.yaml', 'name: Beta')}; names must be unique"


def _markers(annotation: object) -> set[str]:
    """The kinds named by Ref markers anywhere in a type."""
    ref, bare = unwrap(annotation)
    found = {ref.kind} if ref else set()
    for arg in get_args(bare):
        found |= _markers(arg)
    if isinstance(bare, type) and issubclass(bare, BaseModel):
        for info in bare.model_fields.values():
            found |= _markers(full_annotation(info))
    return found


def test_every_reference_marker_names_a_kind_of_the_registry() -> None:
    used = set().union(*(_markers(file.model) for file in FILES))
    assert {"source", "article", "criterion", "group", "framework", "faq", "faq category", "scenario", "tree node"} <= used
    assert used <= set(BY_NAME), used - set(BY_NAME)


def test_a_release_date_needs_release_notes_not_only_a_registry(data: DataCopy) -> None:
    data.replace("sources.yaml", "    kind: release-notes\n", "    kind: package-registry\n")
    error = only(data)
    assert (error.file, error.path) == ("data/frameworks/alpha.yaml", "latest_release.sources")
    assert "registry metadata alone" in error.hint


def test_a_release_known_only_to_the_month(data: DataCopy) -> None:
    data.replace("frameworks/alpha.yaml", "date: 2026-10-01", "date: 2026-10")
    assert load_catalog(data.root).frameworks["alpha"].latest_release.date == "2026-10"


def test_a_release_no_note_or_tag_dates_says_so(data: DataCopy) -> None:
    data.replace("frameworks/alpha.yaml", "date: 2026-10-01, sources: [alpha-changes]", "sources: [alpha-changes]")
    error = only(data)
    assert (error.path, error.message) == ("latest_release.date", "a release needs its date, or `undated` saying why no release note or tag gives one")
    data.replace("frameworks/alpha.yaml", "sources: [alpha-changes], verified", "undated: The registry lists it on 1 Oct 2026., sources: [alpha-changes], verified")
    assert load_catalog(data.root).frameworks["alpha"].latest_release.undated == "The registry lists it on 1 Oct 2026."


def test_a_changelog_is_cited_at_its_entry(data: DataCopy) -> None:
    data.replace("sources.yaml", "url: https://alpha.example.org/changes/#v2", "url: https://alpha.example.org/changes/")
    error = only(data)
    assert (error.path, error.message) == ("sources[3].url", "a changelog is cited without the entry it means")


def test_a_benchmark_names_its_run_and_date(data: DataCopy) -> None:
    data.replace("sources.yaml", "    run: Run 7\n", "")
    error = only(data)
    assert (error.path, error.message) == ("sources[4]", "a benchmark source needs its run")


def test_two_sources_may_not_share_a_number(data: DataCopy) -> None:
    data.replace("sources.yaml", "    number: 2\n", "    number: 1\n")
    error = only(data)
    assert (error.path, error.message) == ("sources[1].number", "duplicate number '1'")
    assert error.hint == f"already used at line {data.line_of('sources.yaml', 'number: 1')}; numbers must be unique"
