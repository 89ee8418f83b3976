"""Plain text: decode, normalise line ends, split paragraphs, find a title; and the one way every
format builds its Document from the text blocks it extracted."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from analysis.formats import DocumentError
from analysis.formats.encodings import utf16_without_bom
from analysis.types import Document, Metadata, Span
from store.digest import sha256_hex

EXTRACTOR = "text/1"
FALLBACK_ENCODING = "cp1252"

_BLANK_LINES = re.compile(r"\n[ \t]*\n")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$")


def content_hash(text: str) -> str:
    return sha256_hex(text.encode("utf-8"))


def decode(data: bytes) -> tuple[str, str, str | None]:
    """(text, encoding, notice): BOMs first, then UTF-8, then a stated single-byte fallback."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding), encoding, None
    if b"\x00" in data:
        utf16 = utf16_without_bom(data)
        if utf16 is not None:
            return utf16[0], utf16[1], f"no byte order mark; read as {utf16[1].upper()} by where its NUL bytes fall"
        raise DocumentError("looks like a binary file (it holds NUL bytes), not a text briefing")
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError as error:
        position = error.start
    # cp1252 maps almost every byte; the five it leaves undefined are replaced, never dropped.
    text = data.decode(FALLBACK_ENCODING, errors="replace")
    notice = (
        f"not valid UTF-8 (first bad byte at {position}); decoded as Windows-1252, "
        "so some characters may be wrong"
    )
    return text, FALLBACK_ENCODING, notice


def normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def paragraphs(text: str) -> list[Span]:
    """Spans of the text between blank lines, with surrounding whitespace trimmed."""
    spans: list[Span] = []
    start = 0
    for gap in [*_BLANK_LINES.finditer(text), None]:
        end = gap.start() if gap else len(text)
        chunk = text[start:end]
        stripped = chunk.strip()
        if stripped:
            left = start + (len(chunk) - len(chunk.lstrip()))
            spans.append((left, left + len(stripped)))
        if gap:
            start = gap.end()
    return spans


def title_of(text: str, fallback: str) -> str:
    for line in text.split("\n"):
        heading = _HEADING.match(line)
        if heading:
            return heading.group(1).strip()
    for line in text.split("\n"):
        if line.strip():
            title = line.strip()
            return title if len(title) <= 80 else title[:79].rstrip() + "…"
    return fallback


def from_text(text: str, path: str = "<text>") -> Document:
    text = normalise(text)
    return Document(
        path=path,
        title=title_of(text, Path(path).stem),
        text=text,
        paragraphs=paragraphs(text),
        content_hash=content_hash(text),
    )


def from_bytes(data: bytes, path: str) -> Document:
    """A text file's Document; DocumentError when it is binary or empty."""
    try:
        text, encoding, notice = decode(data)
    except DocumentError as error:
        raise DocumentError(f"{path}: {error}") from None
    except UnicodeDecodeError:
        raise DocumentError(f"{path}: its UTF-16 byte order mark is followed by invalid text") from None
    if not text.strip():
        raise DocumentError(f"{path}: is empty")
    document = from_text(text, path)
    document.encoding = encoding
    document.notice = notice
    return document


class Heading(str):
    """A block that is a heading: `from_blocks` keeps its span in `Document.headings`."""


def from_blocks(
    blocks: list[str] | list[list[str]],
    path: str,
    *,
    format: str,
    extractor: str,
    metadata: Metadata | None = None,
    paged: bool = False,
    title: str | None = None,
) -> Document:
    """A Document from extracted blocks (paragraphs, headings, list items, table rows).

    Blocks are joined by blank lines, so the paragraphs are exactly what `paragraphs` finds in the
    text: `briefing text` output read back as a .txt file gives the same offsets. With `paged`,
    `blocks` is a list of pages, each a list of blocks, and each page's span is kept.
    """
    pages_blocks = blocks if paged else [blocks]
    parts: list[str] = []
    page_spans: list[Span] = []
    heading_spans: list[Span] = []
    at = 0
    for page in pages_blocks:
        page_start = None
        for raw in page:
            block = _clean_block(raw)
            if not block:
                continue
            if parts:
                parts.append("\n\n")
                at += 2
            if page_start is None:
                page_start = at
            if isinstance(raw, Heading):
                heading_spans.append((at, at + len(block)))
            parts.append(block)
            at += len(block)
        # An empty page (a blank or image-only one) is kept as an empty span, so page numbers hold.
        page_spans.append((at if page_start is None else page_start, at))
    text = "".join(parts)
    metadata = metadata or Metadata()
    title = metadata.title or title or title_of(text, Path(path).stem)
    document = Document(
        path=path,
        title=title,
        text=text,
        paragraphs=paragraphs(text),
        content_hash=content_hash(text),
        format=format,
        metadata=metadata,
        pages=page_spans if paged else [],
        headings=heading_spans,
        extractor=extractor,
    )
    return document


# Patterns, compiled by `re`'s own cache when an extractor first builds blocks: a plain text never
# does, and every cached open paid for compiling them (bench (a)).
_SPACE_RUN = r"[ \t\u00a0]+"
_BLANK_RUN = r"\n\s*\n"


def _clean_block(block: str) -> str:
    """One block as one paragraph: no blank line inside it, no runs of spaces, no edge whitespace."""
    block = normalise(block)
    block = re.sub(_BLANK_RUN, "\n", block)
    return "\n".join(re.sub(_SPACE_RUN, " ", line).strip() for line in block.split("\n")).strip()
