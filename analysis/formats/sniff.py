"""What a briefing's bytes are, from the bytes: an extension can lie, a magic number cannot.

The extension only decides between readings of the same bytes that the bytes cannot tell apart
(Markdown and plain text are both text), and a sniffed format that contradicts the extension wins.
"""

from __future__ import annotations

import re

from analysis.formats import DocumentError

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
# Every suffix a folder scan offers as a briefing.
SUFFIXES = (".txt", ".text", *MARKDOWN_SUFFIXES, ".html", ".htm", ".xhtml", ".mhtml", ".mht", ".pdf", ".docx", ".epub")

# An HTML page states itself in its first tags: a doctype, <html>, <head> or <body>, possibly
# after a BOM, whitespace, an XML declaration or comments. Looking at the first 4 KB only keeps a
# text briefing that quotes "<html>" in its body from being read as a page.
_HTML_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
    re.IGNORECASE | re.DOTALL,
)
# MHTML (a page saved by a browser as one file): a MIME message whose root is multipart/related.
_MHTML_START = re.compile(rb"^(?:[\x21-\x7e]+:[^\n]*\n)*?[Cc]ontent-[Tt]ype:\s*multipart/related", re.MULTILINE)


def sniff(data: bytes, name: str = "") -> str:
    """One of "pdf", "docx", "epub", "html", "mhtml", "markdown", "text"; DocumentError otherwise."""
    head = data[:4096]
    if head.startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        # The PDF specification lets the header sit anywhere in the first 1024 bytes.
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_format(data, name)
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b", b"7z\xbc\xaf", b"Rar!")):
        raise DocumentError(f"{name or 'input'}: is a binary file (an image or an archive), not a briefing")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise DocumentError(f"{name or 'input'}: is an old binary Office file (.doc); save it as .docx")
    container = _CONTAINERS.get(name.lower().rsplit(".", 1)[-1]) if "." in name else None
    if container:
        # Named as a binary format, holding none: a renamed or half-downloaded file, not a text.
        raise DocumentError(f"{name}: is named .{name.rsplit('.', 1)[-1]} but is not {container} (no such file signature)")
    if _HTML_START.match(head):
        return "html"
    if _MHTML_START.match(head.replace(b"\r\n", b"\n")):
        return "mhtml"
    if name.lower().endswith(MARKDOWN_SUFFIXES):
        return "markdown"
    if not name.lower().endswith((".txt", ".text")) and looks_like_markdown(head):
        return "markdown"
    return "text"


# Markdown's own constructs, each rare in plain prose: an ATX heading, a fenced code block, an inline
# link, strong emphasis, a bulleted list item. Patterns, compiled by `re`'s own cache on first use:
# a file named .txt or .md never asks, and compiling them cost every cached open ~0.3 ms (bench (a)).
_MARKDOWN_SIGNS = (
    (rb"^#{1,6} \S", re.MULTILINE),
    (rb"^(?:```|~~~)", re.MULTILINE),
    (rb"\[[^\]\n]+\]\([^)\s]+\)", 0),
    (rb"\*\*[^*\n]+\*\*", 0),
    (rb"^[-*+] \S", re.MULTILINE),
)


def looks_like_markdown(head: bytes) -> bool:
    """For bytes with no telling name (standard input, a URL): two kinds of Markdown sign or more."""
    return sum(1 for sign, flags in _MARKDOWN_SIGNS if re.search(sign, head, flags)) >= 2


# Far past any document's text and markup (images included: a 300-page illustrated report).
MAX_UNZIPPED = 512 * 1024 * 1024
# Extensions of formats that always start with a signature (checked above): bytes without it are
# never read as text under such a name.
_CONTAINERS = {"pdf": "a PDF", "docx": "a Word document", "epub": "an EPUB"}


def _zip_format(data: bytes, name: str) -> str:
    """DOCX and EPUB are both zips: the members say which (OOXML's document part, EPUB's mimetype)."""
    import io
    import zipfile  # here, not at the top: it imports bz2 and lzma, a cost every text briefing would pay

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise DocumentError(f"{name or 'input'}: is a damaged zip file, neither a .docx nor an .epub") from None
    # zipfile never inflates a member past the size its header declares, so the declared total
    # bounds what python-docx or the EPUB reader could ever unpack.
    if sum(member.file_size for member in members) > MAX_UNZIPPED:
        raise DocumentError(
            f"{name or 'input'}: refused: it would unpack to over {MAX_UNZIPPED // 2**20} MiB (a zip bomb, or not a document)"
        )
    names = {member.filename for member in members}
    if "word/document.xml" in names:
        return "docx"
    if "mimetype" in names and _first_bytes(archive, "mimetype").strip() == b"application/epub+zip":
        return "epub"
    if "META-INF/container.xml" in names:
        return "epub"
    raise DocumentError(f"{name or 'input'}: is a zip file, but neither a Word document (.docx) nor an EPUB")


def _first_bytes(archive, member: str, count: int = 64) -> bytes:
    """At most `count` bytes of a member: a bomb's "mimetype" is never inflated whole."""
    with archive.open(member) as stream:
        return stream.read(count)
