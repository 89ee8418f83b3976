"""The config file: found where the user expects, read when right, and every mistake one line."""

from __future__ import annotations

import re
import tomllib

import pytest

from tui.commands import COMMANDS
from tui.config import CONFIG_VARIABLE, TEMPLATE, config_path, load_config, setting_lines

IDS = {command.id for command in COMMANDS}


def write(tmp_path, text):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_where_the_file_is(tmp_path, monkeypatch, isolated_home):
    assert config_path() == isolated_home / "config.toml"
    monkeypatch.setenv(CONFIG_VARIABLE, str(tmp_path / "mine.toml"))
    assert config_path() == tmp_path / "mine.toml"
    assert config_path(tmp_path / "given.toml") == tmp_path / "given.toml"
    monkeypatch.delenv(CONFIG_VARIABLE)
    monkeypatch.delenv("BRIEFING_HOME")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert config_path() == tmp_path / "xdg" / "briefing" / "config.toml"


def test_no_file_is_all_defaults_without_a_word(tmp_path):
    config = load_config(tmp_path / "absent.toml", IDS)
    assert config.problems == [] and config.keys == {} and config.theme is None


def test_every_setting_read(tmp_path):
    path = write(tmp_path, f"""
theme = "nord"
model = "en_core_web_sm"
exports = "{tmp_path / 'out'}"
summary_sentences = 3

[keys]
"notes.export" = "X"
notes.delete = "D, ctrl+d"
"app.help" = "?"
""")
    config = load_config(path, IDS)
    assert config.problems == []
    assert (config.theme, config.model, config.exports, config.summary_sentences) == (
        "nord", "en_core_web_sm", tmp_path / "out", 3)
    assert config.keys == {"notes.export": "X", "notes.delete": "D,ctrl+d", "app.help": "?"}


@pytest.mark.parametrize(
    "text, line, words",
    [
        ('colour = "red"\n', 1, "unknown setting 'colour'"),
        ('\n\nsummary_sentences = 0\n', 3, "summary_sentences must be a whole number from 1 to 20"),
        ('summary_sentences = true\n', 1, "not True"),
        ('theme = 3\n', 1, "theme must be a non-empty string"),
        ('[keys]\n"nope.nothing" = "x"\n', 2, "no command 'nope.nothing'"),
        ('[keys]\n\n"notes.tags" = "a b"\n', 3, "keys for notes.tags must be key names"),
        ('[keys]\n"notes.tags" = ["t"]\n', 2, "keys for notes.tags must be key names"),
        ('keys = "x"\n', 1, "keys must be a table"),
        ('theme = "nord"\ntheme2 = \n', 2, "not valid TOML"),
    ],
)
def test_each_mistake_is_one_line_naming_file_and_line(tmp_path, text, line, words):
    path = write(tmp_path, text)
    config = load_config(path, IDS)
    assert len(config.problems) == 1
    problem = config.problems[0]
    assert problem.startswith(f"{path}:{line}: ") and words in problem and "\n" not in problem


def test_good_settings_survive_a_bad_neighbour(tmp_path):
    config = load_config(write(tmp_path, 'theme = "nord"\nsummary_sentences = 99\n'), IDS)
    assert config.theme == "nord" and config.summary_sentences is None and len(config.problems) == 1


def test_exports_must_be_a_folder(tmp_path):
    (tmp_path / "file").write_text("x")
    config = load_config(write(tmp_path, f'exports = "{tmp_path / "file"}"\n'), IDS)
    assert config.exports is None and "exports must be a folder" in config.problems[0]


def test_not_utf8(tmp_path):
    path = tmp_path / "config.toml"
    path.write_bytes(b'theme = "\xff"\n')
    assert "not UTF-8" in load_config(path, IDS).problems[0]


def test_the_template_is_valid_toml_and_each_commented_setting_works(tmp_path):
    assert tomllib.loads(TEMPLATE) == {"keys": {}}
    assert load_config(write(tmp_path, TEMPLATE), IDS).problems == []
    uncommented = re.sub(r'(?m)^# ("?[\w.]+"? = )', r"\1", TEMPLATE).replace("~/Documents", str(tmp_path))
    config = load_config(write(tmp_path, uncommented), IDS)
    assert config.problems == []
    assert config.theme and config.model and config.exports and config.summary_sentences == 5
    assert set(config.keys) == {"notes.export", "document.down", "app.search_notes"}


def test_setting_lines_follow_tables():
    lines = setting_lines('a = 1\n[keys]\n"x.y" = "k"\nz = 2\n')
    assert lines == {"a": 1, "keys": 2, "keys.x.y": 3, "keys.z": 4}
