"""A briefing's library record: what the index keeps of its document and analysis.

Plain dicts, built from an `Analysis` after the user's corrections, so the library screen, the
actors across the library and `briefing library` never open a per-briefing analysis file.
"""

from __future__ import annotations

from datetime import datetime, timezone

from analysis.types import Analysis, Document
from store.search_query import snippet_bounds

TOP_ACTORS = 3
# Characters either side of an actor's first mention kept as its snippet: about a line of context.
SNIPPET_CONTEXT = 60


def document_date(document: Document, mtime_ns: int) -> str:
    """The document's own date when its format gives one, else the file's modification time."""
    metadata = getattr(document, "metadata", None)
    date = getattr(metadata, "date", None) if metadata is not None else None
    if isinstance(metadata, dict):
        date = metadata.get("date")
    if date:
        return str(date)
    return datetime.fromtimestamp(mtime_ns / 1e9, timezone.utc).isoformat(timespec="seconds")


def metadata_of(document: Document) -> dict:
    metadata = getattr(document, "metadata", None)
    if metadata is None:
        return {"title": None, "authors": [], "date": None, "site": None, "url": None}
    if isinstance(metadata, dict):
        return dict(metadata)
    to_dict = getattr(metadata, "to_dict", None)
    return to_dict() if callable(to_dict) else dict(vars(metadata))


def flat(piece: str) -> str:
    """A piece of text on one line: a snippet is shown in a list row."""
    return " ".join(piece.split())


def snippet(text: str, start: int, end: int, context: int = SNIPPET_CONTEXT) -> dict:
    """The mention with up to `context` characters either side, cut at spaces, on one line."""
    left, right = snippet_bounds(text, start, end, context)
    return {
        "before": ("…" if left else "") + flat(text[left:start]) + (" " if text[left:start][-1:].isspace() else ""),
        "match": flat(text[start:end]),
        "after": (" " if text[end:right][:1].isspace() else "") + flat(text[end:right]) + ("…" if right < len(text) else ""),
    }


def record_of(document: Document, analysis: Analysis, *, key: str, size: int, mtime_ns: int) -> dict:
    """The index record of one briefing (`key` is its `briefing_key`)."""
    text = document.text
    actors = [actor for actor in analysis.actors if not actor.hidden]
    top = sorted(actors, key=lambda actor: (-actor.salience, -actor.mentions, actor.first))[:TOP_ACTORS]
    return {
        "path": key,
        "content_hash": document.content_hash,
        "analysis_key": analysis.key,
        "format": getattr(document, "format", None) or "text",
        "title": document.title,
        "metadata": metadata_of(document),
        "date": document_date(document, mtime_ns),
        "words": document.words,
        "size": size,
        "mtime_ns": mtime_ns,
        "error": None,
        "summary": [{"start": s, "end": e, "text": text[s:e]} for s, e in analysis.summary],
        "top": [actor.name for actor in top],
        "actor_ids": [actor.id for actor in actors],
        "actors": [
            {
                "id": actor.id,
                "name": actor.name,
                "kind": actor.kind,
                "aliases": [alias.name for alias in actor.aliases],
                "role": actor.role,
                "mentions": actor.mentions,
                "first": list(actor.spans[0]) if actor.spans else None,
                "snippet": snippet(text, *actor.spans[0]) if actor.spans else None,
            }
            for actor in actors
        ],
    }


def failed_record(key: str, error: str, *, size: int = 0, mtime_ns: int = 0) -> dict:
    """A briefing that cannot be read: listed with its reason, analysed again once it changes."""
    return {
        "path": key, "content_hash": None, "format": None, "title": None, "date": None, "words": 0,
        "size": size, "mtime_ns": mtime_ns, "error": error, "summary": [], "top": [], "actor_ids": [],
        "actors": [],
    }
