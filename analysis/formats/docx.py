"""Word documents (.docx) with python-docx: body paragraphs and tables in document order, list items
marked, footnotes after the body, core properties as metadata.

Headings are their own paragraphs (Word's "Heading N" and "Title" styles say which); a list item is
a paragraph with numbering properties or a "List …" style; a table row is one paragraph, its cells
joined by " · ".
"""

from __future__ import annotations

import io

from analysis.formats import DocumentError
from analysis.formats.text import Heading, from_blocks
from analysis.types import Document, Metadata

BULLET = "•"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def extract(data: bytes, source: str, **_options) -> Document:
    import docx
    import docx.enum.style
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        word = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises KeyError, ValueError or lxml errors on a bad part
        raise DocumentError(f"{source}: is a damaged Word document ({type(error).__name__}: {error})") from None
    blocks: list[str] = []
    heading: str | None = None
    # Style names by id, read once: python-docx's `paragraph.style` searches the styles part on every
    # call, which was 80% of the time on a 50 KB document.
    names = {style.style_id: style.name for style in word.styles}
    default = word.styles.default(docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    default_name = default.name if default is not None else ""
    for element in word.element.body.iterchildren():
        if element.tag == f"{_W}p":
            paragraph = Paragraph(element, word)
            text = paragraph.text.strip()
            if not text:
                continue
            style = names.get(element.style, default_name) if element.style else default_name
            style = style or ""
            if style == "Title" or style.startswith("Heading"):
                heading = heading or text
                blocks.append(Heading(text))
            else:
                blocks.append(f"{BULLET} {text}" if _is_list_item(paragraph, style) else text)
        elif element.tag == f"{_W}tbl":
            for row in Table(element, word).rows:
                cells = _unique_cells(row)
                if cells:
                    blocks.append(" · ".join(cells))
    notes = footnotes(word)
    if notes:
        blocks += [Heading("Footnotes"), *notes]
    core = word.core_properties
    metadata = Metadata(
        title=(core.title or "").strip() or None,
        authors=[core.author.strip()] if (core.author or "").strip() else [],
        date=core.created.date().isoformat() if core.created else None,
    )
    return from_blocks(blocks, source, format="docx", extractor="", metadata=metadata, title=heading)


def _is_list_item(paragraph, style: str) -> bool:
    properties = paragraph._p.pPr
    return style.startswith("List") or (properties is not None and properties.numPr is not None)


def _unique_cells(row) -> list[str]:
    """A merged cell appears once per grid column it spans in python-docx: kept once."""
    cells: list[str] = []
    seen: set[int] = set()
    for cell in row.cells:
        if id(cell._tc) in seen:
            continue
        seen.add(id(cell._tc))
        text = " ".join(cell.text.split())
        if text:
            cells.append(text)
    return cells


def footnotes(word) -> list[str]:
    """The footnotes' text, numbered in order (python-docx has no API for them: read the part)."""
    part = next(
        (rel.target_part for rel in word.part.rels.values() if rel.reltype.endswith("/footnotes")), None
    )
    if part is None:
        return []
    from lxml import etree

    root = etree.fromstring(part.blob)
    found: list[str] = []
    for note in root.iter(f"{_W}footnote"):
        if note.get(f"{_W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        text = "".join(node.text or "" for node in note.iter(f"{_W}t")).strip()
        if text:
            found.append(f"[{len(found) + 1}] {text}")
    return found
