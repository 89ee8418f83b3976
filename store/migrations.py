"""The notes file's schema: its tables, its version, and the steps up from older versions.

MIGRATIONS[n] turns a whole version-n database (all tables) into version n + 1. Add one per
schema change and bump SCHEMA_VERSION; files are migrated step by step.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from store.jsonfile import CorruptFile

SCHEMA_VERSION = 2
NOTES = "notes"
META = "meta"


def _v0_to_v1(data: dict) -> dict:
    """Version 0 (no meta table) predates tags, actor links and re-anchoring."""
    for note in data.get(NOTES, {}).values():
        if not isinstance(note, dict):
            continue  # not a note: kept as it is, and reported by the record reader
        note.setdefault("tags", [])
        note.setdefault("actor_id", None)
        note.setdefault("anchor", None)
        note.setdefault("placement", "exact")
    return data


def _v1_to_v2(data: dict) -> dict:
    """Version 2 saves by compare-and-swap on a per-note revision (and shards the store by
    briefing, which `store.legacy_notes` does once the records are at this version)."""
    for note in data.get(NOTES, {}).values():
        if isinstance(note, dict):
            note.setdefault("revision", 1)
    return data


MIGRATIONS: dict[int, Callable[[dict], dict]] = {0: _v0_to_v1, 1: _v1_to_v2}


def schema_version(path: Path, data: dict) -> int:
    meta = data.get(META)
    if not meta:
        return 0
    version = next(iter(meta.values())).get("schema_version")
    if type(version) is not int or version < 0:
        raise CorruptFile(path, f"meta record holds no valid schema_version ({version!r})")
    return version


def migrate(path: Path, data: dict, steps: dict[int, Callable[[dict], dict]], target: int) -> dict:
    """`data` brought up to version `target` by `steps` (modified in place); the store passes
    SCHEMA_VERSION and MIGRATIONS as it sees them (`NotesStore._migrated` says why)."""
    version = schema_version(path, data)
    while version < target:
        data = steps[version](data)
        version += 1
    data[META] = {"1": {"schema_version": version}}
    return data
