"""The reader's note handling: write, edit, delete and undo, tags, filter, jump, re-pin, export.

A mixin of `ReaderScreen`, kept apart so each module stays small. A note is written to the store
before the editor's result is reported saved; a write that fails (the file locked by a hung
instance, read-only, the disk full) says why and reopens the editor with the text, so the user
never loses what they typed. Writes are synchronous: they take milliseconds, and the session's
store gives up on a held lock after a second and a half.
"""

from __future__ import annotations

from analysis.anchors import make_anchor
from analysis.model import Actor, Note
from analysis.notes import clean_tag, filter_notes, new_note, note_on_actor, parse_tags
from store.jsonfile import StoreError, StoreLocked
from store.notes import NoteChanged, NotesReadOnly
from tui.literal import literal
from tui.screens.backup_offer import BackupOffer
from tui.screens.confirm import ConfirmScreen
from tui.widgets.notes_list import NotesList
from tui.widgets.prompt_bar import PromptBar

READ_ONLY_HEADING = " (notes are read-only: this cannot be saved)"
# How often the pane looks for another instance's saves: a few stats, and a change shows within it.
NOTES_CHECK_SECONDS = 2.0


def editor(heading: str, quote: str | None, body: str):
    """The note editor, imported when first opened: its TextArea costs ~15 ms of app start."""
    from tui.screens.note_editor import NoteEditor

    return NoteEditor(heading, quote, body)


def saved_words(before: Note, saved: Note) -> str:
    """What the status line says after an edit: a save that had to keep two texts says so."""
    if saved.id == before.id:
        return "Note saved"
    if saved.conflict_of:
        return "Another instance changed this note: yours is saved beside it, tagged #conflict"
    return "Another instance deleted this note: yours is saved as a new note"


