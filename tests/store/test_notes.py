"""Notes: CRUD and undo, import, migration, bad files (read-only, never overwritten), backups, lock."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone

import pytest

from analysis.notes.types import Anchor, Note
from store import notes as notes_module
from store.jsonfile import CorruptFile, StoreLocked
from store.notes import (
    MIGRATIONS,
    SCHEMA_VERSION,
    NoteNotFound,
    NotesReadOnly,
    NotesStore,
)

DAY_ONE = datetime(2024, 3, 1, 12, 0, tzinfo=timezone.utc)


class Clock:
    """A clock the test moves by hand, so days pass without sleeping."""

    def __init__(self, now: datetime = DAY_ONE) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


def note(body: str = "Check the 2020 statement.", content_hash: str = "h1", path: str = "a.txt", **extra) -> dict:
    return {
        "document_path": path,
        "content_hash": content_hash,
        "anchor": {"quote": "Ankara refuses", "prefix": "", "suffix": "", "start": 0, "end": 14},
        "body": body,
        "tags": ["tr"],
        **extra,
    }


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def path(tmp_path):
    return tmp_path / "data" / "notes.json"


@pytest.fixture
def store(path, clock):
    return NotesStore(path, clock=clock)


# CRUD


def test_missing_file_is_empty_and_not_created_by_reading(store, path):
    assert store.all() == [] and store.get("nope") is None and store.for_document("h1") == []
    assert not store.read_only and store.problem is None and store.backups() == []
    assert not path.exists()


def test_add_assigns_id_and_times(store, path):
    given = note()
    added = store.add(given)
    assert "id" not in given  # the caller's dict is left alone
    assert len(added["id"]) == 32 and int(added["id"], 16) >= 0
    assert datetime.fromisoformat(added["created"]) == DAY_ONE
    assert added["updated"] == added["created"]
    assert store.get(added["id"]) == added
    on_disk = json.loads(path.read_text())
    assert on_disk["meta"] == {"1": {"schema_version": SCHEMA_VERSION}}
    assert list(on_disk["notes"].values()) == [added]


def test_add_keeps_given_id_and_times_and_refuses_duplicates(store):
    added = store.add(note(id="n1", created="2020-01-01T00:00:00+00:00"))
    assert added["id"] == "n1" and added["created"] == added["updated"] == "2020-01-01T00:00:00+00:00"
    with pytest.raises(ValueError, match="n1"):
        store.add(note(id="n1"))
    assert len(store.all()) == 1


def test_the_models_note_roundtrips(store):
    model_note = Note(
        id="", document_path="a.txt", content_hash="h1",
        anchor=Anchor(quote="q", prefix="p", suffix="s", start=3, end=4), body="b", tags=["x"],
    )
    back = Note.from_dict(store.add(model_note.to_dict()))
    assert back.anchor == model_note.anchor and back.tags == ["x"] and back.id and back.created


def test_update_sets_updated(store, clock):
    added = store.add(note())
    clock.advance(minutes=5)
    changed = store.update(added["id"], {"body": "New body", "tags": ["a", "b"]})
    assert changed["body"] == "New body" and changed["tags"] == ["a", "b"]
    assert changed["created"] == added["created"]
    assert datetime.fromisoformat(changed["updated"]) == DAY_ONE + timedelta(minutes=5)
    assert store.get(added["id"]) == changed


def test_update_refuses_unknown_notes_and_id_changes(store):
    added = store.add(note())
    with pytest.raises(NoteNotFound):
        store.update("missing", {"body": "x"})
    with pytest.raises(ValueError):
        store.update(added["id"], {"id": "other"})
    assert store.update(added["id"], {"id": added["id"], "body": "ok"})["body"] == "ok"


def test_delete_then_restore_is_undo(store, clock):
    first = store.add(note("first"))
    clock.advance(seconds=1)
    second = store.add(note("second"))
    clock.advance(seconds=1)
    third = store.add(note("third"))

    deleted = store.delete(second["id"])
    assert deleted == second
    assert store.get(second["id"]) is None
    with pytest.raises(NoteNotFound):
        store.delete(second["id"])

    assert store.restore(deleted) == second
    assert [n["id"] for n in store.all()] == [first["id"], second["id"], third["id"]]
    # Undo pressed twice does not duplicate the note.
    store.restore(deleted)
    assert len(store.all()) == 3
    with pytest.raises(ValueError):
        store.restore({"body": "no id"})


def test_two_instances_see_each_others_writes(path):
    one, two = NotesStore(path), NotesStore(path)
    a = one.add(note("from one"))
    b = two.add(note("from two"))
    c = one.add(note("one again"))
    assert {n["id"] for n in two.all()} == {a["id"], b["id"], c["id"]}
    two.delete(a["id"])
    assert one.get(a["id"]) is None


def test_import_adds_only_new_ids(store):
    existing = store.add(note(id="n1"))
    incoming = [note(id="n1", body="changed"), note(id="n2"), note(id="n2", body="dup"), note(id="n3"), note()]
    assert store.import_notes(incoming) == 3
    assert store.get("n1") == existing
    assert store.get("n2")["body"] == note()["body"]
    assert len(store.all()) == 4
    assert store.import_notes([note(id="n3")]) == 0


def test_for_document_matches_hash_or_path(store):
    same_text = store.add(note(content_hash="h1", path="old/place.txt"))
    same_file = store.add(note(content_hash="h0", path="a.txt"))
    store.add(note(content_hash="h2", path="b.txt"))
    assert {n["id"] for n in store.for_document("h1")} == {same_text["id"]}
    assert {n["id"] for n in store.for_document("h1", "a.txt")} == {same_text["id"], same_file["id"]}
    assert store.for_document("zz", "nowhere.txt") == []


# schema migration


def _v0_file(path, with_meta: bool = False) -> bytes:
    old_note = {
        "id": "old1", "document_path": "a.txt", "content_hash": "h1", "body": "from long ago",
        "anchor": None, "created": "2023-01-01T00:00:00+00:00", "updated": "2023-01-01T00:00:00+00:00",
    }
    data = {"notes": {"1": old_note}}
    if with_meta:
        data["meta"] = {"1": {"schema_version": 0}}
    raw = json.dumps(data).encode()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)
    return raw


def test_every_old_version_has_a_migration():
    assert set(MIGRATIONS) == set(range(SCHEMA_VERSION))


@pytest.mark.parametrize("with_meta", [False, True])
def test_version_0_is_migrated_with_a_backup_first(path, clock, with_meta):
    original = _v0_file(path, with_meta)
    store = NotesStore(path, clock=clock)

    assert not store.read_only
    old = store.get("old1")
    assert old["tags"] == [] and old["placement"] == "exact" and old["actor_id"] is None
    assert path.read_bytes() == original  # reading migrates in memory only

    store.add(note())
    saved = json.loads(path.read_text())
    assert saved["meta"]["1"]["schema_version"] == SCHEMA_VERSION
    assert saved["notes"]["1"]["tags"] == [] and saved["notes"]["1"]["placement"] == "exact"
    migration_backups = list((path.parent / "backups").glob("notes-v0-*.json"))
    assert len(migration_backups) == 1 and migration_backups[0].read_bytes() == original


def test_migrations_chain_through_versions(path, clock, monkeypatch):
    def add_colour(data):
        for record in data["notes"].values():
            record.setdefault("colour", "yellow")
        return data

    monkeypatch.setattr(notes_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setattr(notes_module, "MIGRATIONS", {**MIGRATIONS, SCHEMA_VERSION: add_colour})
    _v0_file(path)
    store = NotesStore(path, clock=clock)
    assert store.get("old1")["colour"] == "yellow" and store.get("old1")["tags"] == []
    store.add(note())
    assert json.loads(path.read_text())["meta"]["1"]["schema_version"] == SCHEMA_VERSION + 1


# files the store must not write


GOOD_NOTE = {"id": "keep-me", "document_path": "a.txt", "content_hash": "h1", "body": "precious"}
BAD_FILES = {
    "invalid JSON": (b'{"meta": {"1": {"schema_version": 1}}, "notes": {"1": {"id": "keep-me", "bo', []),
    "not UTF-8": (b'{"notes": {"1": {"body": "\xff\xfe"}}}', []),
    "top level is a list": (json.dumps([GOOD_NOTE]).encode(), ["keep-me"]),
    "notes table is a list": (json.dumps({"notes": [GOOD_NOTE]}).encode(), ["keep-me"]),
    "document id not a number": (json.dumps({"notes": {"first": GOOD_NOTE}}).encode(), ["keep-me"]),
    "note without id": (json.dumps({"notes": {"1": {"body": "orphan"}}}).encode(), [None]),
    "bad schema version": (
        json.dumps({"meta": {"1": {"schema_version": "one"}}, "notes": {"1": GOOD_NOTE}}).encode(), ["keep-me"]
    ),
    "newer schema": (
        json.dumps({"meta": {"1": {"schema_version": 99}}, "notes": {"1": GOOD_NOTE}}).encode(), ["keep-me"]
    ),
}


def _attempt_every_write(store):
    attempts = [
        lambda: store.add(note()),
        lambda: store.update("keep-me", {"body": "x"}),
        lambda: store.delete("keep-me"),
        lambda: store.restore(note(id="r1")),
        lambda: store.import_notes([note(id="i1")]),
    ]
    for attempt in attempts:
        with pytest.raises(NotesReadOnly) as raised:
            attempt()
        assert str(raised.value) == store.problem


@pytest.mark.parametrize("kind", BAD_FILES)
def test_bad_file_opens_read_only_and_is_never_written(path, clock, kind):
    raw, readable_ids = BAD_FILES[kind]
    path.parent.mkdir(parents=True)
    path.write_bytes(raw)

    store = NotesStore(path, clock=clock)

    assert store.read_only
    assert str(path) in store.problem and "\n" not in store.problem
    assert [n.get("id") for n in store.all()] == readable_ids
    _attempt_every_write(store)
    assert path.read_bytes() == raw
    assert sorted(p.name for p in path.parent.iterdir()) == ["notes.json"]


def test_file_broken_after_opening_is_not_overwritten(store, path):
    store.add(note())
    raw = b'{"notes": '
    path.write_bytes(raw)
    with pytest.raises(NotesReadOnly):
        store.add(note())
    assert store.read_only and path.read_bytes() == raw


def test_restore_backup_keeps_the_bad_file(path, clock):
    store = NotesStore(path, clock=clock)
    first = store.add(note("first"))
    clock.advance(days=1)
    store.add(note("second"))  # first write of the day: yesterday's file is backed up first
    raw = b"\x00\x00 torn"
    path.write_bytes(raw)

    broken = NotesStore(path, clock=clock)
    assert broken.read_only and broken.all() == []
    [backup] = broken.backups()
    assert backup.name == "notes-2024-03-02.json"

    kept = broken.restore_backup(backup)

    assert kept is not None and kept.name.startswith("notes.json.bad-") and kept.read_bytes() == raw
    assert not broken.read_only and broken.problem is None
    assert [n["id"] for n in broken.all()] == [first["id"]]
    broken.add(note("after restore"))
    assert len(NotesStore(path).all()) == 2


def test_restoring_a_bad_backup_changes_nothing(store, path, tmp_path):
    store.add(note())
    before = path.read_bytes()
    bad_backup = tmp_path / "bad-backup.json"
    bad_backup.write_text("[not, json")
    with pytest.raises(CorruptFile):
        store.restore_backup(bad_backup)
    assert path.read_bytes() == before
    assert not list(path.parent.glob("*.bad-*"))


# backups


def test_daily_backups_keep_the_newest_seven(store, path, clock):
    for day in range(10):
        store.add(note(f"day {day} first"))
        store.add(note(f"day {day} second"))  # a second write the same day makes no new backup
        clock.advance(days=1)

    backups = sorted(p.name for p in (path.parent / "backups").iterdir())
    # Day one had no file to back up; days two to ten made nine backups, of which seven are kept.
    assert backups == [f"notes-2024-03-{day:02d}.json" for day in range(4, 11)]
    for name in backups:
        day = int(name[-7:-5])
        saved = json.loads((path.parent / "backups" / name).read_text())
        assert len(saved["notes"]) == 2 * (day - 1)  # the file as it was before that day's writes
    assert [p.name for p in store.backups()] == sorted(backups, reverse=True)


def test_temporaries_of_a_killed_writer_are_swept(store, path):
    store.add(note())
    leftover = path.parent / ".notes.json.abc123.tmp"
    leftover.write_text('{"half": ')
    store.add(note())
    assert not leftover.exists()


# locking


def test_lock_held_elsewhere_raises_store_locked_quickly(path):
    path.parent.mkdir(parents=True)
    holder = subprocess.Popen(
        [
            sys.executable, "-c",
            "import sys, time\nfrom filelock import FileLock\n"
            "lock = FileLock(sys.argv[1])\nlock.acquire()\nprint('held', flush=True)\ntime.sleep(30)",
            str(path) + ".lock",
        ],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        store = NotesStore(path, lock_timeout=0.3)
        started = time.monotonic()
        with pytest.raises(StoreLocked) as raised:
            store.add(note())
        assert time.monotonic() - started < 3
        assert str(path) in str(raised.value)
        assert store.all() == [] and not path.exists() and not store.read_only
    finally:
        holder.kill()
        holder.wait()
    # Once the other process is gone the lock is free again.
    assert store.add(note())["id"]
