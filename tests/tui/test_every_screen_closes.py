"""Every screen the app can push closes with escape, found by walking the `tui` package.

A new dialog is found here without anyone adding it to a list: the test then fails until it has
a way to be opened (`OPENERS`) and closes with escape.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from textual.screen import Screen

import tui
from tests.helpers.app import make_app, settle


def screen_classes() -> dict[str, type[Screen]]:
    """Every Screen subclass defined in the `tui` package, by qualified name."""
    found = {}
    for module_info in pkgutil.walk_packages(tui.__path__, prefix="tui."):
        if module_info.name.endswith(".__main__"):
            continue  # `python -m tui.cli`: importing it runs the CLI
        module = importlib.import_module(module_info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, Screen) and cls.__module__ == module.__name__:
                found[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return found


def first_actor(app):
    return app.screen.analysis.actors[0]


# How to open each screen with a minimal real argument set, in the running reader app.
def library_of(app):
    """The library over the seed's folder, in the test's data folder."""
    from pathlib import Path

    from analysis.library.folder import Library

    return Library(Path(app.session.document.path).parent, data_dir=app.session.data_dir)


OPENERS = {
    "tui.screens.library.LibraryScreen": lambda cls, app, tmp: cls(library_of(app)),
    "tui.screens.library.actors.LibraryActorsScreen": lambda cls, app, tmp: cls(library_of(app)),
    "tui.screens.library.actors.ActorBriefingsScreen": lambda cls, app, tmp: cls(library_of(app), None, title="Briefings"),
    "tui.screens.library.search.SearchScreen": lambda cls, app, tmp: cls(library_of(app), query="Ankara"),
    "tui.dialogs.confirm.ConfirmDialog": lambda cls, app, tmp: cls("Delete this note?", "its body"),
    "tui.dialogs.help.HelpDialog": lambda cls, app, tmp: cls(),
    "tui.dialogs.note_editor.NoteEditor": lambda cls, app, tmp: cls("Note on ¶1", "a quote", ""),
    "tui.dialogs.note_search.NoteSearchDialog": lambda cls, app, tmp: cls(app.session),
    "tui.dialogs.correction.CorrectionDialog": lambda cls, app, tmp: cls("Rename", value="Turkey"),
    "tui.dialogs.facts.FactsDialog": lambda cls, app, tmp: cls(
        app.session.document.text, app.screen.analysis.facts, app.screen.analysis.sentences
    ),
    "tui.dialogs.actor_details.ActorDetails": lambda cls, app, tmp: cls(app.session, first_actor(app)),
    "tui.dialogs.backup_offer.BackupOffer": lambda cls, app, tmp: cls("notes.json is not JSON", tmp, 3),
}
# Screens escape does not close, each with the reason.
NOT_CLOSED = {
    "tui.dialogs.jump_list.JumpList": "a base class: its subclasses compose the list it moves in",
    "tui.dialogs.modal.Modal": "a base class: every dialog, which is opened here, is one",
    "tui.screens.reader.ReaderScreen": "the app's own screen, under every dialog",
    "tui.screens.resized_once.ResizedOnce": "a base class: the reader and the library's screens",
}
FOUND = screen_classes()


def test_every_screen_is_opened_here():
    assert set(FOUND) == set(OPENERS) | set(NOT_CLOSED)


@pytest.mark.parametrize("name", sorted(set(FOUND) - set(NOT_CLOSED)))
async def test_escape_closes(name, warm_home, seed_path, tmp_path):
    backup = tmp_path / "notes.json.bak"
    backup.write_text("{}")
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        reader = app.screen
        screen = OPENERS[name](FOUND[name], app, backup)
        await app.push_screen(screen)
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is reader, f"{name} is still open after escape"


@pytest.mark.parametrize("pane, key", [("2", "D"), ("1", "i")], ids=["facts", "actor details"])
async def test_the_key_that_opens_a_jump_list_closes_it(pane, key, warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        reader = app.screen
        await pilot.press(pane, key)
        await pilot.pause()
        assert app.screen is not reader
        await pilot.press(key)
        await pilot.pause()
        assert app.screen is reader
