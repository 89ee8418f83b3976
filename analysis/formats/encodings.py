"""Recognising UTF-16 text that has no byte order mark, instead of calling it binary.

Evidence: text in UTF-16 whose characters are mostly below U+0100 (Latin scripts, digits,
punctuation, line ends) has a NUL as every other byte, always on the same side: the high byte, so
odd offsets for little-endian and even offsets for big-endian. A binary file's NULs fall on both
sides. So: NUL in at least a third of the bytes on one side and almost none on the other, an even
length, a strict decode, and a result made of printable characters and whitespace.
"""

from __future__ import annotations

MIN_SIDE_SHARE = 1 / 3
MAX_OTHER_SHARE = 0.01
MIN_PRINTABLE = 0.98


def utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) when `data` reads as BOM-less UTF-16 by the evidence above, else None."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:65536]
    half = len(sample) // 2
    even, odd = sample[0::2].count(0) / half, sample[1::2].count(0) / half
    if odd >= MIN_SIDE_SHARE and even <= MAX_OTHER_SHARE:
        encoding = "utf-16-le"
    elif even >= MIN_SIDE_SHARE and odd <= MAX_OTHER_SHARE:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    printable = sum(1 for char in text[:32768] if char.isprintable() or char in "\n\r\t")
    if printable < MIN_PRINTABLE * min(len(text), 32768):
        return None
    return text, encoding
