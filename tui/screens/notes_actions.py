"""The reader's note handling: write, edit, delete and undo, tags, filter, jump.

A mixin of `ReaderScreen`, kept apart so each module stays small. A note is written to the store
before the editor's result is reported saved; a write that fails reopens the editor with the text,
so the user never loses what they typed.
"""

from __future__ import annotations

from analysis.model import Actor, Note
from analysis.notes import filter_notes, new_note, note_on_actor, parse_tags
from tui.screens.confirm import ConfirmScreen
from tui.screens.note_editor import NoteEditor
from tui.widgets.notes_list import NotesList
from tui.widgets.prompt_bar import PromptBar


class NotesActions:
    last_deleted: Note | None = None
    notes_filter: str = ""

    def refresh_notes(self, highlight: str | None = None) -> None:
        session = self.session
        notes = session.notes()
        shown = filter_notes(notes, self.notes_filter) if self.notes_filter else notes
        names = {actor.id: actor.name for actor in (self.analysis.actors if self.analysis else [])}
        self.notes_list.show(shown, session.document, names)
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
            self.notes_list.border_subtitle += f" · filter “{self.notes_filter}”"

    def _store(self, write, *args, **kwargs) -> Note | None:
        """Run a store write; on failure tell the user why and return None."""
        try:
            return write(*args, **kwargs)
        except Exception as error:  # locked, read-only or disk full: the user must know, not crash
            self.notify(str(error), title="Notes not saved", severity="error", timeout=15)
            return None

    def write_paragraph_note(self, paragraph: int, body: str = "") -> None:
        document = self.session.document
        start, end = document.paragraphs[paragraph]

        def saved(text: str | None) -> None:
            if text is None or not text.strip():
                return
            note = self._store(self.session.add_note, new_note(document, start, end, text))
            if note is None:
                self.write_paragraph_note(paragraph, text)
                return
            self.refresh_notes(highlight=note.id)
            self.status.say(f"Note saved on ¶{paragraph + 1}")

        self.app.push_screen(
            NoteEditor(f"Note on ¶{paragraph + 1}", document.text[start:end], body), saved
        )

    def write_actor_note(self, actor: Actor, body: str = "") -> None:
        document = self.session.document

        def saved(text: str | None) -> None:
            if text is None or not text.strip():
                return
            note = self._store(
                self.session.add_note, note_on_actor(document, actor.id, actor.name, text)
            )
            if note is None:
                self.write_actor_note(actor, text)
                return
            self.refresh_notes(highlight=note.id)
            self.status.say(f"Note saved on {actor.name}")

        self.app.push_screen(NoteEditor(f"Note on {actor.name} ({actor.kind})", None, body), saved)

    def edit_note(self, note: Note) -> None:
        def saved(text: str | None) -> None:
            if text is None or text == note.body:
                return
            manual = [tag for tag in note.tags if tag not in parse_tags(note.body)]
            tags = list(dict.fromkeys([*parse_tags(text), *manual]))
            if self._store(self.session.update_note, note, body=text, tags=tags) is None:
                return
            self.refresh_notes(highlight=note.id)
            self.status.say("Note saved")

        quote = note.anchor.quote if note.anchor else None
        self.app.push_screen(NoteEditor("Edit note", quote, note.body), saved)

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

    def jump_to_note(self, note: Note) -> None:
        if note.anchor is None or note.placement == "orphan":
            self.status.say("This note has no passage in the text" if note.anchor is None
                            else "Orphaned: its passage is gone from this version of the text")
            return
        span = (note.anchor.start, note.anchor.end)
        self.document_view.go_to_offset(note.anchor.start, span)
        self.document_view.focus()

    # Named, not @on-decorated: Textual collects decorated handlers only from Message pump classes,
    # and this is a plain mixin.
    def on_notes_list_requested(self, message: NotesList.Requested) -> None:
        note = message.note
        if message.what == "undo":
            self.undo_delete()
        elif message.what == "filter":
            self.query_one(PromptBar).ask("notes", "filter notes: words or #tag", self.notes_filter)
        elif note is None:
            self.status.say("No note here: press a in the document to write one")
        elif message.what == "jump":
            self.jump_to_note(note)
        elif message.what == "edit":
            self.edit_note(note)
        elif message.what == "delete":
            self.delete_note(note)
        elif message.what == "tags":
            self.query_one(PromptBar).ask("tags", "tags, separated by spaces", " ".join(note.tags))
            self.tagging = note

    def notes_prompt_answered(self, purpose: str, value: str | None) -> None:
        self.notes_list.focus()
        if value is None:
            return
        if purpose == "notes":
            self.notes_filter = value.strip()
            self.refresh_notes()
        elif purpose == "tags":
            note = self.tagging
            tags = list(dict.fromkeys(t.lstrip("#").lower() for t in value.split() if t.lstrip("#")))
            if self._store(self.session.update_note, note, tags=tags) is not None:
                self.refresh_notes(highlight=note.id)
                self.status.say("Tags saved")
