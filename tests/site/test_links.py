"""Every internal link in every built page resolves: the page exists, and so does its #fragment."""

from __future__ import annotations

import posixpath
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from bs4 import BeautifulSoup

from tests.helpers import soup
from tests.conftest import Built


@cache
def _document(path: Path) -> BeautifulSoup:
    return soup(path.read_text(encoding="utf-8"))


@cache
def _ids(path: Path) -> set[str]:
    return {n["id"] for n in _document(path).select("[id]")}


def _target_file(site: Path, url_path: str) -> Path | None:
    """The built file a site path is served from, or None."""
    candidate = site / url_path.lstrip("/")
    if url_path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def _internal_links(site: Path, page: Path, site_url: str, within: str | None = None) -> list[tuple[str, str, str]]:
    """(href as written, target site path, fragment) for each link that stays on the site.

    within: a class, to look only inside the first element having it (e.g. the article).
    """
    base = posixpath.join("/", page.parent.relative_to(site).as_posix(), "")
    base = "/" if base == "/./" else base
    root = _document(page).select_one(f".{within}") if within else _document(page)
    found = []
    for a in root.select("a[href]"):
        href = a["href"]
        if href.startswith(site_url):
            href = "/" + href[len(site_url):]
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            continue  # off-site: GitHub edit links, sources
        path = unquote(parts.path)
        target = posixpath.normpath(posixpath.join(base, path)) if path else base
        if path.endswith("/") and not target.endswith("/"):
            target += "/"
        found.append((a["href"], target, unquote(parts.fragment)))
    return found


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def test_every_internal_link_and_fragment_resolves(built: Built) -> None:
    broken = []
    checked = 0
    for page in _pages(built.site):
        for href, target, fragment in _internal_links(built.site, page, built.url):
            checked += 1
            file = _target_file(built.site, target)
            if file is None:
                broken.append(f"{page.relative_to(built.site)}: {href} -> no page at {target}")
            elif fragment and file.suffix == ".html" and fragment not in _ids(file):
                broken.append(f"{page.relative_to(built.site)}: {href} -> no id '{fragment}' in {file.relative_to(built.site)}")
    assert checked > 1000, f"only {checked} links found: is the site built?"
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(broken[:50])


def test_the_checker_catches_a_missing_page_and_a_missing_fragment(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">Here</h2><a href="../b/">b</a><a href="#gone">x</a><a href="#here">y</a>')
    links = _internal_links(tmp_path, tmp_path / "a" / "index.html", "http://127.0.0.1:1/")
    assert links == [("../b/", "/b/", ""), ("#gone", "/a/", "gone"), ("#here", "/a/", "here")]
    assert _target_file(tmp_path, "/b/") is None
    assert "gone" not in _ids(tmp_path / "a" / "index.html") and "here" in _ids(tmp_path / "a" / "index.html")


@pytest.mark.parametrize("path", ["compare/", "faq/", "scenarios/", "sources/", "frameworks/flask/"])
def test_data_pages_link_to_one_another(built: Built, path: str) -> None:
    """Cross-links go both ways: each data page links to the other data pages."""
    page = built.site / path / "index.html"
    targets = {target.split("/")[1] for _, target, _ in _internal_links(built.site, page, built.url, "md-content__inner")}
    assert {"compare", "faq", "scenarios", "sources", "frameworks"} - {path.split("/")[0]} <= targets
