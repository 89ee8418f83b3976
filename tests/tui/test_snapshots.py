"""SVG snapshots of the reader at fixed sizes (pytest-textual-snapshot).

Update after a deliberate visual change with `pytest tests/tui/test_snapshots.py --snapshot-update`
and look at the report before committing.
"""

from __future__ import annotations

import pytest

from tests.helpers.app import make_app


async def settled(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


@pytest.mark.parametrize("size", [(120, 36), (80, 24)], ids=["120x36", "80x24"])
def test_reader_on_the_seed(snap_compare, warm_home, seed_path, size):
    assert snap_compare(make_app(warm_home, seed_path), terminal_size=size, run_before=settled)


def test_reader_with_actor_selected_and_note(snap_compare, warm_home, seed_path):
    async def select_and_note(pilot) -> None:
        await settled(pilot)
        await pilot.press("1", "enter")  # the first actor, Turkey: its mentions emphasised
        await pilot.press("2", "right_curly_bracket", "a", *"Ankara's line #turkey", "ctrl+s")
        await settled(pilot)  # the note's write, in its worker

    assert snap_compare(make_app(warm_home, seed_path), terminal_size=(120, 36), run_before=select_and_note)


def test_help_screen(snap_compare, warm_home, seed_path):
    async def open_help(pilot) -> None:
        await settled(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(make_app(warm_home, seed_path), terminal_size=(120, 36), run_before=open_help)


def test_reader_in_a_light_theme(snap_compare, warm_home, seed_path, tmp_path):
    """Every colour comes from the theme: on a light one, kinds, cursor and panes stay readable."""
    from analysis.documents import read_document
    from tui.app import BriefingApp
    from tui.config import Config

    app = BriefingApp(read_document(seed_path), data_dir=str(warm_home), config=Config(theme="textual-light"))

    async def select(pilot) -> None:
        await settled(pilot)
        await pilot.press("2", "enter", "1")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 36), run_before=select)


# Every dialog at 80x24, the smallest size the app is made for: each control on screen, and no
# text cut without "…". Each opens from the reader by its own keys.
DIALOG_KEYS = {
    "help": ("question_mark",),
    "note_editor": ("a", *"Ankara's line"),
    "merge": ("1", "m"),
    "rename": ("1", "r"),
    "kind": ("1", "K"),
    "confirm": ("a", *"a note", "ctrl+s", "3", "d"),
    "facts": ("2", "D"),
    "details": ("1", "j", "i"),
    "note_search": ("a", *"Ankara's line #turkey", "ctrl+s", "ctrl+f"),
    # Over the panes' last lines, which keep their size: no pane is laid out again as it opens.
    "find_prompt": ("2", "slash", *"Turkey"),
}


@pytest.mark.parametrize("dialog", sorted(DIALOG_KEYS))
def test_dialog_at_80x24(snap_compare, warm_home, seed_path, dialog):
    async def open_dialog(pilot) -> None:
        await settled(pilot)
        keys = list(DIALOG_KEYS[dialog])
        while "ctrl+s" in keys:  # a note saved first: its write lands (in a worker) before the next key
            cut = keys.index("ctrl+s") + 1
            await pilot.press(*keys[:cut])
            await settled(pilot)
            keys = keys[cut:]
        await pilot.press(*keys)
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(make_app(warm_home, seed_path), terminal_size=(80, 24), run_before=open_dialog)
