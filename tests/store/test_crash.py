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
    data = json.loads(path.read_bytes())  # raises if the kill left a torn file
    return {record["id"] for record in data["notes"].values()}


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

        on_disk = ids_on_disk(path) if path.exists() else set()
        missing = saved - on_disk
        assert not missing, f"round {round_number} (seed {seed}): {len(missing)} saved notes lost"

    assert len(saved) > 15  # the writers really wrote between kills
    store = NotesStore(path)
    assert not store.read_only
    store.add({"document_path": "x.txt", "content_hash": "x", "anchor": None, "body": "after the kills"})
    # The next locked write sweeps any temporary a killed writer left behind.
    assert not list(tmp_path.glob(".notes.json.*.tmp"))
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
