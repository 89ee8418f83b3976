"""The document pane: a briefing's text, wrapped, with mentions, matches, notes and a cursor.

`TextView` (text_view.py) wraps, scrolls and paints the text and keeps the cursor paragraph; this
adds what is marked on it (the actors' mentions, the selected actor's, find matches, notes) and
the document's commands, moving ones included.

Attributes down, messages up: the screen calls `load`, `set_mentions`, `set_selected`,
`set_note_marks`, `find`, `go_to_offset`; the view posts the messages of `messages.py`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from textual import work
from textual.message import Message
from textual.worker import get_current_worker

from analysis.types import Span
from tui.commands import bindings_for
from tui.widgets.document import messages
from tui.widgets.document.find import FoldCache, find_all
from tui.widgets.document.layout import SpanIndex
from tui.widgets.document.paint import KindedSpans
from tui.widgets.document.styles import STYLES, default_css
from tui.widgets.document.text_view import TextView

# Texts longer than this are searched in a thread: `find` returns FIND_PENDING and the matches
# follow (with FindStatus). On the UI thread the Bible's 4.3 MB took ~100 ms of its CPU and 20 MB
# 275 ms, 660 ms by the wall clock on a busy machine (bench/reader_keys.py, `/` then enter).
THREADED_FIND_CHARS = 1024 * 1024
FIND_PENDING = -1

class DocumentView(TextView, can_focus=True, inherit_bindings=False):
    """The document's text with the highlights and the keys of the document pane."""

    BINDINGS = bindings_for("document")
    COMPONENT_CLASSES = set(STYLES)
    DEFAULT_CSS = default_css()

    # ---- messages (defined in messages.py) ----------------------------------------------

    CursorMoved = messages.CursorMoved
    FindStatus = messages.FindStatus
    MentionStatus = messages.MentionStatus
    FindRequested = messages.FindRequested
    NoteRequested = messages.NoteRequested
    SummaryToggleRequested = messages.SummaryToggleRequested
    FactsRequested = messages.FactsRequested

    class _Found(Message, bubble=False):
        def __init__(self, text: str, query: str, matches: SpanIndex) -> None:
            super().__init__()
            self.text = text
            self.query = query
            self.matches = matches

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._folds = FoldCache()  # a long text lowered for find, made as the find prompt opens

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

    # ---- find -----------------------------------------------------------------------------

    def find(self, query: str) -> int:
        """Mark every case-insensitive match of `query`; go to the first at or after the cursor.

        Returns the number of matches, or FIND_PENDING for a long text searched in a thread."""
        if not query:
            self.clear_find()
            self._post(self.FindStatus(0, 0, ""))
            return 0
        self._marks.query = query
        text = self._document.text if self._document else ""
        if len(text) > THREADED_FIND_CHARS:
            self._find_in_thread(text, query)
            return FIND_PENDING
        self._show_matches(SpanIndex(find_all(text, query)))
        return len(self._marks.matches)

    @work(thread=True, exclusive=True, exit_on_error=False, group="document-find", description="find")
    def _find_in_thread(self, text: str, query: str) -> None:
        matches = SpanIndex(find_all(text, query, self._folds.get(text)))
        if not get_current_worker().is_cancelled:
            self.post_message(self._Found(text, query, matches))

    def on_document_view__found(self, message: _Found) -> None:
        if self._document is not None and message.text is self._document.text and message.query == self._marks.query:
            self._show_matches(message.matches)

    def _show_matches(self, matches: SpanIndex) -> None:
        self._marks.matches = matches
        self._marks.match_index = None
        self._invalidate()
        if not self._marks.matches:
            self._post(self.FindStatus(0, 0, self._marks.query))
            return
        start = self._paragraphs[self.cursor_paragraph][0] if self._paragraphs else 0
        index = bisect_left(self._marks.matches.starts, start)
        self._go_to_match(index % len(self._marks.matches))

    def clear_find(self) -> None:
        self._marks.query = ""
        self._marks.matches = SpanIndex([])
        self._marks.match_index = None
        self._invalidate()

    @property
    def find_query(self) -> str:
        return self._marks.query

    @property
    def match_count(self) -> int:
        return len(self._marks.matches)

    def _go_to_match(self, index: int) -> None:
        self._marks.match_index = index
        start, end = self._marks.matches.spans[index]
        self._jump(start)
        self._invalidate()
        self._post(self.FindStatus(index, len(self._marks.matches), self._marks.query))

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

    # ---- the pane's commands (the action names come from tui/commands.py) -----------------

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

    def paragraph(self, step: int) -> None:
        self.action_paragraph(step)

    def action_find(self) -> None:
        self._post(self.FindRequested())

    def prepare_find(self) -> None:
        """The find prompt is open: a long text is folded while the query is typed (the first
        find of 20 MB waited ~50 ms more for it). Started with the prompt, the thread took half
        the UI's CPU from `/` itself (20 MB while analysed: 54-70 -> 84-125 ms, bench (e))."""
        text = self._document.text if self._document else ""
        if len(text) > THREADED_FIND_CHARS:
            self._fold_in_thread(text)

    @work(thread=True, exclusive=True, exit_on_error=False, group="document-fold", description="fold")
    def _fold_in_thread(self, text: str) -> None:
        self._folds.get(text)

    def action_match(self, direction: int) -> None:
        if not self._marks.matches:
            self._post(self.FindStatus(0, 0, self._marks.query))
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

    def action_add_note(self) -> None:
        self._post(self.NoteRequested(self.cursor_paragraph))

    def action_toggle_summary(self) -> None:
        self._post(self.SummaryToggleRequested())

    def action_facts(self) -> None:
        self._post(self.FactsRequested())
