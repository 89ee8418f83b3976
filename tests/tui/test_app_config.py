"""The app is the user's: the config's theme, keys, summary size and exports folder, the theme
chosen from the palette kept across restarts, and a bad config said in one line while the app
starts with the defaults."""

from __future__ import annotations

from analysis.documents import read_document
from analysis.notes.editing import new_note
from store.preferences import preferences_path
from tests.helpers.app import settle
from tui.app import BriefingApp, RegistryCommands
from tui.commands import COMMANDS
from tui.config import load_config
from tui.dialogs.help import HelpDialog
from tui.screens.reader import ReaderScreen
from tui.widgets.key_footer import KeyFooter
from tui.widgets.summary_panel import SummaryPanel

SIZE = (120, 36)
IDS = {command.id for command in COMMANDS}


def app_with(home, seed_path, tmp_path, text: str | None = None) -> BriefingApp:
    path = tmp_path / "config.toml"
    if text is not None:
        path.write_text(text, encoding="utf-8")
    return BriefingApp(read_document(seed_path), data_dir=str(home), config=load_config(path, IDS))


async def test_keys_rebound_by_command_id_work_and_show_everywhere(warm_home, seed_path, tmp_path):
    app = app_with(warm_home, seed_path, tmp_path, '[keys]\n"app.help" = "f2"\n"document.note" = "ctrl+n"\n')
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        footer = {key.description: key.key for key in app.screen.query_one(KeyFooter).keys}
        assert footer["Help"] == "f2" and footer["Note"] == "ctrl+n"
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)  # ? is no longer help
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
        table = app.screen.query_one("#help-keys").content
        rows = {str(keys): str(what) for keys, what in zip(table.columns[0].cells, table.columns[1].cells)}
        assert rows["f2"] == "Help: every key" and rows["ctrl+n"] == "Note on this paragraph"
        labels = [label for label, _ in RegistryCommands(app.screen).labelled()]
        assert "Anywhere: Help: every key  (f2)" in labels


async def test_config_theme_and_a_bad_one(warm_home, seed_path, tmp_path):
    app = app_with(warm_home, seed_path, tmp_path, 'theme = "textual-light"\n')
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.theme == "textual-light"
    app = app_with(warm_home, seed_path, tmp_path, '\ntheme = "no-such-theme"\n')
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        assert app.theme == "textual-dark"
        assert isinstance(app.screen, ReaderScreen)
        assert app.config.problems == [
            f"{tmp_path / 'config.toml'}:2: no theme 'no-such-theme' (installed: "
            + ", ".join(sorted(app.available_themes)) + "); the default is used"
        ]
        assert len(app.screen.query("Toast")) == 1


async def test_a_bad_config_starts_the_app_with_defaults_and_says_why(warm_home, seed_path, tmp_path):
    app = app_with(warm_home, seed_path, tmp_path, 'summary_sentences = "many"\n[keys]\n"x.y" = "q"\n')
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        assert len(app.config.problems) == 2
        assert len(app.screen.query("Toast")) == 2
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)  # the default keys still work


async def test_theme_chosen_from_the_palette_is_kept_across_restarts(warm_home, seed_path, tmp_path):
    app = app_with(warm_home, seed_path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p", *"theme")
        await pilot.pause()
        await pilot.press("enter")  # "Theme": the list of every installed theme
        await pilot.pause()
        await pilot.press(*"gruvbox", "enter")
        await pilot.pause()
        assert app.theme == "gruvbox"
    assert '"theme": "gruvbox"' in preferences_path(str(warm_home)).read_text()
    app = app_with(warm_home, seed_path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.theme == "gruvbox"


async def test_a_config_theme_wins_and_a_palette_choice_is_for_the_session(warm_home, seed_path, tmp_path):
    app = app_with(warm_home, seed_path, tmp_path, 'theme = "nord"\n')
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        app.theme = "dracula"
        await pilot.pause()
        await pilot.pause()
        assert "sets theme = 'nord'" in str(app.screen.query_one("Toast").render())
    assert not preferences_path(str(warm_home)).exists()


async def test_summary_size_and_exports_folder_from_the_config(warm_home, seed_path, tmp_path):
    out = tmp_path / "my exports"
    app = app_with(warm_home, seed_path, tmp_path, f'summary_sentences = 2\nexports = "{out}"\n')
    document = app.session.document
    start, end = document.paragraphs[1]
    app.session.add_note(new_note(document, start, end, "exported"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        # The seed's lead paragraph opens its text, just below the box, so the panel leaves out
        # what the summary takes from it and the analysis holds that many more: the panel holds
        # the two asked for; how many show at once is the box's height (whole sentences only).
        summary = app.screen.analysis.summary
        opening_end = document.paragraphs[0][1]
        assert len([span for span in summary if span[0] >= opening_end]) == 2 < len(summary)
        assert len(app.screen.query_one(SummaryPanel).sentences) == 2
        await pilot.press("3", "x")
        await pilot.pause()
        exported = list(out.glob("*.md"))
        assert len(exported) == 1 and "exported" in exported[0].read_text()


async def test_a_key_that_clashes_keeps_the_default_and_says_so(warm_home, seed_path, tmp_path):
    app = app_with(warm_home, seed_path, tmp_path, '[keys]\n\n"notes.export" = "d"\n')
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.config.problems == [
            f"{tmp_path / 'config.toml'}:3: d for notes.export is already the key of notes.delete "
            "(Delete note); the default is used"
        ]
        assert "notes.export" not in app.keymap
