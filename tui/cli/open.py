"""`briefing [PATH]`: read one briefing and open it in the reader.

The file is read (and the model's presence checked) before textual is imported, so a bad path or a
missing model fails in milliseconds with a clear message instead of after the app has started.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.cli.options import Version, add_model_and_data_options, fail


def open_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="A terminal reader for briefings: actors, summary and your notes.",
        epilog="Other commands: 'briefing analyze --help', 'briefing notes --help'.",
    )
    parser.add_argument(
        "path",
        nargs="?",
        help="briefing to open (.txt or .md); without one, the bundled sample briefing",
    )
    parser.add_argument("--version", action=Version, help="show the version and exit")
    add_model_and_data_options(parser)
    return parser


def run_open(argv: list[str], started: float) -> int:
    """Open the reader; `started` is when the command began, for its "ready in N ms"."""
    parser = open_parser()
    args = parser.parse_args(argv)
    from analysis.documents import DocumentError, read_document
    from analysis.pipeline import DEFAULT_MODEL, ModelNotInstalled, model_version

    if args.path is None:
        from seeds import sample_path

        path = sample_path()
    else:
        path = Path(args.path).expanduser()
    try:
        document = read_document(path)
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
    if not sys.stdout.isatty() and not sys.stdin.isatty():
        return fail("the reader needs a terminal; use 'briefing analyze' in scripts", 2)

    from tui.app import BriefingApp

    app = BriefingApp(document, model=args.model, data_dir=args.data_dir, started=started, config=config)
    app.run()
    return app.return_code or 0
