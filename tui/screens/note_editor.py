"""The note editor: a modal with the quoted passage and a multi-line text area."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static, TextArea

from tui.literal import literal_text


# The quote box shows at most 6 lines (app.tcss): more than 6 lines of 200 cells is never seen, and
# a whole long paragraph (a Bible chapter, ~25,000 characters for Psalm 119) took 190 ms of the UI
# thread's CPU to wrap before the editor opened (bench/reader_keys.py, key `a`).
QUOTE_SHOWN = 1200


class NoteEditor(ModalScreen[str | None]):
    """Returns the body on ctrl+s, None on escape."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="editor.save"),
        Binding("escape", "cancel", "Cancel", id="editor.cancel"),
    ]

    def __init__(self, heading: str, quote: str | None, body: str = "") -> None:
        super().__init__()
        self.heading = heading
        self.quote = quote
        self.body = body

    def compose(self) -> ComposeResult:
        with Vertical(id="note-editor"):
            yield Label(self.heading, id="note-editor-heading")
            if self.quote:
                shown = self.quote if len(self.quote) <= QUOTE_SHOWN else self.quote[:QUOTE_SHOWN] + "…"
                yield Static(literal_text(shown), id="note-editor-quote")
            yield TextArea(self.body, id="note-editor-body", soft_wrap=True, show_line_numbers=False)
            yield Label("ctrl+s save · esc cancel · #tag to tag", id="note-editor-help")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)
