"""Notes-store test helpers: a clock moved by hand, a note record, the file of one briefing's notes."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from store import note_shards
from store.note_shards import shard_name

DAY_ONE = datetime(2024, 3, 1, 12, 0, tzinfo=timezone.utc)


class Clock:
    """A clock the test moves by hand, so days pass without sleeping."""

    def __init__(self, now: datetime = DAY_ONE) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


def note(body: str = "Check the 2020 statement.", content_hash: str = "h1", path: str = "a.txt", **extra) -> dict:
    return {
        "document_path": path,
        "content_hash": content_hash,
        "anchor": {"quote": "Ankara refuses", "prefix": "", "suffix": "", "start": 0, "end": 14},
        "body": body,
        "tags": ["tr"],
        **extra,
    }


def shard_file(path, document_path: str = "a.txt"):
    """The per-briefing file holding the notes written on `document_path`."""
    return note_shards.shard_file(path.parent / "notes", shard_name(document_path))
