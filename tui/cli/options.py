"""What every `briefing` command shares: `--version`, `--model` and `--data-dir`, and how an error
is reported. The commands import this module and never each other, nor the dispatcher."""

from __future__ import annotations

import argparse
import os
import sys


def _version() -> str:
    # The package's own constant, which pyproject.toml reads as the distribution's version:
    # importlib.metadata (email, zipfile, csv, ...) would be ~30 ms of a 40 ms `--version`.
    from tui import __version__

    return __version__


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


class Version(argparse.Action):
    """`--version`, answered without importing anything more (see `_version`)."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **kwargs) -> None:
        super().__init__(option_strings, dest=dest, default=argparse.SUPPRESS, nargs=0, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        print(f"briefing {_version()}")
        parser.exit()


def add_model_and_data_options(parser: argparse.ArgumentParser) -> None:
    """`--model NAME` and `--data-dir DIR`, for the commands that analyse."""
    # From the package itself, not `analysis.pipeline`: its dataclasses, typing and inspect are
    # ~25 ms that `--help` would pay for one string.
    from analysis import DEFAULT_MODEL

    parser.add_argument(
        "--model",
        metavar="NAME",
        help=f"installed spaCy pipeline to analyse with (default: the config file's model, else "
        f"{DEFAULT_MODEL})",
    )
    parser.add_argument(
        "--config",
        metavar="PATH",
        help="the config file (default: $BRIEFING_CONFIG or the platform's config folder; "
        "'briefing config --path' says which)",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="keep notes, corrections and the analysis cache here (default: $BRIEFING_HOME "
        "or the user's data and cache folders)",
    )


def add_source_options(parser: argparse.ArgumentParser) -> None:
    """The options of every command that reads a briefing from a file, a pipe or a URL."""
    parser.add_argument(
        "--whole-page",
        action="store_true",
        help="for a web page: all of its visible text, not only the article",
    )
    parser.add_argument(
        "--refresh", action="store_true", help="for a URL: fetch it again instead of opening its snapshot"
    )


def default_model(args: argparse.Namespace) -> str:
    """`--model`, else the config file's `model`, else the built-in default. The file's other
    settings, and its mistakes, are the app's and `briefing config`'s to say."""
    if args.model:
        return args.model
    from analysis import DEFAULT_MODEL  # not analysis.pipeline: its imports cost a cached run ~8 ms
    from tui.config import load_config

    return load_config(args.config).model or DEFAULT_MODEL


def fail(message: str, code: int = 1) -> int:
    """Say what went wrong on stderr, prefixed with the program's name; returns the exit code.

    On a terminal, what the line quotes (a file name, a note) is shown literally, a newline
    included, so the line can neither run an escape sequence nor split."""
    from tui.literal import is_terminal, literal_line

    shown = literal_line(message) if is_terminal(sys.stderr) else message
    print(f"briefing: {shown}", file=sys.stderr)
    return code
