"""Hostile text from outside reaches no terminal raw and crashes nothing, on every screen.

The briefing (tests/helpers/hostile.py) attacks with its file name, its first line, its actors'
names and a note's body: markup (`[/]`, `[b]`, `[link=…]`), an OSC sequence that retitles the
terminal, a CSI clear-screen, bidi overrides and isolates. Every screen and dialog the `tui`
package defines is found by walking the package, opened over it, and its rendered output (what
the driver would write, and the SVG screenshot) is checked for control characters the renderer
did not write itself. The user's own typing, pasted control characters included, is stored as
typed.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from pathlib import Path

import pytest
from textual import events
from textual.screen import Screen

import tui
from analysis.notes.types import Note
from tests.helpers.hostile import ERDOGAN, FILE_NAME, NOTE_BODY, PUTIN, hostile_briefing, raw_controls
from tests.helpers.notes_app import writes_landed
from tui.app import BriefingApp
from tui.literal import toast

SIZE = (100, 30)
# Modules that run something when imported rather than define it.
NOT_IMPORTED = {"tui.cli.__main__"}
# Screens that are bases of others and never shown on their own.
BASES = {"JumpList", "Modal", "ResizedOnce"}


def screen_classes() -> dict[str, type[Screen]]:
    found = {}
    for module_info in pkgutil.walk_packages(tui.__path__, "tui."):
        if module_info.name in NOT_IMPORTED:
            continue
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            if inspect.isclass(value) and issubclass(value, Screen) and value.__module__ == module.__name__:
                found[name] = value
    return {name: cls for name, cls in found.items() if name not in BASES}


def _actor(reader, name):
    return next(actor for actor in reader.analysis.actors if actor.name == name)


def _note(reader) -> Note:
    return reader.session.notes()[0]


def _backup_offer(reader):
    from tui.dialogs.backup_offer import BackupOffer

    backup = reader.session.notes_store.path.with_name(f"notes {PUTIN}.json")
    backup.write_text("{}")
    return BackupOffer(f"bad file {PUTIN} [/]", backup, 3)


def _facts(reader):
    from tui.dialogs.facts import FactsDialog

    analysis = reader.analysis
    return FactsDialog(reader.session.document.text, analysis.facts, analysis.sentences)


def _correction(reader):
    from tui.dialogs.correction import CorrectionDialog

    names = [actor.name for actor in reader.analysis.actors]
    return CorrectionDialog(f"Merge “{PUTIN}” into…", value=ERDOGAN, choices=[(n, n) for n in names])


def _library(reader):
    """The library over the hostile briefing's folder (its analysis is in the cache already)."""
    from analysis.library.folder import Library

    return Library(Path(reader.session.document.path).parent, data_dir=reader.session.data_dir)


def _library_screen(reader):
    from tui.screens.library import LibraryScreen

    return LibraryScreen(_library(reader))


def _library_actors(reader):
    from tui.screens.library.actors import LibraryActorsScreen

    return LibraryActorsScreen(_library(reader))


def _actor_briefings(reader):
    from tui.screens.library.actors import ActorBriefingsScreen

    return ActorBriefingsScreen(_library(reader), None, title=f"Briefings naming {PUTIN} [/]")


def _search(reader):
    from tui.screens.library.search import SearchScreen

    return SearchScreen(_library(reader), query=PUTIN.split()[0])


# One way to open each screen class over the hostile briefing, given the reader beneath. A new
# screen in the package fails `test_every_screen_class_is_covered` until it is added here.
OPENERS = {
    "ReaderScreen": None,  # the app opens it: it is the screen every other one is opened over
    "ActorDetails": lambda r: __import__("tui.dialogs.actor_details", fromlist=["x"]).ActorDetails(
        r.session, _actor(r, PUTIN)
    ),
    "BackupOffer": _backup_offer,
    "ConfirmDialog": lambda r: __import__("tui.dialogs.confirm", fromlist=["x"]).ConfirmDialog(
        f"Delete {ERDOGAN}?", NOTE_BODY
    ),
    "CorrectionDialog": _correction,
    "FactsDialog": _facts,
    "HelpDialog": lambda r: __import__("tui.dialogs.help", fromlist=["x"]).HelpDialog(),
    "NoteEditor": lambda r: __import__("tui.dialogs.note_editor", fromlist=["x"]).NoteEditor(
        f"Note on {ERDOGAN} (person)", NOTE_BODY, NOTE_BODY
    ),
    "LibraryScreen": _library_screen,
    "LibraryActorsScreen": _library_actors,
    "ActorBriefingsScreen": _actor_briefings,
    "SearchScreen": _search,
    "NoteSearchDialog": lambda r: __import__("tui.dialogs.note_search", fromlist=["x"]).NoteSearchDialog(
        r.session
    ),
}


@pytest.fixture
def hostile(tmp_path):
    home = tmp_path / "home"
    return hostile_briefing(tmp_path / "briefings", home), home


async def opened(hostile):
    document, home = hostile
    return BriefingApp(document, data_dir=str(home))


