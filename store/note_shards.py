"""The notes store on disk: one small TinyDB file per briefing, so a save never rewrites the rest.

```
notes/                      (beside where the single notes.json used to be)
  (../notes.lock, beside it: one lock for every write) (a write takes milliseconds)
  <2 hex>/<stem>-<16 hex>.json   the notes on one briefing, by the path they were written on
                            (in 256 folders: a folder's fsync costs more as it fills)
  by-hash/<content hash>.json   which shards hold notes on that text (a briefing moved or renamed)
  backups/<shard>/…         copies after each write (store.backups)
```

A shard is keyed by the note's `document_path`, the one thing the app always knows when it saves
(the text's hash changes when the briefing is edited, the path does not). Notes written on the same
text under another path are found through `by-hash/`, which grows with briefings, never with notes.
Each shard is a whole TinyDB database (a `meta` table with its schema version and path, a `notes`
table), written atomically, so any one of them can be read, backed up or restored on its own.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from store.jsonfile import AtomicJSONStorage, CorruptFile, read_json, write_bytes_atomic
from store.migrations import META, MIGRATIONS, NOTES, SCHEMA_VERSION, migrate, schema_version
from store.note_records import BadNote, check_note

BY_HASH = "by-hash"
_SLUG = re.compile(r"[^\w.-]+")
_HASH_NAME = re.compile(r"[0-9A-Za-z]{1,128}")


def shard_name(document_path: str) -> str:
    """A file name for one briefing's notes: readable stem, then a digest of the whole path."""
    digest = hashlib.sha256(document_path.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    stem = _SLUG.sub("_", Path(document_path).stem).strip("._")[:40] or "notes"
    return f"{stem}-{digest}"


def shard_file(root: Path, name: str) -> Path:
    return root / name[-16:-14] / f"{name}.json"


def hash_file_name(content_hash: str) -> str:
    if _HASH_NAME.fullmatch(content_hash):
        return content_hash
    return hashlib.sha256(content_hash.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class Shard:
    """One shard as read: its data as stored, its good notes, its bad records, or why not usable."""

    name: str
    file: Path
    data: dict | None = None  # as stored, migrated in memory; None when the file does not exist
    notes: dict[str, dict] = field(default_factory=dict)  # TinyDB doc id -> checked note
    bad: list[str] = field(default_factory=list)  # one message per record that is not a note
    problem: str | None = None  # set: the file must never be written

    def find(self, note_id: str) -> str | None:
        return next((doc_id for doc_id, note in self.notes.items() if note["id"] == note_id), None)

    def insert(self, record: dict) -> None:
        table = self._table()
        doc_id = str(max((int(key) for key in table), default=0) + 1)
        table[doc_id] = record
        self.notes[doc_id] = record

    def replace(self, doc_id: str, record: dict) -> None:
        self._table()[doc_id] = record
        self.notes[doc_id] = record

    def remove(self, doc_id: str) -> None:
        del self._table()[doc_id]
        del self.notes[doc_id]

    def _table(self) -> dict:
        if self.data is None:
            self.data = {META: {"1": {"schema_version": SCHEMA_VERSION}}, NOTES: {}}
        return self.data.setdefault(NOTES, {})


def read_shard(root: Path, name: str) -> Shard:
    """A shard read and checked record by record; never raises for what the file holds."""
    shard = Shard(name, shard_file(root, name))
    try:
        data = AtomicJSONStorage(shard.file).read()
        if data is None:
            return shard
        version = schema_version(shard.file, data)
    except CorruptFile as error:
        shard.problem = error.reason
        return shard
    except OSError as error:
        shard.problem = f"unreadable: {error.strerror or error}"
        return shard
    if version > SCHEMA_VERSION:
        shard.problem = f"written by a newer briefing: notes schema {version}, this one knows {SCHEMA_VERSION}"
        return shard
    shard.data = migrate(shard.file, data, MIGRATIONS, SCHEMA_VERSION) if version < SCHEMA_VERSION else data
    shard.notes, shard.bad = checked_records(shard.file.name, shard.data.get(NOTES, {}))
    return shard


def checked_records(source: str, table: dict) -> tuple[dict[str, dict], list[str]]:
    """(doc id -> checked note, messages for records that are not notes): the one read of records."""
    good, bad = {}, []
    for doc_id, raw in table.items():
        try:
            good[doc_id] = check_note(raw, f"{source}: record {doc_id}")
        except BadNote as error:
            bad.append(f"{error}; kept as it is in the file")
    return good, bad


def shard_bytes(shard: Shard) -> bytes:
    # No indent: it switches json to its pure-Python encoder, ten times slower on a large file.
    return json.dumps(shard.data, ensure_ascii=False).encode("utf-8")


def write_shard(shard: Shard) -> bytes:
    """Write a shard atomically; returns the bytes written (for the backup after the write)."""
    raw = shard_bytes(shard)
    write_bytes_atomic(shard.file, raw)
    return raw


def shard_names(root: Path) -> list[str]:
    if not root.is_dir():
        return []
    return sorted(p.stem for p in root.glob("[0-9a-f][0-9a-f]/*.json") if not p.name.startswith("."))


def shards_with_hash(root: Path, content_hash: str) -> list[str]:
    try:
        names = read_json(root / BY_HASH / f"{hash_file_name(content_hash)}.json")
    except (CorruptFile, OSError):
        return []  # an index is rebuilt by the next write that needs it; reading goes on
    return [name for name in names if isinstance(name, str)] if isinstance(names, list) else []


def remember_hash(root: Path, content_hash: str, name: str) -> None:
    """Note that shard `name` holds notes on this text (call under the store's lock)."""
    present = shards_with_hash(root, content_hash)
    if name not in present:
        target = root / BY_HASH / f"{hash_file_name(content_hash)}.json"
        write_bytes_atomic(target, json.dumps(sorted({*present, name})).encode("utf-8"))
