"""The text of the document pane, wrapped and scrolled, with a cursor paragraph.

A Line API `ScrollView` (after toolong's log view): `layout` indexes the visual lines, `paint`
paints one from the text and the highlights, and `painter` keeps the strips and styles. Text is painted
through `literal()`, never parsed as markup, so `[bold]` and escape sequences in a briefing show
as written. What is painted over the text (mentions, matches, notes) is `Highlights`, set by
`DocumentView`, which adds the document's commands on top of this (the moves too: this keeps
the cursor and the scroll position consistent, the commands say where to go).
"""

from __future__ import annotations

from bisect import bisect_right

from rich.style import Style
from textual import events
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.timer import Timer

from analysis.types import Document, Span
from tui.literal import literal
from tui.widgets.document import messages
from tui.widgets.document.layout import DocumentLayout
from tui.widgets.document.paint import MARGIN, Highlights
from tui.widgets.document.painter import LinePainter
from tui.widgets.document.width_fitting import WidthFitting


class TextView(WidthFitting, ScrollView, can_focus=True, inherit_bindings=False):
    """A document's text wrapped to the pane, scrolled, with a cursor paragraph and highlights."""

    cursor_paragraph: reactive[int] = reactive(0, init=False)
    """Index of the cursor paragraph (what `a` notes)."""

    # ---- state ----------------------------------------------------------------------------

    def __init__(
        self,
        document: Document | None = None,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self._document: Document | None = None
        self._text = ""  # the document's text with control characters made visible
        self._paragraphs: list[Span] = []
        self._paragraph_starts: list[int] = []
        self._layout: DocumentLayout | None = None
        self._rewrapping_to = 0  # the width a rewrap under way is for (0: none)
        self._rewrap_timer: Timer | None = None
        self._painter = LinePainter(self.get_component_rich_style)
        self._paint_style: Style | None = None
        self._marks = Highlights()
        # The exact spot the cursor is at (a match, a mention, a jump), or None for the paragraph.
        self._focus_offset: int | None = None
        if document is not None:
            self.load(document)

    @property
    def document(self) -> Document | None:
        return self._document

    @property
    def layout(self) -> DocumentLayout | None:
        """The current line index (None before the first size is known)."""
        return self._layout

    @property
    def paragraph_count(self) -> int:
        return len(self._paragraphs)

    def paragraph_span(self, index: int) -> Span:
        """(start, end) character offsets of paragraph `index`."""
        return self._paragraphs[index]

    @property
    def current_offset(self) -> int:
        """The current match or mention when the cursor is on one, else the cursor paragraph's start."""
        if not self._paragraphs:
            return 0
        start, end = self._paragraphs[self.cursor_paragraph]
        if self._focus_offset is not None and start <= self._focus_offset <= end:
            return self._focus_offset
        return start

    @property
    def wrap_width(self) -> int:
        return max(1, self.scrollable_content_region.width - MARGIN)

    @property
    def _viewport_height(self) -> int:
        return self.scrollable_content_region.height

    # ---- loading (the width is fitted by `WidthFitting`) ------------------------------------

    def load(self, document: Document) -> None:
        """Show `document` (wrapped now if the size is known, else on the first resize)."""
        self._document = document
        # Wrapped as painted; `literal()` scans first and copies only a text with control characters.
        self._text = literal(document.text)
        self._paragraphs = list(document.paragraphs)
        self._paragraph_starts = [start for start, _ in self._paragraphs]
        self._marks = Highlights(headings=frozenset(document.paragraph_at(start) for start, _ in document.headings))
        self._focus_offset = None
        self._layout = None
        self._rewrapping_to = 0
        self.set_reactive(TextView.cursor_paragraph, 0)
        self._invalidate()
        if not self.is_mounted:
            return  # laid out on the first resize
        self.scroll_to(y=0, animate=False, force=True)
        if self.scrollable_content_region.width > 0:
            self._wrap_now()
        else:
            self.virtual_size = Size(0, 0)
        self._post(messages.CursorMoved(0, self.current_offset))

    def _invalidate(self) -> None:
        self._painter.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._painter.restyle()

    # ---- cursor and scrolling -------------------------------------------------------------

    def validate_cursor_paragraph(self, value: int) -> int:
        return min(max(0, value), max(0, len(self._paragraphs) - 1))

    def watch_cursor_paragraph(self, old: int, new: int) -> None:
        self.refresh()
        self._post(messages.CursorMoved(new, self.current_offset))

    def _set_cursor(self, paragraph: int, focus: int | None = None) -> None:
        self._focus_offset = focus
        changed = self.validate_cursor_paragraph(paragraph) != self.cursor_paragraph
        self.cursor_paragraph = paragraph
        if not changed:
            self._post(messages.CursorMoved(self.cursor_paragraph, self.current_offset))

    def _paragraph_at(self, offset: int) -> int:
        return max(0, bisect_right(self._paragraph_starts, offset) - 1)

    def _jump(self, offset: int, third: bool = False) -> None:
        """Cursor to the spot `offset`; scroll its line into view (a third down when asked or needed)."""
        self._set_cursor(self._paragraph_at(offset), offset)
        if self._layout is None:
            return
        line = self._layout.line_at(offset)
        top, height = int(self.scroll_y), max(1, self._viewport_height)
        if third or not top <= line < top + height:
            self.scroll_to(y=max(0, line - height // 3), animate=False, force=True)

    def go_to_offset(self, offset: int, span: Span | None = None) -> None:
        """Cursor to the paragraph holding `offset`, its line a third down; `span` shown as current."""
        self._marks.current_span = span
        self._jump(offset, third=True)
        self._invalidate()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._follow_viewport()

    def _follow_viewport(self) -> None:
        """When the cursor paragraph has left the viewport, move it to the first one visible."""
        layout = self._layout
        height = self._viewport_height
        if layout is None or not len(layout) or height <= 0 or not self._paragraphs:
            return
        top = int(self.scroll_y)
        if not self._shows(layout.paragraph_lines(self.cursor_paragraph), top):
            self._set_cursor(layout.paragraph_at_line(top))

    def _keep_cursor_in_view(self) -> None:
        if self._layout is None or not self._paragraphs:
            return
        lines = self._layout.paragraph_lines(self.cursor_paragraph)
        if not self._shows(lines, int(self.scroll_y)):
            self.scroll_to(y=lines.start, animate=False, force=True)

    def _shows(self, lines: range, top: int) -> bool:
        """Would a viewport starting at line `top` show at least one of `lines`?"""
        return lines.start < top + max(1, self._viewport_height) and lines.stop > top

    def _scroll_paragraph_into_view(self, paragraph: int) -> None:
        if self._layout is None or not self._paragraphs:
            return
        lines = self._layout.paragraph_lines(paragraph)
        top, height = int(self.scroll_y), max(1, self._viewport_height)
        if lines.start < top:
            self.scroll_to(y=lines.start, animate=False, force=True)
        elif lines.stop > top + height:
            self.scroll_to(y=min(lines.start, lines.stop - height), animate=False, force=True)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or self._layout is None or not len(self._layout):
            return
        line = int(self.scroll_y) + offset.y
        if line >= len(self._layout):
            return
        self._set_cursor(self._layout.paragraph_at_line(line))

    def _post(self, message: messages.ViewMessage) -> None:
        message.view = self
        self.post_message(message)

    # ---- painting -------------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        if self._layout is None and self._document is not None and self.scrollable_content_region.width > 0:
            # The first frame is painted before the Resize event that would lay the text out
            # arrives; laid out here, the text is in that frame rather than a blank one ~40 ms later.
            self._wrap_now()
        # `rich_style` walks the ancestors (~80 us): look it up once per paint, not once per line.
        self._paint_style = self.rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._paint_style = None

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = int(self.scroll_y) + y
        layout = self._layout
        base = self._paint_style or self.rich_style
        if layout is None or index >= len(layout):
            return Strip.blank(width, base)
        paragraph = layout.line_paragraph[index]
        is_cursor = paragraph == self.cursor_paragraph
        return self._painter.line(self._text, layout, self._marks, index, width, base, is_cursor, self.app.console)
