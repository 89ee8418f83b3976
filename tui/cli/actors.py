"""`briefing actors DIR [--json]`: who appears in which briefings, from the library index.

Drawn from the index alone; briefings not analysed yet are not in it (`briefing analyze DIR`).
"""

from __future__ import annotations

import argparse
import json
import sys

from tui.cli.options import Version, add_model_and_data_options, default_model, fail


def actors_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing actors",
        description="The actors across a library: one per real actor, with the briefings naming it.",
    )
    parser.add_argument("folder", metavar="DIR", help="the library folder")
    parser.add_argument("--json", action="store_true", help="one JSON object per actor per line")
    parser.add_argument("--version", action=Version, help="show the version and exit")
    add_model_and_data_options(parser)
    return parser


def run_actors(argv: list[str]) -> int:
    args = actors_parser().parse_args(argv)
    args.model = default_model(args)
    from tui.cli.library import library_of

    library = library_of(args.folder, args)
    if isinstance(library, int):
        return library
    rows = library.rows()
    pending = sum(1 for row in rows if not row.indexed and row.error is None)
    actors = library.actors(rows)
    if args.json:
        for actor in actors:
            sys.stdout.write(json.dumps(actor.to_json(), ensure_ascii=False) + "\n")
    else:
        print_actors(actors)
    if pending:
        fail(f"{pending} briefing{'s' if pending != 1 else ''} not analysed yet: 'briefing analyze {args.folder}' adds them")
    for warning in library.warnings:
        fail(warning)
    return 0


def print_actors(actors) -> None:
    from rich.console import Console
    from rich.table import Table

    from tui.literal import literal

    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in ("actor", "kind", "briefings", "mentions", "latest"):
        table.add_column(
            column,
            justify="right" if column in ("briefings", "mentions") else "left",
            no_wrap=True,
            min_width=len(column),
            max_width=40 if column == "actor" else None,
            overflow="ellipsis",
        )
    for actor in actors:
        table.add_row(literal(actor.name), actor.kind, str(len(actor.briefings)), str(actor.mentions), actor.latest[:10])
    Console(highlight=False).print(table)
