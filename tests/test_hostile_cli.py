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
    from analysis.notes.editing import new_note

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


def test_analyze_json_on_a_terminal_shows_bidi_and_c1_controls_and_stays_json(home):
    text = f"Report \u202eexe.txt\x9b2J\n\nPresident Recep Tayyip Erdogan met Volodymyr Zelensky in Istanbul. {HOSTILE}\n"
    # CI=1: no progress bar (its own styling escapes are not what this test looks for).
    ran = on_terminal(briefing("analyze", "-", "--json"), child_env(home, CI="1"), stdin=text.encode())
    assert ran.code == 0, ran.out
    shown = json.loads(no_raw_controls(ran.out).strip())
    assert shown["document"]["path"] == "<stdin>" and shown["document"]["title"] == "Report \ufffdexe.txt\ufffd2J"


# 4. files that are not files


def test_standard_input_is_read_only_when_asked_for_and_bounded(home):
    ran = on_pipes(briefing("analyze", "-", "--json"), child_env(home), stdin=b"")
    assert ran.returncode == 1 and "standard input: is empty" in one_line(ran.stderr)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` and its bytes, to show a command changed nothing."""
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def fifo(tmp_path) -> Path:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("command", [("analyze",), ("notes", "list"), ("notes", "import")])
@pytest.mark.parametrize("target", ["/dev/zero", "fifo", "pipe fd"])
def test_what_is_not_a_regular_file_is_refused_in_one_line(home, fifo, command, target):
    env = child_env(home)
    if target == "pipe fd":  # what a shell's <(cat seed) passes: /dev/fd/N, a pipe
        read_end, write_end = os.pipe()
        os.write(write_end, b"Ankara hosted the talks.\n")
        os.close(write_end)
        ran = on_pipes(briefing(*command, f"/dev/fd/{read_end}"), env, timeout=60, pass_fds=(read_end,))
        os.close(read_end)
    else:
        ran = on_pipes(briefing(*command, str(fifo) if target == "fifo" else target), env, timeout=60)
    assert ran.returncode == 1
    line = one_line(ran.stderr)
    assert ("not a file" in line or "a pipe" in line) and len(line) < 300
    assert snapshot(home / "data") == {}


def test_a_file_over_the_size_limit_is_refused_without_reading_it(home, tmp_path):
    from analysis.documents import MAX_BYTES

    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:  # sparse: no disk used, but stat says it is huge
        handle.truncate(MAX_BYTES + 1)
    ran = on_pipes(briefing("analyze", str(huge)), child_env(home), timeout=60)
    assert ran.returncode == 1 and "too large" in one_line(ran.stderr)


def test_analyze_on_a_folder_without_briefings_says_so(home, tmp_path):
    (tmp_path / "empty").mkdir()
    ran = on_pipes(briefing("analyze", str(tmp_path / "empty")), child_env(home), timeout=60)
    assert ran.returncode == 1 and "no briefings" in one_line(ran.stderr)


# 5. an unusable data folder


COMMANDS = [
    ("analyze", "{seed}"),
    ("notes", "list"),
    ("notes", "export", "--format", "md"),
    ("notes", "add", "{seed}", "--quote", "Ankara", "--body", "x"),
    ("notes", "import", "{seed}"),
    ("{seed}",),  # the app: refused before it starts, not a traceback inside it
]


@pytest.mark.parametrize("where", ["a file", "/proc/x", "/dev/null"])
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_an_unusable_data_folder_is_one_line_and_exit_1(tmp_path, seed_path, where, command):
    if where == "a file":
        home = tmp_path / "home-is-a-file"
        home.write_text("not a folder")
    else:
        home = Path(where)
    args = [part.format(seed=seed_path) for part in command]
    ran = on_terminal(briefing(*args), child_env(home), timeout=60)
    assert ran.code == 1
    line = one_line(no_raw_controls(ran.out))
    assert "data folder" in line and "cannot be used" in line


# 6. a cache that cannot be written


def test_an_unwritable_cache_warns_once_and_the_analysis_is_printed(home, seed_path):
    home.mkdir()
    (home / "cache").write_text("a file where the cache folder should be")
    ran = on_pipes(briefing("analyze", str(seed_path), "--json"), child_env(home))
    assert ran.returncode == 0, ran.stderr
    assert json.loads(ran.stdout)["actors"]
    assert "cache" in one_line(ran.stderr) and "in memory" in ran.stderr.decode()


# 8. imports


def export_of(*notes: dict) -> str:
    return json.dumps({"format": "briefing-notes", "version": 1, "notes": list(notes)})


IMPORTED = {"id": "imp1", "document_path": "a.txt", "content_hash": "ab12", "body": "fine", "anchor": None}


@pytest.mark.parametrize(
    "content, words",
    [
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        (export_of({**IMPORTED, "body": "x" * 20_000_000}), "the body has"),
        (export_of(*({**IMPORTED, "id": f"n{n}"} for n in range(10_001))), "the limit is 10000"),
        (export_of({**IMPORTED, "tags": [""]}), "is not a tag"),
        (export_of({**IMPORTED, "tags": ["a\nb"]}), "is not a tag"),
        (export_of({**IMPORTED, "tags": ["\x1b[2J"]}), "is not a tag"),
        (export_of({**IMPORTED, "tags": ["[bold]x[/]"]}), "is not a tag"),
        (export_of({**IMPORTED, "tags": [f"t{n}" for n in range(51)]}), "tags (the limit"),
        (export_of({**IMPORTED, "body": 123}), "'body' must be a string"),
        (export_of({**IMPORTED, "anchor": "bad"}), "anchor: expected an object"),
    ],
    ids=["deep", "20 MB body", "10,001 notes", "empty tag", "newline tag", "escape tag", "markup tag",
         "51 tags", "body a number", "anchor a string"],
)
def test_a_hostile_import_is_refused_in_one_line_and_changes_nothing(home, tmp_path, briefing_file, content, words):
    hostile_note(home, briefing_file)
    before = snapshot(home / "data")
    source = tmp_path / "import.json"
    source.write_text(content)
    ran = on_terminal(briefing("notes", "import", str(source)), child_env(home), timeout=60)
    assert ran.code == 1
    assert words in one_line(no_raw_controls(ran.out))
    assert snapshot(home / "data") == before


def test_an_import_names_a_file_that_list_and_export_never_read(home, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("root:$6$TOPSECRETHASH:19000:0:99999:7:::\n")
    note = {**IMPORTED, "document_path": str(secret), "content_hash": "ab12",
            "anchor": {"quote": "root", "prefix": "", "suffix": "", "start": 0, "end": 4}}
    source = tmp_path / "import.json"
    source.write_text(export_of(note))
    assert on_pipes(briefing("notes", "import", str(source)), child_env(home)).returncode == 0
    for args in (("notes", "list"), ("notes", "export", "--format", "md"), ("notes", "export", "--format", "json")):
        ran = on_pipes(briefing(*args), child_env(home))
        assert ran.returncode == 0 and b"TOPSECRET" not in ran.stdout + ran.stderr


# 9. malformed records in the store


def test_malformed_records_are_reported_listed_around_and_kept(home, briefing_file):
    good = hostile_note(home, briefing_file)
    store = NotesStore(notes_path(str(home)))
    from store.note_shards import read_shard, shard_name

    shard = read_shard(store.root, shard_name(good["document_path"]))
    data = json.loads(shard.file.read_text())
    bad = {"2": {**good, "id": "b1", "body": 123}, "3": {**good, "id": "b2", "tags": "x"},
           "4": {**good, "id": "b3", "anchor": "bad"}}
    data["notes"].update(bad)
    shard.file.write_text(json.dumps(data))
    before = shard.file.read_bytes()

    for args in (("notes", "list"), ("notes", "export", "--format", "md")):
        ran = on_pipes(briefing(*args), child_env(home))
        assert ran.returncode == 1  # an export that left records out must not look complete
        errors = ran.stderr.decode()
        assert "Traceback" not in errors and len(errors.splitlines()) == 3
        assert all(f"(id b{n})" in errors for n in (1, 2, 3))
        assert good["id"][:8].encode() in ran.stdout or b"ok" in ran.stdout
        assert shard.file.read_bytes() == before

    added = on_pipes(briefing("notes", "add", str(briefing_file), "--quote", "Kyiv", "--body", "new"), child_env(home))
    assert added.returncode == 0 and added.stdout.strip()  # saved, and the bad records said once each
    assert len(added.stderr.decode().splitlines()) == 3 and b"Traceback" not in added.stderr
    kept = json.loads(shard.file.read_text())["notes"]
    assert all(kept[doc_id] == record for doc_id, record in bad.items())
    assert len(kept) == 5


# 12. an unusable notes file is never a silent, empty success


@pytest.mark.parametrize("which", ["old single file", "a briefing's file"])
def test_export_of_an_unusable_notes_file_exits_1_and_changes_nothing(home, briefing_file, which):
    good = hostile_note(home, briefing_file)
    if which == "old single file":
        broken = notes_path(str(home))
    else:
        from store.note_shards import read_shard, shard_name

        broken = read_shard(NotesStore(notes_path(str(home))).root, shard_name(good["document_path"])).file
    broken.write_bytes(b'{"notes": {"1": {"id": "torn')
    before = snapshot(home / "data")
    for args in (("notes", "export", "--format", "md"), ("notes", "list")):
        ran = on_pipes(briefing(*args), child_env(home))
        assert ran.returncode == 1
        assert "cannot be used" in one_line(ran.stderr) and str(broken) in ran.stderr.decode()
    assert snapshot(home / "data") == before


def test_export_to_a_link_to_a_device_is_refused_and_the_link_kept(home, briefing_file, tmp_path):
    hostile_note(home, briefing_file)
    link = tmp_path / "notes.md"
    link.symlink_to("/dev/null")
    ran = on_pipes(briefing("notes", "export", "-o", str(link)), child_env(home))
    assert ran.returncode == 1 and "not a regular file" in one_line(ran.stderr)
    assert link.is_symlink() and os.readlink(link) == "/dev/null"
