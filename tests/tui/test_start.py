"""The reader's start: collection paused until the first paint, and what waits for that paint
(the notes, marking the briefing read) still happens right after it; full collections between keys."""

from __future__ import annotations

import gc

from tests.helpers.app import make_app, settle, until
from tui import startup_gc
from tui.widgets.notes_list import NotesList
from tui.widgets.status_line import StatusLine

SIZE = (120, 36)


def test_pause_and_resume_only_undo_their_own_pause():
    assert gc.isenabled()
    startup_gc.resume()  # nothing paused: nothing frozen, collection untouched
    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    try:
        startup_gc.pause()
        assert not gc.isenabled()
        startup_gc.resume()
        assert gc.isenabled()
        assert gc.get_freeze_count() > frozen
    finally:
        gc.unfreeze()
        gc.enable()


async def test_collection_resumes_once_the_text_is_on_screen(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    startup_gc.pause()  # as `briefing FILE` does before importing the app
    try:
        async with app.run_test(size=SIZE) as pilot:
            for _ in range(200):  # bounded: the first paint comes within a few refreshes
                if app.ready_ms is not None:
                    break
                await pilot.pause()
            assert app.ready_ms is not None
            # The analysis worker pauses collection while it reads the cache: once it is done,
            # collection runs again only if the first paint resumed it.
            await settle(app, pilot)
            assert gc.isenabled()
    finally:
        startup_gc.resume()
        gc.unfreeze()
        gc.enable()


async def test_while_a_reader_is_open_full_collections_wait_for_its_timer(warm_home, seed_path):
    import weakref

    class Cycle:
        pass

    own = gc.get_threshold()
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert gc.get_threshold()[:2] == own[:2] and gc.get_threshold()[2] > 10**6
        garbage = Cycle()
        garbage.me = garbage
        gone = weakref.ref(garbage)
        gc.collect(1)  # alive through it: moved on to the oldest generation,
        del garbage  # where, now garbage, only a full collection finds it
        gc.collect(1)
        assert gone() is not None
        for _ in range(own[2] + 1):
            gc.collect(1)  # middle-generation collections, as a busy reader makes them
        assert gone() is not None  # none of them set off a full collection
        assert not startup_gc.collect_if_due(quiet_for=0.2)  # due, but a key came just now
        assert gone() is not None
        assert startup_gc.collect_if_due(quiet_for=startup_gc.QUIET_SECONDS)  # due, and quiet
        assert gone() is None
        assert not startup_gc.collect_if_due(quiet_for=10.0)  # and is not due again at once
    assert gc.get_threshold() == own  # the reader gone, the collector's own rule is back


async def test_notes_and_reading_state_follow_the_first_paint(warm_home, seed_path):
    first = make_app(warm_home, seed_path)
    async with first.run_test(size=SIZE) as pilot:
        await settle(first, pilot)
        session = first.session
        session.add_note(session_note(session))
    again = make_app(warm_home, seed_path)
    async with again.run_test(size=SIZE) as pilot:
        await settle(again, pilot)
        notes = again.screen.query_one(NotesList)
        assert [note.body for note in notes.notes] == ["a note from the first opening"]
        assert again.screen.query_one(StatusLine).notes == 1
        state = again.session.state.get(again.session.state_key)
        assert state["read"] is True and state["opened"]
        assert state["content_hash"] == again.session.document.content_hash


def session_note(session):
    from analysis.notes.editing import new_note

    start, end = session.document.paragraphs[0]
    return new_note(session.document, start, min(end, start + 40), "a note from the first opening")


async def test_the_other_screens_rules_come_with_the_first_of_them(warm_home, seed_path, monkeypatch):
    from tui.app import SCREENS_CSS, BriefingApp
    from tui.dialogs.help import HelpDialog

    monkeypatch.setattr(BriefingApp, "prepare_dialogs", lambda app: None)  # not the quiet second's
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        read = {path for path, _ in app.stylesheet.source}
        assert str(SCREENS_CSS) not in read  # the reader's start parsed app.tcss alone
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
        assert str(SCREENS_CSS) in {path for path, _ in app.stylesheet.source}
        box = app.screen.query_one("#help")
        assert box.styles.max_width is not None and box.styles.max_width.value == 90  # screens.tcss


async def test_a_quiet_second_in_the_reader_prepares_the_note_editor(warm_home, seed_path):
    """The dialogs' rules are parsed once no key has come for a second, before the first `a`."""
    from tui.app import SCREENS_CSS
    from tui.dialogs.note_editor import NoteEditor

    app = make_app(warm_home, seed_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await until(pilot, lambda: str(SCREENS_CSS) in {path for path, _ in app.stylesheet.source}, limit=10)
        # The editor is made and laid out already: the key only fills it and shows it.
        await until(pilot, lambda: app.is_screen_installed("note-editor"))
        editor = app.get_screen("note-editor")
        await until(pilot, lambda: editor.is_mounted and editor._compositor.size == app.size)
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, NoteEditor))
        assert app.screen.query_one("#note-editor").styles.width is not None
