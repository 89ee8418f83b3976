"""Notes on a briefing: making them, their tags, placing them again when the text changed, search.

Pure functions over the dataclasses in `analysis.model`; the store keeps the notes.

A note's `content_hash` is the hash of the text it was written on and is never rewritten, so a
note on an unchanged briefing is `exact` without a search, and a note on a changed one is placed
again from the words the user quoted every time (the result does not drift from one edit to the
next). Exact and moved anchors are refreshed whole; a fuzzy one keeps the quoted words and takes
the offsets and context of where they now best fit; an orphan keeps its old anchor untouched.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import replace
from datetime import datetime, timezone

from analysis.anchors import make_anchor, reanchor
from analysis.model import Document, Note
from store.note_records import TAG_SHAPE

# A tag: `#` then letters, digits, `-`, `_`, `/`; not glued to a word, a URL path or another `#`
# (so `page#part`, `example.org/#top` and `##` are not tags); at least one letter (`#3` is an
# issue number, not a tag). A Markdown heading's own `#`s are followed by a space, so never match.
_TAG = re.compile(r"(?<![\w#/&])#(\w[\w/-]*)")
_TAG_ONLY = TAG_SHAPE  # one definition: the store checks imported tags against the same shape


def parse_tags(body: str) -> list[str]:
    """The `#tag` words of a body, lower-cased, each once, in order of first use."""
    tags: list[str] = []
    for match in _TAG.finditer(body):
        tag = match.group(1).rstrip("/-").lower()
        if tag and any(char.isalpha() for char in tag) and tag not in tags:
            tags.append(tag)
    return tags


def clean_tag(raw: str) -> str:
    """One tag as a user typed it (`Turkey`, `#turkey`), normalised; ValueError if it cannot be."""
    tag = raw.strip().lstrip("#").rstrip("/-").lower()
    if not _TAG_ONLY.fullmatch(tag) or not any(char.isalpha() for char in tag):
        raise ValueError(
            f"not a tag: {raw!r} (letters, digits, '-', '_' and '/', at least one letter)"
        )
    return tag


def merge_tags(*groups: list[str]) -> list[str]:
    merged: list[str] = []
    for group in groups:
        for tag in group:
            if tag not in merged:
                merged.append(tag)
    return merged


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def new_note(
    document: Document,
    start: int,
    end: int,
    body: str,
    tags: list[str] | None = None,
    actor_id: str | None = None,
) -> Note:
    """A note pinned to `document.text[start:end]`; ValueError for a selection outside the text."""
    stamp = now()
    return Note(
        id=uuid.uuid4().hex,
        document_path=document.path,
        content_hash=document.content_hash,
        anchor=make_anchor(document.text, start, end),
        body=body,
        tags=merge_tags([clean_tag(tag) for tag in tags or []], parse_tags(body)),
        actor_id=actor_id,
        created=stamp,
        updated=stamp,
    )


def note_on_actor(document: Document, actor_id: str, actor_name: str, body: str) -> Note:
    """A note on an actor rather than a passage.

    Only the id is kept (a Note has no field for the name, and names change when the user renames
    an actor): show it by looking the id up in the analysis. `actor_name` is for the error message.
    """
    if not actor_id:
        raise ValueError(f"a note on an actor needs the actor's id (got none for {actor_name!r})")
    stamp = now()
    return Note(
        id=uuid.uuid4().hex,
        document_path=document.path,
        content_hash=document.content_hash,
        anchor=None,
        body=body,
        tags=parse_tags(body),
        actor_id=actor_id,
        created=stamp,
        updated=stamp,
    )


def edit_note(note: Note, body: str | None = None, tags: list[str] | None = None) -> Note:
    """A copy with a new body and/or tags and a new `updated` time.

    Without explicit tags, tags set by hand are kept, and those parsed from the old body are
    replaced by those parsed from the new one (deleting `#draft` from the text drops the tag).
    """
    new_body = note.body if body is None else body
    if tags is None:
        old_parsed = parse_tags(note.body)
        kept = [tag for tag in note.tags if tag not in old_parsed]
    else:
        kept = [clean_tag(tag) for tag in tags]
    return replace(note, body=new_body, tags=merge_tags(kept, parse_tags(new_body)), updated=now())


def place_notes(notes: list[Note], document: Document) -> list[Note]:
    """Every note, in order, placed on this version of its briefing (copies; inputs untouched).

    Pass one briefing's notes. Actor notes are returned as they are.
    """
    return [_place(note, document) for note in notes]


def _place(note: Note, document: Document) -> Note:
    anchor = note.anchor
    if anchor is None:
        return note
    text = document.text
    stands = 0 <= anchor.start <= anchor.end <= len(text)
    stands = stands and text[anchor.start : anchor.end] == anchor.quote
    if note.content_hash == document.content_hash and stands:
        return note if note.placement == "exact" else replace(note, placement="exact")
    placement = reanchor(anchor, text)
    if placement.anchor is None:
        return replace(note, placement="orphan")
    if placement.status == "fuzzy":
        new = placement.anchor
        return replace(note, anchor=replace(new, quote=anchor.quote), placement="fuzzy")
    return replace(note, anchor=placement.anchor, placement=placement.status)


def filter_notes(notes: list[Note], query: str) -> list[Note]:
    """Notes matching every word of the query, case-insensitively, in their body, quote or tags.

    A `#tag` word matches only a note with exactly that tag.
    """
    tags, words = [], []
    for word in query.split():
        parsed = parse_tags(word) if word.startswith("#") else []
        if parsed:
            tags.append(parsed[0])
        else:
            words.append(word.casefold())
    return [note for note in notes if _matches(note, tags, words)]


def _matches(note: Note, tags: list[str], words: list[str]) -> bool:
    if any(tag not in note.tags for tag in tags):
        return False
    quote = note.anchor.quote if note.anchor else ""
    haystack = "\n".join([note.body, quote, *note.tags]).casefold()
    return all(word in haystack for word in words)


def paragraph_of(note: Note, document: Document) -> int | None:
    """Index (0-based) of the paragraph holding the note's passage; None if it has no place."""
    if note.anchor is None or note.placement == "orphan" or not document.paragraphs:
        return None
    return document.paragraph_at(note.anchor.start)


def anchored_text(note: Note, document: Document) -> str | None:
    """The text the note now points at (for a fuzzy note, not quite the words it quoted)."""
    if note.anchor is None or note.placement == "orphan":
        return None
    return document.text[note.anchor.start : note.anchor.end]

