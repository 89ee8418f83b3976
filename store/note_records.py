"""The one reader of note records: what a stored or imported note must look like, and the limits.

Every path a note record comes in by (a notes file, a JSON import, a backup) goes through
`check_note`. It returns a clean copy with defaults filled in, or raises BadNote saying which
field is wrong, so a bad record is reported and kept as it was, never half-read or silently
dropped.

Two strengths:
- reading the user's own store is lenient on size and shape (a note the store once accepted stays
  readable when a limit tightens; unknown keys a newer version added are kept);
- `strict` (imports and every write) also enforces the limits and the shapes the app itself
  produces: a tag as `analysis.notes.clean_tag` makes it, ids and hashes without control
  characters, a bounded quote. An import is text from outside; it may not smuggle in a 20 MB
  body, 100,000 tags or an escape sequence in a tag.
"""

from __future__ import annotations

import re
from typing import Any

PLACEMENTS = ("exact", "moved", "fuzzy", "orphan")

MAX_BODY = 100_000  # characters: a long note is a page or two; a 20 MB body is a pasted file
MAX_QUOTE = 2_000  # characters kept as a note's quote (analysis.notes.anchors bounds what it makes)
MAX_CONTEXT = 256  # characters of prefix or suffix (32 are made; room for older versions)
MAX_TAGS = 50
MAX_TAG_LENGTH = 64
MAX_PATH = 4_096
MAX_SHORT = 256  # ids, hashes, stamps, actor ids
MAX_NOTES_PER_IMPORT = 10_000
MAX_IMPORT_BYTES = 32 * 1024 * 1024

# A tag: a word character, then word characters, '-' or '/', at least one letter somewhere.
TAG_SHAPE = re.compile(r"\w[\w/-]*")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# What an id or hash may hold: ids are uuid hex from this program, hand-made ones are words.
_ID_SHAPE = re.compile(r"[\w.:-]{1,128}")

_FIELDS = {
    "id": (str, None),
    "document_path": (str, None),
    "content_hash": (str, None),
    "body": (str, None),
    "created": (str, ""),
    "updated": (str, ""),
    "actor_id": ((str, type(None)), None),
    "conflict_of": ((str, type(None)), None),
}
_REQUIRED = ("id", "document_path", "content_hash", "body")


class BadNote(ValueError):
    """A record that is not a note; the message names the field and what is wrong."""


def kind(value: Any) -> str:
    names = {
        dict: "an object", list: "a list", str: "a string", bool: "true/false",
        int: "a number", float: "a number", type(None): "null",
    }
    return names.get(type(value), type(value).__name__)


def check_note(raw: Any, where: str = "note", *, strict: bool = False) -> dict:
    """A clean copy of a note record (defaults filled in); BadNote saying what is wrong."""
    if not isinstance(raw, dict):
        raise BadNote(f"{where}: expected an object, got {kind(raw)}")
    if isinstance(raw.get("id"), str) and raw["id"] and not _CONTROL.search(raw["id"]):
        where = f"{where} (id {raw['id'][:40]})"
    record = dict(raw) if not strict else {}
    for key, (types, default) in _FIELDS.items():
        value = raw.get(key, _MISSING)
        if value is _MISSING:
            if key in _REQUIRED:
                raise BadNote(f"{where}: '{key}' is missing")
            value = default
        elif not isinstance(value, types):
            wanted = "a string" if types is str else "a string or null"
            raise BadNote(f"{where}: '{key}' must be {wanted}, got {kind(value)}")
        record[key] = value
    if not record["id"]:
        raise BadNote(f"{where}: 'id' is empty")
    record["tags"] = _tags(raw.get("tags", []), where, strict)
    placement = raw.get("placement", "exact")
    if placement not in PLACEMENTS:
        raise BadNote(f"{where}: 'placement' must be one of {', '.join(PLACEMENTS)}")
    record["placement"] = placement
    revision = raw.get("revision", 0)
    if type(revision) is not int or revision < 0:
        raise BadNote(f"{where}: 'revision' must be a whole number of 0 or more, got {kind(revision)}")
    record["revision"] = revision
    anchor = raw.get("anchor")
    record["anchor"] = None if anchor is None else _anchor(anchor, where, strict)
    if strict:
        _check_limits(record, where)
    return record


_MISSING = object()


def _tags(tags: Any, where: str, strict: bool) -> list[str]:
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        raise BadNote(f"{where}: 'tags' must be a list of strings")
    if strict:
        if len(tags) > MAX_TAGS:
            raise BadNote(f"{where}: {len(tags)} tags (the limit is {MAX_TAGS})")
        for tag in tags:
            if not (0 < len(tag) <= MAX_TAG_LENGTH and TAG_SHAPE.fullmatch(tag)
                    and any(char.isalpha() for char in tag)):
                raise BadNote(
                    f"{where}: {tag[:MAX_TAG_LENGTH]!r} is not a tag (1 to {MAX_TAG_LENGTH} letters, "
                    "digits, '-', '_' or '/', at least one letter)"
                )
    return list(tags)


def _anchor(raw: Any, where: str, strict: bool) -> dict:
    where = f"{where}: anchor"
    if not isinstance(raw, dict):
        raise BadNote(f"{where}: expected an object or null, got {kind(raw)}")
    for key in ("quote", "prefix", "suffix", "start", "end"):
        if key not in raw:
            raise BadNote(f"{where}: '{key}' is missing")
    for key in ("quote", "prefix", "suffix"):
        if not isinstance(raw[key], str):
            raise BadNote(f"{where}: '{key}' must be a string, got {kind(raw[key])}")
    for key in ("start", "end"):
        if type(raw[key]) is not int:
            raise BadNote(f"{where}: '{key}' must be a whole number, got {kind(raw[key])}")
    if not 0 <= raw["start"] <= raw["end"]:
        raise BadNote(f"{where}: needs 0 <= start <= end, got {raw['start']}..{raw['end']}")
    if strict:
        if len(raw["quote"]) > MAX_QUOTE:
            raise BadNote(f"{where}: the quote has {len(raw['quote'])} characters (the limit is {MAX_QUOTE})")
        if max(len(raw["prefix"]), len(raw["suffix"])) > MAX_CONTEXT:
            raise BadNote(f"{where}: the context is longer than {MAX_CONTEXT} characters")
    return {key: raw[key] for key in ("quote", "prefix", "suffix", "start", "end")}


def _check_limits(record: dict, where: str) -> None:
    if len(record["body"]) > MAX_BODY:
        raise BadNote(f"{where}: the body has {len(record['body'])} characters (the limit is {MAX_BODY})")
    for key in ("id", "content_hash"):
        if not _ID_SHAPE.fullmatch(record[key]):
            raise BadNote(f"{where}: '{key}' must be 1 to 128 letters, digits, '.', ':', '_' or '-'")
    if not record["document_path"] or len(record["document_path"]) > MAX_PATH:
        raise BadNote(f"{where}: 'document_path' must be 1 to {MAX_PATH} characters")
    if "\x00" in record["document_path"]:  # no file system allows it; shown safely otherwise
        raise BadNote(f"{where}: 'document_path' holds a NUL character")
    for key in ("created", "updated", "actor_id", "conflict_of"):
        value = record[key]
        if value is not None and (len(value) > MAX_SHORT or _CONTROL.search(value)):
            raise BadNote(f"{where}: '{key}' is longer than {MAX_SHORT} characters or holds control characters")
