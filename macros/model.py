"""The shape of every data file, as pydantic models.

This module is the single source for the data's shape: validation, the editor
JSON Schemas and the generated data reference page all read it. Every field has
a `description`, which the error hints and the reference page reuse.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

KEBAB = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
FAQ_WORDS = (40, 150)  # the length of a FAQ answer, in words

# Raw HTML is refused in text fields: pages render it, so it could inject markup or
# script. `<` followed by a letter, `/`, `!` or `?` starts a tag, comment or
# processing instruction; "a < b" and "<=" stay allowed.
_RAW_HTML = re.compile(r"<[A-Za-z/!?]")
# Character references are refused too: some templates (Material's title and
# description) decode them, which would turn "&lt;" back into a tag.
_CHAR_REF = re.compile(r"&(#\d+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")
# Markdown links and images: the target must be an https URL.
_MD_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)")
_MD_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)


def link_targets(text: str) -> list[str]:
    """The targets of the Markdown links and reference definitions in a text."""
    return _MD_LINK.findall(text) + _MD_REF_DEF.findall(text)


def _markdown(text: str) -> str:
    if _RAW_HTML.search(text):
        raise ValueError(
            "raw HTML is not allowed in text fields; write Markdown instead "
            "(for a literal '<', put a space after it)"
        )
    if _CHAR_REF.search(text):
        raise ValueError("character references such as '&lt;' are not allowed in text; write the character itself")
    if "![" in text:
        raise ValueError("images are not allowed in text fields: each would make readers' browsers call another site")
    for target in link_targets(text):
        if not target.startswith("https://"):
            raise ValueError(f"link target '{target}' must be an https:// URL")
    return text


def _no_template(text: str) -> str:
    # A framework's name is the title of its page, and mkdocs-macros renders page titles as Jinja templates.
    if "{" in text or "}" in text:
        raise ValueError("a framework name may not contain '{' or '}': it becomes a page title, which is rendered as a template")
    return text


def _https(url: str) -> str:
    if not re.fullmatch(r"https://[A-Za-z0-9.-]+(?::\d+)?(?:/[^\s<>\"']*)?", url):
        raise ValueError("must be a well-formed https:// URL with no spaces or quotes")
    return url


@dataclass(frozen=True)
class Ref:
    """Marks a field whose value is the id of a record of another kind (macros/registry.py names the kinds).

    `rules.references_resolve` checks every field so marked, wherever it sits in a file.
    """

    kind: str


Id = Annotated[str, StringConstraints(pattern=KEBAB, max_length=64)]
Markdown = Annotated[str, StringConstraints(min_length=1, max_length=4000), AfterValidator(_markdown)]
Line = Annotated[str, StringConstraints(min_length=1, max_length=200), AfterValidator(_markdown)]
Url = Annotated[str, AfterValidator(_https)]
SourceId = Annotated[Id, Ref("source")]
SourceIds = Annotated[list[SourceId], Field(min_length=1, description="Ids of entries in data/sources.yaml that back this fact.")]
CriterionId = Annotated[Id, Ref("criterion")]
FrameworkId = Annotated[Id, Ref("framework")]
ScenarioId = Annotated[Id, Ref("scenario")]
FaqId = Annotated[Id, Ref("faq")]
Month = Annotated[str, StringConstraints(pattern=r"^\d{4}-(0[1-9]|1[0-2])$")]


class Strict(BaseModel):
    """Base for every record: unknown fields are errors, values are not coerced."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# Small fixed vocabularies. Literal (not Enum) so that strict validation accepts
# the plain strings YAML gives.
Level = Literal["built-in", "official", "third-party", "not-available", "not-applicable", "unknown"]
"""How a framework provides a capability; shown with an icon and a word, never colour alone."""

Verdict = Literal["accurate", "partly-accurate", "outdated", "inaccurate", "opinion"]
"""Our judgement of a claim made by a source article."""

SourceKind = Literal[
    "article", "official-docs", "release-notes", "repository", "package-registry", "benchmark", "community"
]


# --- sources.yaml -------------------------------------------------------------


class Source(Strict):
    id: Id = Field(description="Unique kebab-case id that facts cite.")
    number: Annotated[int, Field(ge=1, le=9999)] = Field(
        description="Its citation number, [n] on every page. A new source takes the next number after the highest "
        "in use; a number is never changed or reused, so a citation keeps its number."
    )
    title: Line = Field(description="Title of the page or document.")
    publisher: Line = Field(description="Who publishes it (project, company, person).")
    url: Url = Field(description="Where to read it; https only.")
    kind: SourceKind = Field(description="What sort of source it is.")
    read: dt.date = Field(description="Date we last read it (YYYY-MM-DD).")
    published: dt.date | None = Field(default=None, description="Publication date, where the source states one.")
    run: Line | None = Field(
        default=None, description="For a benchmark: the round or run its figures come from, e.g. 'Round 23' or a run's id."
    )
    note: Line | None = Field(default=None, description="What in it matters to this site, in a phrase.")


