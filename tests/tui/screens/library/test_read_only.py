"""A library on a read-only disk opens read-only and says so (issue 13, item 8): it lists, opens
and searches what is indexed, analyses and saves nothing, and a star says why it is not kept."""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from analysis.library.folder import Library
from tests.helpers.library import settle
from tests.helpers.notes_app import notifications
from tui.app import BriefingApp
from tui.screens.library import LibraryScreen
from tui.screens.reader import ReaderScreen


@contextlib.contextmanager
def read_only(home: Path):
    """`home` as a read-only disk shows it: a read-only bind mount when running as root (permission
    bits do not stop root), else every write bit removed. Skipped only where neither is possible."""
    if os.geteuid() != 0:
        modes = {path: path.stat().st_mode for path in [home, *home.rglob("*")] if not path.is_symlink()}
        for path, mode in modes.items():
            path.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
        try:
            yield home
        finally:
            for path, mode in modes.items():
                path.chmod(mode)
        return
    view = home.parent / f"{home.name}-read-only"
    view.mkdir()
    if shutil.which("mount") is None:
        pytest.skip("root without mount(8): no way to make a read-only disk here")
    if subprocess.run(["mount", "--bind", str(home), str(view)], capture_output=True).returncode != 0:
        pytest.skip("root without the right to mount: no way to make a read-only disk here")
    try:
        done = subprocess.run(["mount", "-o", "remount,bind,ro", str(view)], capture_output=True)
        if done.returncode != 0:
            pytest.skip("root without the right to remount read-only")
        yield view
    finally:
        # Lazy: files the app kept open (the index's mapped segments) must not keep it mounted.
        subprocess.run(["umount", "-l", str(view)], capture_output=True, check=False)


def indexed(folder: Path, home: Path) -> str:
    """Index the library from its warm cache while the disk is writable; star the seed."""
    library = Library(folder, data_dir=str(home))
    rows = library.rows()
    list(library.analyse_pending([row.key for row in library.pending(rows)]))
    library.fill_search_index(library.rows())
    seed = str((folder / "turkey-ukraine.txt").resolve())
    library.state.update(seed, starred=True)
    return seed


async def test_a_read_only_library_lists_searches_and_says_why_nothing_is_saved(library_folder, library_home):
    seed = indexed(library_folder, library_home)
    (library_folder / "new.txt").write_text("A briefing added after the disk went read-only.\n", encoding="utf-8")
    with read_only(library_home) as home:
        with pytest.raises(OSError):
            (home / "probe").write_text("x")  # the disk really refuses writes
        app = BriefingApp(library=Library(library_folder, data_dir=str(home)), data_dir=str(home), jobs=1)
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(app, pilot)
            screen = app.screen
            assert isinstance(screen, LibraryScreen)
            assert screen.library.read_only and str(home) in screen.library.read_only
            status = str(screen.query_one("#library-status").render())
            assert "read-only: nothing is saved" in status and "analysing" not in status
            assert any(n.title == "Library read-only" for n in notifications(app))
            # What the index holds is listed; the new file waits (nothing could keep its analysis).
            assert screen.rows[seed].indexed and screen.rows[seed].starred
            assert screen.rows[str((library_folder / "new.txt").resolve())].state == "pending"
            assert "3 analysed" in status

            await pilot.press("ctrl+f", *"Ankara", "enter")
            await pilot.pause()
            assert [hit.path for hit in app.screen.hits] == [seed]
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is screen

            screen.table.move_cursor(row=screen.table.get_row_index(seed))
            await pilot.press("asterisk")
            await pilot.pause()
            refused = [n for n in notifications(app) if n.title == "Reading state not saved"]
            assert refused and "read-only" in refused[-1].message and str(home) in refused[-1].message
            assert screen.rows[seed].starred  # unchanged: the state on disk says starred

            await pilot.press("enter")  # the reader opens on it, analysis from the cache
            await settle(app, pilot)
            assert isinstance(app.screen, ReaderScreen) and app.screen.session.document.path == seed
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is screen
    assert not (library_home / "probe").exists()
