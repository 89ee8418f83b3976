"""The `briefing` command: open a briefing in the reader, analyse briefings, manage notes.

Nothing heavy is imported at module level: `briefing analyze` on a cached briefing imports neither
textual nor spaCy, and `briefing FILE` imports textual only once the file has been read.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

STARTED = time.perf_counter()  # first import of the CLI: the app reports "ready in N ms" from here

SUBCOMMANDS = ("analyze", "notes")


def _version() -> str:
    # Fast path: the installed `briefing-VERSION.dist-info` folder on sys.path, as importlib.metadata
    # would find it, without the 25-30 ms of importing it (email, zipfile, csv; bench (a)).
    for folder in sys.path:
        try:
            names = os.listdir(folder or ".")
        except OSError:
            continue
        for name in names:
            if name.startswith("briefing-") and name.endswith(".dist-info"):
                return name[len("briefing-") : -len(".dist-info")]
    from importlib import metadata

    try:
        return metadata.version("briefing")
    except metadata.PackageNotFoundError:
        return "unknown"


class Version(argparse.Action):
    """`--version`, looked up only when asked: importlib.metadata costs 20-40 ms of every start."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **kwargs) -> None:
        super().__init__(option_strings, dest=dest, default=argparse.SUPPRESS, nargs=0, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        print(f"briefing {_version()}")
        parser.exit()


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, sized as it sizes itself but without importing shutil.

    argparse builds a formatter for every `add_argument`, and its default width comes from
    `shutil.get_terminal_size`: shutil (bz2, lzma, zlib with it) is ~2.5 ms of every `briefing`
    start, `--help` and a cached `analyze` alike (bench (a)). Same rule: $COLUMNS, else the
    terminal's width, else 80; minus 2.
    """

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width=None) -> None:
        if width is None:
            try:
                width = int(os.environ["COLUMNS"])
            except (KeyError, ValueError):
                try:
                    width = os.get_terminal_size(sys.__stdout__.fileno()).columns
                except (AttributeError, ValueError, OSError):
                    width = 80
            width -= 2
        super().__init__(prog, indent_increment, max_help_position, width)


def _common(parser: argparse.ArgumentParser) -> None:
    from analysis import DEFAULT_MODEL

    parser.add_argument(
        "--model",
        default=DEFAULT_MODEL,
        metavar="NAME",
        help=f"installed spaCy pipeline to analyse with (default: {DEFAULT_MODEL})",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="keep notes, corrections and the analysis cache here (default: $BRIEFING_HOME "
        "or the user's data and cache folders)",
    )


def open_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        formatter_class=HelpFormatter,
        description="A terminal reader for briefings: actors, summary and your notes.",
        epilog="Other commands: 'briefing analyze --help', 'briefing notes --help'.",
    )
    parser.add_argument(
        "path",
        nargs="?",
        help="briefing to open (.txt or .md); without one, the bundled sample briefing",
    )
    parser.add_argument("--version", action=Version, help="show the version and exit")
    _common(parser)
    return parser


def fail(message: str, code: int = 1) -> int:
    print(f"briefing: {message}", file=sys.stderr)
    return code


def run_open(argv: list[str]) -> int:
    args = open_parser().parse_args(argv)
    from analysis.documents import DocumentError, read_document
    from analysis.pipeline import ModelNotInstalled, model_version

    if args.path is None:
        from seeds import sample_path

        path = sample_path()
    else:
        path = Path(args.path).expanduser()
    try:
        document = read_document(path)
        model_version(args.model)
    except DocumentError as error:
        return fail(str(error))
    except ModelNotInstalled as error:
        return fail(str(error))
    if not sys.stdout.isatty() and not sys.stdin.isatty():
        return fail("the reader needs a terminal; use 'briefing analyze' in scripts", 2)

    from tui.app import BriefingApp

    app = BriefingApp(document, model=args.model, data_dir=args.data_dir, started=STARTED)
    app.run()
    return app.return_code or 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv == ["--version"]:  # before any parser is built: argparse alone is half its cost
        print(f"briefing {_version()}")
        sys.exit(0)  # as argparse's --version does
    try:
        if argv and argv[0] == "analyze":
            from tui.cli_analyze import run_analyze

            return run_analyze(argv[1:])
        if argv and argv[0] == "notes":
            from tui.cli_notes import run_notes

            return run_notes(argv[1:])
        return run_open(argv)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `briefing analyze --json | head`: the reader went away; that is not an error.
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
