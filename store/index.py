"""The library index: one TinyDB record per briefing, sharded, with a manifest of rows.

- Records (path, content hash, format, title, metadata, words, summary, actors after corrections)
  live in TinyDB files sharded by the first SHARD_DIGITS hex digits of the sha1 of the path, as
  `records/ab/cd.json`: one record written rewrites one shard of about one record, whether the
  library holds 10 briefings or 10,000 (65,536 shards hold ~1.08 records each at 10,000). Every
  write is atomic and locked (`store.jsonfile`). The first layout, 4,096 shards `records/abc.json`
  of ~2.4 records each at 10,000, made an update at 10,000 cost 1.4-1.6x one at 10 (more to encode
  and to sync, bench g2); its shards are still read, and a record leaves them when next written.
- The manifest is what the library screen lists: one short row per briefing (title, date, words,
  top actors, actor ids, size and mtime to spot changed files). Reading 4,096 shards to draw a
  table would cost a file open per shard; the manifest is one JSON Lines file read at once. It is
  appended to (one line per update, so an update costs the same at any size) and compacted,
  atomically under the lock, once it holds twice as many lines as rows. A torn last line (a kill
  mid-append) is skipped on read: the manifest, like the records, is rebuildable.
- The index is rebuildable from the analysis cache, so a corrupt shard is set aside (kept as
  `<shard>.corrupt-<time>`) with a warning and its records are rebuilt by the caller.

Plain dicts only; this module knows no analysis types.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

from store.digest import sha1_hex
from store.jsonfile import (
    DEFAULT_LOCK_TIMEOUT,
    AtomicJSONStorage,
    CorruptFile,
    locked,
    move_aside,
    open_locked_database,
    write_bytes_atomic,
)
from store.log import logger

log = logger(__name__)

SHARD_DIGITS = 4
LEGACY_SHARD_DIGITS = 3  # the first layout's flat shards, read until their records are written again
TABLE = "briefings"
MANIFEST = "manifest.jsonl"
# Fields of a record copied into its manifest row: what the library screen and `briefing library`
# show, filter and sort on, and what tells a changed file from an unchanged one.
ROW_FIELDS = (
    "path", "content_hash", "format", "title", "date", "words", "top", "actor_ids",
    "size", "mtime_ns", "error",
)


def shard_of(path: str) -> str:
    return sha1_hex(path.encode("utf-8"))[:SHARD_DIGITS]


def legacy_shard_of(path: str) -> str:
    return shard_of(path)[:LEGACY_SHARD_DIGITS]


def row_of(record: dict) -> dict:
    return {name: record.get(name) for name in ROW_FIELDS}


class LibraryIndex:
    def __init__(self, root: Path, lock_timeout: float = DEFAULT_LOCK_TIMEOUT) -> None:
        self.root = Path(root)
        self.lock_timeout = lock_timeout
        # Notices of files set aside, for the caller to show once.
        self.warnings: list[str] = []
        # The manifest's size when compaction was last considered here (None: not yet). Considering
        # it reads the whole manifest, so it waits until the file has doubled since: a read of N
        # rows every ~N appends, the same per update at any size. Every 256 appends, as before,
        # read a 10 MB manifest of 10,000 rows ~40 times per 10,000 updates: 0.75 ms of each update
        # at 10,000 records against nothing at 10 (bench g2: 7-8 ms against 3.8-4.4 ms).
        self._considered_bytes: int | None = None

    @property
    def manifest_path(self) -> Path:
        return self.root / MANIFEST

    def shard_path(self, path: str) -> Path:
        shard = shard_of(path)
        return self.root / "records" / shard[:2] / f"{shard[2:]}.json"

    def legacy_shard_path(self, path: str) -> Path:
        return self.root / "records" / f"{legacy_shard_of(path)}.json"

    # records

    def get(self, path: str) -> dict | None:
        for shard in (self.shard_path(path), self.legacy_shard_path(path)):
            for record in self._read_shard(shard).get(TABLE, {}).values():
                if record.get("path") == path:
                    return record
        return None

    def put(self, record: dict) -> None:
        """Insert or replace the record of `record["path"]`, then append its manifest row."""
        path = record["path"]
        shard = self.shard_path(path)
        with locked(shard, self.lock_timeout):
            data = self._read_shard(shard)
            db = open_locked_database(shard, data or None)
            table = db.table(TABLE)
            ids = [int(doc_id) for doc_id, found in data.get(TABLE, {}).items() if found.get("path") == path]
            if len(ids) == 1:
                # Replaced in place: one write of the shard. A remove then an insert wrote it twice,
                # two of an update's five fsyncs.
                table.update(lambda found: (found.clear(), found.update(record)), doc_ids=ids)
            else:
                if ids:  # more than one record of the path (never written so): keep the new one
                    table.remove(doc_ids=ids)
                table.insert(record)
        # Out of the first layout's shard, if it was there: after the write above, so a kill in
        # between leaves two copies, of which `records` keeps the new one.
        self._remove_from(self.legacy_shard_path(path), path)
        self._append_rows([row_of(record)])

    def remove(self, path: str) -> None:
        for shard in (self.shard_path(path), self.legacy_shard_path(path)):
            self._remove_from(shard, path)
        self._append_rows([{"path": path, "removed": True}])

    def _remove_from(self, shard: Path, path: str) -> None:
        if not shard.exists():
            return
        with locked(shard, self.lock_timeout):
            data = self._read_shard(shard)
            ids = [int(i) for i, found in data.get(TABLE, {}).items() if found.get("path") == path]
            if ids:
                db = open_locked_database(shard, data)
                db.table(TABLE).remove(doc_ids=ids)

    def records(self, paths: Iterable[str] | None = None) -> list[dict]:
        """Every record (or those of `paths`), reading each shard once."""
        folder = self.root / "records"
        legacy = sorted(folder.glob("*.json"))  # the first layout's, while any is left
        if paths is None:
            shards = sorted(folder.glob("*/*.json")) + legacy
            wanted = None
        else:
            wanted = set(paths)
            shards = sorted({self.shard_path(path) for path in wanted})
            if legacy:
                shards += sorted({self.legacy_shard_path(path) for path in wanted})
        found: dict[str, dict] = {}
        for shard in shards:  # the current layout first: its copy of a record is the newer
            for record in self._read_shard(shard).get(TABLE, {}).values():
                path = record.get("path")
                if (wanted is None or path in wanted) and path not in found:
                    found[path] = record
        return list(found.values())

    # the manifest

    def rows(self) -> dict[str, dict]:
        """path -> the latest manifest row, without opening a single record shard."""
        rows, _lines = self._read_manifest()
        return rows

    def rebuild_manifest(self) -> None:
        """Write the manifest anew from the record shards (after a corrupt or missing manifest)."""
        rows = {record["path"]: row_of(record) for record in self.records()}
        self._write_manifest(rows)

    def _read_manifest(self) -> tuple[dict[str, dict], int]:
        try:
            raw = self.manifest_path.read_bytes()
        except FileNotFoundError:
            return {}, 0
        rows: dict[str, dict] = {}
        lines = 0
        for line in raw.split(b"\n"):
            if not line.strip():
                continue
            lines += 1
            try:
                row = json.loads(line)
            except (UnicodeDecodeError, json.JSONDecodeError):
                continue  # a torn line from a killed append: the row's record still holds it
            if not isinstance(row, dict) or not isinstance(row.get("path"), str):
                continue
            if row.get("removed"):
                rows.pop(row["path"], None)
            else:
                rows[row["path"]] = row
        return rows, lines

    def _append_rows(self, rows: list[dict]) -> None:
        data = "".join(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n" for row in rows)
        with locked(self.manifest_path, self.lock_timeout):
            with open(self.manifest_path, "ab") as handle:
                # A line starts on a fresh line even after a torn one, so only the torn line is lost.
                if handle.tell() and not self._ends_with_newline():
                    handle.write(b"\n")
                handle.write(data.encode("utf-8"))
                handle.flush()
                os.fsync(handle.fileno())
                size = handle.tell()
            if self._considered_bytes is None:
                self._considered_bytes = size
            elif size >= 2 * self._considered_bytes:
                current, lines = self._read_manifest()
                self._considered_bytes = size
                if lines > 2 * max(1, len(current)):
                    self._write_manifest_locked(current)

    def _ends_with_newline(self) -> bool:
        with open(self.manifest_path, "rb") as handle:
            handle.seek(-1, os.SEEK_END)
            return handle.read(1) == b"\n"

    def _write_manifest(self, rows: dict[str, dict]) -> None:
        with locked(self.manifest_path, self.lock_timeout):
            self._write_manifest_locked(rows)

    def _write_manifest_locked(self, rows: dict[str, dict]) -> None:
        data = "".join(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n" for row in rows.values())
        encoded = data.encode("utf-8")
        write_bytes_atomic(self.manifest_path, encoded)
        self._considered_bytes = len(encoded)

    # plumbing

    def _read_shard(self, shard: Path) -> dict:
        try:
            return AtomicJSONStorage(shard).read() or {}
        except CorruptFile as error:
            self._set_aside(shard, error.reason)
            return {}

    def _set_aside(self, shard: Path, reason: str) -> None:
        try:
            kept = move_aside(shard, "corrupt")
        except FileNotFoundError:
            return  # another process set it aside first
        message = (
            f"Library index file {shard.name} was unreadable ({reason}); kept as {kept.name}, "
            "its briefings are indexed again from the analysis cache"
        )
        self.warnings.append(message)
        log.warning(message)
