"""A scrolling pane's content size, set without asking for a layout of the whole screen.

Textual's `virtual_size` is a layout reactive: every change lays out the screen and repaints what
moved. A pane's content growing or shrinking does not change the pane's own size, and on the
reader that layout cost 33-37 ms per `f` in the actors pane (the Bible's 3,336 actors) and 11-25
ms each time the document's whole-text rewrap arrived after a resize (one run each). A scrollbar
coming or going still lays the pane out: `_scroll_update` sets Textual's own reactives for that.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.widget import Widget


def set_virtual_size(widget: Widget, size: Size) -> None:
    if size == widget.virtual_size:
        return
    widget.set_reactive(Widget.virtual_size, size)
    widget._scroll_update(size)  # the scrollbars' extent, and the scroll offset kept within it
    widget.refresh()
