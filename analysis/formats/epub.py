"""EPUB: the zip read with the standard library (ebooklib is AGPL), chapters in spine order through
the HTML extraction, metadata from the OPF package file. Each chapter is kept as a page span.

A zip's header declares sizes it need not keep, so every member is inflated through a bounded read:
a zip bomb stops at the limit with one clear line, whatever its header says.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from urllib.parse import unquote
from xml.etree import ElementTree

from analysis.formats import DocumentError
from analysis.formats.text import from_blocks
from analysis.types import Document, Metadata

# Far past any book (the largest EPUBs are illustrated ones of a few hundred MB, and images are
# never inflated here): text members add up to a few MB.
MAX_MEMBERS = 10_000
MAX_TEXT_BYTES = 64 * 1024 * 1024
MAX_MEMBER_BYTES = 16 * 1024 * 1024
# Text compresses about 3-10x; a member claiming hundreds of times is built to exhaust memory.
MAX_RATIO = 200
_OPF = "{http://www.idpf.org/2007/opf}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"
_CHAPTER_TYPES = ("application/xhtml+xml", "text/html", "application/x-dtbook+xml")


class _Reader:
    def __init__(self, archive: zipfile.ZipFile, source: str) -> None:
        self.archive = archive
        self.source = source
        self.inflated = 0

    def read(self, name: str) -> bytes:
        try:
            info = self.archive.getinfo(name)
        except KeyError:
            raise DocumentError(f"{self.source}: this EPUB lacks {name}, which its package names") from None
        if info.compress_size and info.file_size / info.compress_size > MAX_RATIO and info.file_size > 1 << 20:
            raise self.bomb()
        with self.archive.open(info) as stream:
            data = stream.read(MAX_MEMBER_BYTES + 1)
        self.inflated += len(data)
        if len(data) > MAX_MEMBER_BYTES or self.inflated > MAX_TEXT_BYTES:
            raise self.bomb()
        return data

    def bomb(self) -> DocumentError:
        return DocumentError(
            f"{self.source}: refused: this EPUB inflates past {MAX_MEMBER_BYTES // 2**20} MiB per chapter "
            f"or {MAX_TEXT_BYTES // 2**20} MiB in all (a zip bomb, or not a book)"
        )


def extract(data: bytes, source: str, **_options) -> Document:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise DocumentError(f"{source}: is a damaged EPUB (not a readable zip)") from None
    if len(archive.infolist()) > MAX_MEMBERS:
        raise DocumentError(f"{source}: refused: this EPUB holds over {MAX_MEMBERS:,} files")
    reader = _Reader(archive, source)
    try:
        opf_path = _rootfile(reader)
        package = _xml(reader.read(opf_path), source)
        chapters = _spine(package, posixpath.dirname(opf_path))
        pages = [_chapter_blocks(reader.read(name)) for name in chapters]
    except (zipfile.BadZipFile, EOFError, OSError) as error:
        raise DocumentError(f"{source}: is a damaged EPUB ({error})") from None
    return from_blocks(pages, source, format="epub", extractor="", metadata=_metadata(package, len(pages)), paged=True)


def _xml(data: bytes, source: str) -> ElementTree.Element:
    if b"<!ENTITY" in data[:4096]:
        # Entity definitions are how an XML "billion laughs" bomb grows; an EPUB's package needs none.
        raise DocumentError(f"{source}: refused: its package file defines XML entities")
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise DocumentError(f"{source}: is a damaged EPUB (its package file: {error})") from None


def _rootfile(reader: _Reader) -> str:
    container = _xml(reader.read("META-INF/container.xml"), reader.source)
    rootfile = container.find(f".//{_CONTAINER}rootfile")
    if rootfile is None or not rootfile.get("full-path"):
        raise DocumentError(f"{reader.source}: is a damaged EPUB (its container names no package file)")
    return rootfile.get("full-path")


def _spine(package: ElementTree.Element, base: str) -> list[str]:
    manifest = {
        item.get("id"): (item.get("href"), item.get("media-type"))
        for item in package.iter(f"{_OPF}item")
    }
    names: list[str] = []
    for itemref in package.iter(f"{_OPF}itemref"):
        href, media_type = manifest.get(itemref.get("idref"), (None, None))
        if href and media_type in _CHAPTER_TYPES:
            names.append(posixpath.normpath(posixpath.join(base, unquote(href))))
    return names


def _chapter_blocks(data: bytes) -> list[str]:
    """A chapter's text through the HTML path; a short one (a title page) as its visible text."""
    import trafilatura

    from analysis.formats.html import as_blocks, decode_html, heading_texts, visible_blocks

    page, _notice = decode_html(data)
    found = trafilatura.bare_extraction(page, include_tables=True, include_comments=False, favor_recall=True)
    text = (found.text or "") if found is not None else ""
    if len(text.split()) >= 10:
        return as_blocks(text, heading_texts(found.body) if found.body is not None else set())
    return visible_blocks(page)


def _metadata(package: ElementTree.Element, chapters: int) -> Metadata:
    def first(tag: str) -> str | None:
        element = package.find(f".//{_DC}{tag}")
        return (element.text or "").strip() or None if element is not None else None

    return Metadata(
        title=first("title"),
        authors=[(e.text or "").strip() for e in package.iter(f"{_DC}creator") if (e.text or "").strip()],
        date=first("date"),
        site=first("publisher"),
        pages=chapters,
    )
