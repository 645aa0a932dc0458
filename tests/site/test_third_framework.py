"""Adding a framework is adding one file: its column and its page follow with no other edit."""

from __future__ import annotations

from pathlib import Path

from tests.dom import parse
from tests.helpers import build, copy_project

NEW_ID, NEW_NAME = "flagon", "Flagon"  # a made-up framework: a copy of Flask's file under another name


def test_a_third_framework_file_adds_a_column_and_a_page(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    flask = (project / "data" / "frameworks" / "flask.yaml").read_text(encoding="utf-8")
    assert "\nid: flask\n" in flask and "\nname: Flask\n" in flask
    third = flask.replace("\nid: flask\n", f"\nid: {NEW_ID}\n").replace("\nname: Flask\n", f"\nname: {NEW_NAME}\n")
    (project / "data" / "frameworks" / f"{NEW_ID}.yaml").write_text(third, encoding="utf-8")

    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr

    compare = parse((site / "compare" / "index.html").read_text(encoding="utf-8"))
    for table in compare.find_all("table", "kb-compare__table"):
        assert [th.text() for th in table.find("thead").find_all("th")] == ["Criterion", "Express", NEW_NAME, "Flask"]
    for row in compare.find_all("tbody", "kb-compare__row"):
        assert [td.attrs["data-kb-framework"] for td in row.find_all("td", "kb-compare__cell")] == ["express", NEW_ID, "flask"]

    page = parse((site / "frameworks" / NEW_ID / "index.html").read_text(encoding="utf-8"))
    assert page.find("h1").text().rstrip("¶").strip() == NEW_NAME
    assert page.find_all("div", "kb-values__item"), "the profile lists the framework's values"
    nav = [a.text() for a in page.find("nav", "md-nav--primary").find_all("a", href=True)]
    assert NEW_NAME in nav, "the new page is in the navigation"
    listing = parse((site / "frameworks" / "index.html").read_text(encoding="utf-8")).find("ul", "kb-cards")
    assert f"{NEW_ID}/" in [a.attrs["href"] for a in listing.find_all("a")]
    home = parse((site / "index.html").read_text(encoding="utf-8")).find("table", "kb-compare__table--glance")
    assert NEW_NAME in [th.text() for th in home.find("thead").find_all("th")]
