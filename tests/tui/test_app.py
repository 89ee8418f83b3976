"""The reader end to end, driven by Textual's Pilot on the real app, model output and TinyDB files."""

from __future__ import annotations

from analysis.documents import read_document
from tests.helpers.app import make_app, settle, until
from tests.helpers.notes_app import writes_landed
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.help import HelpDialog
from tui.dialogs.note_editor import NoteEditor
from tui.widgets.actor_list import ActorList
from tui.widgets.document.view import DocumentView
from tui.widgets.notes_list import NotesList
from tui.widgets.status_line import StatusLine

SIZE = (120, 36)


async def test_open_shows_text_then_actors(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=SIZE) as pilot:
        view = app.screen.query_one(DocumentView)
        assert view.has_focus
        await settle(app, pilot)
        actors = app.screen.query_one(ActorList)
        names = [actor.name for actor in actors.actors]
        assert "Turkey" in names and any("Erdogan" in name for name in names)
        assert app.screen.query_one(NotesList).notes == []
        assert app.ready_ms is not None


async def test_cold_open_analyses_in_a_worker(tmp_path):
    path = tmp_path / "short.txt"
    path.write_text("Angela Merkel met Emmanuel Macron in Paris.\n\nMerkel flew home to Berlin.")
    app = make_app(tmp_path / "home", path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        names = {actor.name for actor in app.screen.query_one(ActorList).actors}
        assert {"Angela Merkel", "Emmanuel Macron"} <= names
        assert "actors" in app.screen.query_one(StatusLine).analysis_state


async def test_select_actor_and_walk_mentions(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        actors = app.screen.query_one(ActorList)
        view = app.screen.query_one(DocumentView)
        turkey = next(actor for actor in actors.actors if actor.name == "Turkey")
        await pilot.press("1")
        assert actors.has_focus
        for _ in range(len(actors.actors)):  # bounded: a list that never reaches Turkey fails below
            if actors.highlighted_actor.id == turkey.id:
                break
            await pilot.press("j")
        assert actors.highlighted_actor.id == turkey.id
        await pilot.press("enter")
        await pilot.pause()
        document = app.session.document
        first = document.paragraph_at(turkey.spans[0][0])
        assert view.cursor_paragraph == first
        await pilot.press("2")
        seen = [view.cursor_paragraph]
        for _ in range(turkey.mentions):
            await pilot.press("right_square_bracket")
            seen.append(view.cursor_paragraph)
        expected = [document.paragraph_at(start) for start, _ in turkey.spans]
        # ] walks every mention in order and wraps back to the first
        assert seen[1:] == expected[1:] + expected[:1]
        await pilot.press("left_square_bracket")
        assert view.cursor_paragraph == expected[-1]


async def test_find_and_cycle(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = app.screen.query_one(DocumentView)
        await pilot.press("slash")
        await pilot.press(*"Kosachev")
        await pilot.press("enter")
        await pilot.pause()
        text = app.session.document.text
        paragraph = app.session.document.paragraph_at(text.index("Kosachev"))
        assert view.cursor_paragraph == paragraph
        assert view.has_focus
        await pilot.press("slash", *"black sea", "enter")
        await pilot.pause()
        status = app.screen.query_one(StatusLine).message
        assert "of 2" in status
        first = view.cursor_paragraph
        await pilot.press("n")
        second = view.cursor_paragraph
        await pilot.press("n")
        assert view.cursor_paragraph == first != second  # wrapped round
        await pilot.press("N")
        assert view.cursor_paragraph == second


async def test_the_text_is_prepared_for_find_once_its_prompt_is_on_screen(warm_home, seed_path, monkeypatch):
    """Folded from `/` itself, a long text's fold thread took half the UI's CPU from the key."""
    from tui.widgets.prompt_bar import PromptBar

    prompt_shown_then: list[bool] = []
    monkeypatch.setattr(
        DocumentView, "prepare_find", lambda view: prompt_shown_then.append(view.screen.query_one(PromptBar).display)
    )
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await pilot.pause()
        assert prompt_shown_then == [True]


async def test_add_edit_delete_note_and_restart(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("right_curly_bracket", "right_curly_bracket")  # cursor to ¶3
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"Check the 2020 statement #turkey")
        await pilot.press("ctrl+s")
        await writes_landed(app, pilot)
        notes = app.screen.query_one(NotesList)
        assert len(notes.notes) == 1
        note = notes.notes[0]
        paragraph = app.session.document.paragraphs[2]
        assert note.anchor.start == paragraph[0]
        assert note.anchor.quote.startswith("Whereas Zelensky")
        assert note.tags == ["turkey"]

    # a restart finds the note in TinyDB, then edit and delete it
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        notes = app.screen.query_one(NotesList)
        assert [n.body for n in notes.notes] == ["Check the 2020 statement #turkey"]
        await pilot.press("3", "e")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        await pilot.press("end", *" Ankara too.", "ctrl+s")
        await writes_landed(app, pilot)
        assert notes.notes[0].body == "Check the 2020 statement #turkey Ankara too."
        await pilot.press("enter")  # jump to the passage
        await pilot.pause()
        view = app.screen.query_one(DocumentView)
        assert view.cursor_paragraph == 2 and view.has_focus
        await pilot.press("3", "d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await writes_landed(app, pilot)
        assert notes.notes == []
        await pilot.press("u")
        await writes_landed(app, pilot)
        assert len(notes.notes) == 1

    app = make_app(warm_home, seed_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert [n.body for n in app.screen.query_one(NotesList).notes] == [
            "Check the 2020 statement #turkey Ankara too."
        ]


async def test_cancelled_note_is_not_saved(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("a", *"draft", "escape", "y")  # y: discard what was typed
        await pilot.pause()
        assert app.screen.query_one(NotesList).notes == []


async def test_help_lists_every_registry_command(warm_home, seed_path):
    from tui.commands import COMMANDS

    app = make_app(warm_home, seed_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
        from tui.dialogs.help import help_table

        rendered = "\n".join(str(cell) for column in help_table().columns for cell in column._cells)
        for command in COMMANDS:
            assert command.description in rendered
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpDialog)


async def test_markup_and_escapes_show_literally(tmp_path):
    path = tmp_path / "hostile.txt"
    raw = "[bold]Ankara[/] and [link=http://evil]Moscow[/link] \x1b[31mred\x1b[0m end"
    path.write_text(raw)
    app = make_app(tmp_path / "home", path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = app.screen.query_one(DocumentView)
        lines = "".join(view.render_line(y).text for y in range(4))
        assert "[bold]Ankara[/]" in lines and "[link=http://evil]" in lines
        assert "\x1b" not in lines and "␛[31mred" in lines
        assert read_document(path).text == raw


async def test_analysis_can_be_cancelled_and_run_again(tmp_path, seed_path):
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join([seed_path.read_text()] * 10))
    app = make_app(tmp_path / "home", path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+k")
        await settle(app, pilot)
        status = app.screen.query_one(StatusLine)
        assert status.analysis_state == "analysis cancelled"
        assert app.screen.query_one(ActorList).actors == []
        assert app.screen.query_one(DocumentView).paragraph_count == 170  # still readable
        await pilot.press("ctrl+k")
        await settle(app, pilot)
        assert "actors" in status.analysis_state
        assert app.screen.query_one(ActorList).actors


async def test_tab_and_digits_follow_the_panes_left_to_right(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        order = []
        for key in ("1", "2", "3"):
            await pilot.press(key)
            order.append(app.screen.focused.id)
        assert order == ["actor-list", "document-view", "notes-list"]
        xs = [app.screen.query_one(f"#{pane}").region.x for pane in order]
        assert xs == sorted(xs)  # the order they stand in on screen
        await pilot.press("1")
        seen = []
        for _ in range(4):
            await pilot.press("tab")
            seen.append(app.screen.focused.id)
        # the summary is part of the document pane, above the text
        assert seen == ["summary-scroll", "document-view", "notes-list", "actor-list"]


async def test_a_key_typed_right_after_a_pane_key_goes_to_the_new_pane(warm_home, seed_path):
    """Both keys in one read from the terminal, as a fast typist or a repeat sends them."""
    from textual import events

    from tui.dialogs.note_editor import NoteEditor

    app = make_app(warm_home, seed_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("1")
        for key in ("2", "a"):
            event = events.Key(key, key)
            event.set_sender(app)
            app._driver.send_message(event)
        await until(pilot, lambda: isinstance(app.screen, NoteEditor) and app.screen.is_mounted, limit=5)
        assert app.focused is app.screen.query_one("#note-editor-body")
