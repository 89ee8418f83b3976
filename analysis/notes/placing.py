"""Placing notes on the current text of their briefing, and which notes belong to it.

A note's `content_hash` is the hash of the text it was written on and is never rewritten, so a
note on an unchanged briefing is `exact` without a search, and a note on a changed one is placed
again from the words the user quoted every time (the result does not drift from one edit to the
next). Exact and moved anchors are refreshed whole; a fuzzy one keeps the quoted words and takes
the offsets and context of where they now best fit; an orphan keeps its old anchor untouched.
"""

from __future__ import annotations

from dataclasses import replace

from analysis.notes.anchors import reanchor
from analysis.notes.types import Note, Placement
from analysis.types import Document


def belongs_to(note: Note, content_hash: str, path: str | None) -> bool:
    """Whether a note is one of this briefing's: written on this text, or on this file when its
    text has changed since (the note is then placed again on the new text)."""
    return note.content_hash == content_hash or (path is not None and note.document_path == path)


def is_placed(note: Note) -> bool:
    """Whether a note points at a passage of the current text (not an actor note, not an orphan)."""
    return note.anchor is not None and note.placement != Placement.ORPHAN


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
        return note if note.placement == Placement.EXACT else replace(note, placement=Placement.EXACT)
    found = reanchor(anchor, text)
    if found.anchor is None:
        return replace(note, placement=Placement.ORPHAN)
    if found.status == Placement.FUZZY:
        return replace(note, anchor=replace(found.anchor, quote=anchor.quote), placement=Placement.FUZZY)
    return replace(note, anchor=found.anchor, placement=found.status)
