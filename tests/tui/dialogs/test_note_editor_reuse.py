"""The app keeps one note editor and refills it for each note: each opening must show that note's
heading, quote and text alone, never what the last one held (text, undo history, quote)."""

from __future__ import annotations

from tests.helpers.app import make_app, settle, until
from tests.helpers.notes_app import SIZE, writes_landed
from tui.dialogs.note_editor import NoteEditor, QuoteBox
from tui.widgets.literal_text_area import LiteralTextArea
from tui.widgets.notes_list import NotesList


async def test_reopened_editor_shows_only_the_new_note(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        document = app.session.document
        await pilot.press("right_curly_bracket", "right_curly_bracket", "a")  # ¶3
        await until(pilot, lambda: isinstance(app.screen, NoteEditor))  # composed: slow under load
        first = app.screen
        assert isinstance(first, NoteEditor)
        await pilot.press(*"First note", "ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, NoteEditor))

        await pilot.press("right_curly_bracket", "a")  # ¶4, the same editor refilled
        await pilot.pause()
        editor = app.screen
        assert editor is first
        area = editor.query_one(LiteralTextArea)
        assert area.text == "" and area.has_focus
        assert "¶4" in str(editor.query_one("#note-editor-heading").render())
        start, end = document.paragraphs[3]
        quote = editor.query_one(QuoteBox)
        assert quote.display and document.text[start:end].startswith(quote.quote[:40])
        await pilot.press("ctrl+z")  # the first note's typing is not in its undo history
        assert area.text == ""
        await pilot.press(*"Second", "ctrl+s")
        await writes_landed(app, pilot)  # the pane shows a note once its write has landed
        notes = app.screen.query_one(NotesList)
        assert sorted(note.body for note in notes.notes) == ["First note", "Second"]

        # an actor's note has no quote: the box is hidden, and the next paragraph note shows it again
        await pilot.press("1", "A")
        await pilot.pause()
        assert app.screen is first
        assert not first.query_one(QuoteBox).display
        assert "Note on" in str(first.query_one("#note-editor-heading").render())
        await pilot.press("escape")  # nothing typed: closes without asking
        await pilot.pause()
        assert not isinstance(app.screen, NoteEditor)
        app.screen.query_one("#document-view").focus()
        await pilot.press("a")
        await pilot.pause()
        assert app.screen is first and first.query_one(QuoteBox).display


async def test_after_a_resize_a_quiet_second_lays_the_hidden_editor_out_at_the_new_size(warm_home, seed_path):
    """Shown at its old size, the editor would be laid out on the key, and the reader beneath it again."""
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await until(pilot, lambda: app.is_screen_installed("note-editor"), limit=10)
        editor = app.get_screen("note-editor")
        await until(pilot, lambda: editor.is_mounted and editor._compositor.size == app.size, limit=10)
        reader = app.screen
        wider = (SIZE[0] + 20, SIZE[1] + 4)
        await pilot.resize_terminal(*wider)
        await until(pilot, lambda: tuple(reader.size) == wider)
        assert tuple(editor._compositor.size) != wider  # a hidden screen hears of no resize
        await until(pilot, lambda: tuple(editor._compositor.size) == wider, limit=10)

        await pilot.press("a")
        await until(pilot, lambda: app.screen is editor)
        box = editor.query_one("#note-editor")
        assert box.region.right <= wider[0] and box.region.width > 0


async def test_the_editor_is_made_soon_after_the_first_paint_though_keys_keep_coming(warm_home, seed_path):
    """Left to the first quiet second, a reader read without a pause made it on its first `a`."""
    import time

    app = make_app(warm_home, seed_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = app.screen.query_one("#document-view")
        view.focus()
        started = time.monotonic()
        while not (app.is_screen_installed("note-editor") and app.get_screen("note-editor").is_mounted):
            assert time.monotonic() - started < 3, "the editor was not made while keys came"
            await pilot.press("j" if int(time.monotonic() * 5) % 2 else "k")  # a key every ~0.2 s at most
            await pilot.pause(0.2)
        assert time.monotonic() - app.screen.between_keys.last_input < 0.5  # no quiet second came
        editor = app.get_screen("note-editor")
        await until(pilot, lambda: editor._compositor.size == app.size, limit=3)
