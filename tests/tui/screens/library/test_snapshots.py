"""SVG snapshots of the library and of the actors across it, at fixed sizes.

Update after a deliberate visual change with
`pytest tests/tui/screens/library/test_snapshots.py --snapshot-update` and look at the report first.
"""

from __future__ import annotations

import pytest

from analysis.library.folder import Library
from tests.helpers.library import settle
from tui.app import BriefingApp

SIZES = pytest.mark.parametrize("size", [(120, 36), (80, 24)], ids=["120x36", "80x24"])


def library_app(folder, home) -> BriefingApp:
    return BriefingApp(library=Library(folder, data_dir=str(home)), data_dir=str(home), jobs=1)


async def settled(pilot) -> None:
    await settle(pilot.app, pilot)


@SIZES
def test_library_screen(snap_compare, library_folder, library_home, size):
    assert snap_compare(library_app(library_folder, library_home), terminal_size=size, run_before=settled)


@SIZES
def test_library_actors_screen(snap_compare, library_folder, library_home, size):
    async def actors(pilot) -> None:
        await settled(pilot)
        await pilot.press("A")
        await settled(pilot)

    assert snap_compare(library_app(library_folder, library_home), terminal_size=size, run_before=actors)
