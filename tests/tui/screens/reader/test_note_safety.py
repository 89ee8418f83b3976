"""A note is not lost by one key; the tags prompt keeps its question; a note on an actor leads to
the actor."""

from __future__ import annotations

from textual.widgets import TextArea

from analysis.notes.editing import note_on_actor
from store.notes import NotesStore
from store.paths import notes_path
from tests.helpers.app import make_app, settle
from tests.helpers.notes_app import writes_landed
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.note_editor import NoteEditor
from tui.widgets.actor_list import ActorList
from tui.widgets.notes_list import NotesList
from tui.widgets.prompt_bar import PromptBar


async def test_escape_asks_before_throwing_away_typed_text(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("a", *"half a thought", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")  # no: back to the note, the text still there
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one(TextArea).text == "half a thought"
        await pilot.press("escape", "y")  # yes: discarded
        await pilot.pause()
        assert not isinstance(app.screen, (NoteEditor, ConfirmDialog))
        assert app.screen.query_one(NotesList).notes == []
        await pilot.press("a", "escape")  # nothing typed: nothing to ask
        await pilot.pause()
        assert not isinstance(app.screen, (NoteEditor, ConfirmDialog))


async def test_the_tags_prompt_keeps_its_question_with_text_in_it(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("a", *"a note #turkey", "ctrl+s")
        await writes_landed(app, pilot)
        await pilot.press("3", "t")
        await pilot.pause()
        prompt = app.screen.query_one(PromptBar)
        assert prompt.value == "turkey" and prompt.border_title == "tags, separated by spaces"


async def test_enter_on_a_note_on_an_actor_selects_the_actor(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        actors = app.screen.query_one(ActorList)
        russia = next(actor for actor in actors.actors if actor.name == "Russia")
        note = note_on_actor(app.session.document, russia.id, russia.name, "Moscow's line")
        NotesStore(notes_path(str(warm_home))).add(note.to_dict())
        app.screen.notes.refresh_notes()
        await pilot.press("3", "enter")
        await pilot.pause()
        assert actors.selected_id == russia.id and actors.highlighted_actor.id == russia.id
        assert "no passage" not in app.screen.query_one("#status").message
        assert "Russia" in app.screen.query_one("#status").message