async def settle(app, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def assert_nothing_raw(app) -> None:
    """Neither the bytes the driver would write nor the screenshot hold a raw control."""
    output = app.screen._compositor.render_full_update().render_segments(app.console)
    assert raw_controls(output) == []
    svg = app.export_screenshot()
    assert raw_controls(svg.replace("\n", "")) == []


def test_every_screen_class_is_covered():
    assert set(screen_classes()) == set(OPENERS)


@pytest.mark.parametrize("name", sorted(set(OPENERS) - {"ReaderScreen"}))
async def test_each_screen_shows_hostile_text_literally(hostile, name):
    app = await opened(hostile)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        reader = app.screen
        assert_nothing_raw(app)  # the reader itself: title, actors, notes, document
        await app.push_screen(OPENERS[name](reader))
        await pilot.pause()
        assert type(app.screen).__name__ == name
        if name == "NoteSearchDialog":  # both notes, this briefing's and the hostile path's
            assert app.screen.results.option_count == 2
        assert_nothing_raw(app)


async def _highlight(app, pilot, name) -> None:
    actors = app.screen.actor_list
    await pilot.press("1")
    for _ in range(len(actors.actors)):  # bounded: a list without the actor fails below
        if actors.highlighted_actor.name == name:
            break
        await pilot.press("j")
    assert actors.highlighted_actor.name == name


@pytest.mark.parametrize("key", ["A", "r", "m", "K", "i"])
@pytest.mark.parametrize("name", [PUTIN, ERDOGAN])
async def test_actor_commands_on_hostile_names(hostile, key, name):
    app = await opened(hostile)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        reader = app.screen
        await _highlight(app, pilot, name)
        await pilot.press(key)
        await pilot.pause()
        assert app.screen is not reader, f"{key} opened no dialog"
        assert_nothing_raw(app)
        app.screen.dismiss(None)
        await pilot.pause()
        assert app.screen is reader


async def test_note_editor_shows_the_body_literally_and_keeps_its_bytes(hostile):
    app = await opened(hostile)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        reader = app.screen
        await pilot.press("3", "e")
        await pilot.pause()
        area = app.screen.query_one("#note-editor-body")
        assert area.text == NOTE_BODY  # held as stored, shown through literal()
        assert_nothing_raw(app)
        await pilot.press(*" [b]mine")
        app.post_message(events.Paste("\x1b[2J"))
        await pilot.pause()
        assert_nothing_raw(app)
        await pilot.press("ctrl+s")
        await writes_landed(app, pilot)
        assert _note(reader).body == NOTE_BODY + " [b]mine\x1b[2J"


async def test_rename_and_prompts_store_what_is_typed(hostile):
    app = await opened(hostile)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        reader = app.screen
        await _highlight(app, pilot, PUTIN)
        await pilot.press("r")
        await pilot.pause()
        field = app.screen.query_one("#correction-input")
        assert field.value == PUTIN
        assert_nothing_raw(app)
        field.value = ""
        await pilot.press(*"[b]V. Putin[/b]")
        await pilot.press("enter")
        await settle(app, pilot)
        assert [a.name for a in reader.analysis.actors if a.name.startswith("[b]")] == ["[b]V. Putin[/b]"]
        assert_nothing_raw(app)
        await pilot.press("3", "slash")
        prompt = reader.query_one("#prompt")
        app.post_message(events.Paste("\x1b]0;PWNED\x07[/]"))
        await pilot.pause()
        assert prompt.value == "\x1b]0;PWNED\x07[/]"
        assert_nothing_raw(app)
        await pilot.press("enter")
        await pilot.pause()
        assert reader.notes.notes_filter == "\x1b]0;PWNED\x07[/]"
        assert_nothing_raw(app)  # the filter in the pane's subtitle


async def test_toasts_and_border_titles_show_outside_text_literally(hostile):
    app = await opened(hostile)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        toast(app.screen, f"Export failed: {NOTE_BODY}", title=f"Notes {ERDOGAN}", severity="error")
        app.screen.actor_list.set_name_filter("[/]\x1b[2J")
        await pilot.pause()
        await pilot.pause()
        assert len(app.screen.query("Toast")) == 1
        assert_nothing_raw(app)


async def test_hostile_config_values_are_said_literally_and_the_app_starts(hostile, tmp_path):
    from tui.commands import COMMANDS
    from tui.config import load_config

    document, home = hostile
    path = tmp_path / f"config {FILE_NAME}.toml"
    path.write_text('theme = "\\u001b]0;PWNED\\u0007[/]"\n[keys]\n"notes.\\u001b[2J" = "x"\n'
                    '"notes.tags" = "\\u001b[2J"\n', encoding="utf-8")
    config = load_config(path, {command.id for command in COMMANDS})
    app = BriefingApp(document, data_dir=str(home), config=config)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        assert len(app.config.problems) == 3
        assert len(app.screen.query("Toast")) == 3
        assert_nothing_raw(app)


@pytest.mark.parametrize("name", sorted(set(OPENERS) - {"ReaderScreen"}))
async def test_quitting_as_each_screen_opens_raises_nothing(hostile, name):
    """A quit in the turn a screen is pushed (`a` then ctrl+q in one read): the app's shutdown
    closes the screen's nested widgets before they mount, so a mount handler finds none."""
    app = await opened(hostile)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.push_screen(OPENERS[name](app.screen))
        app.exit()
