"""Notes survive SIGKILL at any moment, and two processes writing at once lose nothing."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from store.notes import NotesStore

pytestmark = pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")

WRITER = Path(__file__).resolve().parents[1] / "helpers" / "store_writer.py"
NOTE_ID = re.compile(r"[0-9a-f]{32}")


def start_writer(path: Path, count: int, tag: str) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, str(WRITER), str(path), str(count), tag],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout.readline().strip() == "ready", process.stderr.read()
    return process


def reported_ids(output: str) -> set[str]:
    # A kill can cut the last line short; only whole ids count as reported.
    return {line for line in output.splitlines() if NOTE_ID.fullmatch(line)}


def ids_on_disk(path: Path) -> set[str]:
    """Ids in every per-briefing file of the store at `path`."""
    ids = set()
    for shard in (path.parent / path.stem).glob("[0-9a-f][0-9a-f]/*.json"):
        data = json.loads(shard.read_bytes())  # raises if the kill left a torn file
        ids |= {record["id"] for record in data["notes"].values()}
    return ids


def test_sigkill_at_random_moments_loses_no_saved_note(tmp_path):
    path = tmp_path / "notes.json"
    seed = random.randrange(1 << 30)
    chance = random.Random(seed)
    saved: set[str] = set()
    for round_number in range(15):
        writer = start_writer(path, -1, f"round{round_number}")
        time.sleep(chance.uniform(0.0, 0.25))
        writer.send_signal(signal.SIGKILL)
        output, _ = writer.communicate()
        assert writer.returncode == -signal.SIGKILL
        saved |= reported_ids(output)

        on_disk = ids_on_disk(path)
        missing = saved - on_disk
        assert not missing, f"round {round_number} (seed {seed}): {len(missing)} saved notes lost"

    assert len(saved) > 15  # the writers really wrote between kills
    store = NotesStore(path)
    assert not store.read_only
    store.add({"document_path": "x.txt", "content_hash": "x", "anchor": None, "body": "after the kills"})
    # The next locked write sweeps any temporary a killed writer left behind.
    assert not list(tmp_path.rglob("*.tmp"))
    assert saved <= {note["id"] for note in store.all()}


def test_two_processes_adding_at_once_lose_nothing(tmp_path):
    path = tmp_path / "notes.json"
    writers = [start_writer(path, 300, tag) for tag in ("left", "right")]
    reported = []
    for writer in writers:
        output, errors = writer.communicate(timeout=60)
        assert writer.returncode == 0, errors
        reported.append(reported_ids(output))

    assert [len(ids) for ids in reported] == [300, 300]
    notes = NotesStore(path).all()
    assert len(notes) == 600
    assert {note["id"] for note in notes} == reported[0] | reported[1]


EDITOR = Path(__file__).resolve().parents[1] / "helpers" / "store_editor.py"


def start_editor(path: Path, note_id: str, body: str) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, str(EDITOR), str(path), note_id, body],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert process.stdout.readline().strip() == "read", process.stderr.read()
    return process


def save(editor: subprocess.Popen) -> dict:
    output, errors = editor.communicate("go\n", timeout=60)
    assert editor.returncode == 0, errors
    return json.loads(output)


def test_two_processes_editing_one_note_keep_both_texts(tmp_path):
    """A and B open the same note; B saves, then A (whose view is stale) saves: nothing is lost."""
    path = tmp_path / "notes.json"
    original = NotesStore(path).add(
        {"document_path": "a.txt", "content_hash": "h", "anchor": None, "body": "first"}
    )
    a = start_editor(path, original["id"], "A's edit")
    b = start_editor(path, original["id"], "B's edit")
    by_b = save(b)
    by_a = save(a)

    assert by_b["id"] == original["id"] and by_b["revision"] == 2
    assert by_a["id"] != original["id"] and by_a["conflict_of"] == original["id"]
    bodies = {note["id"]: note["body"] for note in NotesStore(path).all()}
    assert bodies == {original["id"]: "B's edit", by_a["id"]: "A's edit"}


def test_two_processes_saving_the_same_note_at_once_keep_both_texts(tmp_path):
    path = tmp_path / "notes.json"
    original = NotesStore(path).add(
        {"document_path": "a.txt", "content_hash": "h", "anchor": None, "body": "first"}
    )
    editors = [start_editor(path, original["id"], f"edit {n}") for n in range(4)]
    for editor in editors:  # all released before any is waited on: they race for the lock
        editor.stdin.write("go\n")
        editor.stdin.flush()
    for editor in editors:
        assert editor.wait(timeout=60) == 0, editor.stderr.read()
    bodies = sorted(note["body"] for note in NotesStore(path).all())
    assert bodies == [f"edit {n}" for n in range(4)]  # one in place, three kept beside it
