"""Copies of a notes file in `backups/` beside it, from which a broken file can be restored.

- Before the first write of each day the file is copied there (the newest `keep` are kept).
- Before a schema migration is saved the old file is copied there too (those are kept: rotation
  drops only the dated daily copies).
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from store.jsonfile import copy_atomic

KEEP_DAILY_BACKUPS = 7
_DAILY_SUFFIX = re.compile(r"-\d{4}-\d{2}-\d{2}\.json")


def backup_dir(path: Path) -> Path:
    return path.parent / "backups"


def backups_of(path: Path) -> list[Path]:
    """Backups of the file at `path`, newest first."""
    folder = backup_dir(path)
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob(f"{path.stem}-*.json") if p.is_file()]
    return sorted(found, key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True)


def daily_backup(path: Path, now: datetime, keep: int) -> None:
    """Copy the file unless today's copy exists, then drop all but the newest `keep` daily ones."""
    day = now.astimezone().date().isoformat()
    folder = backup_dir(path)
    target = folder / f"{path.stem}-{day}.json"
    if target.exists():
        return
    copy_atomic(path, target)
    stem = path.stem
    daily = sorted(
        p for p in folder.glob(f"{stem}-*.json") if _DAILY_SUFFIX.fullmatch(p.name[len(stem):])
    )
    for old in daily[:-keep]:
        old.unlink(missing_ok=True)


def migration_backup(path: Path, version: int, now: datetime) -> None:
    """Copy the file, still at schema `version`, before its migration is saved."""
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    copy_atomic(path, backup_dir(path) / f"{path.stem}-v{version}-{stamp}.json")
