"""The single `notes.json` of earlier versions, moved into per-briefing shards without losing a byte.

Run under the store's lock. Every record of the old file is copied to the shard of its
`document_path` (a record whose path is not a string, so not a note, goes to the `unsorted` shard,
still as it was, and is reported there like any bad record). A note already in its shard (an
earlier, interrupted migration, or an old version of briefing that kept writing `notes.json`) is
not copied twice. Only once every shard is written is the old file moved into `notes/backups/` as
`notes-v<schema>-<stamp>.json`, where it stays: a kill half-way leaves the old file in place and
the next open finishes the job.
"""

from __future__ import annotations

import copy
import os
from datetime import datetime
from pathlib import Path

from store.backups import migration_backup
from store.jsonfile import AtomicJSONStorage, CorruptFile, fsync_folder, read_json
from store.migrations import MIGRATIONS, NOTES, SCHEMA_VERSION, migrate, schema_version
from store.note_records import BadNote, check_note
from store.note_shards import checked_records, read_shard, remember_hash, shard_name, write_shard

UNSORTED = "unsorted-" + "0" * 16  # shaped like any shard name: its folder is "00"


class LegacyUnusable(Exception):
    """The old file cannot be migrated (not JSON, not our shape, a newer schema); never touched."""


def read_legacy(path: Path) -> dict | None:
    """The old file migrated in memory to the current schema (None: no file); LegacyUnusable."""
    try:
        data = AtomicJSONStorage(path).read()
        if data is None:
            return None
        version = schema_version(path, data)
    except CorruptFile as error:
        raise LegacyUnusable(error.reason) from error
    except OSError as error:
        raise LegacyUnusable(f"unreadable: {error.strerror or error}") from error
    if version > SCHEMA_VERSION:
        raise LegacyUnusable(
            f"written by a newer briefing: notes schema {version}, this one knows {SCHEMA_VERSION}"
        )
    return migrate(path, copy.deepcopy(data), MIGRATIONS, SCHEMA_VERSION)


def legacy_records(data: dict | None) -> list[dict]:
    return [] if data is None else list(data.get(NOTES, {}).values())


def move_into_shards(path: Path, root: Path, now: datetime) -> int:
    """Copy every record of the old file at `path` into shards under `root`; returns how many."""
    data = read_legacy(path)
    if data is None:
        return 0
    original = AtomicJSONStorage(path).read()
    version = schema_version(path, original)
    by_shard: dict[str, list[dict]] = {}
    for doc_id, record in data.get(NOTES, {}).items():
        try:
            check_note(record)
        except BadNote:  # not a note: copied exactly as the old file held it, for the user to see
            record = original.get(NOTES, {})[doc_id]
        where = record.get("document_path")
        name = shard_name(where) if isinstance(where, str) else UNSORTED
        by_shard.setdefault(name, []).append(record)
    copied = 0
    for name, records in by_shard.items():
        shard = read_shard(root, name)
        if shard.problem:
            raise LegacyUnusable(f"its notes belong in {shard.file}, which cannot be used ({shard.problem})")
        present = {note["id"] for note in shard.notes.values()}
        raw_present = list((shard.data or {}).get(NOTES, {}).values())
        for record in records:
            if record.get("id") in present or record in raw_present:
                continue
            shard.insert(record)
            copied += 1
        if shard.data is not None:
            write_shard(shard)
        hashes = {r["content_hash"] for r in records if isinstance(r.get("content_hash"), str)}
        for content_hash in sorted(hashes) if name != UNSORTED else ():
            remember_hash(root, content_hash, name)
    # Copied, fsynced, then unlinked: until this line a kill leaves the old file to migrate again.
    migration_backup(path, version, now, root / "backups")
    os.unlink(path)
    fsync_folder(path.parent)
    return copied


def notes_in_legacy_file(path: Path) -> tuple[list[dict], list[str]]:
    """(good notes, messages for bad records) of an old file not yet moved; for reading only."""
    if not path.exists():
        return [], []
    try:
        records = legacy_records(read_legacy(path))
    except LegacyUnusable:
        records = _salvage(path)
    good, bad = checked_records(path.name, {str(i): r for i, r in enumerate(records, 1)})
    return list(good.values()), bad


def _salvage(path: Path) -> list:
    """What records a file we will not write still holds (a list, or a table of them)."""
    try:
        data = read_json(path)
    except (CorruptFile, OSError):
        return []
    if isinstance(data, dict):
        data = data.get(NOTES)
    return list(data.values()) if isinstance(data, dict) else data if isinstance(data, list) else []
