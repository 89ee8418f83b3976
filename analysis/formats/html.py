"""Web articles (saved pages, MHTML, fetched URLs): the article's main text and its metadata.

trafilatura finds the main text: on the fixture pages in bench/ (real news pages shipped with
newspaper4k's tests, with that project's checked bodies) its precision mode scores a shingle F1
of 0.96 against 0.92 with its defaults and 0.95 for readability-lxml (`python -m bench.html_quality`).
Imported only here, and this module only on a miss of the extraction cache.
"""

from __future__ import annotations

import email
import email.policy
import re

from analysis.formats import DocumentError, NoArticleText
from analysis.formats.text import decode, from_blocks
from analysis.model import Document, Metadata

# A charset named in the page's own first bytes (HTML5 <meta charset>, or the http-equiv form).
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-:.]+)""", re.IGNORECASE)
# Below this many words the "article" is a teaser, a paywall or a cookie wall, not a briefing; and
# below this many characters, for scripts that put no spaces between words (Chinese, Japanese, Thai).
MIN_ARTICLE_WORDS = 25
MIN_ARTICLE_CHARACTERS = 150
# Block-level elements: each starts a new line of the page's visible text (--whole-page).
_BLOCKS = (
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "br",
    "section", "article", "header", "footer", "nav", "aside", "main", "blockquote", "pre", "table",
    "figure", "figcaption", "form", "hr", "address", "details", "summary",
)
_INVISIBLE = ("script", "style", "noscript", "template", "svg", "head", "iframe", "object")


def decode_html(data: bytes, charset: str | None = None) -> tuple[str, str | None]:
    """(text, notice): a BOM, then the server's charset, then the page's <meta>, then the text rules."""
    candidates = [charset] if charset else []
    found = _META_CHARSET.search(data[:4096])
    if found:
        candidates.append(found.group(1).decode("ascii", "replace"))
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        for name in candidates:
            try:
                return data.decode(name), None
            except (LookupError, UnicodeDecodeError):
                continue  # a misnamed or lying charset: fall through to the text file rules
    try:
        text, _encoding, notice = decode(data)
    except DocumentError:
        raise DocumentError("looks like a binary file (it holds NUL bytes), not a web page") from None
    return text, notice


def extract(
    data: bytes, source: str, *, format: str = "html", whole_page: bool = False, url: str | None = None,
    charset: str | None = None,
) -> Document:
    if format == "mhtml":
        data, charset = mhtml_root(data, source)
    page, notice = decode_html(data, charset)
    import logging

    import trafilatura

    # Its notes about odd markup would reach the user's terminal through logging's last-resort handler.
    for name in ("trafilatura", "htmldate", "courlan"):
        logging.getLogger(name).setLevel(logging.ERROR)

    found = trafilatura.bare_extraction(
        page, url=url, favor_precision=True, with_metadata=True, include_tables=True, include_comments=False
    )
    metadata = _metadata(found, url)
    if whole_page:
        blocks = visible_blocks(page)
    else:
        text = (found.text or "") if found is not None else ""
        if len(text.split()) < MIN_ARTICLE_WORDS and len(text) < MIN_ARTICLE_CHARACTERS:
            raise NoArticleText(
                f"{source}: no article text found on this page; --whole-page reads all its visible text"
            )
        blocks = [_block(line) for line in text.split("\n")]
    document = from_blocks(blocks, source, format="html", extractor="", metadata=metadata)
    document.notice = notice
    return document


def _block(line: str) -> str:
    """trafilatura's text lines as a reader sees them: a table row's cells without the pipes."""
    stripped = line.strip()
    if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
        cells = [cell.strip() for cell in stripped.strip("|").split("|")]
        if all(set(cell) <= set("-: ") for cell in cells):
            return ""  # the separator row under a table's header
        return " · ".join(cell for cell in cells if cell)
    return stripped


def _metadata(found, url: str | None) -> Metadata:
    if found is None:
        return Metadata(url=url)
    authors = [name.strip() for name in (found.author or "").split(";") if name.strip()]
    return Metadata(
        title=found.title or None,
        authors=authors,
        date=found.date or None,
        site=found.sitename or None,
        url=found.url or url,
    )


def visible_blocks(page: str) -> list[str]:
    """Every line of text a browser would show, in document order (for --whole-page)."""
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(page.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except Exception as error:  # lxml raises ParserError or ValueError on an empty or broken page
        raise DocumentError(f"the page cannot be parsed ({error})") from None
    for element in list(tree.iter(*_INVISIBLE)):
        element.drop_tree()
    for element in tree.iter(*_BLOCKS):
        element.text = "\n" + (element.text or "")
        element.tail = "\n" + (element.tail or "")
    return [line for line in (" ".join(raw.split()) for raw in tree.text_content().split("\n")) if line]


def mhtml_root(data: bytes, source: str) -> tuple[bytes, str | None]:
    """The HTML part of a page saved as MHTML (a MIME message), and its charset."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() in ("text/html", "application/xhtml+xml"):
            payload = part.get_payload(decode=True)
            if payload:
                return payload, part.get_content_charset()
    raise DocumentError(f"{source}: this MHTML file holds no HTML page")
