"""Reading state per briefing: read, starred, cursor paragraph, last opened. The user's data.

Same rules as the notes (`store.notes`):
- every write takes the file's lock, re-reads it, changes one record and replaces it atomically;
- a file we cannot fully understand is never written: that shard turns read-only, `problem` says
  why and where the file is, and its backups are listed by `backups()`;
- before the first write of each day a shard is copied to `backups/` beside it (newest seven kept).

Sharded by the first two hex digits of the sha1 of the briefing's path: the app writes a record on
every open and close, and 256 small files keep that write the same size with 10 or 10,000
briefings. A record: {"path", "read", "starred", "paragraph", "opened", "content_hash"}.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from store.backups import KEEP_RECENT, backup_after_write, backups_in, shard_backup_dir
from store.digest import sha1_hex
from store.jsonfile import (
    DEFAULT_LOCK_TIMEOUT,
    AtomicJSONStorage,
    CorruptFile,
    StoreError,
    iso,
    locked,
    open_locked_database,
    sweep_temp_files,
    utc_now,
)
from store.log import logger

log = logger(__name__)

TABLE = "state"
SHARD_DIGITS = 2
DEFAULTS = {"read": False, "starred": False, "paragraph": 0, "opened": None, "content_hash": None}


class StateReadOnly(StoreError):
    """A write to a state file the store will not overwrite; the message says why."""


def shard_of(path: str) -> str:
    return sha1_hex(path.encode("utf-8"))[:SHARD_DIGITS]


class StateStore:
    def __init__(
        self,
        folder: Path,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        *,
        clock: Callable[[], datetime] = utc_now,
        keep_backups: int = KEEP_RECENT,
    ) -> None:
        self.folder = Path(folder)
        self.lock_timeout = lock_timeout
        self.clock = clock
        self.keep_backups = max(1, keep_backups)
        # shard path -> why it must not be written
        self.problems: dict[Path, str] = {}

    @property
    def problem(self) -> str | None:
        if not self.problems:
            return None
        path, reason = next(iter(self.problems.items()))
        more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        return (
            f"Reading state file {path} cannot be used ({reason}){more}; it is kept unchanged and "
            f"that state is read-only until it is fixed or a backup from {path.parent / 'backups'} is restored"
        )

    def shard_path(self, path: str) -> Path:
        return self.folder / f"{shard_of(path)}.json"

    def backups(self, path: str) -> list[Path]:
        return backups_in(shard_backup_dir(self.folder, self.shard_path(path).stem))

    # reading

    def get(self, path: str) -> dict:
        """The briefing's state, defaults filled in (a briefing never opened is unread)."""
        for record in self._records(self.shard_path(path)):
            if record.get("path") == path:
                return {**DEFAULTS, **record}
        return {**DEFAULTS, "path": path}

    def all(self) -> dict[str, dict]:
        """path -> state for every briefing with one, reading each shard once."""
        found: dict[str, dict] = {}
        if self.folder.is_dir():
            for shard in sorted(self.folder.glob("*.json")):
                for record in self._records(shard):
                    if isinstance(record.get("path"), str):
                        found[record["path"]] = {**DEFAULTS, **record}
        return found

    # writing

    def update(self, path: str, **changes) -> dict:
        unknown = set(changes) - set(DEFAULTS)
        if unknown:
            raise ValueError(f"unknown reading-state fields: {sorted(unknown)}")
        shard = self.shard_path(path)
        with locked(shard, self.lock_timeout):
            data = self._checked(shard)  # re-read: another instance may have written since
            sweep_temp_files(shard.parent, shard.name + ".")
            if data is not None:
                # The last good state, kept before it is replaced (rotated like the notes' copies).
                backup_after_write(self.folder, shard.stem, shard.read_bytes(), self.clock(), self.keep_backups)
            db = open_locked_database(shard, data)
            table = db.table(TABLE)
            found = next((r for r in table.all() if r.get("path") == path), None)
            if found is None:
                record = {**DEFAULTS, "path": path, **changes}
                table.insert(record)
            else:
                record = {**DEFAULTS, **found, **changes}
                table.update(changes, doc_ids=[found.doc_id])
        return record

    def opened(self, path: str, content_hash: str | None = None) -> dict:
        """Opening a briefing marks it read and stamps the time."""
        return self.update(path, read=True, opened=iso(self.clock()), content_hash=content_hash)

    def import_states(self, states: list[dict]) -> int:
        """Add the states of briefings that have none here yet; returns how many were added."""
        added = 0
        for state in states:
            path = state.get("path")
            if isinstance(path, str) and path not in self._paths(self.shard_path(path)):
                self.update(path, **{k: v for k, v in state.items() if k in DEFAULTS})
                added += 1
        return added

    # plumbing

    def _paths(self, shard: Path) -> set[str]:
        return {record.get("path") for record in self._records(shard)}

    def _records(self, shard: Path) -> list[dict]:
        try:
            data = self._checked(shard)
        except StateReadOnly:
            return []
        return list((data or {}).get(TABLE, {}).values())

    def _checked(self, shard: Path) -> dict | None:
        try:
            data = AtomicJSONStorage(shard).read()
        except CorruptFile as error:
            self._unusable(shard, error.reason)
        except OSError as error:
            self._unusable(shard, f"unreadable: {error.strerror or error}")
        else:
            self.problems.pop(shard, None)
            return data
        raise StateReadOnly(self.problem)

    def _unusable(self, shard: Path, reason: str) -> None:
        if shard not in self.problems:
            self.problems[shard] = reason
            log.warning(self.problem)
