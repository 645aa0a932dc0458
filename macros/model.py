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
RunId = Annotated[Id, Ref("run")]
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
    measurement: RunId | None = Field(
        default=None,
        description="For this site's own load test: the run the source is, by its file name in data/loadtest/ without "
        ".yaml; its url is that file in the repository.",
    )


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


# --- what a criterion or an FAQ answer cites from the load test --------------------


def _no_figures(text: str) -> str:
    # The figures are rendered from the latest run; one typed here would go stale when the run is redone.
    if re.search(r"\d", text):
        raise ValueError("write no figures here: the page shows them from the latest run, so they stay current")
    return text


class Measured(Strict):
    """Which endpoints of the load test speak to an entry: its "Measured here" line shows their
    Express ÷ Flask ratios from the latest run in data/loadtest/."""

    endpoints: list[Annotated[Id, Ref("run endpoint")]] = Field(
        min_length=1, description="Ids of load-test endpoints (json, db, io, cpu, …), in the order to show them."
    )
    shows: Annotated[Line, AfterValidator(_no_figures)] = Field(
        description="What those endpoints show about this question and what they do not, in a sentence with no figures."
    )


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
    measured: Measured | None = Field(default=None, description="What this site's load test measured on this question.")


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
    measured: Measured | None = Field(default=None, description="What this site's load test measured on this question.")
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


# --- loadtest/<id>.yaml: one run of `make loadtest`, written by loadtest/results.py ---------------

# Text the harness writes about the machine and its method: one line, shown escaped, never as Markdown.
# It refuses markup all the same, so that one rule holds for every text field of data/.
Said = Annotated[str, StringConstraints(min_length=1, max_length=1000, pattern=r"^[^\n\r]+$"), AfterValidator(_markdown)]
Version = Annotated[str, StringConstraints(pattern=r"^\d+(\.\d+)*[0-9A-Za-z.+-]*$", max_length=40)]
Count = Annotated[int, Field(ge=0)]
Positive = Annotated[int, Field(ge=1)]
Rps = Annotated[float, Field(ge=0)]
Ms = Annotated[float, Field(ge=0)]


class RunFacts(Strict):
    date: dt.date = Field(description="UTC date the run started (YYYY-MM-DD); the file is named after it.")
    started: Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")] = Field(
        description="UTC time the run started, as YYYY-MM-DDTHH:MM:SSZ."
    )
    minutes: Annotated[float, Field(gt=0)] = Field(description="How long the whole run took, in minutes.")
    command: Said = Field(description="The command that wrote this file.")


class Machine(Strict):
    cpu: Said = Field(description="The processor, as /proc/cpuinfo names it.")
    cores: Positive = Field(description="Logical CPU cores of the machine (a count), as the operating system counts them.")
    memory_gib: Annotated[float, Field(gt=0)] = Field(description="Total memory, in GiB.")
    os: Said = Field(description="The operating system, as /etc/os-release names it.")
    kernel: Said = Field(description="The kernel release.")


class Method(Strict):
    load_generator: Said = Field(description="The load generator and its version, e.g. 'wrk 4.1.0'.")
    wrk_threads: Said = Field(description="How many threads the load generator ran, and why.")
    warmup_seconds: Count = Field(description="Length of the unmeasured warm-up before each cell, in seconds.")
    duration_seconds: Positive = Field(description="Length of each measured repetition, in seconds.")
    repetitions: Positive = Field(description="Measured repetitions per cell (a count).")
    connections: list[Positive] = Field(
        min_length=1, description="Concurrent connections (a count) at which every compared app is measured, ascending."
    )
    reference_connections: list[Positive] = Field(
        min_length=1, description="Concurrent connections (a count) at which the reference points are measured."
    )
    wrk_timeout_seconds: Positive = Field(description="A response slower than this many seconds counts as a timeout.")
    cpu_placement: Said = Field(description="Where the servers and the load generator ran: which CPU cores each could use.")
    worker_rule: Said = Field(description="How many processes each configuration runs for the machine's cores, and why.")
    noisy_above: Annotated[float, Field(ge=0)] = Field(
        description="A cell whose spread is above this fraction is flagged noisy (0.1 means 10 %)."
    )
    database: Said = Field(description="The database the apps query, and its table.")


