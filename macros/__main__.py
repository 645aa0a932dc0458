"""Command line: `python -m macros check` validates data/ without building the site.

Also: `generate` (write the generated pages and nav entries before a build), `schema`
(regenerate data/schema/), `diff BASE HEAD` (what a change does to the knowledge) and
`stale` (old `verified` dates and broken links).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .catalog import load_catalog
from .errors import DataInvalid, print_report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate every file in data/; print one line per problem")
    check.add_argument("--root", type=Path, default=Path("."), help="project folder (default: current)")
    _add_more_commands(commands)
    args = parser.parse_args(argv)
    if args.command in MORE:
        return MORE[args.command](args)

    if args.command == "check":
        started = time.perf_counter()
        try:
            catalog = load_catalog(args.root)
        except DataInvalid as exc:
            print_report(exc.errors)
            return 1
        took = time.perf_counter() - started
        print(
            f"data/ is valid: {len(catalog.frameworks)} frameworks, {len(catalog.criteria)} criteria, "
            f"{len(catalog.faq)} FAQ entries, {len(catalog.scenarios)} scenarios, "
            f"{len(catalog.questions) + len(catalog.results)} tree nodes, {len(catalog.sources)} sources, "
            f"{len(catalog.runs)} load-test run{'' if len(catalog.runs) == 1 else 's'} "
            f"({took * 1000:.0f} ms)"
        )
    return 0


def _add_more_commands(commands: Any) -> None:
    generate = commands.add_parser("generate", help="write the framework pages, the JSON export and their nav entries")
    schema = commands.add_parser("schema", help="write data/schema/<kind>.schema.json from macros/model.py")
    schema.add_argument("--check", action="store_true", help="only report stale schemas; exit 1 if any")
    diff = commands.add_parser("diff", help="summarise in Markdown what changed in data/ between two git revisions")
    diff.add_argument("base", help="the revision before, e.g. origin/main")
    diff.add_argument("head", help="the revision after, e.g. HEAD")
    stale = commands.add_parser("stale", help="list facts verified too long ago (and broken links); exit 1 if any")
    stale.add_argument("--days", type=int, default=365, help="how old a verified date may be (default: 365)")
    stale.add_argument("--check-urls", action="store_true", help="also fetch every external URL in data/")
    stale.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today(), help="date to count from (YYYY-MM-DD)")
    stale.add_argument("--repo-url", default="", help="link each entry to its line on GitHub, e.g. https://github.com/o/r")
    for sub in (generate, schema, diff, stale):
        sub.add_argument("--root", type=Path, default=Path("."), help="project folder (default: current)")


def _generate(args: argparse.Namespace) -> int:
    from .generate import generate

    try:
        catalog = load_catalog(args.root)
    except DataInvalid as exc:
        print_report(exc.errors)
        return 1
    changed = generate(args.root, catalog)
    print("\n".join(f"wrote {rel}" for rel in changed) if changed else "generated files are up to date")
    return 0


def _schema(args: argparse.Namespace) -> int:
    from . import schema

    if args.check:
        stale = schema.stale(args.root)
        for rel in stale:
            print(f"{rel} is out of date with macros/model.py: run `{schema.REGENERATE}`")
        return 1 if stale else 0
    changed = schema.write(args.root)
    print("\n".join(f"wrote {rel}" for rel in changed) if changed else "data/schema/ is up to date")
    return 0


def _diff(args: argparse.Namespace) -> int:
    from . import diff

    outcome = diff.compare_revisions(args.root, args.base, args.head)
    print(diff.summary(outcome))
    return 1 if outcome.problems else 0


def _stale(args: argparse.Namespace) -> int:
    from . import freshness
    from .dataset import read_dataset

    ds, errors = read_dataset(args.root.resolve())
    if errors:
        print_report(errors)
        return 2
    stale = freshness.stale_facts(ds, args.today, args.days)
    places = freshness.external_urls(ds)
    links = freshness.check_links(places) if args.check_urls else []
    text = freshness.report(stale, links, places, args.today, args.days, args.repo_url.rstrip("/"), args.check_urls)
    print(text or f"Nothing to do: every fact was verified in the last {args.days} days"
          + (" and every link answered." if args.check_urls else "."))
    return 1 if text else 0


MORE: dict[str, Callable[[argparse.Namespace], int]] = {"generate": _generate, "schema": _schema, "diff": _diff, "stale": _stale}


if __name__ == "__main__":
    sys.exit(main())
