"""The user's notes, in one TinyDB file. Nothing here may ever lose a note.

- Every write takes the file's lock, re-reads the file, applies the change and replaces the file
  atomically, so two open instances never drop each other's notes and a kill leaves a whole file.
- A file we cannot fully understand (not JSON, not our shape, or from a newer briefing) is never
  written: the store turns read-only, says why in `problem`, and offers `backups()`.
- Before the first write of each day the file is copied to `backups/` (the newest seven are kept),
  and before a schema migration is saved the old file is copied there too (`store.backups`).
- Reading an older schema migrates it in memory; the first write saves the migration
  (`store.migrations`).

Notes are plain dicts of the shape of `analysis.types.Note.to_dict()`; this module knows no types.
"""

from __future__ import annotations

import copy
import logging
import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from tinydb import where
from tinydb.table import Table

from store.backups import KEEP_DAILY_BACKUPS, backup_dir, backups_of, daily_backup, migration_backup
from store.jsonfile import (
    DEFAULT_LOCK_TIMEOUT,
    AtomicJSONStorage,
    CorruptFile,
    StoreError,
    aside_name,
    copy_atomic,
    check_tinydb_shape,
    iso,
    locked,
    open_locked_database,
    read_json,
    sweep_temp_files,
    utc_now,
)
from store.migrations import META, MIGRATIONS, NOTES, SCHEMA_VERSION, migrate, schema_version

log = logging.getLogger(__name__)


class NotesReadOnly(StoreError):
    """A write to a notes file that the store will not overwrite; the message says why."""


class NoteNotFound(StoreError, LookupError):
    pass


class _Unusable(Exception):
    """Internal: the file must not be written; carries the reason."""


def _check_notes(path: Path, data: dict) -> None:
    for doc_id, note in data.get(NOTES, {}).items():
        if not isinstance(note.get("id"), str) or not note["id"]:
            raise CorruptFile(path, f"note {doc_id} has no id")