class Versions(Strict):
    python: Version = Field(description="Python version the Python apps ran on.")
    node: Version = Field(description="Node.js version the Node apps ran on.")
    postgresql: Version = Field(description="PostgreSQL server version.")
    packages: dict[Annotated[str, StringConstraints(pattern=r"^[@a-z0-9][a-z0-9._/-]*$", max_length=100)], Version] = Field(
        description="Each framework, server, driver and view engine, by its registry name, with the version installed."
    )


class LoadTestApp(Strict):
    """One configuration under test: a framework behind a server, with its process count."""

    id: Id = Field(description="Unique within the run; the cells name it.")
    framework: FrameworkId | None = Field(default=None, description="The framework it runs; none for a reference point.")
    name: Line = Field(description="The framework's name as the harness labels it.")
    configuration: Line = Field(description="Server and processes, in a phrase, e.g. 'Gunicorn, 5 sync workers'.")
    processes: Positive = Field(description="Processes serving requests (a count).")
    multi_process: bool = Field(description="True when it runs more than one process.")
    compared: bool = Field(
        description="False where a multi-process configuration ran on a one-core server, which leaves its processes "
        "nothing to spread over; the site then leaves it out of the comparison."
    )
    reference: bool = Field(description="True for a reference point (no framework of this site), measured at reference_connections only.")


class LoadTestEndpoint(Strict):
    """One URL every app serves with the same response."""

    id: Id = Field(description="Unique within the run; the cells name it, and criteria and FAQ entries cite it.")
    path: Annotated[str, StringConstraints(pattern=r"^/[A-Za-z0-9/?=&._-]*$", max_length=100)] = Field(
        description="The path requested, with its query string."
    )
    what: Line = Field(description="What the endpoint does, in a phrase.")
    call_ms: dict[Id, Ms] | None = Field(
        default=None, description="For /cpu: milliseconds one call of its loop takes in each language, outside any server."
    )


class RpsFigures(Strict):
    median: Rps = Field(description="Median of the repetitions, in requests per second.")
    min: Rps = Field(description="Slowest repetition, in requests per second.")
    max: Rps = Field(description="Fastest repetition, in requests per second.")


class Latency(Strict):
    p50: Ms = Field(description="Median over the repetitions of each one's 50th percentile latency, in ms.")
    p99: Ms = Field(description="Median over the repetitions of each one's 99th percentile latency, in ms.")


class Cell(Strict):
    """One app on one endpoint at one number of connections, measured `repetitions` times."""

    app: Id = Field(description="Id of an app of this file.")
    endpoint: Id = Field(description="Id of an endpoint of this file.")
    connections: Positive = Field(description="Concurrent connections the load generator kept open (a count).")
    rps: RpsFigures = Field(description="Requests per second over the repetitions.")
    spread: Annotated[float, Field(ge=0)] = Field(
        description="(max − min) ÷ median of the repetitions' requests per second, as a fraction (0.1 means 10 %)."
    )
    noisy: bool = Field(description="True when spread is above the method's noisy_above.")
    latency_ms: Latency = Field(description="Latency percentiles, in ms.")
    errors: Count = Field(description="Socket errors plus responses with a status above 399, over all repetitions (a count).")
    timeouts: Count = Field(description="Requests with no response within wrk_timeout_seconds, over all repetitions (a count).")
    peak_memory_mib: Annotated[float, Field(ge=0)] = Field(
        description="Peak resident memory of the server's whole process tree, in MiB; forked workers count shared pages "
        "again, so for several processes it is an upper bound."
    )
    runs: list[Rps] = Field(min_length=1, description="Each repetition's requests per second, in the order measured.")


class LoadTestRun(Strict):
    """One full run of `make loadtest`: data/loadtest/<YYYY-MM-DD>.yaml, written by the harness, never by hand."""

    run: RunFacts = Field(description="When the run started, how long it took and the command that wrote the file.")
    machine: Machine = Field(description="The one machine that ran the servers, the load generator and the database.")
    method: Method = Field(description="How every cell was measured.")
    versions: Versions = Field(description="What ran, as read at run time.")
    apps: list[LoadTestApp] = Field(min_length=1, description="The configurations measured.")
    endpoints: list[LoadTestEndpoint] = Field(min_length=1, description="The URLs each configuration served.")
    cells: list[Cell] = Field(min_length=1, description="One per app, endpoint and number of connections.")


def fact_fields(model: type[BaseModel] = Framework) -> dict[str, str]:
    """A framework's profile facts, in order: field name -> its label (the field's title)."""
    return {name: info.title or name for name, info in model.model_fields.items() if info.annotation in (Fact, Release)}
