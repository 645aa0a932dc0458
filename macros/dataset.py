"""Read every file in data/ and check its shape: the input the rules work on."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel

from . import model as m
from .errors import DataError
from .load import Document, Loc, read
from .shape import check_shape

M = TypeVar("M", bound=BaseModel)

SHARED_FILES = {
    "sources": "data/sources.yaml",
    "criteria": "data/criteria.yaml",
    "faq": "data/faq.yaml",
    "scenarios": "data/scenarios.yaml",
    "decision-tree": "data/decision-tree.yaml",
}
FRAMEWORKS_DIR = "data/frameworks"


@dataclass(frozen=True)
class Parsed(Generic[M]):
    """A file's validated model together with the document it came from (for positions)."""

    doc: Document
    model: M

    def error(self, loc: Loc, message: str, hint: str = "") -> DataError:
        return self.doc.error(loc, message, hint)


@dataclass
class Dataset:
    """Every data file that parsed and passed its shape check; None where one did not."""

    sources: Parsed[m.SourcesFile] | None = None
    criteria: Parsed[m.CriteriaFile] | None = None
    faq: Parsed[m.FaqFile] | None = None
    scenarios: Parsed[m.ScenariosFile] | None = None
    tree: Parsed[m.TreeFile] | None = None
    frameworks: list[Parsed[m.Framework]] = field(default_factory=list)
    # Ids of framework files, from their names, even when a file failed: references
    # to a broken framework file should not be reported a second time.
    framework_files: dict[str, Path] = field(default_factory=dict)


def data_files(root: Path) -> list[Path]:
    """Every data file the site is built from."""
    return [root / rel for rel in SHARED_FILES.values()] + sorted((root / FRAMEWORKS_DIR).glob("*.yaml"))


def read_dataset(root: Path) -> tuple[Dataset, list[DataError]]:
    ds, errors = Dataset(), []
    for attr, kind in (("sources", "sources"), ("criteria", "criteria"), ("faq", "faq"),
                       ("scenarios", "scenarios"), ("tree", "decision-tree")):
        parsed, errs = _read_one(root, root / SHARED_FILES[kind], m.FILE_MODELS[kind])
        setattr(ds, attr, parsed)
        errors += errs
    framework_paths = sorted((root / FRAMEWORKS_DIR).glob("*.yaml"))
    if not framework_paths:
        errors.append(DataError(FRAMEWORKS_DIR, 1, 1, "", "no framework files found", "add data/frameworks/<id>.yaml"))
    for path in framework_paths:
        ds.framework_files[path.stem] = path
        parsed, errs = _read_one(root, path, m.Framework)
        if parsed:
            ds.frameworks.append(parsed)
        errors += errs
    return ds, errors


def _read_one(root: Path, path: Path, model: type[M]) -> tuple[Parsed[M] | None, list[DataError]]:
    if not path.is_file():
        rel = path.relative_to(root).as_posix()
        return None, [DataError(rel, 1, 1, "", "file is missing", "restore it from git, or see the data reference page")]
    doc, errors = read(path, root)
    if doc is None:
        return None, errors
    validated, errors = check_shape(doc, model)
    return (Parsed(doc, validated) if validated is not None else None), errors
