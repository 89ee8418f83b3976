"""`briefing config`: where the config file is, write a commented one, or check it.

`--path` prints the file's path (whether or not it exists); `--init` writes the commented
template there, never over an existing file; with neither, the file is checked and each problem
printed in one line (exit 1 if there is any). The theme's name is checked by the app, which
knows the installed themes.
"""

from __future__ import annotations

import argparse
import sys

from tui.cli.options import fail
from tui.literal import literal


def config_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing config",
        description="The config file: theme, keys, default model, exports folder, summary size.",
    )
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--path", action="store_true", help="print where the config file is read from")
    what.add_argument("--init", action="store_true", help="write a commented config file there")
    parser.add_argument("--config", metavar="PATH", help="the config file (default: $BRIEFING_CONFIG "
                        "or the platform's config folder)")
    return parser


def shown(text: str, stream) -> str:
    """A path or message for `stream`: control characters made visible on a terminal."""
    return literal(text) if stream.isatty() else text


def run_config(argv: list[str]) -> int:
    args = config_parser().parse_args(argv)
    from tui.commands import COMMANDS
    from tui.config import TEMPLATE, config_path, load_config

    path = config_path(args.config)
    if args.path:
        print(shown(str(path), sys.stdout))
        return 0
    if args.init:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "x", encoding="utf-8") as file:
                file.write(TEMPLATE)
        except FileExistsError:
            return fail(shown(f"{path} exists already: nothing written", sys.stderr))
        except OSError as error:
            return fail(shown(f"cannot write {path}: {error.strerror or error}", sys.stderr))
        print(shown(f"wrote {path}", sys.stdout))
        return 0
    config = load_config(args.config, {command.id for command in COMMANDS})
    for problem in config.problems:
        print(shown(problem, sys.stderr), file=sys.stderr)
    if not config.problems:
        state = "no file there: every setting has its default" if not path.exists() else "no problem found"
        print(shown(f"{path}: {state}", sys.stdout))
    return 1 if config.problems else 0