class SourcesFile(Strict):
    sources: list[Source] = Field(min_length=1, description="Every source cited anywhere in data/.")


# --- claims of a source article ------------------------------------------------


class ArticleClaim(Strict):
    """What an article says on a point, and what is true."""

    source: Annotated[Id, Ref("article")] = Field(description="The article making the claim (a source of kind 'article').")
    says: Markdown = Field(description="The claim, paraphrased in our own words.")
    verdict: Verdict = Field(description="Our judgement of the claim.")
    truth: Markdown = Field(description="What is true, in one to three sentences.")
    sources: SourceIds
    verified: dt.date = Field(description="Date the correction was last checked.")


# --- criteria.yaml ---------------------------------------------------------------


class Group(Strict):
    id: Id = Field(description="Unique kebab-case id of the group.")
    name: Line = Field(description="Heading shown above the group's rows.")
    description: Markdown = Field(description="One sentence on what the group covers.")


class Criterion(Strict):
    id: Id = Field(description="Unique kebab-case id; also the row's anchor on /compare/.")
    group: Annotated[Id, Ref("group")] = Field(description="Id of the group this criterion belongs to.")
    name: Line = Field(description="Short name shown in the row header.")
    question: Line = Field(description="The question the row answers, as a reader would ask it.")
    at_a_glance: bool = Field(default=False, description="Show this row in the home page's verdict at a glance.")
    claims: list[ArticleClaim] = Field(default=[], description="Article claims about this criterion.")


class CriteriaFile(Strict):
    groups: list[Group] = Field(min_length=1, description="Criterion groups, in display order.")
    criteria: list[Criterion] = Field(min_length=1, description="Criteria, in display order.")


# --- frameworks/<id>.yaml ---------------------------------------------------------


class Fact(Strict):
    """One sourced statement of a framework profile."""

    value: Line = Field(description="The fact, in a phrase.")
    sources: SourceIds
    verified: dt.date = Field(description="Date the fact was last checked against its sources.")


class Release(Strict):
    version: Annotated[str, StringConstraints(pattern=r"^\d+(\.\d+){0,2}$")] = Field(description="Version number, e.g. 3.1.3.")
    date: dt.date | Month | None = Field(
        default=None,
        description="Release date as its release note or tag gives it (YYYY-MM-DD, or YYYY-MM where only the month is given); "
        "leave it out when none gives one, and say so in `undated`.",
    )
    undated: Line | None = Field(
        default=None, description="Where no release note or tag dates the release: what is known instead, e.g. when the registry lists it."
    )
    sources: SourceIds
    verified: dt.date = Field(description="Date this was last checked.")


class Value(Strict):
    """A framework's answer to one criterion."""

    level: Level | None = Field(default=None, description="How the capability is provided, where such a level fits.")
    verdict: Line = Field(description="One phrase; when every framework has the same phrase and level, the table marks the row 'Same for each framework'.")
    explanation: Markdown = Field(description="One to three sentences.")
    sources: list[SourceId] = Field(default=[], description="Source ids; required unless the level is 'unknown'.")
    verified: dt.date = Field(description="Date this value was last checked.")


class Framework(Strict):
    id: Id = Field(description="Must equal the file name without .yaml.")
    name: Annotated[Line, AfterValidator(_no_template)] = Field(description="Display name; also its page's title.")
    summary: Markdown = Field(description="Two or three sentences: what it is and who it suits.")
    homepage: Url = Field(description="Official home page.")
    repository: Url = Field(description="Source repository.")
    documentation: Url = Field(description="Official documentation.")
    language: Fact = Field(title="Language", description="Programming language(s).")
    runtime: Fact = Field(title="Runtime", description="Runtime and the minimum version the latest release needs.")
    category: Fact = Field(title="Kind of framework", description="What kind of framework it is.")
    first_release: Fact = Field(title="First release", description="When it was first released.")
    latest_release: Release = Field(title="Latest release", description="Latest stable release as verified.")
    licence: Fact = Field(title="Licence", description="Licence (SPDX id).")
    governance: Fact = Field(title="Governance", description="Who maintains it and how.")
    values: dict[CriterionId, Value] = Field(description="Value for every criterion id in data/criteria.yaml.")


# --- faq.yaml ------------------------------------------------------------------------


class Related(Strict):
    criteria: list[CriterionId] = Field(default=[], description="Criterion ids.")
    scenarios: list[ScenarioId] = Field(default=[], description="Scenario ids.")
    faq: list[FaqId] = Field(default=[], description="Other FAQ entry ids.")
    frameworks: list[FrameworkId] = Field(default=[], description="Framework ids the entry is about.")


