"""Notes out of the app: Markdown to read (grouped by briefing, each note linked to its passage by
`path:line`) and JSON to keep or move (lossless, validated on the way back in).

Pure: text in, text out; the CLI reads the store and writes the files.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime, timezone
from pathlib import PurePath
from typing import Any

from analysis.notes.placing import is_placed
from analysis.notes.types import Note, Placement
from analysis.types import Document
from store.note_records import MAX_NOTES_PER_IMPORT, kind

FORMAT = "briefing-notes"
VERSION = 1

Group = tuple[Document | None, str, list[Note]]


def line_of(text: str, offset: int) -> int:
    """The 1-based line holding a character offset (clamped into the text)."""
    offset = min(max(offset, 0), len(text))
    return text.count("\n", 0, offset) + 1


def group_notes(notes: list[Note], documents: Mapping[str, Document] | None = None) -> list[Group]:
    """Notes grouped by briefing path, paths sorted, with the document where one is given."""
    documents = documents or {}
    by_path: dict[str, list[Note]] = {}
    for note in notes:
        by_path.setdefault(note.document_path, []).append(note)
    return [(documents.get(path), path, by_path[path]) for path in sorted(by_path)]


def markdown_export(
    notes: list[Note], documents: Mapping[str, Document] | None, actor_names: Mapping[str, str] | None
) -> str:
    """The Markdown export of `notes`, the one both the app (`x`) and `briefing notes export`
    write: grouped by briefing, passages located in `documents`, actors named from `actor_names`."""
    return to_markdown(group_notes(notes, documents), actor_names)


def actor_name(actor_id: str | None, names: Mapping[str, str] | None = None) -> str:
    """An actor's name for people to read, never its internal id.

    From `names` (the analysis's, after corrections) where it is there. Without one (the briefing
    never analysed, or the actor since merged away) the id's own words: an id is the kind and the
    canonical name folded to a slug (`person:recep-tayyip-erdogan`), so its words capitalised are
    the name as near as it can be rebuilt.
    """
    if not actor_id:
        return "an unknown actor"
    if names and actor_id in names:
        return names[actor_id]
    words = actor_id.partition(":")[2] or actor_id
    return " ".join(word[:1].upper() + word[1:] for word in words.split("-") if word) or actor_id


def to_markdown(groups: list[Group], actor_names: Mapping[str, str] | None = None) -> str:
    """Markdown for (document or None, path, notes) groups.

    Per briefing: a heading (title, else the file name) and its path; passage notes in text order,
    each as a `path:line` reference (line only when the document is given), the quoted passage as a
    blockquote, the body and a line of tags and time; then notes on actors (named from
    `actor_names`, else by id); then an "Orphaned" subsection for notes whose passage is gone.
    """
    names = actor_names or {}
    out = ["# Briefing notes", ""]
    groups = [group for group in groups if group[2]]
    if not groups:
        out += ["No notes.", ""]
    for document, path, notes in groups:
        title = document.title if document and document.title else PurePath(path).name or path
        count = f"{len(notes)} note" + ("" if len(notes) == 1 else "s")
        out += [f"## {_one_line(title)}", "", f"`{path}` · {count}", ""]
        orphans = [n for n in notes if n.placement == Placement.ORPHAN]
        placed = [n for n in notes if is_placed(n)]
        on_actors = [n for n in notes if n.placement != Placement.ORPHAN and n.anchor is None]
        for note in sorted(placed, key=lambda n: (n.anchor.start, n.created)):
            line = f":{line_of(document.text, note.anchor.start)}" if document else ""
            out += [f"**`{path}{line}`**", ""]
            out += _note_block(note, names)
        for note in sorted(on_actors, key=lambda n: n.created):
            out += [f"**On {_actor(note, names)}** · `{path}`", ""]
            out += _note_block(note, names, says_actor=False)
        if orphans:
            out += ["### Orphaned", "", "These notes' passages are no longer in the text.", ""]
            for note in sorted(orphans, key=lambda n: n.created):
                out += _note_block(note, names)
    return "\n".join(out).rstrip("\n") + "\n"


def _note_block(note: Note, names: Mapping[str, str], says_actor: bool = True) -> list[str]:
    lines: list[str] = []
    if note.anchor is not None and note.anchor.quote:
        lines += [_blockquote(note.anchor.quote), ""]
    if note.body.strip():
        lines += [note.body.strip("\n"), ""]
    # The time leads: a line starting `#tag` is a heading to some Markdown renderers.
    meta = [_time(note.created)]
    if note.updated and note.updated != note.created:
        meta.append(f"edited {_time(note.updated)}")
    if note.tags:
        meta.append(" ".join(f"#{tag}" for tag in note.tags))
    if says_actor and note.actor_id:
        meta.append(f"on {_actor(note, names)}")
    if note.placement == "fuzzy":
        meta.append("the passage was edited since; placed by similarity")
    lines += [" · ".join(meta), "", "---", ""]
    return lines


def _actor(note: Note, names: Mapping[str, str]) -> str:
    return _one_line(actor_name(note.actor_id, names))


def _blockquote(text: str) -> str:
    return "\n".join(f"> {line}" if line.strip() else ">" for line in text.split("\n"))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _time(stamp: str) -> str:
    """`2024-05-01 12:00 UTC` for a stored ISO time; the stored text if it is not one."""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp or "unknown time"
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc)
        return moment.strftime("%Y-%m-%d %H:%M UTC")
    return moment.strftime("%Y-%m-%d %H:%M")


def to_json(notes: list[Note], reading_state: list[dict] | None = None) -> str:
    """The notes, and the reading state (read, starred, position) of briefings when given."""
    document = {"format": FORMAT, "version": VERSION, "notes": [n.to_dict() for n in notes]}
    if reading_state is not None:
        document["reading_state"] = reading_state
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def from_json(text: str) -> list[Note]:
    """Notes from `to_json` output; ValueError saying what is wrong and where on any bad input.

    Every note is checked by the store's one reader of note records, strictly: an export is text
    from outside, so it is held to the limits (body, quote, tags, notes per file) and shapes the
    app itself produces.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(
            f"not JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        ) from None
    except RecursionError:  # json's C parser stops cleanly at the recursion limit
        raise ValueError("not a notes export: nested too deeply") from None
    if not isinstance(data, dict):
        raise ValueError(f"expected a JSON object with format {FORMAT!r}, got {kind(data)}")
    if data.get("format") != FORMAT:
        raise ValueError(f"not a notes export: 'format' is {_shown(data.get('format'))}, not {FORMAT!r}")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ValueError(f"'version' must be a positive whole number, got {_shown(version)}")
    if version > VERSION:
        raise ValueError(
            f"written by a newer briefing (version {version}); this one reads version {VERSION}"
        )
    raw_notes = data.get("notes")
    if not isinstance(raw_notes, list):
        raise ValueError(f"'notes' must be a list, got {kind(raw_notes)}")
    if len(raw_notes) > MAX_NOTES_PER_IMPORT:
        raise ValueError(f"{len(raw_notes)} notes in one file (the limit is {MAX_NOTES_PER_IMPORT})")
    notes, seen = [], set()
    for index, raw in enumerate(raw_notes, start=1):
        note = Note.from_dict(raw, f"note {index}", strict=True)  # an import is text from outside
        if note.id in seen:
            raise ValueError(f"note {index}: id {note.id!r} appears twice")
        seen.add(note.id)
        notes.append(note)
    return notes


def _shown(value: Any) -> str:
    """A value from the file in a message: short, and as Python writes it (escapes visible)."""
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."
