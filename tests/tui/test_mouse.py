"""The mouse: a click on an actor selects it, on a paragraph moves the cursor, on a note selects it."""

from __future__ import annotations

from analysis.notes.editing import new_note
from tests.helpers.app import make_app, settle
from tui.widgets.actor_list import ActorList
from tui.widgets.document.view import DocumentView
from tui.widgets.notes_list import NotesList

SIZE = (120, 36)


async def test_click_on_an_actor_selects_it_and_shows_its_first_mention(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        actors = app.screen.query_one(ActorList)
        view = app.screen.query_one(DocumentView)
        third = actors.actors[2]
        assert actors.selected_id is None
        await pilot.click(ActorList, offset=(3, 3))  # the border is row 0: the third row is row 3
        await pilot.pause()
        assert actors.selected_id == third.id and actors.has_focus
        assert view.cursor_paragraph == app.session.document.paragraph_at(third.spans[0][0])


async def test_click_on_a_paragraph_moves_the_cursor(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = app.screen.query_one(DocumentView)
        await pilot.press("s")  # hide the summary: the document's first line is then the pane's second
        await pilot.pause()
        assert view.cursor_paragraph == 0
        lines = [line for line in range(view.size.height) if view.layout.paragraph_at_line(line) == 2]
        await pilot.click(DocumentView, offset=(10, lines[0]))
        assert view.cursor_paragraph == 2


async def test_click_on_a_note_selects_it(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    document = app.session.document
    for paragraph in (1, 3):
        start, end = document.paragraphs[paragraph]
        app.session.add_note(new_note(document, start, end, f"note on paragraph {paragraph + 1}"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        notes = app.screen.query_one(NotesList)
        assert notes.highlighted_note.body == "note on paragraph 2"
        first_height = len(notes.get_option_at_index(0).prompt.wrap(app.console, notes.content_size.width))
        await pilot.click(NotesList, offset=(3, 1 + first_height))
        await pilot.pause()
        assert notes.has_focus and notes.highlighted_note.body == "note on paragraph 4"
