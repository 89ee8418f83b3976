"""The merge dialog at 80x24: every control on screen, inside the dialog."""

from __future__ import annotations

from textual.widgets import Checkbox, Input, OptionList

from tests.helpers.app import make_app, settle
from tui.dialogs.correction import CorrectionDialog


async def test_at_80x24_the_merge_dialog_shows_every_control(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("1", "m")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, CorrectionDialog)
        box = dialog.query_one("#correction").region
        for widget in (dialog.query_one(Input), dialog.query_one(OptionList), dialog.query_one(Checkbox),
                       dialog.query_one(".dialog-help")):
            region = widget.region
            assert region.height > 0 and box.contains_region(region), widget
            assert region.bottom <= 24
        assert dialog.query_one(OptionList).region.height >= 3  # room to choose from
