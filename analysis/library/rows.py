"""A briefing as the library lists it, and which notes belong to it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from analysis.library.scan import briefing_key


@dataclass
class Row:
    """One briefing as the library lists it."""

    key: str
    relative: str
    title: str
    date: str = ""
    words: int = 0
    top: list[str] = field(default_factory=list)
    actor_ids: list[str] = field(default_factory=list)
    notes: int = 0
    tags: set[str] = field(default_factory=set)
    read: bool = False
    starred: bool = False
    indexed: bool = False  # the index holds an up-to-date record
    error: str | None = None
    content_hash: str | None = None
    format: str | None = None
    missing: bool = False  # the file is gone; listed because notes were written on it

    @property
    def state(self) -> str:
        if self.missing:
            return "missing"
        if self.error:
            return "broken"
        if not self.indexed:
            return "pending"
        if self.starred:
            return "starred"
        return "read" if self.read else "unread"

    def to_json(self) -> dict:
        return {
            "path": self.key, "relative": self.relative, "title": self.title, "date": self.date or None,
            "format": self.format, "words": self.words, "state": {"read": self.read, "starred": self.starred},
            "analysed": self.indexed, "notes": self.notes, "top_actors": self.top, "error": self.error,
            "missing": self.missing,
        }


class NotesIndex:
    """Which notes belong to a briefing: those written on its file, or on its text (a note
    written on a copy of the file elsewhere, or before it moved)."""

    def __init__(self, notes: list[dict]) -> None:
        self.by_key: defaultdict[str, set[str]] = defaultdict(set)
        self.by_hash: defaultdict[str, set[str]] = defaultdict(set)
        self.tags: dict[str, set[str]] = {}
        for note in notes:
            note_id, path = note.get("id"), note.get("document_path")
            if not isinstance(note_id, str):
                continue
            if isinstance(path, str) and path:
                self.by_key[briefing_key(path)].add(note_id)
            if isinstance(note.get("content_hash"), str):
                self.by_hash[note["content_hash"]].add(note_id)
            self.tags[note_id] = {tag for tag in note.get("tags") or [] if isinstance(tag, str)}

    def orphaned(self, root: str, present: set[str]) -> dict[str, int]:
        """Files under `root` (a folder path ending in a separator) that notes were written on and
        that are no longer there, with how many notes each: the notes are kept, so they are listed."""
        return {key: len(ids) for key, ids in self.by_key.items() if key.startswith(root) and key not in present}

    def count(self, row: Row) -> None:
        ids = self.by_key.get(row.key, set()) | (self.by_hash.get(row.content_hash, set()) if row.content_hash else set())
        row.notes = len(ids)
        row.tags = set().union(*(self.tags[note_id] for note_id in ids)) if ids else set()
