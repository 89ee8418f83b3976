"""The document pane's lines fitted to its width: `TextView`'s line index, made as the text loads
and again when the width changes.

A short text is wrapped at once. A long one has the paragraphs on screen rewrapped in the layout
that found the new width (`relayout`), and the whole text in a thread once the resize has settled.
A mixin of `TextView`, kept apart so the view itself is about painting and moving: it reads the
view's text, paragraphs and cursor, and owns `_layout`, `_rewrapping_to` and `_rewrap_timer`,
which the view's `__init__` and `load` reset.
"""

from __future__ import annotations

from textual import events, work
from textual.geometry import Size
from textual.message import Message
from textual.worker import get_current_worker

from analysis.types import Span
from tui.widgets.document.layout import DocumentLayout
from tui.widgets.document.relayout import rewrap_around, viewport_window
from tui.widgets.scroll_extent import set_virtual_size

# Texts longer than this are rewrapped on resize in a thread, with what is on screen rewrapped
# at once (`relayout`). Measured: 4 MB wraps in 37-53 ms alone, twice that beside the redraws.
THREADED_REWRAP_CHARS = 512 * 1024
REWRAP_DELAY_S = 0.2  # after a resize, before the thread rewraps the whole text


class WidthFitting:
    class _Rewrapped(Message, bubble=False):
        def __init__(self, layout: DocumentLayout, text: str) -> None:
            super().__init__()
            self.layout = layout
            self.text = text

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        # Rewrapped in the layout that found the new width, before the frame that draws it. From
        # the Resize event after it, a resize's first frame showed the old lines cut at the new
        # width and the pane was drawn twice (the Bible at 120x36, one run of each: the second
        # drawing 1.5-7 ms, on 20 MB while both cores tag it 20-37 ms). Textual's private hook,
        # as `ScrollView` itself overrides it; textual is pinned <9.
        resized = super()._size_updated(size, virtual_size, container_size, layout)
        if resized and self.is_mounted:
            self._fit_width()
        return resized

    def on_resize(self, event: events.Resize) -> None:
        self._fit_width()

    def _fit_width(self) -> None:
        if self._document is None or self.scrollable_content_region.width <= 0:
            return
        width = self.wrap_width
        if self._layout is not None and width in (self._layout.width, self._rewrapping_to):
            # Only the height changed (as when the summary box refits to a new width): a rewrap
            # started again for the same width ran beside the first and doubled a resize's wait.
            self._keep_cursor_in_view()
            return
        if self._layout is None or len(self._text) <= THREADED_REWRAP_CHARS:
            self._wrap_now()
            return
        self._wrap_viewport(width)
        self._rewrapping_to = width
        # The whole text after the screen has settled: run at once, the thread took the GIL from
        # the resize's own redraws (the reader's, 20-40 ms each) and doubled them (worst loop lag
        # 90-170 ms on the Bible); a drag of the terminal's edge also starts it only once.
        if self._rewrap_timer is not None:
            self._rewrap_timer.stop()
        self._rewrap_timer = self.set_timer(REWRAP_DELAY_S, self._start_rewrap)

    def _start_rewrap(self) -> None:
        self._rewrap_timer = None
        if self._rewrapping_to == self.wrap_width:
            self._rewrap(self._text, self._paragraphs, self._rewrapping_to)

    def _wrap_viewport(self, width: int) -> None:
        """The paragraphs on screen (and around it) at `width` now, the rest in `_rewrap`."""
        layout = self._layout
        if layout is None or not len(layout) or not self._paragraphs:
            return
        top = layout.paragraph_at_line(int(self.scroll_y))
        window = viewport_window(self._paragraphs, top, self.cursor_paragraph, self._viewport_height, width)
        if window is not None:
            anchor = self._top_offset()  # read first: `rewrap_around` spends `layout`
            self._apply_layout(rewrap_around(layout, self._text, window, width), anchor)

    def _wrap_now(self) -> None:
        """Lay the text out for the pane's width here, on the UI thread (4 MB: ~40 ms)."""
        self._apply_layout(DocumentLayout(self._text, self._paragraphs, self.wrap_width))

    # A fixed description: Textual's default is repr() of the arguments, here the whole text.
    @work(thread=True, exclusive=True, exit_on_error=False, group="document-rewrap", description="rewrap")
    def _rewrap(self, text: str, paragraphs: list[Span], width: int) -> None:
        layout = DocumentLayout(text, paragraphs, width)
        if not get_current_worker().is_cancelled:
            self.post_message(self._Rewrapped(layout, text))

    def on_width_fitting__rewrapped(self, message: _Rewrapped) -> None:
        if message.text is self._text and message.layout.width == self.wrap_width:
            self._apply_layout(message.layout)

    def _apply_layout(self, layout: DocumentLayout, anchor: int | None = None) -> None:
        """Switch to a new line index, keeping the top line's text (at offset `anchor`, else read
        from the old index) and the cursor in view."""
        old = self._layout
        self._rewrapping_to = 0
        if anchor is None:
            anchor = self._top_offset()
        self._layout = layout
        self._invalidate()
        set_virtual_size(self, Size(self.scrollable_content_region.width, len(layout)))
        if not self._paragraphs:
            return
        top = layout.line_at(anchor) if old is not None else 0
        lines = layout.paragraph_lines(self.cursor_paragraph)
        if not self._shows(lines, top):
            top = lines.start
        self.scroll_to(y=top, animate=False, force=True)

    def _top_offset(self) -> int:
        """The offset the top line on screen starts at, in the current line index."""
        layout = self._layout
        if layout is None or len(layout) <= self.scroll_y:
            return 0
        return layout.line_start[int(self.scroll_y)]