class FaqCategory(Strict):
    id: Id = Field(description="Unique kebab-case id of the category.")
    name: Line = Field(description="Heading shown above the category's questions.")


class FaqEntry(Strict):
    id: Id = Field(description="Unique kebab-case id; also the question's anchor on /faq/.")
    category: Annotated[Id, Ref("faq category")] = Field(description="Id of its category.")
    question: Line = Field(description="The question, in the words readers use.")
    also_asked: list[Line] = Field(default=[], description="Other phrasings readers search for; shown on the page.")
    article_question: Annotated[int, Field(ge=1, le=99)] | None = Field(
        default=None, description="Number of the source article's FAQ question this entry answers."
    )
    answer: Markdown = Field(description=f"{FAQ_WORDS[0]}-{FAQ_WORDS[1]} words: the direct answer first, where to read more last.")
    related: Related = Field(default=Related(), description="Links to related entries.")
    claims: list[ArticleClaim] = Field(default=[], description="Article claims this entry confirms or corrects.")
    sources: SourceIds
    verified: dt.date = Field(description="Date the answer was last checked.")


class FaqFile(Strict):
    categories: list[FaqCategory] = Field(min_length=1, description="Question categories, in display order.")
    faq: list[FaqEntry] = Field(min_length=1, description="Questions, in display order within their category.")


# --- scenarios.yaml ----------------------------------------------------------------------


class Reason(Strict):
    criterion: CriterionId = Field(description="The criterion this reason rests on.")
    text: Markdown = Field(description="Why it matters in this scenario.")


class Scenario(Strict):
    id: Id = Field(description="Unique kebab-case id; also its anchor on /scenarios/.")
    title: Line = Field(description="The situation, in a phrase.")
    situation: Markdown = Field(description="Who is building what, in one or two sentences.")
    recommend: list[FrameworkId] = Field(min_length=1, description="Framework ids recommended; several means 'either'.")
    alternatives: list[FrameworkId] = Field(
        default=[], description="Other framework ids the scenario discusses, as the choice for other teams or conditions."
    )
    verdict: Line = Field(description="The recommendation, in a phrase.")
    reasons: list[Reason] = Field(min_length=1, description="Why, each tied to a criterion.")
    caveats: list[Markdown] = Field(default=[], description="What would change the answer.")
    related_faq: list[FaqId] = Field(default=[], description="FAQ entry ids.")
    claims: list[ArticleClaim] = Field(default=[], description="The article's own recommendation, with our verdict.")
    sources: SourceIds
    verified: dt.date = Field(description="Date the recommendation was last checked.")


class ScenariosFile(Strict):
    scenarios: list[Scenario] = Field(min_length=1, description="Scenarios, in display order.")


# --- decision-tree.yaml --------------------------------------------------------------------


class Answer(Strict):
    id: Id = Field(description="Unique within its question; used in the page URL.")
    label: Line = Field(description="Button text.")
    next: Annotated[Id, Ref("tree node")] = Field(description="Id of the next question or of a result.")
    knows: list[FrameworkId] = Field(
        default=[],
        description="Framework ids in the language(s) this answer says the team already writes; a result reached "
        "through it that recommends none of them must give a switch_reason.",
    )


class Question(Strict):
    id: Id = Field(description="Unique kebab-case id among questions and results; used in the page URL.")
    question: Line = Field(description="The question.")
    help: Markdown = Field(description="One or two sentences that help answer it.")
    answers: list[Answer] = Field(min_length=2, description="The possible answers.")


class Result(Strict):
    id: Id = Field(description="Unique kebab-case id among questions and results.")
    recommend: list[FrameworkId] = Field(
        min_length=1, description="Framework ids recommended to the team that reached this result, preferred first."
    )
    headline: Line = Field(description="The recommendation in a phrase, worded for the team that reached this result.")
    scenario: ScenarioId = Field(description="The scenario to read more in: its reasons and caveats are shown under the result.")
    note: Markdown | None = Field(default=None, description="What this path adds to the scenario, if anything.")
    switch_reason: Markdown | None = Field(
        default=None,
        description="Why a switch of language pays for itself, where a path reaches this result and it recommends "
        "no framework in a language the team already writes (see `knows` on the answers).",
    )


class TreeFile(Strict):
    root: Annotated[Id, Ref("tree node")] = Field(description="Id of the first question.")
    questions: list[Question] = Field(min_length=1, description="Every question.")
    results: list[Result] = Field(min_length=1, description="Every result.")


def fact_fields(model: type[BaseModel] = Framework) -> dict[str, str]:
    """A framework's profile facts, in order: field name -> its label (the field's title)."""
    return {name: info.title or name for name, info in model.model_fields.items() if info.annotation in (Fact, Release)}
