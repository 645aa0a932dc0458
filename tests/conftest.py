"""Fixtures shared by every layer: the real site, built once per test session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import ROOT, SiteServer, build


@pytest.fixture(scope="session")
def site_server() -> Iterator[SiteServer]:
    """A server on 127.0.0.1 whose URL the site is built for (instant navigation needs the match)."""
    server = SiteServer()
    yield server
    server.close()


@pytest.fixture(scope="session")
def built_site(site_server: SiteServer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built strictly from this checkout once per session, and served."""
    site = tmp_path_factory.mktemp("site")
    result = build(ROOT, site, site_server.url)
    assert result.returncode == 0, f"the strict build failed:\n{result.stdout}\n{result.stderr}"
    site_server.serve(site)
    return site
