"""A search query read the way the user writes it, and where it matches in a briefing's text.

Words must all occur, "quoted phrases" are words in order, `sanction*` is a prefix. `parse` turns
the query into terms; `store.search` turns the terms into a tantivy query; `first_match` and
`snippet` find and mark the match in the text, so the reader opens at the very spot shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

MARK_START, MARK_END = "\x02", "\x03"  # never in a briefing's text once shown (control characters)
SNIPPET_CONTEXT = 70  # characters either side of the match: about a line and a half
_TERM = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+")


class BadQuery(ValueError):
    """A query with nothing to search for; the message is meant for the user."""


@dataclass
class Term:
    words: list[str]
    prefix: bool = False


def parse(query: str) -> list[Term]:
    """Phrases in double quotes, words, and words ending in `*` as prefixes; punctuation is a space,
    as the tokenizer treats it. No word is an operator: `NOT`, `AND`, `OR` are searched for."""
    terms: list[Term] = []
    for phrase, word in _TERM.findall(query):
        if phrase:
            words = _WORD.findall(phrase)
            if words:
                terms.append(Term(words))
        else:
            prefix = word.endswith("*")
            words = _WORD.findall(word)
            if words:  # "U.S.-backed" is a phrase of three words, as the tokenizer reads it
                terms.append(Term(words, prefix and len(words) == 1))
    if not terms:
        raise BadQuery(f"nothing to search for in {query!r}: give words, a \"phrase\" or a prefix*")
    return terms


@lru_cache(maxsize=256)
def _compiled(words: tuple[str, ...], prefix: bool) -> re.Pattern[str]:
    joined = r"\W+".join(re.escape(word) for word in words)
    return re.compile(r"\b" + joined + (r"\w*" if prefix else r"\b"), re.IGNORECASE)


def _earliest(text: str, term: Term) -> tuple[int, int] | None:
    """The first match of `term` in `text`, found by `str.find` of its first word as running text
    writes a word (lower case, Capitalised, UPPER), each place checked by the pattern, anchored.

    Why not `pattern.search`: Python's regex engine skips ahead to a literal only when the
    pattern starts with one, case-sensitively; a pattern starting with \b, or IGNORECASE, tries
    every position: 0.2 ms per 6 KB briefing, most of a page's cost. Any other casing ("bLaCk") is
    still found, by that full scan, when none of the three occurs."""
    pattern = _compiled(tuple(term.words), term.prefix)
    first = term.words[0]
    best: tuple[int, int] | None = None
    for written in {first, first.lower(), first.capitalize(), first.upper()}:
        at = text.find(written)
        while at >= 0 and (best is None or at < best[0]):
            found = pattern.match(text, at)
            if found:
                best = (found.start(), found.end())
                break
            at = text.find(written, at + 1)
    if best is None:
        found = pattern.search(text)
        best = (found.start(), found.end()) if found else None
    return best


def first_match(text: str, terms: list[Term]) -> tuple[int, int]:
    """Offsets of the earliest match of any term in `text` (case-insensitive, whole words), or
    (0, 0): the index tells that a document matches, not where, so the reader's spot is found here."""
    best: tuple[int, int] | None = None
    for term in terms:
        found = _earliest(text, term)
        if found and (best is None or found[0] < best[0]):
            best = found
    return best or (0, 0)


def snippet_bounds(text: str, start: int, end: int, context: int) -> tuple[int, int]:
    """Where a snippet of `text[start:end]` begins and ends: up to `context` characters either
    side, cut at a space so that no word is shown in part."""
    left = max(0, start - context)
    if left:
        space = text.find(" ", left, start)
        left = space + 1 if space >= 0 else left
    right = min(len(text), end + context)
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space > end else right
    return left, right


def snippet(text: str, start: int, end: int, terms: list[Term], context: int = SNIPPET_CONTEXT) -> str:
    """The text around the first match, on one line, every match of a term in it marked.

    Made from the offsets rather than by the engine, which would tokenize the whole briefing for
    each hit; this one shows the very spot the reader opens at."""
    left, right = snippet_bounds(text, start, end, context)
    window = text[left:right]
    marks = sorted((m.start(), m.end()) for term in terms for m in _compiled(tuple(term.words), term.prefix).finditer(window))
    pieces, at = [], 0
    for mark_start, mark_end in marks:
        if mark_start < at:
            continue  # overlapping matches of two terms: the first one is marked
        pieces += [window[at:mark_start], MARK_START, window[mark_start:mark_end], MARK_END]
        at = mark_end
    pieces.append(window[at:])
    flat = " ".join("".join(pieces).split())
    return ("…" if left else "") + flat + ("…" if right < len(text) else "")
