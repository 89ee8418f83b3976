"""`briefing search QUERY [DIR] [--json]`: full-text search across the library's briefings.

Searches the index `briefing DIR` and `briefing analyze DIR` fill; with DIR, the briefings under it
not in the search index yet are put there first (their text only: no analysis needed).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tui.cli.options import Version, add_model_and_data_options, default_model, fail


def search_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing search",
        description='Search the text of every briefing: words (all must occur), "a phrase", prefix*.',
    )
    parser.add_argument("query", metavar="QUERY", help='e.g. \'"grain corridor" sanction*\'')
    parser.add_argument("folder", metavar="DIR", nargs="?", help="only briefings under this folder")
    parser.add_argument("--json", action="store_true", help="one JSON object per hit per line, best first")
    parser.add_argument("--limit", type=int, default=10, metavar="N", help="how many hits (default: 10)")
    parser.add_argument("--version", action=Version, help="show the version and exit")
    add_model_and_data_options(parser)
    return parser


def run_search(argv: list[str]) -> int:
    args = search_parser().parse_args(argv)
    args.model = default_model(args)
    from store.paths import search_index_path
    from store.search import BadQuery, SearchIndex, parse

    try:
        parse(args.query)
    except BadQuery as error:
        return fail(str(error), 2)
    within = None
    if args.folder is not None:
        folder = Path(args.folder).expanduser()
        if not folder.is_dir():
            return fail(f"{folder}: not a folder", 2)
        from analysis.library.folder import Library

        library = Library(folder, model=args.model, data_dir=args.data_dir)
        indexed = [row for row in library.rows() if row.indexed]
        library.fill_search_index(indexed)
        within = str(library.root)
    index = SearchIndex(search_index_path(args.data_dir))
    hits = index.search(args.query, within=within, limit=max(1, args.limit))
    if args.json:
        for hit in hits:
            sys.stdout.write(json.dumps(hit_json(hit), ensure_ascii=False) + "\n")
    else:
        print_hits(hits, args.query)
    for warning in index.warnings:
        fail(warning)
    return 0


def hit_json(hit) -> dict:
    from store.search import MARK_END, MARK_START

    return {
        "path": hit.path, "title": hit.title, "date": hit.date, "start": hit.start, "end": hit.end,
        # The match between « and » in the snippet: plain text a script can print or strip.
        "snippet": hit.snippet.replace(MARK_START, "«").replace(MARK_END, "»"),
        "score": round(hit.score, 4),  # BM25: higher is better
    }


def print_hits(hits, query: str) -> None:
    from rich.console import Console
    from rich.text import Text

    from tui.widgets.search_hit import hit_label

    console = Console(highlight=False)
    for hit in hits:
        console.print(hit_label(hit, hit.path))
        console.print()
    console.print(Text(f"{len(hits)} hit{'s' if len(hits) != 1 else ''} for {query}", style="dim"))
