"""A resize of a long text: the lines on screen rewrapped at once, the rest after, in a thread.

Wrapping the whole text again takes 53 ms for the 4 MB Bible alone (1,256 paragraphs, 51,927
lines) and 0.13-0.4 s in the app's thread beside the redraws; the 20 MB briefing's pane showed
its old width for 0.5-0.6 s after a resize. `rewrap_around` wraps only the paragraphs around the
top of the viewport and splices them into the old layout (1.4 ms on the Bible), whose other lines
keep their character spans: offsets are independent of the width, so every lookup stays right and
only lines far from the viewport show the old wrapping until the full layout replaces it (the
view keeps the same top line across both swaps, so the second is invisible).
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.widgets.document.layout import SEPARATOR, DocumentLayout, Span, wrap_paragraph

# Beyond this many characters around the viewport the window is not worth it: a paragraph that
# long is most of a resize's cost itself, and the full rewrap in the thread is then the answer.
WINDOW_CHARS_LIMIT = 256 * 1024


def viewport_window(paragraphs: Sequence[Span], top: int, cursor: int, height: int, width: int) -> range | None:
    """The paragraphs to rewrap at once for a viewport whose top line shows paragraph `top`.

    From the cursor's paragraph if it is above (the view keeps it in sight), through three
    screenfuls of characters from `top`: what can be shown in the 0.2-0.6 s before the full
    layout is in, unless the user pages on faster than that."""
    first = min(top, cursor)
    chars = 3 * max(1, height) * width + (paragraphs[top][0] - paragraphs[first][0])
    return window_around(paragraphs, first, chars)


def window_around(paragraphs: Sequence[Span], first: int, chars: int, before: int = 8) -> range | None:
    """`before` paragraphs, then from `first` on until `chars` characters are held (None: too long)."""
    start = max(0, first - before)
    stop = start
    held = 0  # counted from `first`: what is above the top line is not on screen
    total = 0
    while stop < len(paragraphs) and (stop <= first or held < chars):
        begin, end = paragraphs[stop]
        total += end - begin
        if stop >= first:
            held += end - begin
        stop += 1
        if total > WINDOW_CHARS_LIMIT:
            return None
    return range(start, stop)


def rewrap_around(old: DocumentLayout, text: str, window: range, width: int) -> DocumentLayout:
    """`old` with the paragraphs of `window` rewrapped to `width`; incomplete unless it is all of them.

    The new layout takes over `old`'s lists, spliced in place: `old` is not to be used after. Built
    from copies, a 20 MB text's 350,000 lines were copied twice over for each resize on the UI
    thread (12-18 ms); spliced, what follows the window moves once, in C."""
    paragraphs = old.paragraphs
    first, stop = window.start, window.stop
    old_first = old.first_line[first]
    old_stop = old.paragraph_lines(stop - 1).stop
    middle_paragraph: list[int] = []
    middle_start: list[int] = []
    middle_end: list[int] = []
    middle_first: list[int] = []
    for index in window:
        if index > first:
            middle_paragraph.append(SEPARATOR)
            middle_start.append(middle_end[-1])
            middle_end.append(middle_end[-1])
        middle_first.append(old_first + len(middle_start))
        start, end = paragraphs[index]
        spans = wrap_paragraph(text, start, end, width)
        middle_paragraph.extend([index] * len(spans))
        middle_start.extend(s for s, _ in spans)
        middle_end.extend(e for _, e in spans)
    shift = len(middle_start) - (old_stop - old_first)
    layout = DocumentLayout.__new__(DocumentLayout)
    layout.width = max(1, width)
    layout.complete = len(window) == len(paragraphs)
    layout.paragraphs = paragraphs
    layout.line_paragraph, layout.line_start = old.line_paragraph, old.line_start
    layout.line_end = old.line_end
    layout.line_paragraph[old_first:old_stop] = middle_paragraph
    layout.line_start[old_first:old_stop] = middle_start
    layout.line_end[old_first:old_stop] = middle_end
    layout.first_line = old.first_line
    if shift:
        layout.first_line[stop:] = [line + shift for line in layout.first_line[stop:]]
    layout.first_line[first:stop] = middle_first
    layout._para_starts = old._para_starts
    return layout
