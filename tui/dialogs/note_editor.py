"""The note editor: a modal with the quoted passage and a multi-line text area."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from tui.literal import literal_line, literal_text
from tui.widgets.literal_text_area import LiteralTextArea
from tui.widgets.notes_list import fit_label

QUOTE_LINES = 6  # of the passage above the text area: the note is what is being written


class QuoteBox(Static):
    """The passage, wrapped to the box and cut with "…" past QUOTE_LINES lines, not clipped."""

    def __init__(self, quote: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.quote = quote

    def on_resize(self) -> None:
        if self.content_size.width:
            self.update(fit_label(literal_text(self.quote), self.content_size.width, QUOTE_LINES))


class NoteEditor(ModalScreen[str | None]):
    """Returns the body on ctrl+s, None on escape; escape asks first when the text was changed,
    since one key would otherwise throw away what was typed."""

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
            yield Label(literal_text(literal_line(self.heading)), id="note-editor-heading")
            if self.quote:
                yield QuoteBox(self.quote, id="note-editor-quote")
            yield LiteralTextArea(self.body, id="note-editor-body", soft_wrap=True, show_line_numbers=False)
            yield Label("ctrl+s save · esc cancel · #tag to tag", id="note-editor-help")

    def on_mount(self) -> None:
        area = self.query_one(LiteralTextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        self.dismiss(self.query_one(LiteralTextArea).text)

    def action_cancel(self) -> None:
        if self.query_one(LiteralTextArea).text == self.body:
            self.dismiss(None)
            return
        from tui.dialogs.confirm import ConfirmDialog

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(ConfirmDialog("Discard what you typed?", "n / esc goes back to the note"), answered)
