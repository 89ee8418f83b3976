"""The reader's footer updates its keys in place as the focus moves: after every move it must show
exactly what Textual's own Footer composes for the same bindings, in the same order."""

from __future__ import annotations

from tests.helpers.app import make_app, settle
from tui.widgets.key_footer import KeyFooter


def shown(footer: KeyFooter) -> list[tuple]:
    return [
        (key.key, key.key_display, key.description, key.action, key.has_class("-disabled"), key.has_class("-command-palette"))
        for key in footer.query("FooterKey")
    ]


async def test_keys_updated_in_place_match_a_fresh_compose(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        footer = app.screen.query_one(KeyFooter)
        seen = []
        # document, actors, notes, the find prompt, back to the document
        for keys in ((), ("1",), ("3",), ("2", "slash"), ("escape",)):
            await pilot.press(*keys)
            await pilot.pause()
            await pilot.pause()
            in_place = shown(footer)
            widgets = list(footer.query("FooterKey"))
            footer.call_later(footer.recompose)  # as Footer does, from its own message queue
            await pilot.pause()
            await pilot.pause()
            assert shown(footer) == in_place, keys
            assert widgets != list(footer.query("FooterKey"))  # recomposed: new widgets, same keys
            seen.append([description for _k, _d, description, *_ in in_place])
        assert "Find" in seen[0] and "Find" not in seen[1] and seen[0] == seen[-1]
        assert len({tuple(keys) for keys in seen}) >= 3  # the panes' keys differ: each was updated
