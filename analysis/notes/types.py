"""A note and its anchor, and the one reader that turns a stored or imported record into a note.

Every record of the user's (the notes file, an import) goes through `Note.from_dict`, which checks
each field's type and shape and says what is wrong and where: a damaged record is reported, never
half-read.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Any


class Placement(str, Enum):
    """Where re-anchoring put a note on the current text (`analysis.notes.anchors.reanchor`)."""

    EXACT = "exact"  # the quote stands where it was written
    MOVED = "moved"  # the same quote, found elsewhere by its context
    FUZZY = "fuzzy"  # the passage was edited; placed on the best match above the threshold
    ORPHAN = "orphan"  # no place scores the threshold: kept and listed, never moved

    def __str__(self) -> str:
        return self.value

    __format__ = str.__format__


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
    def from_dict(cls, raw: Any, where: str = "anchor") -> Anchor:
        if not isinstance(raw, dict):
            raise ValueError(f"{where}: expected an object or null, got {kind_of(raw)}")
        for name in ("quote", "prefix", "suffix"):
            _want(raw, name, str, where)
        for name in ("start", "end"):
            _want(raw, name, int, where)
        if not 0 <= raw["start"] <= raw["end"]:
            raise ValueError(f"{where}: needs 0 <= start <= end, got {raw['start']}..{raw['end']}")
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

    def __post_init__(self) -> None:
        self.placement = Placement(self.placement)  # "orphan" given as text is the same placement

    def to_dict(self) -> dict:
        data = asdict(self)
        data["anchor"] = self.anchor.to_dict() if self.anchor else None
        data["placement"] = self.placement.value
        return data

    @classmethod
    def from_dict(cls, raw: Any, where: str = "note") -> Note:
        """A note from a record; ValueError naming the field and `where` on any bad field."""
        if not isinstance(raw, dict):
            raise ValueError(f"{where}: expected an object, got {kind_of(raw)}")
        if isinstance(raw.get("id"), str) and raw["id"]:
            where = f"{where} (id {raw['id']})"
        for name in ("id", "document_path", "content_hash", "body"):
            _want(raw, name, str, where)
        if not raw["id"]:
            raise ValueError(f"{where}: 'id' is empty")
        for name in ("created", "updated"):
            _want(raw, name, str, where, default="")
        _want(raw, "actor_id", str, where, default=None, nullable=True)
        tags = raw.get("tags", [])
        if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
            raise ValueError(f"{where}: 'tags' must be a list of strings")
        try:
            placement = Placement(raw.get("placement", "exact"))
        except ValueError:
            choices = ", ".join(p.value for p in Placement)
            raise ValueError(f"{where}: 'placement' must be one of {choices}") from None
        anchor = raw.get("anchor")
        return cls(
            id=raw["id"],
            document_path=raw["document_path"],
            content_hash=raw["content_hash"],
            anchor=None if anchor is None else Anchor.from_dict(anchor, f"{where}: anchor"),
            body=raw["body"],
            tags=list(tags),
            actor_id=raw.get("actor_id"),
            created=raw.get("created", ""),
            updated=raw.get("updated", ""),
            placement=placement,
        )


_MISSING = object()


def _want(
    raw: dict, name: str, kind: type, where: str, default: Any = _MISSING, nullable: bool = False
) -> None:
    value = raw.get(name, _MISSING)
    if value is _MISSING:
        if default is _MISSING:
            raise ValueError(f"{where}: '{name}' is missing")
        return
    if value is None and nullable:
        return
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        wanted = {str: "a string", int: "a whole number"}[kind]
        raise ValueError(f"{where}: '{name}' must be {wanted}, got {kind_of(value)}")


def kind_of(value: Any) -> str:
    """What a JSON value is, in words, for messages."""
    names = {
        dict: "an object",
        list: "a list",
        str: "a string",
        bool: "true/false",
        int: "a number",
        float: "a number",
        type(None): "null",
    }
    return names.get(type(value), type(value).__name__)
