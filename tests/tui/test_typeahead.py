"""Keys typed in one read from the terminal (a fast typist, a key repeat, a paste) each reach the
widget that has the focus once the key before them is handled (`tui/focus.py`)."""

from __future__ import annotations

import pytest
from textual import events

from tests.helpers.app import make_app, settle, until
from tui.dialogs.note_editor import NoteEditor
from tui.widgets.prompt_bar import PromptBar

SIZE = (100, 30)


def type_in_one_read(app, keys: str) -> None:
    """As the driver posts the keys of one read: all queued before the first is handled."""
    for character in keys:
        key = "slash" if character == "/" else "space" if character == " " else character
        event = events.Key(key, character)
        event.set_sender(app)
        app._driver.send_message(event)


@pytest.mark.parametrize(
    ("keys", "typed", "asked_by"),
    [("/Turkey", "Turkey", "document.find"), ("1/erdo", "erdo", "actors.filter_name")],
    ids=["find", "actor filter after a pane key"],
)
async def test_a_question_typed_with_its_key_keeps_every_character(warm_home, seed_path, keys, typed, asked_by):
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        type_in_one_read(app, keys)
        prompt = app.screen.query_one(PromptBar)
        await until(pilot, lambda: prompt.value == typed, limit=5)
        assert app.focused is prompt and prompt.asked_by == asked_by


async def test_a_note_typed_with_its_key_keeps_every_character(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        for attempt in ("first", "again"):  # the second time, the app's one editor is refilled
            type_in_one_read(app, f"a{attempt} note")
            await until(pilot, lambda: isinstance(app.screen, NoteEditor), limit=5)
            area = app.screen.query_one("#note-editor-body")
            await until(pilot, lambda: area.text == f"{attempt} note", limit=5)
            await pilot.press("ctrl+s")
            await until(pilot, lambda: not isinstance(app.screen, NoteEditor), limit=5)