class NotesActions:
    last_deleted: Note | None = None
    notes_filter: str = ""
    tagging: Note | None = None
    backup_offered: bool = False

    def refresh_notes(self, highlight: str | None = None) -> None:
        session = self.session
        notes = session.notes()
        shown = filter_notes(notes, self.notes_filter) if self.notes_filter else notes
        names = {actor.id: actor.name for actor in (self.analysis.actors if self.analysis else [])}
        problem = session.notes_problem
        empty = {}
        if self.notes_filter and notes:
            empty["empty"] = "No note matches the filter.\n\n/ then enter on an empty line shows all."
        self.notes_list.show(shown, session.document, names, problem=problem, **empty)
        self.notes_list.border_title = "Notes · read-only" if problem else "Notes"
        if highlight:
            self.notes_list.highlight_note(highlight)
        self.document_view.set_note_marks(
            [
                (note.anchor.start, note.anchor.end)
                for note in notes
                if note.anchor is not None and note.placement != "orphan"
            ]
        )
        self.status.notes = len(notes)
        if self.notes_filter:
            self.notes_list.border_subtitle += f" · filter “{literal(self.notes_filter)}”"
        if problem and not self.backup_offered:
            self.backup_offered = True
            self.call_after_refresh(self.offer_backup)

    def check_notes_on_disk(self) -> None:
        """On a timer: another instance's saves appear here, and new problems are said once."""
        if self.session.notes_changed_on_disk():
            self.refresh_notes()
        for warning in self.session.new_warnings():
            self.notify(literal(warning), title="Warning", severity="warning", timeout=15, markup=False)

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
            self.notify(literal(str(error)), title=title, severity="error", timeout=15, markup=False)
            self.status.say(f"{title}: nothing was lost")
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
            self.status.say(f"Note saved on {where}")

        self.app.push_screen(editor(self._heading(f"Note on {where}"), quote, body), saved)

    def edit_note(self, note: Note, body: str | None = None) -> None:
        def saved(text: str | None) -> None:
            if text is None or text == note.body:
                return
            manual = [tag for tag in note.tags if tag not in parse_tags(note.body)]
            tags = list(dict.fromkeys([*parse_tags(text), *manual]))
            saved_note = self._store(self.session.update_note, note, body=text, tags=tags)
            if saved_note is None:
                self.edit_note(note, text)
                return
            self.refresh_notes(highlight=saved_note.id)
            self.status.say(saved_words(note, saved_note))

        quote = note.anchor.quote if note.anchor else None
        text = note.body if body is None else body
        self.app.push_screen(editor(self._heading("Edit note"), quote, text), saved)

    def delete_note(self, note: Note) -> None:
        def answered(yes: bool | None) -> None:
            if not yes:
                return
            deleted = self._store(self.session.delete_note, note)
            if deleted is not None:
                self.last_deleted = deleted
                self.refresh_notes()
                self.status.say("Note deleted · u to undo")

        self.app.push_screen(ConfirmScreen("Delete this note?", note.body[:200]), answered)

    def undo_delete(self) -> None:
        if self.last_deleted is None:
            self.status.say("Nothing to undo")
            return
        restored = self._store(self.session.restore_note, self.last_deleted)
        if restored is not None:
            self.last_deleted = None
            self.refresh_notes(highlight=restored.id)
            self.status.say("Note restored")

    def jump_to_note(self, note: Note, focus: bool = True) -> None:
        if note.anchor is None or note.placement == "orphan":
            self.status.say("This note has no passage in the text" if note.anchor is None
                            else "Orphaned: its passage is gone from this version of the text · p re-pins it")
            return
        span = (note.anchor.start, note.anchor.end)
        self.document_view.go_to_offset(note.anchor.start, span)
        if focus:
            self.document_view.focus()

    def show_note(self, note_id: str) -> None:
        """Highlight a note in the pane (dropping a filter that hides it) and show its passage."""
        note = next((n for n in self.session.notes() if n.id == note_id), None)
        if note is None:
            self.status.say("That note is no longer here")
            return
        if self.notes_filter and not filter_notes([note], self.notes_filter):
            self.notes_filter = ""
        self.refresh_notes(highlight=note_id)
        self.notes_list.focus()
        self.jump_to_note(note, focus=False)
        if note.anchor is not None and note.placement != "orphan":
            paragraph = self.session.document.paragraph_at(note.anchor.start) + 1
            self.status.say(f"Note on ¶{paragraph}")

    def on_note_search_screen_chosen(self, message) -> None:
        self.show_note(message.note_id)

    def repin_note(self, note: Note) -> None:
        if note.anchor is None:
            self.status.say("A note on an actor has no passage to re-pin")
            return
        paragraph = self.document_view.cursor_paragraph

        def repin(yes: bool | None = True) -> None:
            if not yes:
                return
            moved = self._store(self.session.repin_note, note, paragraph)
            if moved is not None:
                self.refresh_notes(highlight=note.id)
                self.status.say(f"Note re-pinned to ¶{paragraph + 1}")

        if note.placement == "orphan":
            repin()
        else:  # it has a place: moving it is a choice, not a rescue
            question = f"Move this note to ¶{paragraph + 1}, the document's cursor paragraph?"
            self.app.push_screen(ConfirmScreen(question, note.body[:200]), repin)

    def export_notes(self) -> None:
        names = {actor.id: actor.name for actor in (self.analysis.actors if self.analysis else [])}
        if not self.session.notes():
            self.status.say("No notes to export")
            return
        try:
            path, count = self.session.export_notes(names)
        except OSError as error:
            message = f"Export failed: {error.strerror or error}"
            self.notify(literal(message), title="Export", severity="error", timeout=15, markup=False)
            return
        message = f"Exported {count} note{'s' if count != 1 else ''} to {path}"
        self.notify(literal(message), title="Notes exported", timeout=15, markup=False)
        self.status.say(message)

    def offer_backup(self) -> None:
        """The notes file cannot be used: offer the newest good backup, or keep read-only."""
        problem = self.session.notes_problem
        if problem is None:
            return
        found = self.session.newest_good_backup()
        if found is None:
            self.notify(literal(f"{problem}. There is no good backup to restore."),
                        title="Notes are read-only", severity="error", timeout=30, markup=False)
            return
        backup, count = found

        def answered(restore: bool | None) -> None:
            if not restore:
                self.status.say("Notes are read-only until the notes file is fixed")
                return
            try:
                kept = self.session.restore_backup(backup)
            except (StoreError, OSError) as error:
                self.notify(literal(str(error)), title="Backup not restored", severity="error",
                            timeout=30, markup=False)
                return
            self.refresh_notes()
            message = f"Notes restored from {backup}" + (f"; the unusable file is kept as {kept}" if kept else "")
            self.notify(literal(message), title="Notes restored", timeout=20, markup=False)
            self.status.say(message)

        self.app.push_screen(BackupOffer(problem, backup, count, self.session.backup_loss(backup)), answered)

    # Named, not @on-decorated: Textual collects decorated handlers only from Message pump classes,
    # and this is a plain mixin.
    def on_notes_list_requested(self, message: NotesList.Requested) -> None:
        note = message.note
        if message.what == "undo":
            self.undo_delete()
        elif message.what == "filter":
            self.query_one(PromptBar).ask("notes", "filter notes: words or #tag", self.notes_filter)
        elif message.what == "export":
            self.export_notes()
        elif note is None:
            self.status.say("No note here: press a in the document to write one")
        elif message.what == "jump":
            self.jump_to_note(note)
        elif message.what == "edit":
            self.edit_note(note)
        elif message.what == "delete":
            self.delete_note(note)
        elif message.what == "repin":
            self.repin_note(note)
        elif message.what == "tags":
            self.tagging = note
            self.query_one(PromptBar).ask("tags", "tags, separated by spaces", " ".join(note.tags))

    def notes_prompt_answered(self, purpose: str, value: str | None) -> None:
        self.notes_list.focus()
        if value is None:
            return
        if purpose == "notes":
            self.notes_filter = value.strip()
            self.refresh_notes()
        elif purpose == "tags" and self.tagging is not None:
            note = self.tagging
            try:
                tags = list(dict.fromkeys(clean_tag(word) for word in value.split()))
            except ValueError as error:
                self.status.say(f"Tags not saved: {error}")
                self.query_one(PromptBar).ask("tags", "tags, separated by spaces", value)
                return
            if self._store(self.session.update_note, note, tags=tags) is not None:
                self.refresh_notes(highlight=note.id)
                self.status.say("Tags saved" if tags else "Tags removed")
