"""The document pane: a briefing's text, wrapped, with mentions, matches, notes and a cursor.

A Line API `ScrollView` (after toolong's log view): `document_layout` indexes the visual lines,
`document_paint` paints one from the text and the highlights, and an LRU cache keeps the strips.
Text is painted through `literal()`, never parsed as markup, so `[bold]` and escape sequences in a
briefing show as written.

Attributes down, messages up: the screen calls `load`, `set_mentions`, `set_selected`,
`set_note_marks`, `find`, `go_to_offset`; the view posts the messages nested below.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from rich.style import Style
from textual import events, work
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from analysis.types import Document, Span
from tui.actions import bindings_for
from tui.literal import literal
from tui.widgets.document_layout import DocumentLayout, SpanIndex, find_all
from tui.widgets.document_paint import MARGIN, Highlights, KindedSpans, paint_line

# Texts longer than this are rewrapped on resize in a thread, the old layout shown meanwhile.
# Measured: 4 MB wraps in ~0.1 s, so only very large briefings take the thread.
THREADED_REWRAP_CHARS = 512 * 1024
# Texts longer than this are searched in a thread: `find` returns FIND_PENDING and the matches
# follow (with FindStatus). On the UI thread the Bible's 4.3 MB took ~100 ms of its CPU and 20 MB
# 275 ms, 660 ms by the wall clock on a busy machine (bench/reader_keys.py, `/` then enter).
THREADED_FIND_CHARS = 1024 * 1024
FIND_PENDING = -1

# One place for the look of every highlight: component class -> CSS declarations.
# Theme variables keep them readable on dark and light themes; `thing` is also italic because
# `$text-secondary` sits close to `$text-primary` in some themes.
STYLES: dict[str, str] = {
    "document-view--person": "color: $text-accent;",
    "document-view--organization": "color: $text-primary;",
    "document-view--place": "color: $text-success;",
    "document-view--group": "color: $text-error;",
    "document-view--thing": "color: $text-secondary; text-style: italic;",
    "document-view--selected": "text-style: bold reverse;",
    "document-view--current": "background: $accent; color: $background; text-style: bold underline;",
    "document-view--match": "background: $warning 35%; text-style: bold;",
    "document-view--match-current": "background: $warning; color: $background; text-style: bold;",
    "document-view--cursor": "background: $foreground 7%;",
    "document-view--cursor-bar": "color: $foreground-muted;",
    "document-view--note-mark": "color: $text-warning;",
}
# Overrides while the pane has focus: the cursor bar lights up.
FOCUSED_STYLES: dict[str, str] = {
    "document-view--cursor-bar": "color: $accent;",
}


def _default_css() -> str:
    rules = "\n".join(f"        & > .{name} {{ {body} }}" for name, body in STYLES.items())
    focused = "\n".join(f"        &:focus > .{name} {{ {body} }}" for name, body in FOCUSED_STYLES.items())
    return f"""
    DocumentView {{
        scrollbar-gutter: stable;
        overflow-x: hidden;
        overflow-y: auto;
{rules}
{focused}
    }}
    """


# Exactly the characters `literal()` replaces (C0 but newline, DEL, C1).
_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def _display_text(text: str) -> str:
    """The text as painted, for wrapping: `literal()` only when there is something to replace.

    A scan costs ~20 ms on 4 MB, `literal()` ~260 ms; most briefings hold no control characters.
    Painting still goes through `literal()` line by line, so this is never a safety shortcut.
    """
    return literal(text) if _CONTROL.search(text) else text


class DocumentView(ScrollView, can_focus=True, inherit_bindings=False):
    """A scrollable, wrapped view of one document with highlights and a cursor paragraph."""

    BINDINGS = bindings_for("document")
    COMPONENT_CLASSES = set(STYLES)
    DEFAULT_CSS = _default_css()

    cursor_paragraph: reactive[int] = reactive(0, init=False)
    """Index of the cursor paragraph (what `a` notes)."""

    # ---- messages -------------------------------------------------------------------------

    class _ViewMessage(Message):
        view: DocumentView | None = None

        @property
        def control(self) -> DocumentView | None:
            return self.view

        def can_replace(self, message: Message) -> bool:
            return type(message) is type(self) and getattr(message, "view", None) is self.view

    class CursorMoved(_ViewMessage):
        """The cursor paragraph (or the spot in it) changed. Coalesces."""

        def __init__(self, paragraph: int, offset: int) -> None:
            super().__init__()
            self.paragraph = paragraph
            self.offset = offset

    class FindStatus(_ViewMessage):
        """After a find or a move between matches: `index` (0-based) of `count`; count 0: none."""

        def __init__(self, index: int, count: int, query: str) -> None:
            super().__init__()
            self.index = index
            self.count = count
            self.query = query

    class MentionStatus(_ViewMessage):
        """After a move between the selected mentions: `index` (0-based) of `count`; 0 selected: (0, 0)."""

        def __init__(self, index: int, count: int) -> None:
            super().__init__()
            self.index = index
            self.count = count

    class FindRequested(_ViewMessage):
        """The user pressed `/`: the screen should ask for a query and call `find()`."""

        def can_replace(self, message: Message) -> bool:
            return False

    class NoteRequested(_ViewMessage):
        """The user asked for a note on `paragraph`."""

        def __init__(self, paragraph: int) -> None:
            super().__init__()
            self.paragraph = paragraph

        def can_replace(self, message: Message) -> bool:
            return False

    class SummaryToggleRequested(_ViewMessage):
        """The user asked to show or hide the summary."""

        def can_replace(self, message: Message) -> bool:
            return False

    class FactsRequested(_ViewMessage):
        """The user asked for the key facts (dates and numbers) of the briefing."""

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, DocumentView.FactsRequested)

    class _Found(Message, bubble=False):
        def __init__(self, text: str, query: str, matches: SpanIndex) -> None:
            super().__init__()
            self.text = text
            self.query = query
            self.matches = matches

    class _Rewrapped(Message, bubble=False):
        def __init__(self, layout: DocumentLayout, text: str) -> None:
            super().__init__()
            self.layout = layout
            self.text = text

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
        self._line_cache: LRUCache[tuple, Strip] = LRUCache(maxsize=1024)
        self._generation = 0
        self._styles: dict[str, Style] = {}
        self._paint_style: Style | None = None
        self._marks = Highlights()
        self._query = ""
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

    # ---- loading and layout ---------------------------------------------------------------

    def load(self, document: Document) -> None:
        """Show `document` (wrapped now if the size is known, else on the first resize)."""
        self._document = document
        self._text = _display_text(document.text)
        self._paragraphs = list(document.paragraphs)
        self._paragraph_starts = [start for start, _ in self._paragraphs]
        self._marks = Highlights()
        self._query = ""
        self._focus_offset = None
        self._layout = None
        self.set_reactive(DocumentView.cursor_paragraph, 0)
        self._invalidate()
        if not self.is_mounted:
            return  # laid out on the first resize
        self.scroll_to(y=0, animate=False, force=True)
        if self.scrollable_content_region.width > 0:
            self._wrap_now()
        else:
            self.virtual_size = Size(0, 0)
        self._post(self.CursorMoved(0, self.current_offset))

    def on_resize(self, event: events.Resize) -> None:
        if self._document is None or self.scrollable_content_region.width <= 0:
            return
        width = self.wrap_width
        if self._layout is not None and self._layout.width == width:
            self._keep_cursor_in_view()  # only the height changed
            return
        if self._layout is None or len(self._text) <= THREADED_REWRAP_CHARS:
            self._wrap_now()
        else:
            self._rewrap(self._text, self._paragraphs, width)

    def _wrap_now(self) -> None:
        """Lay the text out for the pane's width here, on the UI thread (4 MB: ~40 ms)."""
        self._apply_layout(DocumentLayout(self._text, self._paragraphs, self.wrap_width))

    # A fixed description: Textual's default is repr() of the arguments, here the whole text.
    @work(thread=True, exclusive=True, exit_on_error=False, group="document-rewrap", description="rewrap")
    def _rewrap(self, text: str, paragraphs: list[Span], width: int) -> None:
        layout = DocumentLayout(text, paragraphs, width)
        if not get_current_worker().is_cancelled:
            self.post_message(self._Rewrapped(layout, text))

    def on_document_view__rewrapped(self, message: _Rewrapped) -> None:
        if message.text is self._text and message.layout.width == self.wrap_width:
            self._apply_layout(message.layout)

    def _apply_layout(self, layout: DocumentLayout) -> None:
        """Switch to a new line index, keeping the top line's text and the cursor in view."""
        old = self._layout
        anchor = old.line_start[int(self.scroll_y)] if old is not None and len(old) > self.scroll_y else 0
        self._layout = layout
        self._invalidate()
        self.virtual_size = Size(self.scrollable_content_region.width, len(layout))
        if not self._paragraphs:
            return
        top = layout.line_at(anchor) if old is not None else 0
        lines = layout.paragraph_lines(self.cursor_paragraph)
        if not self._shows(lines, top):
            top = lines.start
        self.scroll_to(y=top, animate=False, force=True)

    # ---- highlights -----------------------------------------------------------------------

    def set_mentions(self, mentions: KindedSpans | Iterable[tuple[int, int, str]]) -> None:
        """Colour each mention (start, end, kind) by its kind; pass `KindedSpans` built in a
        worker to keep the sorting off the UI thread."""
        self._marks.mentions = mentions if isinstance(mentions, KindedSpans) else KindedSpans.of(mentions)
        self._invalidate()

    def set_selected(self, spans: Iterable[Span] | None) -> None:
        """Emphasise the selected actor's mentions; they are what `]`/`[` walk."""
        self._marks.selected = SpanIndex({(s, e) for s, e in spans or () if e > s})
        if self._marks.current_span is not None and self._marks.selected.index_of(self._marks.current_span) is None:
            self._marks.current_span = None
        self._invalidate()

    def set_note_marks(self, spans: Iterable[Span]) -> None:
        """Mark in the margin the paragraphs holding these note anchors."""
        notes: dict[int, list[int]] = {}
        for start, _end in spans:
            notes.setdefault(self._paragraph_at(start), []).append(start)
        self._marks.notes = notes
        self._invalidate()

    def _invalidate(self) -> None:
        self._generation += 1
        self._line_cache.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles = {}
        self._line_cache.clear()

    # ---- find -----------------------------------------------------------------------------

    def find(self, query: str) -> int:
        """Mark every case-insensitive match of `query`; go to the first at or after the cursor.

        Returns the number of matches, or FIND_PENDING for a long text searched in a thread."""
        if not query:
            self.clear_find()
            self._post(self.FindStatus(0, 0, ""))
            return 0
        self._query = query
        text = self._document.text if self._document else ""
        if len(text) > THREADED_FIND_CHARS:
            self._find_in_thread(text, query)
            return FIND_PENDING
        self._show_matches(SpanIndex(find_all(text, query)))
        return len(self._marks.matches)

    @work(thread=True, exclusive=True, exit_on_error=False, group="document-find", description="find")
    def _find_in_thread(self, text: str, query: str) -> None:
        matches = SpanIndex(find_all(text, query))
        if not get_current_worker().is_cancelled:
            self.post_message(self._Found(text, query, matches))

    def on_document_view__found(self, message: _Found) -> None:
        if self._document is not None and message.text is self._document.text and message.query == self._query:
            self._show_matches(message.matches)

    def _show_matches(self, matches: SpanIndex) -> None:
        self._marks.matches = matches
        self._marks.match_index = None
        self._invalidate()
        if not self._marks.matches:
            self._post(self.FindStatus(0, 0, self._query))
            return
        start = self._paragraphs[self.cursor_paragraph][0] if self._paragraphs else 0
        index = bisect_left(self._marks.matches.starts, start)
        self._go_to_match(index % len(self._marks.matches))

    def clear_find(self) -> None:
        self._query = ""
        self._marks.matches = SpanIndex([])
        self._marks.match_index = None
        self._invalidate()

    @property
    def find_query(self) -> str:
        return self._query

    @property
    def match_count(self) -> int:
        return len(self._marks.matches)

    def _go_to_match(self, index: int) -> None:
        self._marks.match_index = index
        start, end = self._marks.matches.spans[index]
        self._jump(start)
        self._invalidate()
        self._post(self.FindStatus(index, len(self._marks.matches), self._query))

    def _step(self, spans: SpanIndex, direction: int) -> int:
        """The next/previous span from where the cursor is, wrapping around."""
        if self._focus_offset is not None and self.current_offset == self._focus_offset:
            position, strict = self._focus_offset, True
        else:
            position, strict = self.current_offset, False
        if direction > 0:
            index = (bisect_right if strict else bisect_left)(spans.starts, position)
            return index % len(spans)
        index = bisect_left(spans.starts, position) - 1
        return index % len(spans)

    # ---- cursor and scrolling -------------------------------------------------------------

    def validate_cursor_paragraph(self, value: int) -> int:
        return min(max(0, value), max(0, len(self._paragraphs) - 1))

    def watch_cursor_paragraph(self, old: int, new: int) -> None:
        self.refresh()
        self._post(self.CursorMoved(new, self.current_offset))

    def _set_cursor(self, paragraph: int, focus: int | None = None) -> None:
        self._focus_offset = focus
        changed = self.validate_cursor_paragraph(paragraph) != self.cursor_paragraph
        self.cursor_paragraph = paragraph
        if not changed:
            self._post(self.CursorMoved(self.cursor_paragraph, self.current_offset))

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

    # ---- actions (the names come from tui/actions.py) -------------------------------------

    def action_scroll_line(self, lines: int) -> None:
        self.scroll_to(y=self.scroll_y + lines, animate=False, force=True)

    def action_page(self, pages: int) -> None:
        self.scroll_to(y=self.scroll_y + pages * max(1, self._viewport_height), animate=False, force=True)

    def action_top(self) -> None:
        self._set_cursor(0)
        self.scroll_to(y=0, animate=False, force=True)

    def action_bottom(self) -> None:
        self._set_cursor(len(self._paragraphs) - 1)
        self.scroll_to(y=self.max_scroll_y, animate=False, force=True)

    def action_paragraph(self, step: int) -> None:
        self._set_cursor(self.cursor_paragraph + step)
        self._scroll_paragraph_into_view(self.cursor_paragraph)

    def action_find(self) -> None:
        self._post(self.FindRequested())

    def action_match(self, direction: int) -> None:
        if not self._marks.matches:
            self._post(self.FindStatus(0, 0, self._query))
            return
        self._go_to_match(self._step(self._marks.matches, direction))

    def action_mention(self, direction: int) -> None:
        if not self._marks.selected:
            self._post(self.MentionStatus(0, 0))
            return
        index = self._step(self._marks.selected, direction)
        self._marks.current_span = self._marks.selected.spans[index]
        self._jump(self._marks.current_span[0])
        self._invalidate()
        self._post(self.MentionStatus(index, len(self._marks.selected)))

    def mention(self, direction: int) -> None:
        self.action_mention(direction)

    def match(self, direction: int) -> None:
        self.action_match(direction)

    def paragraph(self, step: int) -> None:
        self.action_paragraph(step)

    def action_add_note(self) -> None:
        self._post(self.NoteRequested(self.cursor_paragraph))

    def action_toggle_summary(self) -> None:
        self._post(self.SummaryToggleRequested())

    def action_facts(self) -> None:
        self._post(self.FactsRequested())

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or self._layout is None or not len(self._layout):
            return
        line = int(self.scroll_y) + offset.y
        if line >= len(self._layout):
            return
        self._set_cursor(self._layout.paragraph_at_line(line))

    def _post(self, message: _ViewMessage) -> None:
        message.view = self
        self.post_message(message)

    # ---- painting -------------------------------------------------------------------------

    def _style(self, name: str) -> Style:
        """A component class as a Rich style to layer over the line's base style."""
        style = self._styles.get(name)
        if style is None:
            partial = self.get_component_rich_style(name, partial=True)
            if partial.color is not None or partial.bgcolor is not None:
                # the full style has translucent colours composed over the widget's background
                full = self.get_component_rich_style(name)
                partial += Style(
                    color=full.color if partial.color is not None else None,
                    bgcolor=full.bgcolor if partial.bgcolor is not None else None,
                )
            style = self._styles[name] = partial
        return style

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
        key = (index, width, self._generation, is_cursor, base)
        strip = self._line_cache.get(key)
        if strip is None:
            strip = paint_line(self._text, layout, self._marks, index, width, base, is_cursor, self._style, self.app.console)
            self._line_cache[key] = strip
        return strip
