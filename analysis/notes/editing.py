"""Writing notes: a new note on a passage or an actor, editing one, its tags, filtering.

Pure functions over `analysis.notes.types`. The store stamps `created` and `updated` when it writes
(one clock, `store.notes.NotesStore.clock`), so nothing here reads the time.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import replace

from analysis.notes.anchors import make_anchor
from analysis.notes.types import Note
from analysis.types import Document
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


def new_note(
    document: Document,
    start: int,
    end: int,
    body: str,
    tags: list[str] | None = None,
    actor_id: str | None = None,
) -> Note:
    """A note pinned to `document.text[start:end]`; ValueError for a selection outside the text."""
    return Note(
        id=uuid.uuid4().hex,
        document_path=document.path,
        content_hash=document.content_hash,
        anchor=make_anchor(document.text, start, end),
        body=body,
        tags=merge_tags([clean_tag(tag) for tag in tags or []], parse_tags(body)),
        actor_id=actor_id,
    )


def note_on_actor(document: Document, actor_id: str, actor_name: str, body: str) -> Note:
    """A note on an actor rather than a passage.

    Only the id is kept (a Note has no field for the name, and names change when the user renames
    an actor): show it by looking the id up in the analysis. `actor_name` is for the error message.
    """
    if not actor_id:
        raise ValueError(f"a note on an actor needs the actor's id (got none for {actor_name!r})")
    return Note(
        id=uuid.uuid4().hex,
        document_path=document.path,
        content_hash=document.content_hash,
        anchor=None,
        body=body,
        tags=parse_tags(body),
        actor_id=actor_id,
    )


def edit_note(note: Note, body: str | None = None, tags: list[str] | None = None) -> Note:
    """A copy with a new body and/or tags (the store stamps `updated` when it writes it).

    Without explicit tags, tags set by hand are kept, and those parsed from the old body are
    replaced by those parsed from the new one (deleting `#draft` from the text drops the tag).
    """
    new_body = note.body if body is None else body
    if tags is None:
        old_parsed = parse_tags(note.body)
        kept = [tag for tag in note.tags if tag not in old_parsed]
    else:
        kept = [clean_tag(tag) for tag in tags]
    return replace(note, body=new_body, tags=merge_tags(kept, parse_tags(new_body)))


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
