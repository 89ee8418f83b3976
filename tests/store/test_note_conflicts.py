"""Two instances on one store (compare-and-swap on a note's revision), moving notes, linked files."""

from __future__ import annotations

import json

import pytest

from store.notes import NotesReadOnly, NotesStore
from tests.helpers.notes_store import note, shard_file


# two instances


def test_a_stale_save_keeps_both_texts(path):
    one, two = NotesStore(path), NotesStore(path)
    original = one.add(note("first text"))
    theirs = two.update(original["id"], {"body": "their edit"}, expected=original)
    ours = one.update(original["id"], {"body": "our edit"}, expected=original)

    assert ours["id"] != original["id"] and ours["conflict_of"] == original["id"]
    assert "conflict" in ours["tags"]
    bodies = {n["id"]: n["body"] for n in NotesStore(path).all()}
    assert bodies == {original["id"]: "their edit", ours["id"]: "our edit"}
    assert theirs["revision"] == 2


def test_the_same_change_from_two_instances_is_no_conflict(path):
    one, two = NotesStore(path), NotesStore(path)
    original = one.add(note())
    two.update(original["id"], {"body": "same"}, expected=original)
    assert one.update(original["id"], {"body": "same"}, expected=original)["id"] == original["id"]
    assert len(one.all()) == 1


def test_editing_a_note_deleted_elsewhere_saves_it_as_new(path):
    one, two = NotesStore(path), NotesStore(path)
    original = one.add(note("draft"))
    two.delete(original["id"])
    saved = one.update(original["id"], {"body": "kept edit"}, expected=original)
    assert saved["id"] != original["id"] and saved["body"] == "kept edit" and not saved["conflict_of"]
    assert [n["body"] for n in two.all()] == ["kept edit"]


def test_deleting_a_note_changed_elsewhere_is_refused(path):
    from store.notes import NoteChanged

    one, two = NotesStore(path), NotesStore(path)
    original = one.add(note("draft"))
    two.update(original["id"], {"body": "newer"}, expected=original)
    with pytest.raises(NoteChanged):
        one.delete(original["id"], expected=original)
    assert one.get(original["id"])["body"] == "newer"


def test_repinning_to_another_file_moves_the_note_between_shards(store, path):
    added = store.add(note())
    moved = store.update(added["id"], {"document_path": "b.txt", "content_hash": "h2"}, expected=added)
    assert moved["revision"] == 2
    assert store.for_document("h1", "a.txt") == []
    assert [n["id"] for n in store.for_document("h2", "b.txt")] == [added["id"]]
    assert [n["id"] for n in store.for_document("h2")] == [added["id"]]  # found by its text alone


def test_a_symlinked_shard_is_written_through(store, path, tmp_path):
    store.add(note())
    elsewhere = tmp_path / "synced" / "a-notes.json"
    elsewhere.parent.mkdir()
    shard_file(path).rename(elsewhere)
    shard_file(path).symlink_to(elsewhere)
    store.add(note("through the link"))
    assert shard_file(path).is_symlink()
    assert len(json.loads(elsewhere.read_text())["notes"]) == 2


def test_a_shard_linked_to_a_device_is_refused(store, path):
    shard_file(path).parent.mkdir(parents=True)
    shard_file(path).symlink_to("/dev/zero")
    with pytest.raises(NotesReadOnly, match="a character device, not a file"):
        store.add(note())
    assert shard_file(path).is_symlink()


def test_a_note_left_in_two_files_by_a_killed_move_is_read_once_the_newest(store, path):
    """A re-pin writes the note's new file first, then removes it from the old one: a kill in
    between leaves it twice, and reading takes the higher revision."""
    added = store.add(note())
    moved = store.update(added["id"], {"document_path": "b.txt"}, expected=added)
    old = shard_file(path, "a.txt")
    data = json.loads(old.read_text()) if old.exists() else {"meta": {"1": {"schema_version": 2}}, "notes": {}}
    data["notes"]["1"] = added  # as the old file was before the kill
    old.write_text(json.dumps(data))
    [seen] = store.all()
    assert seen["revision"] == moved["revision"] == 2 and seen["document_path"] == "b.txt"


def test_a_conflicting_edit_that_removed_every_tag_keeps_only_the_conflict_mark(path):
    one, two = NotesStore(path), NotesStore(path)
    original = one.add(note(tags=["tr", "nato"]))
    two.update(original["id"], {"body": "theirs"}, expected=original)
    ours = one.update(original["id"], {"body": "ours", "tags": []}, expected=original)
    assert ours["tags"] == ["conflict"] and ours["body"] == "ours"
