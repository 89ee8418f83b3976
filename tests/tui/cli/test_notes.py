"""`briefing notes add|list|export|import` through `tui.cli.main`, on TinyDB files in tmp_path."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from store.notes import SCHEMA_VERSION, NotesStore
from store.paths import notes_path
from tests.helpers import REPO_ROOT as ROOT
from tui.cli import main

TEXT = (
    "Ankara hosted the talks.\n\n"
    "Later, Ankara said the Black Sea must stay open.\n"
    "Kyiv welcomed the [bold]offer[/bold].\n"
)


@pytest.fixture
def briefing(tmp_path) -> Path:
    path = tmp_path / "talks.txt"
    path.write_text(TEXT)
    return path


@pytest.fixture
def home(tmp_path) -> Path:
    return tmp_path / "home"


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(["notes", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def add(capsys, home, briefing, quote, body, *extra) -> tuple[int, str, str]:
    return run(capsys, "--data-dir", str(home), "add", str(briefing), "--quote", quote, "--body", body, *extra)


def stored(home) -> list[dict]:
    return NotesStore(notes_path(str(home))).all()


# add


def test_add_anchors_to_the_first_occurrence(capsys, home, briefing):
    code, out, err = add(capsys, home, briefing, "Ankara", "Host and mediator #turkey", "--tag", "Talks")
    assert code == 0, err
    note_id = out.strip()
    [note] = stored(home)
    assert note["id"] == note_id and len(note_id) == 32
    assert (note["anchor"]["start"], note["anchor"]["end"]) == (0, len("Ankara"))
    assert note["anchor"]["suffix"].startswith(" hosted the talks")
    assert note["tags"] == ["talks", "turkey"]
    assert note["document_path"] == str(briefing)


def test_data_dir_also_after_the_command(capsys, home, briefing):
    code, _, err = run(capsys, "add", str(briefing), "--quote", "Kyiv", "--body", "b", "--data-dir", str(home))
    assert code == 0, err
    assert [n["body"] for n in stored(home)] == ["b"]


def test_quote_not_in_the_briefing_is_an_error(capsys, home, briefing):
    code, out, err = add(capsys, home, briefing, "Moscow", "nowhere")
    assert code == 1 and out == ""
    assert "the quote is not in the briefing" in err and "'Moscow'" in err and str(briefing) in err
    assert stored(home) == []


def test_missing_briefing_and_bad_tag(capsys, home, briefing, tmp_path):
    code, _, err = add(capsys, home, tmp_path / "gone.txt", "Ankara", "x")
    assert code == 1 and "no such file" in err
    code, _, err = add(capsys, home, briefing, "Ankara", "x", "--tag", "#3")
    assert code == 2 and "not a tag" in err and "Traceback" not in err
    assert stored(home) == []


def test_add_to_a_read_only_notes_file_fails_and_keeps_it(capsys, home, briefing):
    path = notes_path(str(home))
    path.write_text(json.dumps({"meta": {"1": {"schema_version": SCHEMA_VERSION + 1}}, "notes": {}}))
    before = path.read_bytes()
    code, _, err = add(capsys, home, briefing, "Ankara", "x")
    assert code == 1 and str(path) in err and "newer briefing" in err
    assert path.read_bytes() == before


# list


def test_list_text_and_json(capsys, home, briefing, tmp_path):
    add(capsys, home, briefing, "Ankara", "first #turkey")
    add(capsys, home, briefing, "Black Sea", "second")
    other = tmp_path / "other.txt"
    other.write_text("Moscow answered at once.\n")
    add(capsys, home, other, "Moscow", "elsewhere")

    code, out, _ = run(capsys, "--data-dir", str(home), "list")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 3
    # Oldest first; notes on two briefings within one second come in the order of their paths.
    ankara = next(line for line in lines if "“Ankara”" in line)
    assert "first #turkey" in ankara and "[exact]" in ankara
    assert lines.index(ankara) < next(i for i, line in enumerate(lines) if "Black Sea" in line)

    code, out, _ = run(capsys, "--data-dir", str(home), "list", str(briefing), "--json")
    assert code == 0
    notes = [json.loads(line) for line in out.splitlines()]
    assert [n["body"] for n in notes] == ["first #turkey", "second"]
    assert notes[1]["anchor"]["quote"] == "Black Sea" and notes[0]["tags"] == ["turkey"]
    assert {"id", "document_path", "content_hash", "created", "updated", "placement"} <= set(notes[0])


def test_list_shows_markup_and_escapes_literally(capsys, home, briefing):
    add(capsys, home, briefing, "[bold]offer[/bold]", "body \x1b[31mred")
    _, out, _ = run(capsys, "--data-dir", str(home), "list")
    assert "[bold]offer[/bold]" in out and "\x1b" not in out and "␛[31mred" in out


# export


def test_export_markdown_has_blockquotes_and_path_line(capsys, home, briefing):
    add(capsys, home, briefing, "Black Sea must stay open", "Montreux applies #straits")
    add(capsys, home, briefing, "Ankara", "host")
    code, out, _ = run(capsys, "--data-dir", str(home), "export", "--format", "md")
    assert code == 0
    assert out.startswith("# Briefing notes")
    assert f"`{briefing}:1`" in out and f"`{briefing}:3`" in out
    assert out.index(f"{briefing}:1") < out.index(f"{briefing}:3")  # in text order
    assert "> Black Sea must stay open" in out
    assert "Montreux applies #straits" in out


def test_export_follows_an_edited_briefing(capsys, home, briefing):
    add(capsys, home, briefing, "Black Sea must stay open", "kept")
    add(capsys, home, briefing, "Kyiv welcomed the", "gone")
    briefing.write_text("A new first line.\n\n" + TEXT.replace("Kyiv welcomed the [bold]offer[/bold].\n", ""))
    code, out, _ = run(capsys, "--data-dir", str(home), "export", str(briefing))
    assert code == 0
    assert f"`{briefing}:5`" in out  # two lines were added above the passage
    orphans = out[out.index("### Orphaned"):]
    assert "> Kyiv welcomed the" in orphans and "gone" in orphans


def test_export_json_to_a_file(capsys, home, briefing, tmp_path):
    add(capsys, home, briefing, "Ankara", "first")
    target = tmp_path / "out" / "notes.json"
    code, out, err = run(capsys, "--data-dir", str(home), "export", "--format", "json", "-o", str(target))
    assert code == 0 and out == ""
    assert f"wrote 1 notes to {target}" in err
    data = json.loads(target.read_text())
    assert data["format"] == "briefing-notes" and data["version"] == 1
    assert [n["body"] for n in data["notes"]] == ["first"]


# import


def test_import_round_trip_without_duplicates(capsys, home, briefing, tmp_path):
    add(capsys, home, briefing, "Ankara", "first #turkey")
    add(capsys, home, briefing, "Kyiv", "second")
    exported = tmp_path / "notes.json"
    run(capsys, "--data-dir", str(home), "export", "--format", "json", "-o", str(exported))
    before = stored(home)

    elsewhere = tmp_path / "elsewhere"
    code, _, err = run(capsys, "--data-dir", str(elsewhere), "import", str(exported))
    assert code == 0 and "imported 2 of 2 notes (0 already there)" in err
    assert stored(elsewhere) == before  # ids, times, anchors and tags all kept
    code, _, err = run(capsys, "--data-dir", str(elsewhere), "import", str(exported))
    assert code == 0 and "imported 0 of 2 notes (2 already there)" in err
    assert len(stored(elsewhere)) == 2

    # importing back where they came from adds only what is new there
    add(capsys, elsewhere, briefing, "Black Sea", "third")
    run(capsys, "--data-dir", str(elsewhere), "export", "--format", "json", "-o", str(exported))
    code, _, err = run(capsys, "--data-dir", str(home), "import", str(exported))
    assert "imported 1 of 3 notes (2 already there)" in err
    assert sorted(n["body"] for n in stored(home)) == ["first #turkey", "second", "third"]


@pytest.mark.parametrize(
    "content, says",
    [
        ("{not json", "not JSON"),
        ('{"format": "something-else", "version": 1, "notes": []}', "not a notes export"),
        ('{"format": "briefing-notes", "version": 1, "notes": [{"id": "x"}]}', "note 1 (id x): 'document_path' is missing"),
        ('{"format": "briefing-notes", "version": 99, "notes": []}', "newer briefing"),
    ],
)
def test_import_of_a_bad_file_is_a_clear_error(capsys, home, tmp_path, content, says):
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    code, out, err = run(capsys, "--data-dir", str(home), "import", str(bad))
    assert code == 1 and out == ""
    assert str(bad) in err and says in err and "Traceback" not in err
    assert stored(home) == []


def test_import_of_a_missing_file(capsys, home, tmp_path):
    code, _, err = run(capsys, "--data-dir", str(home), "import", str(tmp_path / "nope.json"))
    assert code == 1 and "cannot be read" in err


# two processes at once


CLI_WRITER = textwrap.dedent(
    """
    import sys
    import tui.cli.notes, analysis.notes, analysis.documents, store.notes, filelock  # warm imports
    from tui.cli import main
    home, briefing, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    print("ready", flush=True)
    for i in range(count):
        code = main(["notes", "--data-dir", home, "add", briefing, "--quote", "Ankara",
                     "--body", f"cli note {i}"])
        if code:
            sys.exit(code)
    """
)


def test_cli_and_store_adding_at_once_lose_nothing(home, briefing):
    count = 150
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
    writer = subprocess.Popen(
        [sys.executable, "-c", CLI_WRITER, str(home), str(briefing), str(count)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert writer.stdout.readline().strip() == "ready"
    first = writer.stdout.readline().strip()  # the CLI is in its loop: start ours alongside
    store = NotesStore(notes_path(str(home)), lock_timeout=30)
    mine = [store.add({"document_path": str(briefing), "content_hash": "h", "anchor": None,
                       "body": f"store note {i}"})["id"] for i in range(count)]
    out, err = writer.communicate(timeout=120)
    assert writer.returncode == 0, err
    cli_ids = [first, *out.split()]
    assert len(cli_ids) == count
    present = {note["id"] for note in NotesStore(notes_path(str(home))).all()}
    assert present == set(mine) | set(cli_ids)
