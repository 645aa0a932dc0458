"""`python -m macros generate`: the pages and nav entries written before a build follow data/frameworks/."""

from __future__ import annotations

import json
from pathlib import Path

from ruamel.yaml import YAML

from macros.catalog import load_catalog
from macros.generate import FRAMEWORKS_INDEX, GENERATED_MARK, generate
from tests.helpers import ROOT, copy_project


def nav_frameworks(project: Path) -> list[object]:
    nav = YAML(typ="safe").load((project / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))["nav"]
    section = next(item for item in nav if isinstance(item, dict) and "Frameworks" in item)
    return section["Frameworks"]


def add_framework(project: Path, new_id: str, name: str) -> None:
    text = (project / "data" / "frameworks" / "flask.yaml").read_text(encoding="utf-8")
    (project / "data" / "frameworks" / f"{new_id}.yaml").write_text(
        text.replace("\nid: flask\n", f"\nid: {new_id}\n").replace("\nname: Flask\n", f"\nname: {name}\n"), encoding="utf-8")


def test_a_framework_file_brings_its_page_and_nav_entry_and_takes_them_away(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config_before = (project / "mkdocs.yml").read_text(encoding="utf-8")
    generate(project, load_catalog(project))
    assert nav_frameworks(project) == [FRAMEWORKS_INDEX, {"Express": "frameworks/express.md"}, {"Flask": "frameworks/flask.md"}]

    add_framework(project, "bottle", "Bottle")
    changed = generate(project, load_catalog(project))
    assert set(changed) >= {"docs/frameworks/bottle.md", "mkdocs.yml"}
    assert nav_frameworks(project)[1] == {"Bottle": "frameworks/bottle.md"}, "in order of name, like the table's columns"
    page = (project / "docs" / "frameworks" / "bottle.md").read_text(encoding="utf-8")
    front = dict(line.split(": ", 1) for line in page.split("---")[1].strip().splitlines())
    assert json.loads(front["title"]) == "Bottle" and json.loads(front["edit_source"]) == "data/frameworks/bottle.yaml"
    assert GENERATED_MARK in page and '{{ framework_profile("bottle") }}' in page

    assert generate(project, load_catalog(project)) == [], "a second run writes nothing: make serve would rebuild for ever"

    (project / "data" / "frameworks" / "bottle.yaml").unlink()
    generate(project, load_catalog(project))
    assert not (project / "docs" / "frameworks" / "bottle.md").exists()
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "bottle" not in config
    comments = [line for line in config_before.splitlines() if line.lstrip().startswith("#")]
    assert all(comment in config for comment in comments), "the rest of mkdocs.yml stays as written, comments included"


def test_the_checked_in_nav_matches_the_data() -> None:
    """mkdocs.yml lists a page for each framework file (run `make build` after adding one)."""
    catalog = load_catalog(ROOT)
    assert nav_frameworks(ROOT) == [FRAMEWORKS_INDEX] + [{fw.name: f"frameworks/{fw.id}.md"} for fw in catalog.frameworks.values()]
