"""Notes tests of the app: the test size, the store of a data folder, a note on a paragraph, and
the reader's notes pane, document view and status line."""

from __future__ import annotations

from pathlib import Path

from analysis.notes.editing import new_note
from analysis.notes.types import Note
from store.notes import NotesStore
from store.paths import notes_path
from tui.widgets.document.view import DocumentView
from tui.widgets.notes_list import NotesList
from tui.widgets.status_line import StatusLine

SIZE = (120, 36)


def store_of(home: Path) -> NotesStore:
    return NotesStore(notes_path(str(home)))


def paragraph_note(document, paragraph: int, body: str, tags: list[str] | None = None) -> Note:
    start, end = document.paragraphs[paragraph]
    return new_note(document, start, end, body, tags)


def notifications(app) -> list:
    return list(app._notifications)


def reader_parts(app):
    screen = app.screen
    return screen.query_one(NotesList), screen.query_one(DocumentView), screen.query_one(StatusLine)
