"""Every kind of data, in one table: the file that holds it, where its records sit, how a
reference names them, how a reader knows one and where it is shown.

The loader, the rules, the catalog, the diff, the export, the schemas and the freshness
check all iterate these tables; adding a kind of data is adding a file model to
macros/model.py and a line here. References between records are declared on the
model's fields (`Ref("criterion")`), not here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from . import links
from . import model as m

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class FileKind:
    """One kind of data file."""

    name: str  # also its schema (data/schema/<name>.schema.json) and its part of the export (<name>.json)
    path: str  # from the project root; "data/frameworks/*.yaml" means one file per record
    model: type[m.Strict]
    about: str  # what it holds, in a sentence (schema and export descriptions)
    part: str  # its file in the JSON export: /data/v1/<part>.json
    export_key: str  # its key in the export's knowledge.json
    named_by_file: bool = False  # one file per record, whose id is the file's name (the file holds no id)

    @property
    def many(self) -> bool:
        return "*" in self.path

    @property
    def folder(self) -> str:
        return self.path.rsplit("/", 1)[0]


SOURCES = FileKind("sources", "data/sources.yaml", m.SourcesFile, "Every source cited anywhere, as in data/sources.yaml.",
                   "sources", "sources")
CRITERIA = FileKind("criteria", "data/criteria.yaml", m.CriteriaFile, "Criterion groups and criteria, as in data/criteria.yaml.",
                    "criteria", "criteria")
FRAMEWORK = FileKind("framework", "data/frameworks/*.yaml", m.Framework,
                     "Every framework's profile and its value for every criterion, as in data/frameworks/<id>.yaml.",
                     "frameworks", "frameworks")
FAQ = FileKind("faq", "data/faq.yaml", m.FaqFile, "FAQ categories and entries, as in data/faq.yaml.", "faq", "faq")
SCENARIOS = FileKind("scenarios", "data/scenarios.yaml", m.ScenariosFile, "Scenarios, as in data/scenarios.yaml.",
                     "scenarios", "scenarios")
TREE = FileKind("decision-tree", "data/decision-tree.yaml", m.TreeFile, "The decision tree, as in data/decision-tree.yaml.",
                "decision-tree", "decision_tree")
# Written by `make loadtest` (loadtest/results.py), one file per run, named by the run's date.
LOADTEST = FileKind("loadtest", "data/loadtest/*.yaml", m.LoadTestRun,
                    "Every run of this site's load test, as in data/loadtest/<id>.yaml (id: the file's name).",
                    "loadtest", "loadtest", named_by_file=True)

FILES: list[FileKind] = [SOURCES, CRITERIA, FRAMEWORK, FAQ, SCENARIOS, TREE, LOADTEST]


@dataclass(frozen=True)
class Found:
    """One record: its kind, id, the model, and where it stands in its file."""

    kind: Kind
    id: str
    model: Any
    loc: Loc  # from the file's top
    parent: str = ""  # the id of the record it sits in, for records inside another (a framework's values)


@dataclass(frozen=True)
class Kind:
    """One kind of record: what `Ref(name)` names and what every module knows of it."""

    name: str  # what Ref(...) names; also the catalog's index of this kind
    noun: str  # in messages: "unknown FAQ entry 'x'"
    plural: str  # section headings of the diff: "FAQ entries"
    file: FileKind
    paths: tuple[tuple[str, ...], ...]  # attribute paths to its records in a file; () is the file's model itself
    title: Callable[[Found, Any], str]  # how a reader knows one, given the Catalog: a line of Markdown
    link: Callable[[Found], str] | None = None  # where it is shown, as a site-root path
    unique: tuple[str, ...] = ("id",)  # fields no two records of the kind (under one parent) may share
    parent: str = ""  # the kind of record this one sits in, for records inside another
    subset_of: str = ""  # a narrower kind: the records of `subset_of` that `include` accepts
    include: Callable[[Any], bool] = lambda record: True
    attr: str = ""  # the Catalog attribute holding {id: record}; "" when there is none
    cited_in: str = ""  # the heading under which the sources page lists such records citing a source
    cites_as: str = ""  # a kind shown inside another's entry (a value, in its criterion's row) cites as that kind
    diffed: bool = True  # reported on its own by `python -m macros diff`

    def find(self, model: BaseModel, name: str) -> Iterator[Found]:
        """Every record of this kind in one file's model; `name` is the file's name without .yaml."""
        file_id = name if self.file.named_by_file else getattr(model, "id", "")
        for path in self.paths:
            if path:
                yield from self._walk(model, path, (), file_id)
            elif self.include(model):  # the file is the record
                yield Found(self, file_id, model, ())

    def _walk(self, value: Any, path: tuple[str, ...], loc: Loc, parent: str) -> Iterator[Found]:
        if not path:
            if self.include(value):
                yield Found(self, value.id, value, loc, parent)
            return
        head, rest = path[0], path[1:]
        inner = getattr(value, head)
        parent = getattr(value, "id", parent) if loc else parent
        if isinstance(inner, list):
            for i, item in enumerate(inner):
                yield from self._walk(item, rest, loc + (head, i), parent)
        elif isinstance(inner, dict):  # keyed by id: a framework's values
            for key, item in inner.items():
                yield Found(self, key, item, loc + (head, key), getattr(value, "id", parent))
        else:  # a single record under a field: a framework fact, known by the field's name
            yield Found(self, head, inner, loc + (head,), getattr(value, "id", parent))


def _facts() -> tuple[tuple[str, ...], ...]:
    return tuple((name,) for name in m.fact_fields())


# The order is the order of the diff's sections.
KINDS: list[Kind] = [
    Kind("group", "group", "criterion groups", CRITERIA, (("groups",),), lambda f, c: f.model.name, lambda f: links.group(f.id),
         attr="groups"),
    Kind("criterion", "criterion", "criteria", CRITERIA, (("criteria",),), lambda f, c: f.model.name, lambda f: links.compare(f.id),
         attr="criteria", cited_in="Compared in"),
    Kind("framework", "framework", "frameworks", FRAMEWORK, ((),), lambda f, c: f.model.name, lambda f: links.framework(f.id),
         unique=("id", "name"), attr="frameworks"),
    # A framework's answer to a criterion, known by the criterion: data/frameworks/<id>.yaml, values.<criterion>.
    Kind("value", "value", "values", FRAMEWORK, (("values",),), lambda f, c: c.criteria[f.id].name, lambda f: links.compare(f.id),
         unique=(), parent="framework", cites_as="criterion"),
    # A profile fact (a field of type Fact or Release), known by its field's title.
    Kind("fact", "framework fact", "framework facts", FRAMEWORK, _facts(), lambda f, c: m.fact_fields()[f.id].lower(),
         lambda f: links.framework(f.parent) + "#" + links.fact_anchor(f.id), unique=(), parent="framework", cited_in="Framework facts"),
    Kind("faq category", "faq category", "FAQ categories", FAQ, (("categories",),), lambda f, c: f.model.name, attr="faq_categories"),
    Kind("faq", "FAQ entry", "FAQ entries", FAQ, (("faq",),), lambda f, c: f.model.question, lambda f: links.faq(f.id), attr="faq",
         cited_in="FAQ"),
    Kind("scenario", "scenario", "scenarios", SCENARIOS, (("scenarios",),), lambda f, c: f.model.title, lambda f: links.scenario(f.id),
         attr="scenarios", cited_in="Scenarios"),
    Kind("tree node", "tree node", "decision tree nodes", TREE, (("questions",), ("results",)),
         lambda f, c: getattr(f.model, "question", None) or f.model.headline, lambda f: links.decide(), cited_in="Decision tree"),
    # Answers are unique within their question; a change to one is reported as a change of its question.
    Kind("answer", "answer", "answers", TREE, (("questions", "answers"),), lambda f, c: f.model.label, parent="tree node", diffed=False),
    Kind("source", "source", "sources", SOURCES, (("sources",),), lambda f, c: f.model.title, lambda f: links.source(f.id),
         unique=("id", "number"), attr="sources"),
    Kind("run", "load-test run", "load-test runs", LOADTEST, ((),), lambda f, c: f"Load test of {f.model.run.date.day} {f.model.run.date:%b %Y}",
         lambda f: links.run(f.id), unique=(), attr="runs", cited_in="Load test"),
    # Apps and endpoints are unique within their run; the cells of a run name its own (rules.py).
    Kind("run app", "load-test app", "load-test apps", LOADTEST, (("apps",),), lambda f, c: f.model.id, parent="run",
         diffed=False),
    Kind("run endpoint", "load-test endpoint", "load-test endpoints", LOADTEST, (("endpoints",),), lambda f, c: f.model.path,
         parent="run", diffed=False),
    Kind("article", "source of kind 'article'", "articles", SOURCES, (("sources",),), lambda f, c: f.model.title,
         subset_of="source", include=lambda s: s.kind == "article", diffed=False),
]
BY_NAME: dict[str, Kind] = {kind.name: kind for kind in KINDS}


def kinds_in(file: FileKind) -> list[Kind]:
    return [kind for kind in KINDS if kind.file is file]
