"""Command line: `python -m macros check` validates data/ without building the site."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .catalog import load_catalog
from .errors import DataInvalid, print_report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate every file in data/; print one line per problem")
    check.add_argument("--root", type=Path, default=Path("."), help="project folder (default: current)")
    args = parser.parse_args(argv)

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
            f"{len(catalog.questions) + len(catalog.results)} tree nodes, {len(catalog.sources)} sources "
            f"({took * 1000:.0f} ms)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
