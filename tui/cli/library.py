"""`briefing DIR` (the library screen) and `briefing library DIR [--json]` (its rows, for scripts).

`briefing library` lists what the index knows without analysing anything: a briefing not analysed
yet is listed with `"analysed": false` (`briefing analyze DIR` analyses and indexes them).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tui.cli.options import Version, add_model_and_data_options, default_model, fail


def library_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing library",
        description="List the briefings under a folder: state, title, date, words, notes, top actors.",
    )
    parser.add_argument("folder", metavar="DIR", help="the library folder (searched recursively)")
    parser.add_argument("--json", action="store_true", help="one JSON object per briefing per line")
    parser.add_argument("--version", action=Version, help="show the version and exit")
    add_model_and_data_options(parser)
    return parser


def library_of(folder: str, args) -> "Library | int":  # noqa: F821 - imported lazily
    from analysis.library.folder import Library

    path = Path(folder).expanduser()
    if not path.is_dir():
        return fail(f"{path}: not a folder", 2)
    return Library(path, model=args.model, data_dir=args.data_dir)


def run_library(argv: list[str]) -> int:
    args = library_parser().parse_args(argv)
    args.model = default_model(args)
    library = library_of(args.folder, args)
    if isinstance(library, int):
        return library
    rows = library.rows()
    code = 0
    for row in rows:
        if row.error:
            fail(f"{row.relative}: {row.error}")
            code = 1
    if args.json:
        for row in rows:
            sys.stdout.write(json.dumps(row.to_json(), ensure_ascii=False) + "\n")
    else:
        print_rows(rows)
    for warning in library.warnings:
        fail(warning)
    return code


def print_rows(rows) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from tui.widgets.library_cells import COLUMNS, cells

    table = Table(box=None, pad_edge=False, header_style="bold")
    for _key, label in COLUMNS:
        table.add_column(label, justify="right" if label in ("Words", "Notes") else "left", no_wrap=True, overflow="ellipsis")
    for row in rows:
        table.add_row(*cells(row))
    console = Console(highlight=False)
    console.print(table)
    analysed = sum(row.indexed for row in rows)
    console.print(Text(f"{len(rows)} briefings · {analysed} analysed · {sum(r.indexed and not r.read for r in rows)} unread", style="dim"))


def open_library(folder: Path, args, started: float) -> int:
    """The library screen over `folder` (from `briefing DIR`)."""
    from analysis.pipeline import ModelNotInstalled, model_version

    try:
        model_version(args.model)
    except ModelNotInstalled as error:
        return fail(str(error))
    if not sys.stdout.isatty() and not sys.stdin.isatty():
        return fail("the library needs a terminal; use 'briefing library DIR --json' in scripts", 2)
    library = library_of(str(folder), args)
    if isinstance(library, int):
        return library

    from tui.app import BriefingApp

    app = BriefingApp(library=library, model=args.model, data_dir=args.data_dir, started=started)
    app.run()
    return app.return_code or 0
