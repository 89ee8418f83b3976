"""Copies of the notes, from which a broken file can be restored without losing the day's work.

- After every successful write, the bytes just written are copied to `backups/<shard>/` too (a
  backup taken only before the day's first write made every restore lose that day's later notes).
  Kept: the newest KEEP_RECENT, plus the last copy of each of the newest KEEP_DAYS days, then the
  oldest dropped while a shard's copies take more than MAX_BACKUP_BYTES (the newest always stays).
- A schema migration keeps the file as it was, named by its version (`notes-v1-<stamp>.json`);
  those are never rotated away.
- `check_backup` says what a restore would do: a backup from an older schema than the current
  file is never offered, and one that lacks notes the current file holds says how many.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from store.jsonfile import CorruptFile, check_tinydb_shape, copy_atomic, read_json, write_bytes_atomic
from store.migrations import NOTES, schema_version

KEEP_RECENT = 20
KEEP_DAYS = 7
MAX_BACKUP_BYTES = 32 * 1024 * 1024


def backup_dir(path: Path) -> Path:
    return path.parent / "backups"


def shard_backup_dir(root: Path, name: str) -> Path:
    return root / "backups" / name


def _stamp(now: datetime) -> str:
    return now.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")


def backup_after_write(root: Path, name: str, raw: bytes, now: datetime,
                       keep: int = KEEP_RECENT, max_bytes: int = MAX_BACKUP_BYTES) -> Path:
    """Keep the bytes just written to shard `name`, then rotate that shard's copies."""
    folder = shard_backup_dir(root, name)
    target = folder / f"{_stamp(now)}.json"
    counter = 1
    while target.exists():  # two writes within a microsecond (a fast clock or a test's)
        target = folder / f"{_stamp(now)}-{counter}.json"
        counter += 1
    # Not fsynced: the shard itself just was, and a copy lost to a power cut costs nothing.
    write_bytes_atomic(target, raw, durable=False)
    rotate(folder, keep, max_bytes)
    return target


def rotate(folder: Path, keep: int = KEEP_RECENT, max_bytes: int = MAX_BACKUP_BYTES) -> None:
    copies = sorted((p for p in folder.glob("*.json") if p.is_file()), key=lambda p: p.name, reverse=True)
    kept = set(copies[:max(1, keep)])
    days: dict[str, Path] = {}
    for copy in copies:  # newest first: the first copy seen for a day is its last one
        days.setdefault(copy.name[:8], copy)
    kept |= set(list(days.values())[:KEEP_DAYS])
    total = 0
    for copy in copies:
        if copy not in kept:
            copy.unlink(missing_ok=True)
            continue
        total += copy.stat().st_size
        if total > max_bytes and copy is not copies[0]:
            copy.unlink(missing_ok=True)


def backups_in(folder: Path, pattern: str = "*.json") -> list[Path]:
    """Backups in a folder, newest first."""
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob(pattern) if p.is_file()]
    return sorted(found, key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True)


def backups_of(path: Path) -> list[Path]:
    """Backups of the legacy single notes file at `path`, newest first."""
    return backups_in(backup_dir(path), f"{path.stem}-*.json")


def migration_backup(path: Path, version: int, now: datetime, folder: Path | None = None) -> Path:
    """Copy the file, still at schema `version`, before its migration is saved."""
    stamp = now.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    target = (folder or backup_dir(path)) / f"{path.stem}-v{version}-{stamp}.json"
    copy_atomic(path, target)
    return target


@dataclass(frozen=True)
class BackupCheck:
    """What restoring `backup` over `current` would do."""

    backup: Path
    notes: int  # notes the backup holds
    schema: int
    usable: bool  # False: never offer it (unreadable, or older schema than the current file)
    reason: str | None = None  # why it is not usable
    lost: int | None = None  # notes the current file holds that the backup lacks (None: unknown)


def _ids(data: object) -> set[str] | None:
    table = data.get(NOTES) if isinstance(data, dict) else None
    if isinstance(table, dict):
        table = list(table.values())
    if not isinstance(table, list):
        return None
    return {r["id"] for r in table if isinstance(r, dict) and isinstance(r.get("id"), str)}


def check_backup(backup: Path, current: Path, knows: int) -> BackupCheck:
    """Whether `backup` may replace `current` (this program reads schemas up to `knows`)."""
    try:
        data = read_json(backup)
        if data is None:
            raise CorruptFile(backup, "empty")
        check_tinydb_shape(backup, data)
        version = schema_version(backup, data)
    except (CorruptFile, OSError) as error:
        return BackupCheck(backup, 0, -1, False, str(error))
    ids = _ids(data) or set()
    if version > knows:
        return BackupCheck(backup, len(ids), version, False, f"written by a newer briefing (schema {version})")
    try:
        present = read_json(current)
        present_version = schema_version(current, present) if isinstance(present, dict) else None
    except (CorruptFile, OSError):
        present, present_version = None, None
    if present_version is not None and present_version > version:
        return BackupCheck(backup, len(ids), version, False,
                           f"older schema ({version}) than the current file ({present_version})")
    current_ids = set() if not current.exists() else _ids(present)
    lost = None if current_ids is None else len(current_ids - ids)
    return BackupCheck(backup, len(ids), version, True, None, lost)

