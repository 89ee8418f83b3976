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