class NotesStore:
    def __init__(
        self,
        path: Path,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        *,
        clock: Callable[[], datetime] = utc_now,
        keep_backups: int = KEEP_DAILY_BACKUPS,
    ) -> None:
        self.path = Path(path)
        self.lock_timeout = lock_timeout
        # Injectable so tests can step through days without waiting for them.
        self.clock = clock
        self.keep_backups = max(1, keep_backups)
        self.read_only = False
        self.problem: str | None = None
        self._load()  # finds out now, not on the first write, whether the file is usable

    @property
    def backup_dir(self) -> Path:
        return backup_dir(self.path)

    # reading

    def all(self) -> list[dict]:
        """Every note, oldest first (a restored note returns to its place)."""
        return sorted(self._load(), key=lambda note: str(note.get("created") or ""))

    def get(self, note_id: str) -> dict | None:
        return next((note for note in self._load() if note.get("id") == note_id), None)

    def for_document(self, content_hash: str, path: str | os.PathLike[str] | None = None) -> list[dict]:
        """Notes written on this text, or on this file when its text has since changed."""
        wanted_path = None if path is None else str(path)
        return [
            note
            for note in self.all()
            if note.get("content_hash") == content_hash
            or (wanted_path is not None and note.get("document_path") == wanted_path)
        ]

    def backups(self) -> list[Path]:
        """Backups of this notes file, newest first."""
        return backups_of(self.path)

    # writing

    def add(self, note: dict) -> dict:
        record = self._stamped(note)
        with self._writing() as notes:
            if notes.contains(where("id") == record["id"]):
                raise ValueError(f"a note with id {record['id']} already exists in {self.path}")
            notes.insert(record)
        return copy.deepcopy(record)

    def update(self, note_id: str, changes: dict) -> dict:
        if changes.get("id", note_id) != note_id:
            raise ValueError("a note's id cannot change")
        fields = {**copy.deepcopy(changes), "updated": iso(self.clock())}
        with self._writing() as notes:
            found = self._find(notes, note_id)
            notes.update(fields, doc_ids=[found.doc_id])
        return {**found, **fields}

    def delete(self, note_id: str) -> dict:
        """Remove a note and return it, so the caller can offer undo through `restore`."""
        with self._writing() as notes:
            found = self._find(notes, note_id)
            notes.remove(doc_ids=[found.doc_id])
        return dict(found)

    def restore(self, note: dict) -> dict:
        """Put a deleted note back under its own id; a note already present is left as it is."""
        if not note.get("id"):
            raise ValueError("only a note with an id can be restored")
        record = self._stamped(note)
        with self._writing() as notes:
            existing = notes.get(where("id") == record["id"])
            if existing is not None:  # undo pressed twice, or restored by another instance
                return dict(existing)
            notes.insert(record)
        return copy.deepcopy(record)

    def import_notes(self, notes: list[dict]) -> int:
        """Add the notes whose id is not here yet, in one write; returns how many were added."""
        records = [self._stamped(note) for note in notes]
        with self._writing() as table:
            present = {note["id"] for note in table.all()}
            fresh = []
            for record in records:
                if record["id"] not in present:
                    present.add(record["id"])
                    fresh.append(record)
            if fresh:
                table.insert_multiple(fresh)
        return len(fresh)

    def restore_backup(self, backup_path: Path) -> Path | None:
        """Put a backup in place of the notes file; returns where the replaced file was kept.

        The current file is copied to `<file>.bad-<timestamp>` first (never deleted), and the
        backup is checked before anything is touched: a bad backup raises CorruptFile.
        """
        backup = Path(backup_path)
        data = read_json(backup)
        if data is None:
            raise CorruptFile(backup, "empty")
        check_tinydb_shape(backup, data)
        with locked(self.path, self.lock_timeout):
            kept = None
            if self.path.exists():
                kept = aside_name(self.path, "bad", self.clock())
                copy_atomic(self.path, kept)
            copy_atomic(backup, self.path)
        self.read_only = False
        self.problem = None
        self._load()  # a backup from a newer briefing is read-only again
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
        return record

    def _find(self, notes: Table, note_id: str):
        found = notes.get(where("id") == note_id)
        if found is None:
            raise NoteNotFound(f"no note with id {note_id} in {self.path}")
        return found

    def _read_checked(self) -> dict | None:
        """The file as stored (None if absent); raises _Unusable when it must not be written."""
        try:
            data = AtomicJSONStorage(self.path).read()
            if data is None:
                return None
            version = schema_version(self.path, data)
            _check_notes(self.path, data)
        except CorruptFile as error:
            raise _Unusable(error.reason) from error
        except OSError as error:
            raise _Unusable(f"unreadable: {error.strerror or error}") from error
        if version > SCHEMA_VERSION:
            raise _Unusable(
                f"written by a newer briefing: notes schema {version}, this one knows {SCHEMA_VERSION}"
            )
        return data

    def _load(self) -> list[dict]:
        if not self.read_only:
            try:
                data = self._read_checked()
            except _Unusable as problem:
                self._become_read_only(str(problem))
            else:
                return [] if data is None else list(self._migrated(data).get(NOTES, {}).values())
        return self._salvage()

    def _salvage(self) -> list[dict]:
        """What note-like records a file we will not write still holds, for reading only."""
        try:
            data = read_json(self.path)
        except (CorruptFile, OSError):
            return []
        if isinstance(data, dict):
            data = data.get(NOTES)
        records = data.values() if isinstance(data, dict) else data if isinstance(data, list) else []
        return [dict(record) for record in records if isinstance(record, dict)]

    def _become_read_only(self, reason: str) -> None:
        self.read_only = True
        self.problem = (
            f"Notes file {self.path} cannot be used ({reason}); it is kept unchanged and notes are "
            f"read-only until it is fixed or a backup from {self.backup_dir} is restored"
        )
        log.warning(self.problem)

    @contextmanager
    def _writing(self) -> Iterator[Table]:
        """The notes table, freshly read under the lock, with backups and migration done."""
        if self.read_only:
            raise NotesReadOnly(self.problem)
        with locked(self.path, self.lock_timeout):
            try:
                # Re-read: another process may have written, or broken, the file since we looked.
                data = self._read_checked()
            except _Unusable as problem:
                self._become_read_only(str(problem))
                raise NotesReadOnly(self.problem) from None
            sweep_temp_files(self.path.parent, self.path.name + ".")
            sweep_temp_files(self.backup_dir, self.path.stem + "-")
            db = open_locked_database(self.path, data)
            if data is None:
                db.storage.write({META: {"1": {"schema_version": SCHEMA_VERSION}}, NOTES: {}})
            else:
                daily_backup(self.path, self.clock(), self.keep_backups)
                version = schema_version(self.path, data)
                if version < SCHEMA_VERSION:
                    migration_backup(self.path, version, self.clock())
                    db.storage.write(self._migrated(data))
            yield db.table(NOTES)

    def _migrated(self, data: dict) -> dict:
        # This module's SCHEMA_VERSION and MIGRATIONS, looked up at each call: the version the store
        # checks files against and the steps it runs stay one pair, even where both are swapped
        # here (as the test of a next schema version does).
        return migrate(self.path, data, MIGRATIONS, SCHEMA_VERSION)
