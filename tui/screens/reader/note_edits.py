"""The reader's note edits: each opens its dialog, queues its write, and shows it once landed.

The write side of `NotesHandler` (`notes.py`), apart so each module stays small: a write goes to
the screen's queue (`note_writes`), off the UI thread and in order; its result is said (and the
pane refreshed from what the worker read back) only once it is stored. A write that fails says
why and asks again with what the user typed: the editor reopens with the text, the tags prompt
with the tags.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen

from analysis.notes import editing
from analysis.notes.anchors import make_anchor
from analysis.notes.editing import clean_tag, new_note, note_on_actor
from analysis.notes.types import Note, Placement
from analysis.types import Actor
from tui.focus import focus_now
from tui.literal import toast
from tui.screens.reader.note_writes import NoteWrites, Write, failure_title
from tui.screens.reader.panes import Panes
from tui.session import Session

READ_ONLY_HEADING = " (notes are read-only: this cannot be saved)"
# What the notes pane shows: this briefing's notes, and why they cannot be saved (None: they can).
NotesRead = tuple[list[Note], str | None]


def editor(app, heading: str, quote: str | None, body: str, saved) -> None:
    """Open the note editor, imported when first opened: its TextArea costs ~15 ms of app start."""
    from tui.dialogs.note_editor import open_editor

    open_editor(app, heading, quote, body, saved)


def saved_words(before: Note, saved: Note) -> str:
    """What the status line says after an edit: a save that had to keep two texts says so."""
    if saved.id == before.id:
        return "Note saved"
    if saved.conflict_of:
        return "Another instance changed this note: yours is saved beside it, tagged #conflict"
    return "Another instance deleted this note: yours is saved as a new note"


class NoteEdits:
    """Given by `NotesHandler`: the session, panes, screen, write queue, and `refresh_notes`."""

    session: Session
    panes: Panes
    screen: Screen
    writes: NoteWrites
    moving: bool
    last_deleted: Note | None
    tagging: Note | None
    refresh_notes: Callable[..., None]

    def read_notes(self) -> NotesRead:
        """Both read from disk: in a write's worker (`Write.read_back`), or for a refresh."""
        return self.session.notes(), self.session.notes_problem

    def _save(self, run: Callable[[], Note], landed: Callable[[Note, NotesRead | None], None], *,
              retry: Callable[[], None] | None = None, note_id: str | None = None, text: str | None = None,
              saying: str = "Saving…") -> None:
        """Queue a store write; `landed(note, notes)` once it is stored, else say why and `retry`."""

        def failed(error: Exception) -> None:
            from store.notes import NoteChanged, NotesReadOnly  # loaded by then: the write used it

            title = failure_title(error)
            toast(self.screen, str(error), title=title, severity="error")
            self.panes.status.say(f"{title}: nothing was lost")
            if isinstance(error, (NotesReadOnly, NoteChanged)):
                self.refresh_notes()  # another instance broke the file, or changed the note: show it
            if retry is not None:
                retry()

        self.panes.status.say(saying)
        self.writes.submit(Write(run, landed, failed, note_id, text, read_back=self.read_notes))

    def _heading(self, heading: str) -> str:
        # What the notes pane last read (at open, after each write, and on its 2 s check), not a
        # read of the notes file here on the UI thread; moving: not known until the move lands.
        read_only = not self.moving and self.panes.notes.problem
        return heading + (READ_ONLY_HEADING if read_only else "")

    def write_paragraph_note(self, paragraph: int, body: str = "") -> None:
        document = self.session.document
        start, end = document.paragraphs[paragraph]
        self._write_note(
            f"¶{paragraph + 1}",
            make_anchor(document.text, start, end).quote,  # what is stored: bounded on a 2 MB paragraph
            body,
            lambda text: new_note(document, start, end, text),
            lambda text: self.write_paragraph_note(paragraph, text),
        )

    def write_actor_note(self, actor: Actor, body: str = "") -> None:
        document = self.session.document
        self._write_note(
            f"{actor.name} ({actor.kind})",
            None,
            body,
            lambda text: note_on_actor(document, actor.id, actor.name, text),
            lambda text: self.write_actor_note(actor, text),
        )

    def _write_note(self, where: str, quote: str | None, body: str, make, retry) -> None:
        """Open the editor; save what it returns, or reopen it with the text if the save fails."""

        def saved(text: str | None) -> None:
            if text is None or not text.strip():
                return

            def landed(note: Note, read: NotesRead | None) -> None:
                self.refresh_notes(highlight=note.id, read=read)
                self.panes.status.say(f"Note saved on {where}")

            note = make(text)
            self._save(lambda: self.session.add_note(note), landed, retry=lambda: retry(text), text=text,
                       saying=f"Saving the note on {where}…")

        editor(self.screen.app, self._heading(f"Note on {where}"), quote, body, saved)

    def edit_note(self, note: Note, body: str | None = None) -> None:
        def saved(text: str | None) -> None:
            if text is None or text == note.body:
                return
            edited = editing.edit_note(note, body=text)

            def landed(saved_note: Note, read: NotesRead | None) -> None:
                self.refresh_notes(highlight=saved_note.id, read=read)
                self.panes.status.say(saved_words(note, saved_note))

            self._save(lambda: self.session.update_note(note, body=edited.body, tags=edited.tags), landed,
                       retry=lambda: self.edit_note(note, text), note_id=note.id, text=text)

        quote = note.anchor.quote if note.anchor else None
        text = note.body if body is None else body
        editor(self.screen.app, self._heading("Edit note"), quote, text, saved)

    def delete_note(self, note: Note) -> None:
        def answered(yes: bool | None) -> None:
            if not yes:
                return
            def landed(deleted: Note, read: NotesRead | None) -> None:
                self.last_deleted = deleted
                self.refresh_notes(read=read)
                self.panes.status.say("Note deleted · u to undo")

            self._save(lambda: self.session.delete_note(note), landed, note_id=note.id, saying="Deleting…")

        from tui.dialogs.confirm import ConfirmDialog  # on the key: the reader opens without dialogs

        self.screen.app.push_screen(ConfirmDialog("Delete this note?", note.body[:200]), answered)

    def undo_delete(self) -> None:
        deleted = self.last_deleted
        if deleted is None:
            self.panes.status.say("Still saving: u again in a moment" if self.writes.pending else "Nothing to undo")
            return
        self.last_deleted = None  # a second u before this lands has nothing more to undo

        def landed(restored: Note, read: NotesRead | None) -> None:
            self.refresh_notes(highlight=restored.id, read=read)
            self.panes.status.say("Note restored")

        def failed() -> None:
            self.last_deleted = deleted  # u may try again

        self._save(lambda: self.session.restore_note(deleted), landed, retry=failed, note_id=deleted.id,
                   saying="Restoring…")

    def repin_note(self, note: Note) -> None:
        if note.anchor is None:
            self.panes.status.say("A note on an actor has no passage to re-pin")
            return
        paragraph = self.panes.document.cursor_paragraph

        def repin(yes: bool | None = True) -> None:
            if not yes:
                return
            def landed(moved: Note, read: NotesRead | None) -> None:
                self.refresh_notes(highlight=moved.id, read=read)
                self.panes.status.say(f"Note re-pinned to ¶{paragraph + 1}")

            self._save(lambda: self.session.repin_note(note, paragraph), landed, note_id=note.id)

        if note.placement == Placement.ORPHAN:
            repin()
        else:  # it has a place: moving it is a choice, not a rescue
            question = f"Move this note to ¶{paragraph + 1}, the document's cursor paragraph?"
            from tui.dialogs.confirm import ConfirmDialog

            self.screen.app.push_screen(ConfirmDialog(question, note.body[:200]), repin)

    def ask_tags(self, note: Note, value: str | None = None) -> None:
        self.tagging = note
        shown = " ".join(note.tags) if value is None else value
        self.panes.prompt.ask("notes.tags", "tags, separated by spaces", shown)

    def tags_answered(self, value: str | None) -> None:
        focus_now(self.panes.notes)
        note = self.tagging
        if value is None or note is None:
            return
        try:
            tags = list(dict.fromkeys(clean_tag(word) for word in value.split()))
        except ValueError as error:
            self.panes.status.say(f"Tags not saved: {error}")
            self.ask_tags(note, value)
            return

        def landed(saved: Note, read: NotesRead | None) -> None:
            self.refresh_notes(highlight=saved.id, read=read)
            self.panes.status.say("Tags saved" if tags else "Tags removed")

        self._save(lambda: self.session.update_note(note, tags=tags), landed, note_id=note.id,
                   retry=lambda: self.ask_tags(note, value))
