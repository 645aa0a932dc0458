"""The built /contribute/ pages and the JSON export, as a reader (or a program) finds them."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from ruamel.yaml import YAML

from macros import export
from macros.registry import FILES
from macros.render.reference import sections
from tests.conftest import Built
from tests.helpers import ROOT
from tests.unit.test_contributing import GUIDE, LINK, SITE
from tests.unit.test_export import contains


def html(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def ids(text: str) -> set[str]:
    return set(re.findall(r'\sid="([^"]+)"', text))


def article(text: str) -> str:
    return text[text.index("<article"):text.index("</article>")]


def test_contribute_page_is_the_contributing_guide(built: Built) -> None:
    page = article(html(built.site, "contribute"))
    assert "--8&lt;--" not in page and "--8<--" not in page
    assert re.search(r"<h1[^>]*>Contributing", page)
    for heading in re.findall(r"^## (.+)$", GUIDE, re.MULTILINE):
        assert re.search(rf"<h2 id=\"[^\"]+\">{re.escape(heading)}", page), heading
    for line in re.findall(r"^data/\S+:\d+:\d+: .*$", GUIDE, re.MULTILINE):
        escaped = line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;")
        assert escaped in page or line in page, line


def test_guide_links_to_the_site_reach_built_pages(built: Built) -> None:
    for url in LINK.findall(GUIDE):
        if url.startswith(SITE):
            path, _, anchor = url.removeprefix(SITE).partition("#")
            target = built.site / path / "index.html"
            assert target.is_file(), url
            assert not anchor or anchor in ids(target.read_text(encoding="utf-8")), url


def test_data_reference_lists_every_field_of_every_file(built: Built) -> None:
    page = article(html(built.site, "contribute/data-reference"))
    found = ids(page)
    for file in FILES:
        assert f"file-{file.name}" in found, file.name
    for section in sections():
        for table in section.tables:
            for row in table.rows:
                assert f"{table.anchor}-{row.name.replace('_', '-')}" in found, f"{section.file}: {row.name}"
                assert row.description and row.description.replace("'", "&#39;") in page
    for target in set(re.findall(r'href="#([^"]+)"', page)):
        assert target in found, f"link to #{target} has no target"


def test_data_reference_describes_types_and_allowed_values(built: Built) -> None:
    page = article(html(built.site, "contribute/data-reference"))
    assert re.search(r'<h3 id="type-value">Value', page)
    row = re.search(r'<tr id="type-value-level">(.*?)</tr>', page)
    assert row and "optional" in row.group(1)
    assert all(f"<code>{level}</code>" in row.group(1) for level in ("built-in", "official", "third-party", "unknown"))
    assert re.search(r'<tr id="type-value-verified"><td><code>verified</code><br><strong>required</strong></td><td>date', page)


def yaml(path: Path) -> Any:
    return json.loads(json.dumps(YAML(typ="safe").load(path.read_text(encoding="utf-8")), default=str))


@pytest.fixture(scope="module")
def published(built: Built) -> dict[str, Any]:
    folder = built.site / export.EXPORT_DIR
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("*.json")}


def test_export_is_published_with_schemas(published: dict[str, Any]) -> None:
    assert sorted(published) == sorted([f"{n}.json" for n in export.ALL] + [f"{n}.schema.json" for n in export.ALL])
    for name in export.ALL:
        validator = Draft202012Validator(published[f"{name}.schema.json"], format_checker=FormatChecker())
        assert [e.message for e in validator.iter_errors(published[f"{name}.json"])] == [], name
        assert published[f"{name}.json"]["version"] == export.VERSION


def test_export_holds_the_data_it_was_built_from(built: Built, published: dict[str, Any]) -> None:
    ROOT = built.root  # noqa: N806 - the project the site was built from
    whole = published["knowledge.json"]
    contains(whole["sources"], yaml(ROOT / "data/sources.yaml")["sources"], "sources")
    contains(whole["criteria"], yaml(ROOT / "data/criteria.yaml"), "criteria")
    contains(whole["faq"], yaml(ROOT / "data/faq.yaml"), "faq")
    contains(whole["scenarios"], yaml(ROOT / "data/scenarios.yaml")["scenarios"], "scenarios")
    contains(whole["decision_tree"], yaml(ROOT / "data/decision-tree.yaml"), "decision-tree")
    by_id = {fw["id"]: fw for fw in whole["frameworks"]}
    files = sorted((ROOT / "data/frameworks").glob("*.yaml"))
    assert sorted(by_id) == sorted(p.stem for p in files)
    for path in files:
        contains(by_id[path.stem], yaml(path), path.stem)


def test_data_reference_links_to_every_exported_file(built: Built) -> None:
    page = article(html(built.site, "contribute/data-reference"))
    for name in export.ALL:
        for file in (f"{name}.json", f"{name}.schema.json"):
            assert f'href="/{export.EXPORT_DIR}/{file}"' in page, file
