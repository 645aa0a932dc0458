"""CONTRIBUTING.md: its error examples are what the validator really prints, and its links hold in both places.

The guide is shown on GitHub and, through a snippet include, on /contribute/. Relative
links would break in one of the two, so every link is absolute (or an anchor on the page).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from macros.__main__ import main
from tests.helpers import ROOT
from tests.unit.conftest import MINIMAL, DataCopy

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
ERROR_LINE = re.compile(r"^data/\S+:\d+:\d+: .*$", re.MULTILINE)
LINK = re.compile(r"\]\(([^)\s]+)\)")

# The slips the guide shows, each made on its own copy of the test data: (file, text, replacement).
SLIPS = [
    ("faq.yaml", "    sources: [alpha-docs, beta-docs]\n    verified", "    sources: [alpha-docs, beta-doc]\n    verified"),
    ("scenarios.yaml", "    sources: [alpha-docs]\n    verified:", "    sources: [alpha-docs]\n    verifed:"),
    ("sources.yaml", "    read: 2026-11-01\n  - id: beta-docs", "    read: 01/11/2026\n  - id: beta-docs"),
    ("sources.yaml", "    kind: official-docs\n    read: 2026-11-01\n  - id: some-article",
     "    kind: official docs\n    read: 2026-11-01\n  - id: some-article"),
]


def _config_default(key: str) -> str:
    match = re.search(rf'^{key}: !ENV \[\w+, "([^"]+)"\]', (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE)
    assert match, f"mkdocs.yml has no default {key}"
    return match.group(1).rstrip("/") + "/"


SITE = _config_default("site_url")
REPO = _config_default("repo_url")


def check_output(root: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    main(["check", "--root", str(root)])
    return capsys.readouterr().out.splitlines()


def test_error_examples_are_real_validator_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    printed: list[str] = []
    for i, (rel, old, new) in enumerate(SLIPS):
        copy = DataCopy(tmp_path / str(i))
        shutil.copytree(MINIMAL / "data", copy.root / "data")
        copy.replace(rel, old, new)
        printed += [line for line in check_output(copy.root, capsys) if ERROR_LINE.match(line)]
    shown = ERROR_LINE.findall(GUIDE)
    assert shown == printed, "CONTRIBUTING.md should show exactly these lines:\n" + "\n".join(printed)


def test_valid_data_prints_what_the_guide_says(capsys: pytest.CaptureFixture[str]) -> None:
    assert "starts\nwith `data/ is valid:`" in GUIDE
    assert check_output(MINIMAL, capsys)[0].startswith("data/ is valid: 2 frameworks,")


def test_every_link_is_absolute_or_an_anchor() -> None:
    links = LINK.findall(GUIDE)
    assert links
    for url in links:
        assert url.startswith(("https://", "#")), f"{url}: a relative link breaks on GitHub or on the site"


def test_links_into_the_repository_point_at_what_exists() -> None:
    for url in LINK.findall(GUIDE):
        if url.startswith(REPO + "issues/new?template="):
            assert (ROOT / ".github" / "ISSUE_TEMPLATE" / url.split("template=", 1)[1]).is_file(), url
        elif url.startswith((REPO + "blob/main/", REPO + "tree/main/")):
            assert (ROOT / url.removeprefix(REPO)[len("blob/main/"):]).exists(), url
        elif url.startswith("https://github.com/"):
            assert url.startswith(REPO), f"{url} is not this repository ({REPO})"


def test_links_into_the_site_use_its_address() -> None:
    site_links = [url for url in LINK.findall(GUIDE) if "github.io" in url]
    assert site_links
    for url in site_links:
        assert url.startswith(SITE), f"{url} is not the site's address ({SITE})"
        page = url.removeprefix(SITE).split("#")[0].rstrip("/")
        sources = [ROOT / "docs" / page / "index.md", ROOT / "docs" / f"{page}.md"]
        assert any(p.is_file() for p in sources), f"{url}: no page in docs/ for it"


def test_the_contribute_page_includes_this_file() -> None:
    page = (ROOT / "docs" / "contribute" / "index.md").read_text(encoding="utf-8")
    body = page.split("---", 2)[2]  # after the front matter
    assert body.strip() == '--8<-- "CONTRIBUTING.md"', "one text in two places: the page adds nothing of its own"
