"""The status line says what is true now: a message lasts until the next key, counts agree in
number, and a cancelled analysis leaves no 'analysing…' behind."""

from __future__ import annotations

from tests.helpers.app import make_app, settle
from tests.helpers.notes_app import writes_landed
from tui.counts import counted
from tui.widgets.key_footer import KeyFooter
from tui.widgets.status_line import StatusLine
from tui.widgets.summary_panel import SummaryPanel


def test_counts_agree_in_number():
    assert [counted(n, "note") for n in (0, 1, 2)] == ["0 notes", "1 note", "2 notes"]
    assert counted(1, "hidden actor") == "1 hidden actor"


async def test_a_message_lasts_until_the_next_key(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        status = app.screen.query_one(StatusLine)
        await pilot.press("a", *"a note", "ctrl+s")
        await writes_landed(app, pilot)
        assert status.message.startswith("Note saved on ¶1")
        await pilot.press("j")  # unrelated: the message is about the key before
        await pilot.pause()
        assert status.message == ""
        await pilot.press("right_square_bracket")  # a key with its own message says it
        await pilot.pause()
        assert "actor" in status.message


async def test_the_footer_shows_the_documents_keys_from_the_first_frame(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=(80, 24)):
        keys = [key.description for key in app.screen.query_one(KeyFooter).keys]
        assert "Find" in keys and "Select" not in keys


async def test_a_cancel_leaves_no_analysing_behind_and_a_rerun_no_cancel_message(tmp_path, seed_path):
    app = make_app(tmp_path / "home", seed_path)  # cold: the analysis runs, and can be cancelled
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()  # the analysis starts after the first paint
        await pilot.press("ctrl+k")
        await pilot.pause()
        status = app.screen.query_one(StatusLine)
        assert status.analysis_state == "analysis cancelled"
        assert "analysing" not in str(app.screen.query_one(SummaryPanel).render())
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+k")  # run it again
        await settle(app, pilot)
        assert "cancelled" not in status.message and "actor" in status.analysis_state


def actors_pane_says(app) -> str:
    """The empty actors pane's one line (its hint), or "" when it lists actors."""
    from tui.widgets.actor_list import ActorList, ActorOption

    pane = app.screen.query_one(ActorList)
    option = pane.get_option_at_index(0) if pane.option_count else None
    return "" if option is None or isinstance(option, ActorOption) else str(option.prompt)


async def test_an_empty_actors_pane_says_why(tmp_path, seed_path):
    """Blank, it read as a briefing without actors while a long one was analysed, or as a hang."""
    app = make_app(tmp_path / "home", seed_path)  # cold: the model loads for a second or more
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert actors_pane_says(app) == "Finding actors…"
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert actors_pane_says(app) == "Analysis cancelled · ctrl+k runs it again"
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+k")  # again: the pane and the summary say it runs
        await pilot.pause()
        assert actors_pane_says(app) == "Finding actors…"
        assert "analysing" in str(app.screen.query_one(SummaryPanel).render())
        await settle(app, pilot)
        assert actors_pane_says(app) == "" and app.screen.query_one("#actor-list").border_title.endswith("by importance")
        await pilot.press("1", "slash", *"zzzz", "enter")
        await pilot.pause()
        assert actors_pane_says(app) == "No actor matches the filter · f changes the kind, / the name"


async def test_a_briefing_without_actors_says_so(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("It rained all day and nothing else happened.\n")
    app = make_app(tmp_path / "home", path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert "actors" in app.screen.query_one(StatusLine).analysis_state
        assert actors_pane_says(app) == "No actors found in this briefing."
