"""One visual line of the document pane, painted: the margin, the text, and every highlight on it.

The view keeps the line index and the scroll position; this module knows what a line looks like.
Text goes through `literal()`, never through markup, so a briefing's `[bold]` or escape sequences
show as written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NamedTuple

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from analysis.types import KINDS, Span
from tui.literal import literal
from tui.widgets.document.layout import SEPARATOR, DocumentLayout, SpanIndex, visible_end

MARGIN = 2  # col 0: note mark, col 1: cursor bar
NOTE_MARK = "●"  # on the line holding a note's anchor
NOTE_RULE = "▍"  # on the other lines of a paragraph with a note
CURSOR_BAR = "▌"
KIND_CLASSES = {kind: f"document-view--{kind}" for kind in KINDS}


# Not a frozen dataclass: imported before the reader's first paint, where generating one cost
# ~0.5 ms (bench (b) counts the start-up against a bare Textual app's).
class KindedSpans(NamedTuple):
    """Mentions sorted for per-line lookup, each with its actor's kind.

    Built off the UI thread for a long briefing: sorting 30,000 mentions took 30-70 ms.
    """

    spans: SpanIndex
    kinds: list[str]  # one per span, in the same order

    @classmethod
    def of(cls, mentions: Iterable[tuple[int, int, str]]) -> KindedSpans:
        ordered = sorted((start, end, kind) for start, end, kind in mentions if end > start)
        return cls(SpanIndex([(start, end) for start, end, _ in ordered]), [kind for _, _, kind in ordered])


class Highlights:
    """Everything painted over the text, as character spans into it."""

    __slots__ = ("mentions", "selected", "current_span", "query", "matches", "match_index", "notes", "headings")

    def __init__(self, headings: frozenset[int] = frozenset()) -> None:
        self.mentions = KindedSpans.of(())
        self.selected = SpanIndex([])  # the selected actor's
        self.current_span: Span | None = None  # the selected actor's mention `]`/`[` went to
        self.query = ""  # what the matches are of
        self.matches = SpanIndex([])
        self.match_index: int | None = None
        self.notes: dict[int, list[int]] = {}  # paragraph -> anchor offsets
        self.headings = headings  # paragraphs that are headings


def paint_line(
    text: str,
    layout: DocumentLayout,
    marks: Highlights,
    index: int,
    width: int,
    base: Style,
    is_cursor: bool,
    style: Callable[[str], Style],
    console: Console,
) -> Strip:
    """Visual line `index`, `width` cells wide; `style` turns a component class into a Style."""
    paragraph, start, end = layout.line(index)
    if paragraph == SEPARATOR:
        return Strip.blank(width, base)
    if is_cursor:
        base = base + style("document-view--cursor")
    end = visible_end(text, start, end)
    line = Text(literal(text[start:end]), end="", no_wrap=True)
    # The base style as a span, not `Text(style=base)`: Rich drops a Text's own style when it has
    # no spans, so a line with nothing highlighted lost the theme's colours and the cursor's.
    line.stylize(base)
    if paragraph in marks.headings:
        line.stylize(style("document-view--heading"))
    mentions = marks.mentions.spans
    for span_index in mentions.overlapping(start, end):
        a, b = mentions.spans[span_index]
        kind_class = KIND_CLASSES.get(marks.mentions.kinds[span_index])
        if kind_class:
            line.stylize(style(kind_class), a - start, b - start)
    current = marks.current_span
    for span_index in marks.selected.overlapping(start, end):
        span = marks.selected.spans[span_index]
        if span != current:
            line.stylize(style("document-view--selected"), span[0] - start, span[1] - start)
    for span_index in marks.matches.overlapping(start, end):
        a, b = marks.matches.spans[span_index]
        name = "document-view--match-current" if span_index == marks.match_index else "document-view--match"
        line.stylize(style(name), a - start, b - start)
    if current is not None and current[0] < end and current[1] > start:
        line.stylize(style("document-view--current"), current[0] - start, current[1] - start)
    bar = Segment(CURSOR_BAR, base + style("document-view--cursor-bar")) if is_cursor else Segment(" ", base)
    note = _note_segment(layout, marks, paragraph, index, start, end, base, style)
    return Strip([note, bar, *line.render(console)]).adjust_cell_length(width, base)


def _note_segment(
    layout: DocumentLayout,
    marks: Highlights,
    paragraph: int,
    index: int,
    start: int,
    end: int,
    base: Style,
    style: Callable[[str], Style],
) -> Segment:
    anchors = marks.notes.get(paragraph)
    if not anchors:
        return Segment(" ", base)
    first = layout.paragraph_lines(paragraph).start
    here = any(start <= offset < end or (index == first and offset < start) for offset in anchors)
    return Segment(NOTE_MARK if here else NOTE_RULE, base + style("document-view--note-mark"))
