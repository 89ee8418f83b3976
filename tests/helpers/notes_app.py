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


async def writes_landed(app, pilot, limit: float = 60.0) -> None:
    """Wait (bounded) until every notes write the reader queued has landed and its result shows.

    Writes run in thread workers one after another (tui/screens/reader/note_writes.py): the next
    starts from the UI thread once the one before landed, so this waits until none is pending."""
    import asyncio

    from textual.worker import WorkerCancelled

    reader = next(screen for screen in app.screen_stack if hasattr(getattr(screen, "notes", None), "writes"))

    async def landed() -> None:
        while reader.notes.writes.pending:
            try:
                await app.workers.wait_for_complete()
            except WorkerCancelled:  # the app quit as the last write landed, ending its worker
                pass
            await pilot.pause()

    await asyncio.wait_for(landed(), limit)
    await pilot.pause()
