"""Markdown as a reader sees it: headings, paragraphs, list items, quotes, code and table rows as
the briefing's paragraphs, with no raw syntax (no #, *, backticks or link targets) in the text.

Notes, find and mentions work on this text, since it is the one every offset points into.
"""

from __future__ import annotations

from analysis.formats.text import Heading, decode, from_blocks
from analysis.types import Document

BULLET = "•"


def extract(data: bytes, source: str, **_options) -> Document:
    text, encoding, notice = decode(data)
    blocks, heading = render_blocks(text)
    document = from_blocks(blocks, source, format="markdown", extractor="", title=heading)
    document.encoding, document.notice = encoding, notice
    return document


def render_blocks(text: str) -> tuple[list[str], str | None]:
    """(blocks, first heading) of a Markdown text."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").enable("strikethrough").parse(text)
    blocks: list[str] = []
    first_heading: str | None = None
    # One entry per open list: its next item number, or None for a bullet list.
    lists: list[int | None] = []
    prefix = ""
    row: list[str] | None = None
    in_heading = False
    for token in tokens:
        kind = token.type
        if kind == "heading_open":
            in_heading = True
        elif kind == "heading_close":
            in_heading = False
        elif kind == "bullet_list_open":
            lists.append(None)
        elif kind == "ordered_list_open":
            lists.append(int(token.attrGet("start") or 1))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            number = lists[-1] if lists else None
            indent = "  " * (len(lists) - 1)
            prefix = f"{indent}{BULLET} " if number is None else f"{indent}{number}. "
            if number is not None:
                lists[-1] = number + 1
        elif kind == "inline":
            content = inline_text(token.children or [])
            if row is not None:
                row.append(content)
                continue
            blocks.append(Heading(content) if in_heading else prefix + content)
            prefix = ""
            if first_heading is None and in_heading:
                first_heading = content
        elif kind in ("fence", "code_block"):
            blocks.append(token.content.rstrip("\n"))
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close":
            blocks.append(" · ".join(cell for cell in row or [] if cell))
            row = None
    return blocks, first_heading


def inline_text(children) -> str:
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "image":
            parts.append(inline_text(child.children or []) or child.content)
    return "".join(parts)
