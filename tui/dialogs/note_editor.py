"""The note editor: a modal with the quoted passage and a multi-line text area.

`open_editor` keeps one editor per app and refills it for every note: composing a fresh modal
(mounting a TextArea, styling it, and the Resize a new screen gets, which lays out and repaints
the whole reader beneath it once more) took 100-250 ms of the UI thread on a long briefing each
time `a` was pressed (bench/reader_keys.py); a refilled one is shown without either.
`prepare_editor` makes that one editor, and lays it out, before the first `a` needs it.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widget import AwaitMount
from textual.widgets import Label, Static

from tui.dialogs.modal import Modal
from tui.focus import focus_now
from tui.literal import literal_line, literal_text
from tui.quit_safe import skip_if_quitting
from tui.widgets.literal_text_area import LiteralTextArea
from tui.widgets.notes_list import fit_label

QUOTE_LINES = 6  # of the passage above the text area: the note is what is being written
EDITOR_SCREEN = "note-editor"  # the name the app's one editor is installed under


class QuoteBox(Static):
    """The passage, wrapped to the box and cut with "…" past QUOTE_LINES lines, not clipped."""

    def __init__(self, quote: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.quote = quote

    def on_resize(self) -> None:
        self.fit()

    def fit(self) -> None:
        if self.content_size.width:
            self.update(fit_label(literal_text(self.quote), self.content_size.width, QUOTE_LINES))


class NoteEditor(Modal[str | None]):
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
            # Always there, hidden without a quote, so that a reopened editor can show one.
            quote = QuoteBox(self.quote or "", id="note-editor-quote")
            quote.display = bool(self.quote)
            yield quote
            yield LiteralTextArea(self.body, id="note-editor-body", soft_wrap=True, show_line_numbers=False)
            yield Label("ctrl+s save · esc cancel · #tag to tag", id="note-editor-help")

    @skip_if_quitting
    def on_mount(self) -> None:
        area = self.query_one(LiteralTextArea)
        focus_now(area)
        area.move_cursor(area.document.end)

    def reopen(self, heading: str, quote: str | None, body: str) -> None:
        """Show another note in this (mounted, not shown) editor, as a new one would."""
        self.heading, self.quote, self.body = heading, quote, body
        self.query_one("#note-editor-heading", Label).update(literal_text(literal_line(heading)))
        box = self.query_one(QuoteBox)
        box.quote = quote or ""
        box.display = bool(quote)
        box.fit()
        area = self.query_one(LiteralTextArea)
        area.load_text(body)  # and forget the last note's undo history
        focus_now(area)
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


def open_editor(app: App, heading: str, quote: str | None, body: str, saved: Callable[[str | None], None]) -> None:
    """Push the note editor showing `heading`, `quote` and `body`; `saved` gets what it returns.

    The app's one installed editor is refilled when it is free; a new one is made the first time
    (or should the installed one still be on the screen stack, as when a failed save reopens it
    from its own dismissal)."""
    editor = app.get_screen(EDITOR_SCREEN) if app.is_screen_installed(EDITOR_SCREEN) else None
    if isinstance(editor, NoteEditor) and editor.is_mounted and editor not in app.screen_stack:
        editor.reopen(heading, quote, body)
    else:
        editor = NoteEditor(heading, quote, body)
        if not app.is_screen_installed(EDITOR_SCREEN):
            app.install_screen(editor, EDITOR_SCREEN)
    app.push_screen(editor, saved)


async def prepare_editor(app: App) -> None:
    """Make the app's one editor ahead of the first `a`, so that `a` only refills it; after a
    resize, lay the hidden editor out again at the new size (`tui/screens/reader/between_keys.py`
    says when).

    Textual composes a screen as it is first pushed (`App._get_screen` registers it) and lays it
    out as it resumes, each on the key: the first `a` of a session took 87-107 ms of the UI thread
    against 36-48 for the next on the 4 MB Bible (bench/reader_keys.py, one run each). A hidden
    editor hears of no resize: the first `a` after one laid it out, and the Resize it then got
    laid out the reader beneath it again and drew the backdrop three times (120 ms of CPU on the
    Bible, one run). The two private calls are those steps of Textual's own, taken early; textual
    is pinned <9."""
    if not app.is_screen_installed(EDITOR_SCREEN):
        editor = NoteEditor("", None, "")
        app.install_screen(editor, EDITOR_SCREEN)
        await AwaitMount(editor, app._register(app, editor))
    editor = app.get_screen(EDITOR_SCREEN)
    app.call_later(_lay_out, app, editor)  # a turn of the loop of its own, as it was made in one


def _lay_out(app: App, editor: NoteEditor) -> None:
    if not editor.is_mounted or editor in app.screen_stack or editor._compositor.size == app.size:
        return  # being made by a key's push, shown, or laid out at this size already
    # Laid out at the app's size, it is shown on the key without a layout of its own (and the
    # Resize that would then lay out the screens beneath it once more).
    editor._refresh_layout(app.size)
