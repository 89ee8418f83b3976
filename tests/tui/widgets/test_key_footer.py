"""The reader's footer is one line: after every focus move it shows exactly the keys Textual's own
Footer composes for the same bindings, in the same order, without laying the screen out; a key
can be clicked, and a narrow terminal keeps the palette's key on the right."""

from __future__ import annotations

from textual.widgets import Footer

from tests.helpers.app import make_app, settle
from tui.screens.reader import ReaderScreen
from tui.widgets.key_footer import KeyFooter
from tui.widgets.prompt_bar import PromptBar


def composed_by_textual(footer: Footer) -> list[tuple]:
    return [
        (key.key, key.key_display, key.description, key.action, key.has_class("-disabled"))
        for key in footer.query("FooterKey")
    ]


def shown(footer: KeyFooter) -> list[tuple]:
    return [(key.key, key.shown_as, key.description, key.action, key.disabled) for key in footer.keys]


def footer_line(app) -> str:
    return app.screen._compositor.render_strips()[-1].text


async def test_the_keys_are_the_ones_textuals_footer_composes_on_every_pane(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        footer = app.screen.query_one(KeyFooter)
        reference = Footer()
        await app.screen.mount(reference)  # Textual's own, beside ours, hearing the same bindings
        app.screen.refresh_bindings()  # it composes its keys on the first change it hears of
        seen = []
        # document, actors, notes, the find prompt, back to the document
        for keys in ((), ("1",), ("3",), ("2", "slash"), ("escape",)):
            await pilot.press(*keys)
            for _ in range(3):  # Footer recomposes after a refresh
                await pilot.pause()
            assert shown(footer) == composed_by_textual(reference), keys
            seen.append([key.description for key in footer.keys])
        assert "Find" in seen[0] and "Find" not in seen[1] and seen[0] == seen[-1]
        assert len({tuple(keys) for keys in seen}) >= 3  # the panes' keys differ: each was updated


async def test_a_focus_move_changes_the_line_without_laying_the_screen_out(warm_home, seed_path, monkeypatch):
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert " Find " in footer_line(app)
        for pane in (screen.actor_list, screen.document_view):  # a pane's first focus restyles its scrollbars
            pane.focus()
            await pilot.pause()
        layouts = []
        original = ReaderScreen._refresh_layout
        monkeypatch.setattr(
            ReaderScreen, "_refresh_layout", lambda self, *a, **k: (layouts.append(1), original(self, *a, **k))[1]
        )
        for pane, description in ((screen.actor_list, " Kind "), (screen.document_view, " Find ")):
            pane.focus()
            for _ in range(3):
                await pilot.pause()
            assert description in footer_line(app)
        # Textual's footer lays the screen out twice per move (its keys, then their new sizes).
        assert layouts == []


async def test_a_click_on_a_key_presses_it_and_the_palette_stays_right_when_narrow(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=(40, 24)) as pilot:
        await settle(app, pilot)
        footer = app.screen.query_one(KeyFooter)
        line = footer_line(app)
        assert line.rstrip().endswith("^p Command palette") and len(line) == 40
        assert line.startswith(" / Find ")  # the keys that fit, from the left
        *keys, palette = footer.spots
        assert palette.key is footer.palette and palette.end == 40 - 1
        assert keys and all(spot.end <= 40 - len("▏^p Command palette ") for spot in keys)
        await pilot.hover(KeyFooter, offset=(2, 0))
        await pilot.pause()
        assert footer.hovered is keys[0].key and footer.hovered.action == "find"
        assert footer.tooltip == footer.hovered.tooltip and footer.tooltip  # the command's description
        await pilot.click(KeyFooter, offset=(2, 0))  # on "/"
        await pilot.pause()
        prompt = app.screen.query_one(PromptBar)
        assert prompt.display and app.focused is prompt
