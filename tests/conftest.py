"""Fixtures shared by every layer: the site, built once per test session."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from macros.catalog import Catalog, load_catalog
from tests.helpers import ROOT, SiteServer, build, copy_project

# Two more framework files, each a copy of a real one under another id and name, and
# nothing else: every page must hold for any number of frameworks.
MORE_FRAMEWORKS = {"flagon": ("flask", "Flagon"), "expressway": ("express", "Expressway")}


@dataclass(frozen=True)
class Built:
    """A site built from a project folder, and the data it was built from."""

    name: str
    root: Path  # the project folder
    site: Path  # the built site
    url: str  # the site_url it was built for

    @cached_property
    def catalog(self) -> Catalog:
        return load_catalog(self.root)


@pytest.fixture(scope="session")
def site_server() -> Iterator[SiteServer]:
    """A server on 127.0.0.1 whose URL the site is built for (instant navigation needs the match)."""
    server = SiteServer()
    yield server
    server.close()


def build_or_fail(project: Path, site: Path, url: str) -> Path:
    result = build(project, site, url)
    assert result.returncode == 0, f"the strict build failed:\n{result.stdout}\n{result.stderr}"
    return site


@pytest.fixture(scope="session")
def built_site(site_server: SiteServer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built strictly from this checkout once per session, and served."""
    site = build_or_fail(ROOT, tmp_path_factory.mktemp("site"), site_server.url)
    site_server.serve(site)
    return site


def with_more_frameworks(dest: Path) -> Path:
    """A copy of this project with two more framework files (copies of real ones, renamed)."""
    project = copy_project(dest)
    folder = project / "data" / "frameworks"
    yaml = YAML(typ="rt")
    for new_id, (original, name) in MORE_FRAMEWORKS.items():
        data = yaml.load((folder / f"{original}.yaml").read_text(encoding="utf-8"))
        data["id"], data["name"] = new_id, name
        data["summary"] = f"{name} is not a real framework: the tests copy {data['summary'].split(' ')[0]}'s file under this name."
        with (folder / f"{new_id}.yaml").open("w", encoding="utf-8") as out:
            yaml.dump(data, out)
    return project


@pytest.fixture(scope="session", params=["real", "four-frameworks"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, site_server: SiteServer) -> Built:
    """The real site, then the same with four frameworks: the site's pages must hold for any number."""
    if request.param == "real":
        return Built("real", ROOT, request.getfixturevalue("built_site"), site_server.url)
    work = tmp_path_factory.mktemp("four")
    project = with_more_frameworks(work / "project")
    url = "http://127.0.0.1:8000/"
    return Built(request.param, project, build_or_fail(project, work / "site", url), url)
