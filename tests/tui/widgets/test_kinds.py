"""One look per actor kind: the actors pane and the document's mentions agree on every theme."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from analysis.types import KINDS, Actor
from tui.widgets.actor_rows import actor_row
from tui.widgets.document.paint import KIND_CLASSES
from tui.widgets.document.view import DocumentView
from tui.widgets.kinds import KIND_LOOKS, kind_look


class ViewApp(App):
    def compose(self) -> ComposeResult:
        yield DocumentView(id="document-view")


def test_every_kind_has_its_own_glyph_and_colour():
    assert set(KIND_LOOKS) == set(KINDS)
    assert len({look.glyph for look in KIND_LOOKS.values()}) == len(KINDS)
    assert len({look.style for look in KIND_LOOKS.values()}) == len(KINDS)


def test_the_actor_row_glyph_takes_its_kinds_colour():
    for kind in KINDS:
        row = actor_row(Actor(f"{kind}:x", "X", kind, [(0, 1)]), 20)
        glyph = next(span for span in row.spans if span.start == 0)
        assert glyph.style == kind_look(kind).colour


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light", "nord", "gruvbox"])
async def test_mentions_and_actor_glyphs_resolve_to_the_same_colour(theme):
    app = ViewApp()
    async with app.run_test(size=(60, 10)) as pilot:
        app.theme = theme
        await pilot.pause()
        view = app.query_one(DocumentView)
        background = view.rich_style.bgcolor
        for kind in KINDS:
            mention = view.get_component_rich_style(KIND_CLASSES[kind])
            glyph = app.stylesheet.parse_style(kind_look(kind).colour).rich_style
            assert mention.color == glyph.color, (theme, kind)
            assert mention.color != background, (theme, kind)
