"""The dialogs' backdrop: the reader beneath, tinted as Textual's own modal draws it, from its lines."""

from __future__ import annotations

from textual.renderables.background_screen import BackgroundScreen

from tests.helpers.app import make_app, settle
from tui.dialogs.help import HelpDialog
from tui.dialogs.modal import TintedBackdrop


async def help_over_the_reader(app, pilot):
    """The reader, settled, and the help dialog opened over it."""
    await settle(app, pilot)
    reader = app.screen
    await pilot.press("question_mark")
    await pilot.pause()
    return reader, app.screen


def cells(lines) -> list[list[tuple[str, object]]]:
    """Each line as (character, style) per cell: the same picture however it is cut into segments."""
    return [[(character, style) for text, style, _ in line for character in text] for line in lines]


async def test_the_backdrop_is_the_reader_tinted_as_textuals_modal_tints_it(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=(100, 30)) as pilot:
        reader, dialog = await help_over_the_reader(app, pilot)
        assert isinstance(dialog, HelpDialog)
        tint = dialog.styles.background
        assert 0 < tint.a < 1

        tinted_styles: dict = {}
        ours = TintedBackdrop(reader, tint, tinted_styles).render_strips(100, 30, None, None)
        theirs = app.console.render_lines(
            BackgroundScreen(reader, tint), app.console.options.update_dimensions(100, 30), pad=False
        )

        assert len(ours) == 30
        assert cells(ours) == cells(theirs)
        # Nothing of the reader's mouse data survives: a click on the backdrop reaches no widget.
        assert all(style is None or not style.meta for line in ours for _, style, _ in line)
        # The reader's screenful uses few styles: each is tinted once and reused.
        segments = sum(len(list(line)) for line in ours)
        assert 0 < len(tinted_styles) < segments / 4


async def test_an_open_dialog_draws_the_reader_tinted_beneath_it(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        top_line = app.screen._compositor.render_strips()[0].text
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen.render(), TintedBackdrop)
        # The reader's first line (the panes' titles) shows above the dialog, as it was.
        assert app.screen._compositor.render_strips()[0].text == top_line


async def test_an_open_dialog_redraws_its_backdrop_once_the_reader_beneath_changes(
    warm_home, seed_path
):
    """The tinted lines are kept while nothing beneath changes, and drawn again when something does."""
    from tui.widgets.status_line import StatusLine

    app = make_app(warm_home, seed_path)
    async with app.run_test(size=(100, 30)) as pilot:
        reader, dialog = await help_over_the_reader(app, pilot)
        first = dialog.render().render_strips(100, 30, None, None)
        # Nothing changed beneath: the same lines, not drawn again.
        assert dialog.render().render_strips(100, 30, None, None) is first

        reader.query_one(StatusLine).say("written beneath the open dialog")
        await pilot.pause()
        await pilot.pause()
        redrawn = dialog.render().render_strips(100, 30, None, None)
        assert redrawn is not first
        shown = app.screen._compositor.render_strips()
        for lines in (redrawn, shown):  # the dialog's backdrop, and the screen as it is drawn
            assert "written beneath the open dialog" in lines[-2].text + lines[-1].text
