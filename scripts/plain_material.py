"""A plain Material for MkDocs site, for `make bench` and `make audit` to measure this one against.

One ordinary page on a stock theme with this site's features (instant navigation, search,
no web fonts): what a page costs before any of our templates, styles or scripts.
"""

from __future__ import annotations

from pathlib import Path

from tests.helpers import build

CONFIG = """site_name: Reference
site_url: {url}
theme:
  name: material
  font: false
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
      toggle: {{icon: material/weather-night, name: Switch to dark mode}}
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      toggle: {{icon: material/weather-sunny, name: Switch to light mode}}
  features: [navigation.instant, navigation.tracking, navigation.indexes, navigation.top, navigation.footer,
             search.suggest, search.highlight, content.action.edit, toc.follow]
markdown_extensions: [attr_list, md_in_html, admonition, tables, toc]
plugins: [search]
"""
PAGE = "# A plain page\n\nOne paragraph of text on a stock Material page, for reference.\n\n## A section\n\nMore text.\n"


def build_reference(work: Path, url: str) -> Path:
    """Build the reference site for `url` under `work`; return the built folder."""
    project = work / "reference"
    (project / "docs").mkdir(parents=True)
    (project / "mkdocs.yml").write_text(CONFIG.format(url=url), encoding="utf-8")
    (project / "docs" / "index.md").write_text(PAGE, encoding="utf-8")
    result = build(project, work / "reference-site", url)
    if result.returncode != 0:
        raise SystemExit(f"reference build failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    return work / "reference-site"
