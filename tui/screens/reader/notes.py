"""The reader's note handling: write, edit, delete and undo, tags, filter, jump, re-pin, export.

`NotesHandler` is owned by `ReaderScreen` and given what it works on: the session (the notes
store), the panes it updates, and the screen it opens dialogs and notifications on. Every write
goes through the screen's write queue (`note_writes`): off the UI thread, one at a time, in order.
A note is reported saved, and the pane shows it, only once its write has landed; a write that
fails (the file locked by a hung instance, read-only, the disk full) says why and reopens the
editor with the text, so the user never loses what they typed. The single notes file of earlier
versions is moved into the new store the same way, on the queue before any write.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen

from analysis.notes.editing import filter_notes
from analysis.notes.placing import is_placed
from analysis.notes.types import Note
from analysis.types import Actor
from tui.focus import focus_now
from tui.literal import literal_markup, toast
from tui.screens.reader.backup import offer_backup
from tui.screens.reader.note_edits import NoteEdits, NotesRead
from tui.screens.reader.note_writes import NoteWrites, Write
from tui.screens.reader.panes import Panes
from tui.session import Session

# How often the pane looks for another instance's saves: a few stats, and a change shows within it.
NOTES_CHECK_SECONDS = 2.0
NO_NOTE_HINT = "No note here: press a in the document to write one"
MOVING = "Moving notes to the new store…"
STILL_SAVING = "Still saving this note: one moment"


class NotesHandler(NoteEdits):
    def __init__(self, session: Session, panes: Panes, screen: Screen) -> None:
        self.session = session
        self.panes = panes
        self.screen = screen  # opens the dialogs, shows the notifications
        self.actor_names: dict[str, str] = {}  # id -> name, set by the screen with each analysis
        self.last_deleted: Note | None = None
        self.notes_filter = ""
        self.tagging: Note | None = None
        self.backup_offered = False
        self.writes = NoteWrites(screen)
        self.moving = False  # the old single notes file is being moved into the new store

    @property
    def commands(self) -> dict[str, Callable[[Note | Actor | None], None]]:
        """What this handler carries out, by registry command id, on the pane's highlighted item."""
        commands = {
            "notes.undo": lambda _: self.undo_delete(),
            "notes.filter": lambda _: self.ask_filter(),
            "notes.export": lambda _: self.export_notes(),
            "notes.jump": self._on_note(self.jump_to_note),
            "notes.edit": self._on_note(self.edit_note, writes=True),
            "notes.delete": self._on_note(self.delete_note, writes=True),
            "notes.repin": self._on_note(self.repin_note, writes=True),
            "notes.tags": self._on_note(self.ask_tags, writes=True),
        }
        # Until the old file is moved, the pane lists nothing to act on: each says why instead.
        commands = {command: self.unless_moving(run) for command, run in commands.items()}
        return {**commands, "actors.note": lambda actor: actor is not None and self.write_actor_note(actor)}

    @property
    def answers(self) -> dict[str, Callable[[str | None], None]]:
        """What this handler does with the prompt's answer, by the command id that asked."""
        return {"notes.filter": self.filter_answered, "notes.tags": self.tags_answered}

    def unless_moving(self, run: Callable) -> Callable:
        return lambda item: self.panes.status.say(MOVING) if self.moving else run(item)

    def _on_note(self, run: Callable[[Note], None], writes: bool = False) -> Callable[[Note | None], None]:
        def on_highlighted(note: Note | None) -> None:
            if note is None:
                self.panes.status.say(NO_NOTE_HINT)
            elif writes and self.writes.touches(note.id):  # its revision is about to change
                self.panes.status.say(STILL_SAVING)
            else:
                run(note)

        return on_highlighted

    def open_notes(self) -> None:
        """On mount: show the notes, once the old single notes file (if any) is in the new store."""
        if not self.session.notes_need_moving():
            self.refresh_notes()
            return
        self.moving = True
        self.panes.notes.show([], self.session.document, {}, empty=MOVING)
        self.panes.notes.border_title = "Notes · moving"

        def moved(_result=None, read: NotesRead | None = None) -> None:
            self.moving = False
            self.refresh_notes(read=read)

        self.writes.submit(Write(self.session.open_notes, moved, lambda error: moved(), read_back=self.read_notes))

    def refresh_notes(self, highlight: str | None = None, read: NotesRead | None = None) -> None:
        """Show this briefing's notes: `read` as a write's worker read them back, else read now."""
        if self.moving:
            return  # the pane says so; the move's landing refreshes it
        session = self.session
        notes, problem = self.read_notes() if read is None else read
        shown = filter_notes(notes, self.notes_filter) if self.notes_filter else notes
        names = self.actor_names
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
                offer_backup, self.session, self.screen, self.panes.status, self.refresh_notes, self.writes
            )

    def check_notes_on_disk(self) -> None:
        """On a timer: another instance's saves appear here, and new problems are said once."""
        if self.moving or self.writes.pending:
            return  # our own write changes the files: its landing shows them
        if self.session.notes_changed_on_disk():
            self.refresh_notes()
        for warning in self.session.new_warnings():
            toast(self.screen, warning, title="Warning", severity="warning")

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
            focus_now(self.panes.document)

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
        focus_now(self.panes.notes)
        self.jump_to_note(note, focus=False)
        if is_placed(note):
            paragraph = self.session.document.paragraph_at(note.anchor.start) + 1
            self.panes.status.say(f"Note on ¶{paragraph}")

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

    def filter_answered(self, value: str | None) -> None:
        focus_now(self.panes.notes)
        if value is not None:
            self.notes_filter = value.strip()
            self.refresh_notes()
