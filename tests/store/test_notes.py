"""Notes: CRUD and undo, import, migration, bad files (read-only, never overwritten), backups, lock."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import datetime, timedelta

import pytest

from analysis.notes.types import Anchor, Note
from store import notes as notes_module
from store.jsonfile import StoreLocked
from store.notes import MIGRATIONS, SCHEMA_VERSION, NoteNotFound, NotesReadOnly, NotesStore

from tests.helpers.notes_store import DAY_ONE, Clock, note, shard_file  # noqa: F401 (also fixtures in conftest)


# CRUD


def test_missing_file_is_empty_and_not_created_by_reading(store, path):
    assert store.all() == [] and store.get("nope") is None and store.for_document("h1") == []
    assert not store.read_only and store.problem is None and store.backups() == []
    assert not path.exists() and not (path.parent / "notes").exists()


def test_add_assigns_id_and_times(store, path):
    given = note()
    added = store.add(given)
    assert "id" not in given  # the caller's dict is left alone
    assert len(added["id"]) == 32 and int(added["id"], 16) >= 0
    assert datetime.fromisoformat(added["created"]) == DAY_ONE
    assert added["updated"] == added["created"]
    assert added["revision"] == 1
    assert store.get(added["id"]) == added
    on_disk = json.loads(shard_file(path).read_text())
    assert on_disk["meta"] == {"1": {"schema_version": SCHEMA_VERSION}}
    assert list(on_disk["notes"].values()) == [added]
    assert not path.exists()  # the single file of earlier versions is never made again


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
    assert changed["created"] == added["created"] and changed["revision"] == 2
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
def test_version_0_is_moved_into_shards_and_kept_in_backups(path, clock, with_meta):
    original = _v0_file(path, with_meta)
    store = NotesStore(path, clock=clock)

    assert not store.read_only
    old = store.get("old1")
    assert old["tags"] == [] and old["placement"] == "exact" and old["actor_id"] is None
    assert old["revision"] == 1
    assert not path.exists()  # moved, never deleted:
    [kept] = (path.parent / "notes" / "backups").glob("notes-v0-*.json")
    assert kept.read_bytes() == original
    saved = json.loads(shard_file(path).read_text())
    assert saved["meta"]["1"]["schema_version"] == SCHEMA_VERSION
    assert list(saved["notes"].values())[0]["id"] == "old1"


def test_moving_the_single_file_into_shards_loses_nothing(path, clock):
    """Many briefings, bad records, a note already moved by an interrupted run: all accounted for."""
    records = {}
    for number in range(1, 301):
        records[str(number)] = {
            "id": f"n{number}", "document_path": f"brief-{number % 17}.txt", "content_hash": f"h{number % 17}",
            "body": f"note {number}", "anchor": None, "tags": [], "created": f"2024-01-01T00:00:{number % 60:02d}+00:00",
        }
    records["301"] = {"id": "bad-body", "document_path": "brief-1.txt", "content_hash": "h1", "body": 123}
    records["302"] = {"id": "no-path", "body": "where was I?"}
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"meta": {"1": {"schema_version": 1}}, "notes": records}))
    # An earlier run was killed after writing one shard: its note must not be copied twice.
    first = NotesStore(path.with_name("elsewhere.json"))
    first.root = path.parent / "notes"
    first.add({**records["1"], "revision": 1})

    store = NotesStore(path, clock=clock)

    assert {note["id"] for note in store.all()} == {f"n{number}" for number in range(1, 301)}
    assert len(store.all()) == 300
    assert len(store.for_document("h1", "brief-1.txt")) == len([n for n in range(1, 301) if n % 17 == 1])
    reported = " ".join(store.warnings())
    assert "bad-body" in reported and "'body' must be a string" in reported
    assert "'document_path' is missing" in reported
    on_disk = [r for f in (path.parent / "notes").glob("[0-9a-f][0-9a-f]/*.json") for r in json.loads(f.read_text())["notes"].values()]
    assert records["301"] in on_disk and records["302"] in on_disk  # kept as they were
    assert len(on_disk) == 302


def test_migrations_chain_through_versions(path, clock, monkeypatch):
    def add_colour(data):
        for record in data["notes"].values():
            record.setdefault("colour", "yellow")
        return data

    from store import legacy_notes, note_shards

    for module in (notes_module, legacy_notes, note_shards):
        monkeypatch.setattr(module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
        monkeypatch.setattr(module, "MIGRATIONS", {**MIGRATIONS, SCHEMA_VERSION: add_colour})
    _v0_file(path)
    store = NotesStore(path, clock=clock)
    assert store.get("old1")["colour"] == "yellow" and store.get("old1")["tags"] == []
    assert json.loads(shard_file(path).read_text())["meta"]["1"]["schema_version"] == SCHEMA_VERSION + 1


# files the store must not write


GOOD_NOTE = {"id": "keep-me", "document_path": "a.txt", "content_hash": "h1", "body": "precious"}
BAD_FILES = {
    "invalid JSON": (b'{"meta": {"1": {"schema_version": 1}}, "notes": {"1": {"id": "keep-me", "bo', []),
    "not UTF-8": (b'{"notes": {"1": {"body": "\xff\xfe"}}}', []),
    "nested too deeply": (b"[" * 100_000 + b"]" * 100_000, []),
    "top level is a list": (json.dumps([GOOD_NOTE]).encode(), ["keep-me"]),
    "notes table is a list": (json.dumps({"notes": [GOOD_NOTE]}).encode(), ["keep-me"]),
    "document id not a number": (json.dumps({"notes": {"first": GOOD_NOTE}}).encode(), ["keep-me"]),
    "bad schema version": (
        json.dumps({"meta": {"1": {"schema_version": "one"}}, "notes": {"1": GOOD_NOTE}}).encode(), ["keep-me"]
    ),
    "newer schema": (
        json.dumps({"meta": {"1": {"schema_version": 99}}, "notes": {"1": GOOD_NOTE}}).encode(), ["keep-me"]
    ),
}


def _attempt_every_write(store, problem):
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
        assert str(raised.value) == problem


@pytest.mark.parametrize("kind", BAD_FILES)
def test_bad_single_file_opens_read_only_and_is_never_written(path, clock, kind):
    raw, readable_ids = BAD_FILES[kind]
    path.parent.mkdir(parents=True)
    path.write_bytes(raw)

    store = NotesStore(path, clock=clock)

    assert store.read_only
    assert str(path) in store.problem and "\n" not in store.problem
    assert [n.get("id") for n in store.all()] == readable_ids
    _attempt_every_write(store, store.problem)
    assert path.read_bytes() == raw
    written = sorted(str(p.relative_to(path.parent)) for p in path.parent.rglob("*") if p.is_file())
    assert written in (["notes.json"], ["notes.json", "notes.lock"])  # a lock, no data


@pytest.mark.parametrize("kind", BAD_FILES)
def test_bad_shard_is_never_written_and_other_briefings_still_save(store, path, kind):
    store.add(note())
    raw, _ = BAD_FILES[kind]
    shard_file(path).write_bytes(raw)

    with pytest.raises(NotesReadOnly) as raised:
        store.add(note())
    assert str(shard_file(path)) in str(raised.value) and "\n" not in str(raised.value)
    assert store.problem_for("a.txt") == str(raised.value)
    assert shard_file(path).read_bytes() == raw
    assert store.add(note(path="b.txt"))["id"]  # one broken briefing does not stop the others
    assert store.problem_for("b.txt") is None


def test_bad_records_are_reported_and_kept_as_they_were(store, path):
    good = store.add(note())
    data = json.loads(shard_file(path).read_text())
    bad = {
        "2": {**note(id="b-body"), "body": 123},
        "3": {**note(id="b-tags"), "tags": "x"},
        "4": {**note(id="b-anchor"), "anchor": "bad"},
    }
    data["notes"].update(bad)
    shard_file(path).write_text(json.dumps(data))

    assert [n["id"] for n in store.for_document("h1", "a.txt")] == [good["id"]]
    warnings = store.warnings()
    assert len(warnings) == 3 and all("kept as it is" in line for line in warnings)
    store.add(note("another"))  # writing the shard keeps the bad records byte for byte
    kept = json.loads(shard_file(path).read_text())["notes"]
    assert all(kept[doc_id] == record for doc_id, record in bad.items())


def test_file_broken_after_opening_is_not_overwritten(store, path):
    store.add(note())
    raw = b'{"notes": '
    shard_file(path).write_bytes(raw)
    with pytest.raises(NotesReadOnly):
        store.add(note())
    assert shard_file(path).read_bytes() == raw


# locking


def test_lock_held_elsewhere_raises_store_locked_quickly(path):
    path.parent.mkdir(parents=True)
    holder = subprocess.Popen(
        [
            sys.executable, "-c",
            "import sys, time\nfrom filelock import FileLock\n"
            "lock = FileLock(sys.argv[1])\nlock.acquire()\nprint('held', flush=True)\ntime.sleep(30)",
            str(path.parent / "notes.lock"),
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
        assert str(path.parent / "notes") in str(raised.value)
        assert store.all() == [] and not shard_file(path).exists() and not store.read_only
    finally:
        holder.kill()
        holder.wait()
    # Once the other process is gone the lock is free again.
    assert store.add(note())["id"]
