"""The document pane's painted lines, kept: one strip per visual line, and the styles they use.

`TextView` decides which line goes where and when everything painted is stale (`clear`, on
every change of text, layout or highlights; `restyle`, on a theme or CSS change); this keeps
what was painted (an LRU of strips, so scrolling back and forth repaints nothing) and the
component classes as Rich styles, looked up once each.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console
from rich.style import Style
from textual.cache import LRUCache
from textual.strip import Strip

from tui.widgets.document.layout import DocumentLayout
from tui.widgets.document.paint import Highlights, paint_line

# component class name, partial -> its Rich style (a widget's `get_component_rich_style`)
StyleLookup = Callable[..., Style]


class LinePainter:
    def __init__(self, component_style: StyleLookup) -> None:
        self._component_style = component_style
        self._strips: LRUCache[tuple, Strip] = LRUCache(maxsize=1024)
        self._generation = 0
        self._styles: dict[str, Style] = {}

    def clear(self) -> None:
        """Everything painted is stale."""
        self._generation += 1
        self._strips.clear()

    def restyle(self) -> None:
        """The styles changed (theme, CSS): look them up again, and repaint."""
        self._styles = {}
        self._strips.clear()

    def style(self, name: str) -> Style:
        """A component class as a Rich style to layer over the line's base style."""
        style = self._styles.get(name)
        if style is None:
            partial = self._component_style(name, partial=True)
            if partial.color is not None or partial.bgcolor is not None:
                # the full style has translucent colours composed over the widget's background
                full = self._component_style(name)
                partial += Style(
                    color=full.color if partial.color is not None else None,
                    bgcolor=full.bgcolor if partial.bgcolor is not None else None,
                )
            style = self._styles[name] = partial
        return style

    def line(
        self,
        text: str,
        layout: DocumentLayout,
        marks: Highlights,
        index: int,
        width: int,
        base: Style,
        is_cursor: bool,
        console: Console,
    ) -> Strip:
        """Visual line `index`, painted now or as it was since the last `clear`."""
        key = (index, width, self._generation, is_cursor, base)
        strip = self._strips.get(key)
        if strip is None:
            strip = paint_line(text, layout, marks, index, width, base, is_cursor, self.style, console)
            self._strips[key] = strip
        return strip
