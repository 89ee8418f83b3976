"""Hostile and unlucky input fed to the real `briefing` CLI, each class of issue 10 in turn.

Every case asserts the exit code, that the user gets one line (no traceback), that nothing
reaches a terminal raw (run on a real pty, `tests.helpers.terminal`), and that files the command
must not change are unchanged.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from store.notes import NotesStore
from store.paths import notes_path
from tests.helpers.terminal import briefing, child_env, on_pipes, on_terminal

pytestmark = pytest.mark.skipif(os.name == "nt", reason="ptys and FIFOs are POSIX")

# Retitles the terminal, clears it, then a right-to-left override that reverses what follows.
HOSTILE = "\x1b]0;PWNED\x07 \x1b[2J ok \u202etxt.exe\u202c done"
SHOWN = "␛]0;PWNED␇ ␛[2J ok \ufffdtxt.exe\ufffd done"


def no_raw_controls(out: bytes) -> str:
    """The terminal's bytes as text, after checking no escape, bell or bidi control is in them."""
    text = out.decode("utf-8")
    raw = [char for char in text if char in "\x1b\x07\x9b\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"]
    assert not raw, f"raw control characters reached the terminal: {raw!r}"
    return text


def one_line(err: bytes | str) -> str:
    text = err.decode() if isinstance(err, bytes) else err
    assert "Traceback" not in text, text
    lines = [line for line in text.replace("\r\n", "\n").splitlines() if line.strip()]
    assert len(lines) == 1, lines
    assert lines[0].startswith("briefing: ")
    return lines[0]


@pytest.fixture
def home(tmp_path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def briefing_file(tmp_path) -> Path:
    path = tmp_path / "talks.txt"
    path.write_text("Ankara hosted the talks.\n\nKyiv welcomed the offer.\n")
    return path


def hostile_note(home: Path, briefing_file: Path) -> dict:
    text = briefing_file.read_text()
    from analysis.documents import read_document
    from analysis.notes import new_note

    document = read_document(briefing_file)
    note = new_note(document, 0, text.index(" hosted"), HOSTILE)
    return NotesStore(notes_path(str(home))).add(note.to_dict())


# 3. escape sequences from the CLI


def test_notes_export_to_a_terminal_shows_escapes_as_symbols(home, briefing_file):
    hostile_note(home, briefing_file)
    ran = on_terminal(briefing("notes", "export", "--format", "md"), child_env(home))
    assert ran.code == 0
    assert SHOWN in no_raw_controls(ran.out)


def test_notes_export_to_a_pipe_is_exact_markdown_and_valid_json(home, briefing_file):
    hostile_note(home, briefing_file)
    markdown = on_pipes(briefing("notes", "export", "--format", "md"), child_env(home))
    assert markdown.returncode == 0 and HOSTILE.encode() in markdown.stdout
    exported = on_pipes(briefing("notes", "export", "--format", "json"), child_env(home))
    assert json.loads(exported.stdout)["notes"][0]["body"] == HOSTILE


def test_notes_export_json_to_a_terminal_stays_valid_json(home, briefing_file):
    hostile_note(home, briefing_file)
    ran = on_terminal(briefing("notes", "export", "--format", "json"), child_env(home))
    shown = no_raw_controls(ran.out)
    assert ran.code == 0 and json.loads(shown.replace("\r\n", "\n"))["notes"][0]["body"] == HOSTILE.replace(
        "\u202e", "\ufffd").replace("\u202c", "\ufffd")


def test_notes_list_shows_tags_paths_and_bodies_literally(home, tmp_path):
    odd = tmp_path / "odd\x1b[2Jname\u202e.txt"
    odd.write_text("Ankara hosted the talks.\n")
    hostile_note(home, odd)
    for args in (("notes", "list"), ("notes", "list", "--json")):
        ran = on_terminal(briefing(*args), child_env(home))
        assert ran.code == 0, ran.out
        no_raw_controls(ran.out)


def test_an_error_line_naming_a_file_shows_it_literally(home):
    ran = on_terminal(briefing("notes", "list", "gone\x1b]0;PWNED\x07\nsecond line.txt"), child_env(home))
    assert ran.code == 1
    line = one_line(no_raw_controls(ran.out))
    assert "gone␛]0;PWNED␇⏎second line.txt" in line


def test_analyze_human_output_shows_a_hostile_briefing_literally(home, tmp_path):
    path = tmp_path / "hostile\x1b[2J.md"
    path.write_text(
        f"# Report {HOSTILE}\n\n"
        "President Recep Tayyip Erdogan met Volodymyr Zelensky in Istanbul on Friday. "
        f"Erdogan said {HOSTILE} that Turkey would mediate.\n"
    )
    ran = on_terminal(briefing("analyze", str(path)), child_env(home, NO_COLOR="1", TERM="dumb"))
    assert ran.code == 0, ran.out
    shown = no_raw_controls(ran.out)  # NO_COLOR and a dumb terminal: rich adds no styles either
    assert "Report ␛]0;PWNED␇" in shown
