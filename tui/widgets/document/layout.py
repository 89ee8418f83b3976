"""Word wrapping for the document pane: text and paragraph spans in, an index of visual lines out.

Pure and textual-free (a test asserts it), so it can run in a thread and be tested on its own.
Widths are terminal cells (`rich.cells`): wide characters count 2, combining marks 0.

Each visual line is `(paragraph, start, end)`: a character span of the text. The lines of a
paragraph partition it exactly: the spaces a line breaks at and a hard `\\n` belong to the line
before the break, so every character is on one line and offsets map back without gaps. What a line
*shows* is its span with trailing whitespace dropped (`visible_end`), and that is never wider than
the wrap width. A blank line separates paragraphs; it is `(-1, pos, pos)` with `pos` the end of the
paragraph before it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import cache

from rich.cells import cell_len, get_character_cell_size

Span = tuple[int, int]
Line = tuple[int, int, int]

SEPARATOR = -1


@cache  # built on first use (~30 ms), not at import
def _single_cell_class() -> re.Pattern[str]:
    """A pattern matching any character that is *not* known to be exactly one cell wide.

    Text without such characters wraps by `len()` with `str.rfind` (fast); text with them takes
    the measured path. Checked over U+0020..U+2BFF, which covers Latin, Greek, Cyrillic, Hebrew,
    Arabic, Indic, punctuation, symbols and box drawing; anything above (CJK, emoji) is measured.
    """
    runs: list[tuple[int, int]] = []
    for code in range(0x20, 0x2C00):
        if get_character_cell_size(chr(code)) == 1:
            if runs and runs[-1][1] == code - 1:
                runs[-1] = (runs[-1][0], code)
            else:
                runs.append((code, code))
    parts = "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in runs
    )
    return re.compile(f"[^\\n{parts}]")


# The scripts most briefings are written in, every character one cell wide (a test checks this
# against Rich): text made only of these takes the fast path without building the full class,
# which would put ~30-70 ms on the app's first paint.
_COMMON_SINGLE_CELL = "\x20-\x7e\xa0-\u02ff\u0370-\u0482\u048a-\u052f\u2010-\u2027\u2030-\u205e"
_OUTSIDE_COMMON = re.compile(f"[^\\n{_COMMON_SINGLE_CELL}]")


def all_single_cell(text: str, start: int, end: int) -> bool:
    if _OUTSIDE_COMMON.search(text, start, end) is None:
        return True
    return _single_cell_class().search(text, start, end) is None


_TOKENS = re.compile(r" +|[^ ]+")


def _space_run_end(text: str, pos: int, limit: int) -> int:
    while pos < limit and text[pos] == " ":
        pos += 1
    return pos


def _wrap_fast(text: str, start: int, end: int, width: int, out: list[Span]) -> None:
    """Wrap one newline-free segment whose characters are all one cell wide."""
    s = start
    while end - s > width:
        brk = text.rfind(" ", s, s + width + 1)
        if brk > s:
            while text[brk - 1] == " " and brk - 1 > s:
                brk -= 1
        if brk > s:
            nxt = _space_run_end(text, brk, end)
        elif brk == s:  # only leading spaces before a word that does not fit: a line of spaces
            nxt = _space_run_end(text, s, end)
        else:  # one word longer than the line: split it
            nxt = s + width
        out.append((s, nxt))
        s = nxt
    if s < end:
        out.append((s, end))


def _split_word(text: str, start: int, end: int, width: int, out: list[Span]) -> tuple[int, int]:
    """Cut an over-long word into lines of at most `width` cells; return the last piece unemitted."""
    s = start
    used = 0
    for i in range(start, end):
        w = get_character_cell_size(text[i])
        if used + w > width and used > 0:
            out.append((s, i))
            s, used = i, 0
        used += w
    return s, used


def _wrap_measured(text: str, start: int, end: int, width: int, out: list[Span]) -> None:
    """Wrap one newline-free segment, measuring each word in cells."""
    line_start = start
    used = 0  # cells shown on the current line so far
    pending = 0  # cells of spaces seen since the last word
    for token in _TOKENS.finditer(text, start, end):
        word = token.group()
        if word[0] == " ":
            pending += len(word)
            continue
        word_start = token.start()
        cells = cell_len(word)
        if used + pending + cells <= width:
            used += pending + cells
        else:
            if used + pending > 0:
                out.append((line_start, word_start))
                line_start = word_start
            if cells <= width:
                used = cells
            else:
                line_start, used = _split_word(text, word_start, token.end(), width, out)
        pending = 0
    out.append((line_start, end))


def wrap_paragraph(text: str, start: int, end: int, width: int) -> list[Span]:
    """Line spans (start, end) that partition `text[start:end]`, each showing at most `width` cells."""
    width = max(1, width)
    out: list[Span] = []
    fast = all_single_cell(text, start, end)
    wrap = _wrap_fast if fast else _wrap_measured
    seg = start
    while True:
        newline = text.find("\n", seg, end)
        seg_end = end if newline == -1 else newline
        before = len(out)
        wrap(text, seg, seg_end, width, out)
        if len(out) == before:
            out.append((seg, seg_end))
        if newline == -1:
            break
        # the hard break belongs to the line it ends
        last_start, _ = out[-1]
        out[-1] = (last_start, newline + 1)
        seg = newline + 1
        if seg >= end:
            break
    return out


def visible_end(text: str, start: int, end: int) -> int:
    """End of what a line shows: its span without the trailing spaces and newline it broke at."""
    while end > start and text[end - 1] in " \n":
        end -= 1
    return end


class DocumentLayout:
    """The visual lines of a document at one wrap width, with lookups both ways."""

    __slots__ = (
        "width", "complete", "paragraphs", "line_paragraph", "line_start", "line_end", "first_line", "_para_starts"
    )

    def __init__(self, text: str, paragraphs: Sequence[Span], width: int) -> None:
        self.width = max(1, width)
        # False for a layout only partly wrapped to `width` (`relayout.rewrap_around`): the rest is
        # still at an earlier width, and a complete layout is on its way.
        self.complete = True
        self.paragraphs = list(paragraphs)
        line_paragraph: list[int] = []
        line_start: list[int] = []
        line_end: list[int] = []
        first_line: list[int] = []
        for index, (start, end) in enumerate(self.paragraphs):
            if index:
                line_paragraph.append(SEPARATOR)
                line_start.append(line_end[-1])
                line_end.append(line_end[-1])
            first_line.append(len(line_start))
            spans = wrap_paragraph(text, start, end, self.width)
            line_paragraph.extend([index] * len(spans))
            line_start.extend(s for s, _ in spans)
            line_end.extend(e for _, e in spans)
        self.line_paragraph = line_paragraph
        self.line_start = line_start
        self.line_end = line_end
        self.first_line = first_line
        self._para_starts = [start for start, _ in self.paragraphs]

    def __len__(self) -> int:
        return len(self.line_start)

    def line(self, y: int) -> Line:
        return self.line_paragraph[y], self.line_start[y], self.line_end[y]

    @property
    def lines(self) -> list[Line]:
        return list(zip(self.line_paragraph, self.line_start, self.line_end))

    def paragraph_lines(self, paragraph: int) -> range:
        """The visual lines of one paragraph."""
        first = self.first_line[paragraph]
        if paragraph + 1 < len(self.first_line):
            return range(first, self.first_line[paragraph + 1] - 1)
        return range(first, len(self.line_start))

    def paragraph_at(self, offset: int) -> int:
        """The paragraph holding `offset` (the one before it when between paragraphs)."""
        return max(0, bisect_right(self._para_starts, offset) - 1)

    def paragraph_at_line(self, y: int) -> int:
        """The paragraph shown on line `y`; for a blank separator, the paragraph after it."""
        if not self.line_paragraph:
            return 0
        y = min(max(0, y), len(self.line_paragraph) - 1)
        paragraph = self.line_paragraph[y]
        return self.line_paragraph[y + 1] if paragraph == SEPARATOR else paragraph

    def line_at(self, offset: int) -> int:
        """The visual line holding character `offset`."""
        if not self.first_line:
            return 0
        paragraph = self.paragraph_at(offset)
        lines = self.paragraph_lines(paragraph)
        index = bisect_right(self.line_start, offset, lines.start, lines.stop) - 1
        return max(lines.start, index)


class SpanIndex:
    """Sorted character spans with a fast "which overlap this line" lookup."""

    __slots__ = ("spans", "starts", "_longest")

    def __init__(self, spans: Sequence[Span]) -> None:
        self.spans: list[Span] = sorted(spans)
        self.starts = [start for start, _ in self.spans]
        self._longest = max((end - start for start, end in self.spans), default=0)

    def __len__(self) -> int:
        return len(self.spans)

    def overlapping(self, start: int, end: int) -> list[int]:
        """Indexes of the spans that share at least one character with [start, end)."""
        low = bisect_left(self.starts, start - self._longest + 1)
        high = bisect_left(self.starts, end)
        spans = self.spans
        return [index for index in range(low, high) if spans[index][1] > start]

    def index_of(self, span: Span) -> int | None:
        index = bisect_left(self.spans, span)
        return index if index < len(self.spans) and self.spans[index] == span else None
