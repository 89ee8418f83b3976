"""`briefing [PATH]`: read one briefing and open it in the reader.

The file is read (and the model's presence checked) before textual is imported, so a bad path or a
missing model fails in milliseconds with a clear message instead of after the app has started.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.cli.options import HelpFormatter, Version, add_model_and_data_options, add_source_options, fail


def open_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        formatter_class=HelpFormatter,
        description="A terminal reader for briefings: actors, summary and your notes.",
        epilog="Other commands: 'briefing analyze --help', 'briefing notes --help', 'briefing text --help', "
        "'briefing library --help', 'briefing search --help', 'briefing actors --help'.",
    )
    parser.add_argument(
        "path",
        nargs="?",
        help="briefing to open (.txt .md .html .pdf .docx .epub), a folder of them (the library), '-' "
        "for standard input, or an http(s) URL; without one, the bundled sample briefing",
    )
    add_source_options(parser)
    parser.add_argument("--version", action=Version, help="show the version and exit")
    add_model_and_data_options(parser)
    return parser


def run_open(argv: list[str], started: float) -> int:
    """Open the reader; `started` is when the command began, for its "ready in N ms"."""
    from tui import startup_gc

    startup_gc.pause()  # until the first paint (BriefingApp.mark_ready), or the command's end
    try:
        return _run_open(argv, started)
    finally:
        startup_gc.resume()


def _run_open(argv: list[str], started: float) -> int:
    args = open_parser().parse_args(argv)
    from analysis.formats import DocumentError
    from analysis import DEFAULT_MODEL
    from analysis.pipeline import ModelNotInstalled, model_version
    from tui.cli.source import STDIN, load, terminal_for_keys

    if args.path is None:
        from seeds import sample_path

        path = sample_path()
    else:
        path = args.path
        folder = Path(path).expanduser()
        if path != STDIN and folder.is_dir():
            from tui.cli.library import open_library
            from tui.cli.options import default_model

            args.model = default_model(args)
            return open_library(folder, args, started)
    try:
        document = load(path, whole_page=args.whole_page, refresh=args.refresh, data_dir=args.data_dir)
        if path == STDIN:
            terminal_for_keys()
    except DocumentError as error:
        return fail(str(error))
    # After the file is read: the registry the key overrides are checked against imports textual.
    from tui.commands import COMMANDS
    from tui.config import load_config

    config = load_config(args.config, {command.id for command in COMMANDS})
    given = args.model
    args.model = given or config.model or DEFAULT_MODEL  # the config's model is the default, not --model
    try:
        try:
            model_version(args.model)
        except ModelNotInstalled as error:
            if given or config.model is None:
                raise
            # A bad config never stops the app: said there, and the default model is used.
            config.problem("model", str(error))
            args.model = DEFAULT_MODEL
            model_version(args.model)
    except ModelNotInstalled as error:
        return fail(str(error))
    from store.paths import data_dir

    data_dir(args.data_dir)  # an unusable data folder is one line here, not a traceback in the app
    if not sys.stdout.isatty() and not sys.stdin.isatty():
        return fail("the reader needs a terminal; use 'briefing analyze' in scripts", 2)

    from tui.app import BriefingApp

    app = BriefingApp(document, model=args.model, data_dir=args.data_dir, started=started, config=config)
    app.run()
    return app.return_code or 0
