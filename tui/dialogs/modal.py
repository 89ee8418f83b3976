"""The dialogs' base: a modal screen that draws the screen beneath it, tinted, from its lines.

Textual's `ModalScreen` draws the screen beneath as a Rich renderable (`BackgroundScreen`): each
segment's style is copied without its mouse data and tinted anew, and Rich then cuts the result
back into lines. On the reader of the 4 MB Bible that took 11-20 ms a draw, and a modal draws it
whenever anything beneath it changes: three times as the note editor first opens, and again at
every tick of the analysis' progress while it stays open. The reader's lines use a few dozen
styles, so tinting them through a cache of those takes ~1 ms on top of the compositor's own 3-4 ms
(measured on the same screen, one run).

A dialog on top also keeps the lines it drew until the screen beneath reports a change: opening
the note editor drew the reader three times (as the screen resumes, as it gets its Resize, and at
its first update), each a full pass of the reader's compositor.
"""

from __future__ import annotations

from typing import TypeVar

from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.renderables.background_screen import BackgroundScreen
from textual.screen import ModalScreen, Screen
from textual.strip import Strip
from textual.visual import Visual

ResultType = TypeVar("ResultType")


class TintedBackdrop(Visual):
    """The lines of `screen` as its compositor last laid them out, each style tinted by `tint`."""

    def __init__(
        self,
        screen: Screen,
        tint: Color,
        tinted_styles: dict[Style, Style],
        drawn: dict[tuple[int, int | None], list[Strip]] | None = None,
    ) -> None:
        self.screen = screen
        self.tint = tint
        self.tinted_styles = tinted_styles  # the modal's, kept from one draw to the next
        self.drawn = drawn  # the lines last drawn, by size, while nothing beneath has changed

    def render_strips(self, width, height, style, options) -> list[Strip]:
        size = (width, height)
        if self.drawn is not None and size in self.drawn:
            return self.drawn[size]
        # `_compositor` is what Textual's own BackgroundScreen draws from; textual is pinned <9.
        lines = self.screen._compositor.render_strips()
        if height is not None:
            lines = lines[:height]
        lines = [self._tinted(line).crop_extend(0, width, None) for line in lines]
        if self.drawn is not None:
            self.drawn.clear()
            self.drawn[size] = lines
        return lines

    def _tinted(self, line: Strip) -> Strip:
        segments = []
        for segment in line:
            text, style, control = segment
            if control or style is None:
                segments.append(segment)
                continue
            # Without its mouse data (an offset per cell, unique to each line) a style is one of
            # the few the screen uses, and neither a click nor a link reaches through the tint.
            plain = style.clear_meta_and_links()
            tinted = self.tinted_styles.get(plain)
            if tinted is None:  # tinted by Textual's own rule, once per style
                (tinted_segment,) = BackgroundScreen.process_segments([Segment(text, plain)], self.tint)
                tinted = self.tinted_styles[plain] = tinted_segment.style
            segments.append(Segment(text, tinted))
        return Strip(segments, line.cell_length)

    def get_optimal_width(self, rules, container_width: int) -> int:
        return container_width

    def get_height(self, rules, width: int) -> int:
        return self.screen.size.height


class Modal(ModalScreen[ResultType]):
    """A `ModalScreen` whose translucent background shows the screen beneath as `TintedBackdrop`."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._tint: Color | None = None
        self._tinted_styles: dict[Style, Style] = {}
        self._backdrop_drawn: dict[tuple[int, int | None], list[Strip]] = {}

    def refresh(self, *regions, **kwargs):
        if regions:  # the screen beneath changed there: Textual's `Screen._compositor_refresh` says so
            self._backdrop_drawn.clear()
        return super().refresh(*regions, **kwargs)

    def on_screen_suspend(self) -> None:
        self._backdrop_drawn.clear()  # what is beneath may change before this dialog shows again

    def render(self):
        tint = self.styles.background
        stack = self.app.screen_stack
        place = stack.index(self) if self in stack else 0
        if place == 0 or tint.a >= 1:
            return super().render()
        if tint != self._tint:  # a new theme
            self._tint, self._tinted_styles = tint, {}
            self._backdrop_drawn.clear()
        # Only the top screen hears of changes beneath it: one under another dialog draws afresh.
        if self.app.screen is not self:
            self._backdrop_drawn.clear()
            return TintedBackdrop(stack[place - 1], tint, self._tinted_styles)
        return TintedBackdrop(stack[place - 1], tint, self._tinted_styles, self._backdrop_drawn)
