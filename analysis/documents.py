"""Reading a briefing from disk: decode, normalise line ends, split paragraphs, find a title."""

from __future__ import annotations

import codecs
import hashlib
import re
from pathlib import Path

from analysis.encodings import utf16_without_bom
from analysis.model import Document, Span
from store.files import NotAFile, read_bounded

SUFFIXES = (".txt", ".md", ".markdown", ".text")
# Above this a file is refused rather than read into memory: far beyond any briefing, small enough
# that a mistaken path to a disk image fails fast.
MAX_BYTES = 64 * 1024 * 1024
FALLBACK_ENCODING = "cp1252"

_BLANK_LINES = re.compile(r"\n[ \t]*\n")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$")


class DocumentError(Exception):
    """A briefing that cannot be opened; the message is one line meant for the user."""


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


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


def read_document(path: str | Path) -> Document:
    """Read a briefing file, or raise DocumentError with a one-line reason."""
    path = Path(path)
    if not path.exists():
        raise DocumentError(f"{path}: no such file")
    if path.is_dir():
        raise DocumentError(f"{path}: is a folder, not a briefing file")
    try:
        data = read_bounded(path, MAX_BYTES)  # a regular file only, never more than MAX_BYTES
    except NotAFile as error:
        raise DocumentError(str(error)) from None
    except PermissionError:
        raise DocumentError(f"{path}: permission denied") from None
    except OSError as error:
        raise DocumentError(f"{path}: cannot be read ({error.strerror or error})") from None
    try:
        text, encoding, notice = decode(data)
    except DocumentError as error:
        raise DocumentError(f"{path}: {error}") from None
    except UnicodeDecodeError:
        raise DocumentError(f"{path}: its UTF-16 byte order mark is followed by invalid text") from None
    if not text.strip():
        raise DocumentError(f"{path}: is empty")
    document = from_text(text, str(path))
    document.encoding = encoding
    document.notice = notice
    return document
