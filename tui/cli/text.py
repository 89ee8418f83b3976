"""`briefing text PATH`: the briefing's text exactly as the reader shows it, the text every offset
(mentions, notes, find, `analyze --json` spans) points into, for scripts and pipes."""

from __future__ import annotations

import argparse
import sys

from tui.cli.options import add_source_options, fail


def text_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing text",
        description="Print a briefing's text as the reader shows it (every offset points into it).",
    )
    parser.add_argument("path", help="a briefing file, '-' for standard input, or an http(s) URL")
    add_source_options(parser)
    parser.add_argument(
        "--data-dir", metavar="DIR", help="where extracted documents and URL snapshots are kept"
    )
    return parser


def run_text(argv: list[str]) -> int:
    args = text_parser().parse_args(argv)
    from analysis.formats import DocumentError
    from tui.cli.source import load

    try:
        document = load(args.path, whole_page=args.whole_page, refresh=args.refresh, data_dir=args.data_dir)
    except DocumentError as error:
        return fail(str(error))
    text = document.text
    if sys.stdout.isatty():
        from tui.literal import literal

        text = literal(text)  # control characters never reach a terminal raw; one for one, offsets hold
        text += "\n"  # a prompt after the text; into a pipe or a file the text goes exactly as it is
    sys.stdout.write(text)
    return 0
