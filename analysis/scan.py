"""Regular-expression scans of a whole text, a slice at a time.

`pattern.findall(text)` is one call into C, and it holds the interpreter lock until it returns:
over a 4 MB briefing that was 80-150 ms in which the app's event loop could not run while the
analysis worked in a thread. Scanned in slices of SLICE_CHARS, the lock changes hands in between.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

SLICE_CHARS = 64 * 1024


def slices(text: str, size: int = SLICE_CHARS) -> Iterator[tuple[int, int]]:
    """(start, end) spans covering `text`, each cut near `size` just after a blank line (between
    paragraphs), else a newline, else a space.

    Patterns that match within a paragraph never straddle a cut at a blank line; the other cuts
    only happen in a paragraph longer than half of `size`.
    """
    start = 0
    while len(text) - start > size:
        lowest, limit = start + size // 2, start + size
        for separator in ("\n\n", "\n", " "):
            cut = text.rfind(separator, lowest, limit)
            if cut >= 0:
                end = cut + len(separator)
                break
        else:
            end = limit
        yield start, end
        start = end
    if start < len(text) or not text:
        yield start, len(text)


def finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """What `pattern.finditer(text)` finds, for patterns that match within a paragraph.

    A sparse pattern's `finditer` also scans in C from one match to the next, for up to the whole
    text; slice by slice, no single call runs longer than a slice.
    """
    for start, end in slices(text):
        yield from pattern.finditer(text, start, end)


def findall(pattern: re.Pattern[str], text: str) -> Iterator[str]:
    """What `pattern.findall(text)` finds, for patterns that match within a paragraph, slice by slice.

    With `pos`/`endpos` the text is not sliced, so lookbehinds still see the character before a
    slice's start.
    """
    for start, end in slices(text):
        yield from pattern.findall(text, start, end)
