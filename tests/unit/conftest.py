"""Unit-test fixtures: a writable copy of the minimal data set."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.catalog import Catalog, load_catalog
from tests.helpers import ROOT

MINIMAL = ROOT / "tests" / "fixtures" / "minimal"


class DataCopy:
    """A project folder holding a copy of the minimal data, edited by text replacement."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, rel: str) -> Path:
        return self.root / "data" / rel

    def replace(self, rel: str, old: str, new: str, count: int = 1) -> None:
        text = self.path(rel).read_text(encoding="utf-8")
        assert old in text, f"fixture text {old!r} not in {rel}"
        self.path(rel).write_text(text.replace(old, new, count), encoding="utf-8")

    def write(self, rel: str, text: str) -> None:
        self.path(rel).write_text(text, encoding="utf-8")

    def line_of(self, rel: str, needle: str, occurrence: int = 1) -> int:
        """1-based line of the n-th line containing `needle`."""
        hits = [i for i, line in enumerate(self.path(rel).read_text(encoding="utf-8").splitlines(), 1) if needle in line]
        return hits[occurrence - 1]


@pytest.fixture(scope="module", params=["minimal", "real"])
def catalog(request: pytest.FixtureRequest) -> Catalog:
    """The minimal fixture data, then the real data/: renderers must handle both."""
    return load_catalog(MINIMAL if request.param == "minimal" else ROOT)


@pytest.fixture
def data(tmp_path: Path) -> DataCopy:
    shutil.copytree(MINIMAL / "data", tmp_path / "data")
    return DataCopy(tmp_path)
