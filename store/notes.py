"""The user's notes, one small file per briefing (`store.note_shards`). Nothing here may lose a note.

- Every write takes the store's lock, re-reads the shard it changes, applies the change and
  replaces that file atomically: a kill leaves a whole file, and a save costs the same with 100 or
  100,000 notes on other briefings.
- A write that knows which revision of a note it started from is a compare-and-swap: if another
  instance saved that note since, both texts are kept (theirs in place, ours as a new note with
  `conflict_of` and the tag `conflict`); if another instance deleted it, ours is saved as a new note.
- A record that is not a note is reported in `bad_records` and kept as it is; a shard we cannot
  understand (not JSON, not our shape, or from a newer briefing) is never written: writes to it
  raise NotesReadOnly saying why, and `backups()` offers its copies (`store.backups`).
- The single `notes.json` of earlier versions is moved into shards on first open (`store.legacy_notes`).

Notes are plain dicts of the shape of `analysis.types.Note.to_dict()`; this module knows no types.
"""

from __future__ import annotations

import copy
import uuid
from pathlib import Path

from store import backups as backup_files
from store.jsonfile import CorruptFile, StoreError, aside_name, copy_atomic, iso, locked, sweep_temp_files
from store.migrations import MIGRATIONS, SCHEMA_VERSION  # noqa: F401  (the schema this store writes)
from store.note_reading import NotesReader
from store.note_records import BadNote, check_note
from store.note_shards import Shard, remember_hash, shard_file, shard_name, shard_names, write_shard

CONFLICT_TAG = "conflict"


class NotesReadOnly(StoreError):
    """A write to a notes file that the store will not overwrite; the message says why."""


class NoteNotFound(StoreError, LookupError):
    pass


class NoteChanged(StoreError):
    """A delete of a note another instance changed since it was read: refused, nothing lost."""


