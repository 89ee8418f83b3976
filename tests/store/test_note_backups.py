"""Notes backups: a copy after every write, bounded rotation, and restores that lose nothing unsaid."""

from __future__ import annotations

import json

import pytest

from store.jsonfile import CorruptFile
from store.notes import NotesStore
from tests.helpers.notes_store import note, shard_file


def test_restore_backup_keeps_the_bad_file_and_loses_no_saved_note(path, clock):
    store = NotesStore(path, clock=clock)
    first = store.add(note("first"))
    clock.advance(hours=1)
    second = store.add(note("second"))  # backed up after the write: a restore keeps it
    raw = b"\x00\x00 torn"
    shard_file(path).write_bytes(raw)

    broken = NotesStore(path, clock=clock)
    assert broken.problem_for("a.txt") and broken.for_document("h1", "a.txt") == []
    backup = broken.backups("a.txt")[0]
    check = broken.check_backup(backup)
    assert check.usable and check.notes == 2 and check.lost is None  # a torn file cannot be counted

    kept = broken.restore_backup(backup)

    assert kept is not None and ".bad-" in kept.name and kept.read_bytes() == raw
    assert broken.problem_for("a.txt") is None
    assert [n["id"] for n in broken.all()] == [first["id"], second["id"]]
    broken.add(note("after restore"))
    assert len(NotesStore(path).all()) == 3


def test_a_backup_of_an_older_schema_is_never_restored_over_a_newer_file(store, path):
    store.add(note())
    backup = store.backups("a.txt")[0]
    newer = json.loads(shard_file(path).read_text())
    newer["meta"]["1"]["schema_version"] = 99
    shard_file(path).write_text(json.dumps(newer))
    raw = shard_file(path).read_bytes()

    check = store.check_backup(backup)
    assert not check.usable and "older schema" in check.reason
    with pytest.raises(CorruptFile):
        store.restore_backup(backup)
    assert shard_file(path).read_bytes() == raw


def test_a_backup_lacking_notes_says_how_many(store, path, clock):
    store.add(note("one"))
    older = store.backups("a.txt")[0]
    clock.advance(seconds=5)
    store.add(note("two"))
    store.add(note("three"))
    assert store.check_backup(older).lost == 2
    assert store.check_backup(store.backups("a.txt")[0]).lost == 0


def test_restoring_a_bad_backup_changes_nothing(store, path, tmp_path):
    store.add(note())
    before = shard_file(path).read_bytes()
    bad_backup = tmp_path / "bad-backup.json"
    bad_backup.write_text("[not, json")
    with pytest.raises(CorruptFile):
        store.restore_backup(bad_backup)
    assert shard_file(path).read_bytes() == before
    assert not list(path.parent.rglob("*.bad-*"))


# backups


def test_a_backup_follows_every_write_and_rotation_is_bounded(path, clock):
    store = NotesStore(path, clock=clock, keep_backups=5)
    for number in range(12):
        store.add(note(f"note {number}"))
        clock.advance(minutes=1)
    copies = store.backups("a.txt")
    assert len(copies) == 5  # one day: the five newest
    assert len(json.loads(copies[0].read_text())["notes"]) == 12  # the newest holds the last write
    assert copies[0].read_bytes() == shard_file(path).read_bytes()


def test_rotation_keeps_one_copy_per_day_and_a_size_bound(path, clock):
    from store.backups import rotate

    store = NotesStore(path, clock=clock, keep_backups=2)
    for day in range(10):
        store.add(note(f"day {day}"))
        clock.advance(days=1)
    folder = store.backups("a.txt")[0].parent
    assert len(list(folder.iterdir())) == 7  # the last copy of each of the newest seven days
    rotate(folder, keep=2, max_bytes=1)
    assert [p.name for p in folder.iterdir()] == [store.backups("a.txt")[0].name]  # the newest stays


def test_temporaries_of_a_killed_writer_are_swept(store, path):
    store.add(note())
    leftover = shard_file(path).parent / f".{shard_file(path).name}.abc123.tmp"
    leftover.write_text('{"half": ')
    NotesStore(path).add(note())  # the first write of an instance sweeps every folder
    assert not leftover.exists()
