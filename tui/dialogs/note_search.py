"""Search every note of every briefing: type words or `#tag`, the list narrows as you type.

Enter on a note of the open briefing closes the search with its id, and the reader shows it (the
screen posts `Chosen` to the reader beneath, since the app pushes this screen without a callback).
A note of another briefing says which file it is on: the reader holds one briefing at a time.
"""

from __future__ import annotations

from pathlib import PurePath

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from analysis.notes.editing import filter_notes
from analysis.notes.types import Note, Placement
from tui.dialogs.modal import Modal
from tui.focus import focus_now
from tui.literal import literal
from tui.quit_safe import skip_if_quitting
from tui.session import Session
from tui.widgets.literal_inputs import LiteralInput
from tui.widgets.notes_list import short_quote

MAX_SHOWN = 200  # a list of thousands redrawn on every key would lag; refine the search instead
QUOTE_CHARS = 100


def result_label(note: Note, session: Session) -> Text:
    """Where the note is (briefing title or file, and path), its quote, body and tags."""
    label = Text()
    if session.is_here(note):
        title = session.document.title or PurePath(session.document.path).name
        label.append(literal(title), style="bold")
        label.append(" · this briefing", style="green")
    else:
        label.append(literal(PurePath(note.document_path).name or note.document_path), style="bold")
        label.append(f" · {literal(note.document_path)}", style="dim")
    if note.placement == Placement.ORPHAN:
        label.append(" [orphaned]", style="italic yellow")
    if note.anchor is not None:
        label.append(f"\n“{short_quote(note.anchor.quote, QUOTE_CHARS)}”", style="italic dim")
    elif note.actor_id:
        label.append("\non an actor", style="italic dim")
    label.append("\n" + (literal(note.body.strip()) or "(empty note)"))
    if note.tags:
        label.append("\n" + " ".join(f"#{literal(tag)}" for tag in note.tags), style="cyan")
    return label


def search_order(notes: list[Note], session: Session) -> list[Note]:
    """The open briefing's notes first, then by briefing path, each briefing's oldest first."""
    return sorted(notes, key=lambda n: (not session.is_here(n), n.document_path, n.created))


class NoteSearchDialog(Modal[str | None]):
    """Dismissed with the id of a note of the open briefing, or None."""


    BINDINGS = [
        Binding("escape", "close", "Close", id="note_search.close"),
        Binding("down", "move(1)", "Next result", show=False, id="note_search.down"),
        Binding("up", "move(-1)", "Previous result", show=False, id="note_search.up"),
        # Here ctrl+f goes back to the query rather than opening a second search over this one.
        Binding("ctrl+f", "focus_query", "Search", show=False, id="note_search.query"),
    ]

    class Chosen(Message):
        """The user chose a note of the open briefing; the reader shows it."""

        def __init__(self, note_id: str) -> None:
            super().__init__()
            self.note_id = note_id

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.every_note: list[Note] = []
        self.shown: list[Note] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="note-search"):
            yield Label("Search all notes", id="note-search-heading")
            yield LiteralInput(placeholder="words or #tag · ↑/↓ choose · enter open · esc close", id="note-search-input")
            yield OptionList(id="note-search-results")
            yield Static("", id="note-search-status")

    @skip_if_quitting
    def on_mount(self) -> None:
        self.every_note = search_order(self.session.all_notes(), self.session)
        self.show_matches("")
        problem = self.session.notes_problem
        if problem:
            self.say(f"Read-only: {problem}")
        focus_now(self.query_one(Input))

    @property
    def results(self) -> OptionList:
        return self.query_one("#note-search-results", OptionList)

    def say(self, message: str) -> None:
        self.query_one("#note-search-status", Static).update(Text(literal(message)))

    def show_matches(self, query: str) -> None:
        matches = filter_notes(self.every_note, query) if query.strip() else self.every_note
        self.shown = matches[:MAX_SHOWN]
        results = self.results
        results.clear_options()
        results.add_options(
            [Option(result_label(note, self.session), id=note.id) for note in self.shown]
        )
        if not self.shown:
            empty = "No notes yet." if not self.every_note else "No note matches."
            results.add_option(Option(Text(empty, style="dim italic"), disabled=True))
        else:
            results.highlighted = 0
        total = len(self.every_note)
        count = f"{len(matches)} of {total} note{'s' if total != 1 else ''}"
        if len(matches) > len(self.shown):
            count += f" (the first {len(self.shown)} shown: add words to narrow)"
        self.say(count)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.show_matches(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.open(self.highlighted_note)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.open(self.highlighted_note)

    @property
    def highlighted_note(self) -> Note | None:
        option = self.results.highlighted_option
        if option is None or option.id is None:
            return None
        return next((note for note in self.shown if note.id == option.id), None)

    def action_move(self, step: int) -> None:
        if step > 0:
            self.results.action_cursor_down()
        else:
            self.results.action_cursor_up()

    def action_focus_query(self) -> None:
        focus_now(self.query_one(Input))

    def action_close(self) -> None:
        self.dismiss(None)

    def open(self, note: Note | None) -> None:
        if note is None:
            self.say("No note chosen")
            return
        if not self.session.is_here(note):
            self.say(
                f"That note is on {note.document_path}, not the open briefing: "
                f"open it with `briefing {note.document_path}`"
            )
            return
        reader = next(
            (
                screen
                for screen in reversed(self.app.screen_stack)
                if screen is not self and getattr(screen, "session", None) is self.session
            ),
            None,
        )
        self.dismiss(note.id)
        if reader is not None:
            reader.post_message(self.Chosen(note.id))
