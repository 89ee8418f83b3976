"""Find in the document pane: every case-insensitive, literal match of a query in the text.

Pure and textual-free like `layout`, so it runs in the find thread; a long text is scanned a
piece at a time, so that thread never holds the GIL for long.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

Span = tuple[int, int]


def find_all(text: str, query: str) -> list[Span]:
    """Spans of every case-insensitive, literal, non-overlapping match of `query` in `text`.

    A regex with IGNORECASE rather than `lower()` on both sides: lowering can change a string's
    length (`İ` becomes two characters), which would shift every offset after it. Except where
    both are ASCII: there lowering keeps every offset, and matches exactly what the regex does
    (the non-ASCII letters it also folds, like the Kelvin sign for `k`, are not in such a piece),
    and `str.find` is many times faster than the regex's scan (20 MB: 218 -> ~60 ms).
    """
    if not query:
        return []
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    folded = query.lower() if query.isascii() else None
    # A chunk at a time: one `finditer` step over 20 MB without a match is a single C call that
    # holds the GIL for ~0.4 s; over a chunk it is a few milliseconds, so a find in a thread
    # leaves the UI thread its turns. A match may run past a chunk's end (it is kept whole), and
    # the next chunk starts after it, so matches never overlap.
    spans: list[Span] = []
    position = 0
    while position < len(text):
        end = min(len(text), position + FIND_CHUNK)
        stop = min(len(text), end + len(query) - 1)
        window = text[position:stop]
        if folded is not None and window.isascii():
            found = _ascii_matches(window.lower(), folded, position)
        else:
            found = (match.span() for match in pattern.finditer(text, position, stop))
        for span in found:
            if span[0] >= end:
                break
            spans.append(span)
        position = max(end, spans[-1][1]) if spans else end
    return spans


def _ascii_matches(lowered: str, folded: str, offset: int) -> Iterator[Span]:
    at = lowered.find(folded)
    while at != -1:
        yield offset + at, offset + at + len(folded)
        at = lowered.find(folded, at + len(folded))


FIND_CHUNK = 64 * 1024  # of the text: the regex holds the GIL about a millisecond per chunk
