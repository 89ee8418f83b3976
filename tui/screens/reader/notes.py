"""The reader's note handling: write, edit, delete and undo, tags, filter, jump, re-pin, export.

`NotesHandler` is owned by `ReaderScreen` and given what it works on: the session (the notes
store), the panes it updates, and the screen it opens dialogs and notifications on. A note is
written to the store before the editor's result is reported saved; a write that fails (the file
locked by a hung instance, read-only, the disk full) says why and reopens the editor with the
text, so the user never loses what they typed. Writes are synchronous: they take milliseconds,
and the session's store gives up on a held lock after a second and a half.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen

from analysis.notes import editing
from analysis.notes.anchors import make_anchor
from analysis.notes.editing import clean_tag, filter_notes, new_note, note_on_actor
from analysis.notes.placing import is_placed
from analysis.notes.types import Note, Placement
from analysis.types import Actor
from store.jsonfile import StoreError, StoreLocked
from store.notes import NoteChanged, NotesReadOnly
from tui.dialogs.confirm import ConfirmDialog
from tui.literal import literal_markup, toast
from tui.screens.reader.backup import offer_backup
from tui.screens.reader.panes import Panes
from tui.session import Session

READ_ONLY_HEADING = " (notes are read-only: this cannot be saved)"
# How often the pane looks for another instance's saves: a few stats, and a change shows within it.
NOTES_CHECK_SECONDS = 2.0
NO_NOTE_HINT = "No note here: press a in the document to write one"


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

class NotesHandler:
    def __init__(self, session: Session, panes: Panes, screen: Screen) -> None:
        self.session = session
        self.panes = panes
        self.screen = screen  # opens the dialogs, shows the notifications
        self.actor_names: dict[str, str] = {}  # id -> name, set by the screen with each analysis
        self.last_deleted: Note | None = None
        self.notes_filter = ""
        self.tagging: Note | None = None
        self.backup_offered = False

    @property
    def commands(self) -> dict[str, Callable[[Note | Actor | None], None]]:
        """What this handler carries out, by registry command id, on the pane's highlighted item."""
        return {
            "notes.undo": lambda _: self.undo_delete(),
            "notes.filter": lambda _: self.ask_filter(),
            "notes.export": lambda _: self.export_notes(),
            "notes.jump": self._on_note(self.jump_to_note),
            "notes.edit": self._on_note(self.edit_note),
            "notes.delete": self._on_note(self.delete_note),
            "notes.repin": self._on_note(self.repin_note),
            "notes.tags": self._on_note(self.ask_tags),
            "actors.note": lambda actor: actor is not None and self.write_actor_note(actor),
        }

    @property
    def answers(self) -> dict[str, Callable[[str | None], None]]:
        """What this handler does with the prompt's answer, by the command id that asked."""
        return {"notes.filter": self.filter_answered, "notes.tags": self.tags_answered}

    def _on_note(self, run: Callable[[Note], None]) -> Callable[[Note | None], None]:
        def on_highlighted(note: Note | None) -> None:
            if note is None:
                self.panes.status.say(NO_NOTE_HINT)
            else:
                run(note)

        return on_highlighted

    def refresh_notes(self, highlight: str | None = None) -> None:
        session = self.session
        notes = session.notes()
        shown = filter_notes(notes, self.notes_filter) if self.notes_filter else notes
        names = self.actor_names
        problem = session.notes_problem
        empty = {}
        if self.notes_filter and notes:
            empty["empty"] = "No note matches the filter.\n\n/ then enter on an empty line shows all."
        self.panes.notes.show(shown, session.document, names, problem=problem, **empty)
        self.panes.notes.border_title = "Notes · read-only" if problem else "Notes"
        if highlight:
            self.panes.notes.highlight_note(highlight)
        self.panes.document.set_note_marks([(n.anchor.start, n.anchor.end) for n in notes if is_placed(n)])
        self.panes.status.notes = len(notes)
        if self.notes_filter:
            self.panes.notes.border_subtitle += f" · filter “{literal_markup(self.notes_filter)}”"
        if problem and not self.backup_offered:
            self.backup_offered = True
            self.screen.call_after_refresh(
                offer_backup, self.session, self.screen, self.panes.status, self.refresh_notes
            )

    def check_notes_on_disk(self) -> None:
        """On a timer: another instance's saves appear here, and new problems are said once."""
        if self.session.notes_changed_on_disk():
            self.refresh_notes()
        for warning in self.session.new_warnings():
            toast(self.screen, warning, title="Warning", severity="warning")

    def _store(self, write, *args, **kwargs) -> Note | None:
        """Run a store write; on failure tell the user why and return None."""
        try:
            return write(*args, **kwargs)
        except (StoreError, OSError, ValueError) as error:
            if isinstance(error, StoreLocked):
                title = "Notes not saved: locked by another briefing"
            elif isinstance(error, NotesReadOnly):
                title = "Notes not saved: read-only"
            else:
                title = "Notes not saved"
            toast(self.screen, str(error), title=title, severity="error")
            self.panes.status.say(f"{title}: nothing was lost")
            if isinstance(error, (NotesReadOnly, NoteChanged)):
                self.refresh_notes()  # another instance broke the file, or changed the note: show it
            return None

    def _heading(self, heading: str) -> str:
        return heading + (READ_ONLY_HEADING if self.session.notes_problem else "")

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
            note = self._store(self.session.add_note, make(text))
            if note is None:
                retry(text)
                return
            self.refresh_notes(highlight=note.id)
            self.panes.status.say(f"Note saved on {where}")

        editor(self.screen.app, self._heading(f"Note on {where}"), quote, body, saved)

    def edit_note(self, note: Note, body: str | None = None) -> None:
        def saved(text: str | None) -> None:
            if text is None or text == note.body:
                return
            edited = editing.edit_note(note, body=text)
            saved_note = self._store(self.session.update_note, note, body=edited.body, tags=edited.tags)
            if saved_note is None:
                self.edit_note(note, text)
                return
            self.refresh_notes(highlight=saved_note.id)
            self.panes.status.say(saved_words(note, saved_note))

        quote = note.anchor.quote if note.anchor else None
        text = note.body if body is None else body
        editor(self.screen.app, self._heading("Edit note"), quote, text, saved)

    def delete_note(self, note: Note) -> None:
        def answered(yes: bool | None) -> None:
            if not yes:
                return
            deleted = self._store(self.session.delete_note, note)
            if deleted is not None:
                self.last_deleted = deleted
                self.refresh_notes()
                self.panes.status.say("Note deleted · u to undo")

        self.screen.app.push_screen(ConfirmDialog("Delete this note?", note.body[:200]), answered)

    def undo_delete(self) -> None:
        if self.last_deleted is None:
            self.panes.status.say("Nothing to undo")
            return
        restored = self._store(self.session.restore_note, self.last_deleted)
        if restored is not None:
            self.last_deleted = None
            self.refresh_notes(highlight=restored.id)
            self.panes.status.say("Note restored")

    def jump_to_note(self, note: Note, focus: bool = True) -> None:
        if note.anchor is None and note.actor_id:
            self.select_actor(note.actor_id)
            return
        if not is_placed(note):
            self.panes.status.say("This note has no passage in the text" if note.anchor is None
                            else "Orphaned: its passage is gone from this version of the text · p re-pins it")
            return
        span = (note.anchor.start, note.anchor.end)
        self.panes.document.go_to_offset(note.anchor.start, span)
        if focus:
            self.panes.document.focus()

    def select_actor(self, actor_id: str) -> None:
        """A note on an actor has no passage: select its actor, as enter in the actors pane does."""
        actors = self.panes.actors
        if actors.highlight_actor(actor_id):
            actors.action_select_actor()
        else:
            name = self.actor_names.get(actor_id)
            self.panes.status.say(f"{name or 'This actor'} is not in the actors shown (hidden or filtered out?)")

    def show_note(self, note_id: str) -> None:
        """Highlight a note in the pane (dropping a filter that hides it) and show its passage."""
        note = next((n for n in self.session.notes() if n.id == note_id), None)
        if note is None:
            self.panes.status.say("That note is no longer here")
            return
        if self.notes_filter and not filter_notes([note], self.notes_filter):
            self.notes_filter = ""
        self.refresh_notes(highlight=note_id)
        self.panes.notes.focus()
        self.jump_to_note(note, focus=False)
        if is_placed(note):
            paragraph = self.session.document.paragraph_at(note.anchor.start) + 1
            self.panes.status.say(f"Note on ¶{paragraph}")

    def repin_note(self, note: Note) -> None:
        if note.anchor is None:
            self.panes.status.say("A note on an actor has no passage to re-pin")
            return
        paragraph = self.panes.document.cursor_paragraph

        def repin(yes: bool | None = True) -> None:
            if not yes:
                return
            moved = self._store(self.session.repin_note, note, paragraph)
            if moved is not None:
                self.refresh_notes(highlight=note.id)
                self.panes.status.say(f"Note re-pinned to ¶{paragraph + 1}")

        if note.placement == Placement.ORPHAN:
            repin()
        else:  # it has a place: moving it is a choice, not a rescue
            question = f"Move this note to ¶{paragraph + 1}, the document's cursor paragraph?"
            self.screen.app.push_screen(ConfirmDialog(question, note.body[:200]), repin)

    def export_notes(self) -> None:
        names = self.actor_names
        if not self.session.notes():
            self.panes.status.say("No notes to export")
            return
        try:
            path, count = self.session.export_notes(names or None)  # none yet: the cached ones
        except OSError as error:
            message = f"Export failed: {error.strerror or error}"
            toast(self.screen, message, title="Export", severity="error")
            return
        path = path.resolve()  # the whole path: the exports folder is out of sight otherwise
        message = f"Exported {count} note{'s' if count != 1 else ''} to {path}"
        toast(self.screen, f"{message}\n\nThe exports folder: {path.parent}", title="Notes exported")
        self.panes.status.say(message)

    def ask_filter(self) -> None:
        self.panes.prompt.ask("notes.filter", "filter notes: words or #tag", self.notes_filter)

    def ask_tags(self, note: Note, value: str | None = None) -> None:
        self.tagging = note
        shown = " ".join(note.tags) if value is None else value
        self.panes.prompt.ask("notes.tags", "tags, separated by spaces", shown)

    def filter_answered(self, value: str | None) -> None:
        self.panes.notes.focus()
        if value is not None:
            self.notes_filter = value.strip()
            self.refresh_notes()

    def tags_answered(self, value: str | None) -> None:
        self.panes.notes.focus()
        note = self.tagging
        if value is None or note is None:
            return
        try:
            tags = list(dict.fromkeys(clean_tag(word) for word in value.split()))
        except ValueError as error:
            self.panes.status.say(f"Tags not saved: {error}")
            self.ask_tags(note, value)
            return
        if self._store(self.session.update_note, note, tags=tags) is not None:
            self.refresh_notes(highlight=note.id)
            self.panes.status.say("Tags saved" if tags else "Tags removed")
