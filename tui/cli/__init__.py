"""The `briefing` command: open a briefing in the reader, analyse briefings, manage notes.

`main` only picks the command; each lives in its own module (`open`, `analyze`, `notes`, `text`, `library`, `search`, `actors`, `config`, with `source` reading a file, a pipe or a URL) with the
options they share in `options`. Nothing heavy is imported at module level: `briefing analyze` on a
cached briefing imports neither textual nor spaCy, and `briefing FILE` imports textual only once
the file has been read.
"""

from __future__ import annotations

import sys
import time

STARTED = time.perf_counter()  # first import of the CLI: the app reports "ready in N ms" from here


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv == ["--version"]:
        # What argparse's `--version` does for this argv, without building a parser: argparse,
        # gettext and locale are most of what `briefing --version` would cost beyond Python itself.
        from tui import __version__

        print(f"briefing {__version__}")
        raise SystemExit(0)
    try:
        if argv and argv[0] == "analyze":
            from tui.cli.analyze import run_analyze

            return run_analyze(argv[1:])
        if argv and argv[0] == "notes":
            from tui.cli.notes import run_notes

            return run_notes(argv[1:])
        if argv and argv[0] == "text":
            from tui.cli.text import run_text

            return run_text(argv[1:])
        if argv and argv[0] == "library":
            from tui.cli.library import run_library

            return run_library(argv[1:])
        if argv and argv[0] == "search":
            from tui.cli.search import run_search

            return run_search(argv[1:])
        if argv and argv[0] == "actors":
            from tui.cli.actors import run_actors

            return run_actors(argv[1:])
        if argv and argv[0] == "config":
            from tui.cli.config import run_config

            return run_config(argv[1:])
        from tui.cli.open import run_open

        return run_open(argv, STARTED)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `briefing analyze --json | head`: the reader went away; that is not an error.
        sys.stderr.close()
        return 0
    except Exception as error:
        # Imported only here: `briefing --version` must not pay for the store's imports.
        from store.paths import UnusableFolder

        if isinstance(error, UnusableFolder):  # every command, and the app before it starts
            from tui.cli.options import fail

            return fail(str(error))
        raise
