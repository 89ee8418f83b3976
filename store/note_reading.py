"""Reading the notes store: every shard checked record by record, problems kept for the user.

The base of `store.notes.NotesStore`, apart so each module stays small. Reading never writes,
with one exception made on opening: the single `notes.json` of earlier versions is moved into
per-briefing shards (`store.legacy_notes`), under the store's lock.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from store import backups as backup_files
from store.jsonfile import DEFAULT_LOCK_TIMEOUT, StoreLocked, locked, utc_now
from store.legacy_notes import LegacyUnusable, move_into_shards, notes_in_legacy_file
from store.migrations import SCHEMA_VERSION
from store.note_shards import Shard, read_shard, shard_file, shard_name, shard_names, shards_with_hash
from store.log import logger

log = logger("store.notes")


class NotesReader:
    def __init__(self, path: Path, lock_timeout: float = DEFAULT_LOCK_TIMEOUT, *,
                 clock: Callable[[], datetime] = utc_now, keep_backups: int = backup_files.KEEP_RECENT) -> None:
        self.path = Path(path)  # the single file of earlier versions; the shards live beside it
        self.root = self.path.parent / self.path.stem
        self.lock_timeout = lock_timeout
        self.clock = clock  # injectable so tests can step through days without waiting
        self.keep_backups = max(1, keep_backups)
        self.legacy_problem: str | None = None
        self.problems: dict[str, str] = {}  # shard name -> why it cannot be written
        self.bad_records: dict[str, list[str]] = {}  # shard name -> one message per bad record
        self.swept = False
        self._migrate_legacy()

    @property
    def backup_dir(self) -> Path:
        return self.root / "backups"

    @property
    def read_only(self) -> bool:
        """True while the old single file cannot be read: nothing is written until it is fixed."""
        return self.legacy_problem is not None

    @property
    def problem(self) -> str | None:
        """The first reason a part of the store cannot be written, as one line for the user."""
        return self.legacy_problem or next(iter(self.problems.values()), None)

    def problem_for(self, document_path: str) -> str | None:
        """Why this briefing's notes cannot be saved, if they cannot."""
        if self.legacy_problem:
            return self.legacy_problem
        self._shard(shard_name(str(document_path)))
        return self.problems.get(shard_name(str(document_path)))

    def warnings(self) -> list[str]:
        """Every problem and bad record seen so far, one line each."""
        lines = [self.legacy_problem] if self.legacy_problem else []
        lines += list(self.problems.values())
        return lines + [line for messages in self.bad_records.values() for line in messages]

    # reading

    def all(self) -> list[dict]:
        """Every note, oldest first (a restored note returns to its place)."""
        return self._sorted(self._notes_of(shard_names(self.root)) + self._legacy_notes())

    def get(self, note_id: str) -> dict | None:
        return next((note for note in self.all() if note["id"] == note_id), None)

    def for_document(self, content_hash: str, path: str | os.PathLike[str] | None = None) -> list[dict]:
        """Notes written on this text, or on this file when its text has since changed."""
        wanted = None if path is None else str(path)
        names = set(shards_with_hash(self.root, content_hash))
        if wanted is not None:
            names.add(shard_name(wanted))
        found = self._notes_of(sorted(names)) + self._legacy_notes()
        return self._sorted([
            note for note in found
            if note["content_hash"] == content_hash or (wanted is not None and note["document_path"] == wanted)
        ])

    def stamp(self, content_hash: str, path: str | os.PathLike[str]) -> tuple:
        """What changes when another process writes this briefing's notes: the size and time of
        each file `for_document` reads (a few stats, whatever the size of the store)."""
        names = sorted({shard_name(str(path)), *shards_with_hash(self.root, content_hash)})
        found = []
        for file in [self.path, *(shard_file(self.root, name) for name in names)]:
            try:
                info = file.stat()
            except OSError:
                found.append((str(file), None))
            else:
                found.append((str(file), info.st_mtime_ns, info.st_size))
        return tuple(found)

    def backups(self, document_path: str | None = None) -> list[Path]:
        """Copies to restore from, newest first: of one briefing's notes, or of the old single file."""
        if self.legacy_problem or document_path is None:
            return backup_files.backups_of(self.path)
        return backup_files.backups_in(backup_files.shard_backup_dir(self.root, shard_name(str(document_path))))

    def check_backup(self, backup: Path) -> backup_files.BackupCheck:
        return backup_files.check_backup(backup, self._restore_target(backup), SCHEMA_VERSION)

    @staticmethod
    def _sorted(notes: list[dict]) -> list[dict]:
        best: dict[str, dict] = {}
        for note in notes:  # a kill while re-pinning can leave a note in two shards: newest wins
            if note["id"] not in best or note["revision"] > best[note["id"]]["revision"]:
                best[note["id"]] = note
        # Stamps have whole seconds: ties are ordered by briefing, then as each file holds them.
        return sorted(best.values(), key=lambda note: (str(note.get("created") or ""), note["document_path"]))

    def _shard(self, name: str) -> Shard:
        shard = read_shard(self.root, name)
        if shard.problem:
            message = (f"Notes file {shard.file} cannot be used ({shard.problem}); it is kept unchanged and "
                       f"its notes are read-only until it is fixed or a backup from {self.backup_dir / name} is restored")
            if self.problems.get(name) != message:
                log.warning(message)
            self.problems[name] = message
        else:
            self.problems.pop(name, None)
        if shard.bad:
            self.bad_records[name] = shard.bad
        else:
            self.bad_records.pop(name, None)
        return shard

    def _notes_of(self, names: list[str]) -> list[dict]:
        return [copy.deepcopy(note) for name in names for note in self._shard(name).notes.values()]

    def _legacy_notes(self) -> list[dict]:
        """Notes still in the old single file (it could not be moved yet: locked, or unusable)."""
        notes, bad = notes_in_legacy_file(self.path)
        if bad:
            self.bad_records[self.path.name] = bad
        return notes

    def _migrate_legacy(self) -> None:
        if not self.path.exists():
            return
        try:
            with locked(self.root, self.lock_timeout):
                move_into_shards(self.path, self.root, self.clock())
        except LegacyUnusable as problem:
            self.legacy_problem = (
                f"Notes file {self.path} cannot be used ({problem}); it is kept unchanged and notes are "
                f"read-only until it is fixed or a backup from {backup_files.backup_dir(self.path)} is restored"
            )
            log.warning(self.legacy_problem)
        except (StoreLocked, OSError) as error:
            # Another instance is migrating, or the folder is read-only: read the old file as it is.
            log.warning("notes not moved into per-briefing files yet: %s", error)
