"""Every registry command a pane hands to the screen has exactly one handler, found by its id."""

from __future__ import annotations

from tests.helpers.app import make_app, settle
from tui.commands import COMMANDS, command
from tui.screens.reader import ReaderScreen
from tui.widgets.prompt_bar import PromptBar


async def test_every_screen_command_has_a_handler_and_nothing_else_does(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        carried_out_by_screen = {command.id for command in COMMANDS if command.action is None}
        assert set(screen.commands) == carried_out_by_screen


async def test_a_prompt_answer_goes_to_the_command_that_asked(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("3", "slash")  # notes.filter asks
        prompt = app.screen.query_one(PromptBar)
        assert prompt.asked_by == "notes.filter" and prompt.asked_by in app.screen.answers
        await pilot.press("escape", "1", "slash")  # actors.filter_name asks
        assert prompt.asked_by == "actors.filter_name" and prompt.asked_by in app.screen.answers
        await pilot.press(*"turk", "enter")
        await pilot.pause()
        assert app.screen.query_one("#actor-list").name_filter == "turk"


async def test_the_palette_runs_a_screen_command_through_the_same_handler(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await app.run_registry_command(command("actors.filter_name"))  # what a palette hit calls
        await pilot.pause()
        prompt = app.screen.query_one(PromptBar)
        assert prompt.display and prompt.asked_by == "actors.filter_name"
