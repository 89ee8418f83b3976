"""Web articles (saved pages, MHTML, fetched URLs): the article's main text and its metadata.

trafilatura finds the main text: on the fixture pages in bench/ (real news pages shipped with
newspaper4k's tests, with that project's checked bodies) its precision mode scores a shingle F1
of 0.962 against 0.922 with its defaults and 0.947 for readability-lxml; dropping a closing list of
links to other stories (below) brings it to 0.970 (`python -m bench.html_quality`).
Imported only here, and this module only on a miss of the extraction cache.
"""

from __future__ import annotations

import email
import email.policy
import re

from analysis.formats import DocumentError, NoArticleText
from analysis.formats.text import Heading, decode, from_blocks
from analysis.types import Document, Metadata

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
        body = found.body if found is not None else None
        heads = heading_texts(body) if body is not None else set()
        text = article_text(body, page, url) if body is not None else ""
        if len(text.split()) < MIN_ARTICLE_WORDS and len(text) < MIN_ARTICLE_CHARACTERS:
            raise NoArticleText(
                f"{source}: no article text found on this page; --whole-page reads all its visible text"
            )
        blocks = as_blocks(text, heads)
    document = from_blocks(blocks, source, format="html", extractor="", metadata=metadata)
    document.notice = notice
    return document


def article_text(body, page: str, url: str | None) -> str:
    """The extracted article as text lines, without a closing list of links to other stories.

    trafilatura keeps a "More stories" list that ends some articles (TIME's "More Must-Reads"). The
    evidence used: it is the article's last block and every one of its items holds a link, as a list
    of other stories does and a list inside an article rarely does; a short heading just above it
    goes with it. Links are only seen in a second extraction that keeps them (asking for them in the
    first changes how trafilatura lays out the text), about 20 ms on a news page.
    """
    from trafilatura.xml import xmltotxt

    children = list(body)
    if children and children[-1].tag == "list" and len(list(children[-1].iter("item"))) >= 3:
        linked = _closing_link_list(page, url)
        if linked is not None and _item_texts(children[-1]) == linked:
            body.remove(children.pop())
            if children and children[-1].tag in ("head", "p") and len("".join(children[-1].itertext()).split()) <= 8:
                body.remove(children.pop())
    return xmltotxt(body, include_formatting=False) or ""


def _closing_link_list(page: str, url: str | None) -> list[str] | None:
    """The item texts of the article's last block when it is a list whose every item links elsewhere."""
    import trafilatura

    found = trafilatura.bare_extraction(
        page, url=url, favor_precision=True, include_tables=True, include_comments=False, include_links=True
    )
    if found is None or found.body is None or not len(found.body):
        return None
    last = found.body[-1]
    if last.tag != "list" or not _all_items_link(last):
        return None
    return _item_texts(last)


def _item_texts(element) -> list[str]:
    return [" ".join("".join(item.itertext()).split()) for item in element.iter("item")]


def _all_items_link(element) -> bool:
    items = list(element.iter("item"))
    if len(items) < 3:
        return False
    return all(any(True for _ in item.iter("ref")) for item in items)


def heading_texts(body) -> set[str]:
    """The text of every heading trafilatura kept (its <head> elements, from <h1>-<h6>)."""
    return {" ".join("".join(head.itertext()).split()) for head in body.iter("head")}


def as_blocks(text: str, heads: set[str]) -> list[str]:
    """trafilatura's text lines as blocks, a line that is a kept heading marked as one."""
    blocks: list[str] = []
    for line in text.split("\n"):
        block = _block(line)
        blocks.append(Heading(block) if block and " ".join(block.split()) in heads else block)
    return blocks


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
