"""Read every file in data/ and check its shape: the input the rules work on."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from .errors import DataError
from .load import Document, Loc, read
from .refs import references_in
from .registry import FILES, BY_NAME, FileKind, Found, Kind
from .shape import check_shape

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Parsed(Generic[M]):
    """A file's validated model together with the document it came from (for positions)."""

    doc: Document
    model: M

    def error(self, loc: Loc, message: str, hint: str = "") -> DataError:
        return self.doc.error(loc, message, hint)

    @property
    def name(self) -> str:
        """The file's name without .yaml: the id of a record that is a whole file."""
        return self.doc.file.rsplit("/", 1)[-1].removesuffix(".yaml")


@dataclass(frozen=True)
class Record:
    """A record found in a parsed file."""

    at: Parsed[Any]
    found: Found

    @property
    def id(self) -> str:
        return self.found.id

    @property
    def model(self) -> Any:
        return self.found.model

    @property
    def loc(self) -> Loc:
        return self.found.loc

    def error(self, loc: Loc, message: str, hint: str = "") -> DataError:
        """An error at `loc` inside this record."""
        return self.at.error(self.loc + loc, message, hint)


@dataclass(frozen=True)
class Reference:
    """One reference by id from a place in a file to a record of some kind."""

    at: Parsed[Any]
    loc: Loc
    kind: str
    id: str


@dataclass
class Dataset:
    """Every data file that parsed and passed its shape check, by file kind."""

    files: dict[str, list[Parsed[Any]]] = field(default_factory=lambda: {kind.name: [] for kind in FILES})
    # Ids of the records that are whole files (frameworks), from the file names, even for a file
    # that failed: a reference to a broken file should not be reported a second time.
    stems: dict[str, list[str]] = field(default_factory=dict)
    complete: bool = True  # every file parsed and passed its shape check

    def parsed(self) -> Iterator[Parsed[Any]]:
        """Every parsed file, in the order of the registry."""
        for kind in FILES:
            yield from self.files[kind.name]

    def records(self, kind: Kind | str) -> list[Record]:
        """Every record of a kind, in file order."""
        kind = BY_NAME[kind] if isinstance(kind, str) else kind
        return self._records[kind.name]

    def has(self, file: FileKind) -> bool:
        """True when every file of this kind parsed (a rule needing it can run)."""
        return bool(self.files[file.name]) and (not file.many or len(self.files[file.name]) == len(self.stems.get(file.name, [])))

    @cached_property
    def references(self) -> list[Reference]:
        """Every reference in the data (refs.py), in file order: several rules and the catalog read them."""
        return [Reference(p, loc, kind, rid) for p in self.parsed() for loc, kind, rid in references_in(p.model)]

    @cached_property
    def _records(self) -> dict[str, list[Record]]:
        return {kind.name: [Record(p, f) for p in self.files[kind.file.name] for f in kind.find(p.model, p.name)]
                for kind in BY_NAME.values()}


def file_paths(root: Path, kind: FileKind) -> list[Path]:
    """The files of one kind under the project root."""
    if kind.many:
        folder, pattern = kind.path.rsplit("/", 1)
        return sorted((root / folder).glob(pattern))
    return [root / kind.path]


def data_files(root: Path) -> list[Path]:
    """Every data file the site is built from."""
    return [path for kind in FILES for path in file_paths(root, kind)]


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Reading makes hundreds of thousands of small objects and no reference cycles, and
    CPython's cyclic collector would scan them again and again while they are made (3/4 of
    `make check`'s time with the FAQ at 100x). So it is paused while reading and validating,
    and what was read is then left out of its later scans (gc.freeze). Reference counting
    still frees all of it once nothing holds it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:  # the outermost pause ends
            gc.freeze()
            gc.enable()


def read_dataset(root: Path) -> tuple[Dataset, list[DataError]]:
    with cyclic_gc_paused():
        return _read_dataset(root)


def _read_dataset(root: Path) -> tuple[Dataset, list[DataError]]:
    ds, errors = Dataset(), []
    for kind in FILES:
        paths = file_paths(root, kind)
        if kind.many:
            ds.stems[kind.name] = [path.stem for path in paths]
            if not paths:
                errors.append(DataError(kind.folder, 1, 1, "", f"no {kind.name} files found", f"add {kind.path.replace('*', '<id>')}"))
        for path in paths:
            parsed, errs = _read_one(root, path, kind.model)
            if parsed:
                ds.files[kind.name].append(parsed)
            errors += errs
    ds.complete = not errors
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