class NotesStore(NotesReader):
    """The notes, read (`store.note_reading`) and written: one shard per briefing, never lost."""

    # writing

    def add(self, note: dict) -> dict:
        record = self._stamped(note)
        with self._writing():
            # Ids are uuid4, unique by construction; a given id is checked where it would go, so a
            # save reads one shard whatever the size of the rest.
            shard = self._shard_for(record)
            if shard.find(record["id"]) is not None:
                raise ValueError(f"a note with id {record['id']} already exists in {shard.file}")
            self._save(shard, insert=record)
        return copy.deepcopy(record)

    def update(self, note_id: str, changes: dict, *, expected: dict | None = None) -> dict:
        """Apply `changes`; with `expected` (the note as the caller read it) a compare-and-swap.

        Returns the note as saved: a note with another id when the save kept both texts.
        """
        if changes.get("id", note_id) != note_id:
            raise ValueError("a note's id cannot change")
        now = iso(self.clock())
        with self._writing():
            shard, doc_id = self._locate(note_id, expected)
            if doc_id is None:
                if expected is None:
                    raise NoteNotFound(f"no note with id {note_id} in {self.root}")
                # Deleted by another instance while this one edited it: keep the edit as a new note.
                fresh = self._stamped(_as_new(expected, changes))
                self._save(self._shard_for(fresh), insert=fresh)
                return copy.deepcopy(fresh)
            current = shard.notes[doc_id]
            if expected is not None and current["revision"] != expected.get("revision", 0):
                if all(current.get(key) == value for key, value in changes.items()):
                    return copy.deepcopy(current)  # both instances made the same change
                # Saved by another instance since this one read it: theirs stays, ours goes beside it.
                ours = _as_new(expected, changes)
                ours["conflict_of"] = note_id
                ours["tags"] = list(dict.fromkeys([*ours.get("tags", []), CONFLICT_TAG]))
                ours = self._stamped(ours)
                self._save(self._shard_for(ours), insert=ours)
                return copy.deepcopy(ours)
            record = check_note({**shard.data["notes"][doc_id], **copy.deepcopy(changes), "updated": now,
                                 "revision": current["revision"] + 1}, strict=True)
            target = self._shard_for(record)
            if target.name == shard.name:
                self._save(shard, replace=(doc_id, record))
            else:  # re-pinned to another file: written there first, so a kill never loses it
                self._save(target, insert=record)
                self._save(shard, remove=doc_id)
        return copy.deepcopy(record)

    def delete(self, note_id: str, *, expected: dict | None = None) -> dict:
        """Remove a note and return it, so the caller can offer undo through `restore`."""
        with self._writing():
            shard, doc_id = self._locate(note_id, expected)
            if doc_id is None:
                raise NoteNotFound(f"no note with id {note_id} in {self.root}")
            found = shard.notes[doc_id]
            if expected is not None and found["revision"] != expected.get("revision", 0):
                raise NoteChanged("another instance changed this note since it was shown; not deleted")
            self._save(shard, remove=doc_id)
        return dict(found)

    def restore(self, note: dict) -> dict:
        """Put a deleted note back under its own id; a note already present is left as it is."""
        if not note.get("id"):
            raise ValueError("only a note with an id can be restored")
        record = self._stamped(note)
        with self._writing():
            shard = self._shard_for(record)
            existing = shard.find(record["id"])
            if existing is not None:  # undo pressed twice, or restored by another instance
                return copy.deepcopy(shard.notes[existing])
            self._save(shard, insert=record)
        return copy.deepcopy(record)

    def import_notes(self, notes: list[dict]) -> int:
        """Add the notes whose id is not here yet; returns how many were added."""
        records = [self._stamped(note) for note in notes]
        with self._writing():
            present = {note["id"] for note in self.all()}
            by_shard: dict[str, list[dict]] = {}
            for record in records:
                if record["id"] not in present:
                    present.add(record["id"])
                    by_shard.setdefault(shard_name(record["document_path"]), []).append(record)
            for name, fresh in by_shard.items():
                shard = self._writable(self._shard(name))
                for record in fresh:
                    shard.insert(record)
                self._save(shard)
        return sum(len(fresh) for fresh in by_shard.values())

    def restore_backup(self, backup_path: Path) -> Path | None:
        """Put a backup in place of the file it copies; returns where the replaced file was kept.

        The current file is copied to `<file>.bad-<timestamp>` first (never deleted). A backup that
        is unreadable, from a newer briefing, or of an older schema than the file raises.
        """
        backup = Path(backup_path)
        check = self.check_backup(backup)
        if not check.usable:
            raise CorruptFile(backup, check.reason or "not usable")
        target = self._restore_target(backup)
        with locked(self.root, self.lock_timeout):
            kept = None
            if target.exists():
                kept = aside_name(target, "bad", self.clock())
                copy_atomic(target, kept)
            copy_atomic(backup, target)
        self.legacy_problem = None
        self.problems.pop(target.stem, None)
        self._migrate_legacy()
        return kept

    # plumbing

    def _stamped(self, note: dict) -> dict:
        record = copy.deepcopy(dict(note))
        if not record.get("id"):
            record["id"] = uuid.uuid4().hex
        if not record.get("created"):
            record["created"] = iso(self.clock())
        if not record.get("updated"):
            record["updated"] = record["created"]
        if not record.get("revision"):
            record["revision"] = 1
        try:
            return check_note(record, "note", strict=True)
        except BadNote as error:
            raise ValueError(str(error)) from None

    def _writing(self):
        if self.legacy_problem:
            raise NotesReadOnly(self.legacy_problem)
        self._migrate_legacy()  # an old version may have written notes.json since
        if self.legacy_problem:
            raise NotesReadOnly(self.legacy_problem)
        return _Writing(self)

    def _locate(self, note_id: str, expected: dict | None) -> tuple[Shard, str | None]:
        """The shard holding a note (looked up where the caller says it is, then everywhere)."""
        hint = None
        if expected is not None and isinstance(expected.get("document_path"), str):
            hint = shard_name(expected["document_path"])
            shard = self._shard(hint)
            doc_id = shard.find(note_id)
            if doc_id is not None:  # the usual case: one shard read, whatever the rest holds
                return self._writable(shard), doc_id
        for name in shard_names(self.root):  # moved by another instance, or no hint: look everywhere
            shard = self._shard(name) if name != hint else Shard(name, self.root)
            doc_id = shard.find(note_id)
            if doc_id is not None:
                return self._writable(shard), doc_id
        return Shard("", self.root), None

    def _shard_for(self, record: dict) -> Shard:
        return self._writable(self._shard(shard_name(record["document_path"])))

    def _writable(self, shard: Shard) -> Shard:
        if shard.problem:
            raise NotesReadOnly(self.problems[shard.name])
        return shard

    def _save(self, shard: Shard, *, insert: dict | None = None, replace=None, remove: str | None = None) -> None:
        if insert is not None:
            shard.insert(insert)
        if replace is not None:
            shard.replace(*replace)
        if remove is not None:
            shard.remove(remove)
        raw = write_shard(shard)
        backup_files.backup_after_write(self.root, shard.name, raw, self.clock(), self.keep_backups)
        for note in ([insert] if insert else []) + ([replace[1]] if replace else []):
            remember_hash(self.root, note["content_hash"], shard.name)

    def _restore_target(self, backup: Path) -> Path:
        backup = Path(backup)
        if backup.parent.parent == self.backup_dir:  # backups/<shard>/<stamp>.json
            return shard_file(self.root, backup.parent.name)
        return self.path


def _as_new(expected: dict, changes: dict) -> dict:
    """The caller's edit of `expected` as a note of its own: a new id, times and revision."""
    return {**copy.deepcopy(expected), **copy.deepcopy(changes), "id": "", "created": "", "updated": "", "revision": 0}


class _Writing:
    """The store's lock, held for one write, with temporaries of a killed writer swept."""

    def __init__(self, store: NotesStore) -> None:
        self.store = store
        self.lock = locked(store.root, store.lock_timeout)

    def __enter__(self) -> None:
        self.lock.__enter__()
        # Once per instance, not per write (a listing of every shard grows with the briefings):
        # what killed writers left, in every folder (under the lock no live writer has one).
        if not self.store.swept:
            self.store.swept = True
            for folder in [self.store.root, *self.store.root.glob("*/**/")]:
                sweep_temp_files(folder, "")

    def __exit__(self, *exc) -> None:
        self.lock.__exit__(*exc)
