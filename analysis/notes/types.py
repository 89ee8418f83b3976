"""A note and its anchor, made from records the one record reader has checked.

Every record of the user's (a notes file, an import, a backup) goes through
`store.note_records.check_note`, which checks each field's type, shape and limits and says what is
wrong and where: a damaged record is reported, never half-read. `Note.from_dict` calls it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Any

from store.note_records import PLACEMENTS, check_note


class Placement(str, Enum):
    """Where re-anchoring put a note on the current text (`analysis.notes.anchors.reanchor`)."""

    EXACT = "exact"  # the quote stands where it was written
    MOVED = "moved"  # the same quote, found elsewhere by its context
    FUZZY = "fuzzy"  # the passage was edited; placed on the best match above the threshold
    ORPHAN = "orphan"  # no place scores the threshold: kept and listed, never moved

    def __str__(self) -> str:
        return self.value

    __format__ = str.__format__


# The store checks records against the same four names without importing this layer.
assert tuple(placement.value for placement in Placement) == PLACEMENTS


CONTEXT = 32  # characters of context kept either side of a quote


@dataclass
class Anchor:
    """A quote selector: the exact text, up to CONTEXT characters either side, and its offsets."""

    quote: str
    prefix: str
    suffix: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, raw: dict) -> Anchor:
        """From a record `store.note_records.check_note` has checked."""
        return cls(**{name: raw[name] for name in ("quote", "prefix", "suffix", "start", "end")})


@dataclass
class Note:
    id: str
    document_path: str
    content_hash: str
    anchor: Anchor | None
    body: str
    tags: list[str] = field(default_factory=list)
    actor_id: str | None = None
    created: str = ""
    updated: str = ""
    placement: Placement = Placement.EXACT
    # Bumped by every save; a save names the revision it started from (compare-and-swap).
    revision: int = 0
    # Set on a note saved beside another instance's newer edit of note `conflict_of`.
    conflict_of: str | None = None

    def __post_init__(self) -> None:
        self.placement = Placement(self.placement)  # "orphan" given as text is the same placement

    def to_dict(self) -> dict:
        data = asdict(self)
        data["anchor"] = self.anchor.to_dict() if self.anchor else None
        data["placement"] = self.placement.value
        return data

    @classmethod
    def from_dict(cls, raw: Any, where: str = "note", *, strict: bool = False) -> Note:
        """A note from a record, through the one record reader (`store.note_records.check_note`):
        BadNote, a ValueError naming the field and `where`, on any bad field; `strict` for text
        from outside (an import), which must also keep within the limits."""
        record = check_note(raw, where, strict=strict)
        anchor = record["anchor"]
        return cls(
            id=record["id"],
            document_path=record["document_path"],
            content_hash=record["content_hash"],
            anchor=None if anchor is None else Anchor.from_dict(anchor),
            body=record["body"],
            tags=record["tags"],
            actor_id=record["actor_id"],
            created=record["created"],
            updated=record["updated"],
            placement=record["placement"],
            revision=record["revision"],
            conflict_of=record["conflict_of"],
        )
