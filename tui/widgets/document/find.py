"""Find in the document pane: every case-insensitive, literal match of a query in the text.

Pure and textual-free like `layout`, so it runs in the find thread; a long text is scanned a
piece at a time, so that thread never holds the GIL for long.
"""

from __future__ import annotations

import re
import threading

Span = tuple[int, int]

FIND_CHUNK = 64 * 1024  # of the text: the regex holds the GIL about a millisecond per chunk

# The characters Python's IGNORECASE matches with an ASCII letter although `lower()` does not turn
# them into it, or lowers to more than one character, shifting every offset after it: dotted and
# dotless i, the long s, the Kelvin sign. A piece holding one is searched by the regex.
# `test_the_case_exceptions_are_every_code_point_lowering_disagrees_on` checks every code point.
CASE_EXCEPTIONS = "\u0130\u0131\u017f\u212a"


class FoldedText:
    """A text lowered a piece at a time wherever lowering keeps its offsets and its matches.

    An ASCII query is then found in `text` by `str.find`, many times faster than the regex's
    scan: 20 MB (the speeches, then the Bible), "Jesus wept", 65 -> 10 ms of CPU once folded, and
    folding it takes ~50 ms, paid once per text (`FoldCache`). `foldable[i]`: piece i was lowered.
    """

    __slots__ = ("text", "foldable")

    def __init__(self, source: str) -> None:
        pieces: list[str] = []
        self.foldable: list[bool] = []
        for start in range(0, len(source), FIND_CHUNK):
            piece = source[start : start + FIND_CHUNK]
            foldable = piece.isascii() or not any(character in piece for character in CASE_EXCEPTIONS)
            pieces.append(piece.lower() if foldable else piece)
            self.foldable.append(foldable)
        self.text = "".join(pieces)

    def covers(self, start: int, stop: int) -> bool:
        """Whether every piece of [start, stop) was lowered."""
        return all(self.foldable[start // FIND_CHUNK : (stop - 1) // FIND_CHUNK + 1])


class FoldCache:
    """The folded form of the last text asked for, built once however many threads ask for it
    (the find prompt opening starts it; a find that comes sooner waits for it, not builds its own)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._source: str | None = None
        self._folded: FoldedText | None = None

    def get(self, text: str) -> FoldedText:
        with self._lock:
            if self._source is not text or self._folded is None:
                self._folded = FoldedText(text)
                self._source = text
            return self._folded


def find_all(text: str, query: str, folded: FoldedText | None = None) -> list[Span]:
    """Spans of every case-insensitive, literal, non-overlapping match of `query` in `text`.

    A regex with IGNORECASE rather than `lower()` on both sides: lowering can change a string's
    length (`İ` becomes two characters), which would shift every offset after it. Except for an
    ASCII query in the pieces `FoldedText` lowered (`folded`, else folded here): there lowering
    keeps every offset and matches exactly what the regex does.
    """
    if not query:
        return []
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    lowered_query = query.lower() if query.isascii() else None
    if lowered_query is not None and folded is None:
        folded = FoldedText(text)  # else never read: a non-ASCII query is the regex's throughout
    # A chunk at a time: one `finditer` step over 20 MB without a match is a single C call that
    # holds the GIL for ~0.4 s; over a chunk it is a few milliseconds, so a find in a thread
    # leaves the UI thread its turns. A match may run past a chunk's end (it is kept whole), and
    # the next chunk starts after it, so matches never overlap.
    spans: list[Span] = []
    position = 0
    while position < len(text):
        end = min(len(text), position + FIND_CHUNK)
        stop = min(len(text), end + len(query) - 1)
        if lowered_query is not None and folded is not None and folded.covers(position, stop):
            found = _lowered_matches(folded.text, lowered_query, position, stop)
        else:
            found = (match.span() for match in pattern.finditer(text, position, stop))
        for span in found:
            if span[0] >= end:
                break
            spans.append(span)
        position = max(end, spans[-1][1]) if spans else end
    return spans


def _lowered_matches(lowered: str, query: str, start: int, stop: int):
    at = lowered.find(query, start, stop)
    while at != -1:
        yield at, at + len(query)
        at = lowered.find(query, at + len(query), stop)
