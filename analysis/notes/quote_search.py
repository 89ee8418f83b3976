"""Finding a quote again in a changed text: the fuzzy candidates `anchors.reanchor` scores.

Looked for between the remembered prefix and suffix, in a window around the old place, where the
quote's longer words occur at the right distances from each other, and over the whole text when
that is cheap (see `analysis.notes.anchors` for the measured costs behind each bound).
rapidfuzz is imported on first use: ~12 ms that only re-anchoring a changed text needs.
"""

from __future__ import annotations

import heapq
import re

from analysis.notes.types import CONTEXT, Anchor

MIN_QUOTE_SIMILARITY = 0.7
NEAR = 2048  # characters searched either side of the old place first
WHOLE_TEXT_BUDGET = 20_000_000  # len(text) * min(len(quote), LONG_QUOTE) to search it all
LONG_QUOTE = 128  # above this a quote is aligned by its head and tail, not as one piece
ALIGN_CHARS = 64  # the head or tail a long quote is aligned by
EXACT_RATIO_LIMIT = 10_000  # above this the quote similarity is estimated from samples
SEED_WORDS = 24
SEED_MAX_HITS = 256  # a word found more often than this is too common to place anything
SEED_WINDOWS = 8
# Points (of 100) a fitted end earns for falling on a word edge when the quote's does: the Indel
# ratio alone prefers "code bytes" to "Encode bytes" as a fit for "Decode bytes".
EDGE_BONUS = 3

_WORD = re.compile(r"\w{3,}")


def fuzz():
    """rapidfuzz, imported on first use: ~12 ms that only re-anchoring a changed text needs."""
    from rapidfuzz import fuzz

    return fuzz


def occurrences(text: str, needle: str, limit: int) -> list[int]:
    found, at = [], text.find(needle)
    while at >= 0 and len(found) < limit:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def nearest(positions: list[int], old: int, count: int = 8) -> list[int]:
    return heapq.nsmallest(count, positions, key=lambda at: abs(at - old))


def fuzzy_candidates(anchor: Anchor, text: str) -> list[tuple[int, int, float]]:
    quote = anchor.quote
    if not quote or not text:
        return []
    spans = _context_spans(anchor, text)
    windows = [(anchor.start, NEAR), *_seed_places(quote, text, anchor.start)]
    spans += [_align(quote, text, at, slack) for at, slack in windows]
    if len(text) * min(len(quote), LONG_QUOTE) <= WHOLE_TEXT_BUDGET:
        spans.append(_align(quote, text, len(text) // 2, len(text) // 2 + 1))
    candidates, seen = [], set()
    for span in spans:
        if span is None or span in seen:
            continue
        seen.add(span)
        similarity = _quote_similarity(quote, text, *span)
        if similarity >= MIN_QUOTE_SIMILARITY:
            candidates.append((*span, similarity))
    return candidates


def _context_spans(anchor: Anchor, text: str) -> list[tuple[int, int] | None]:
    """Spans between the remembered prefix and suffix: a quote edited in place, context kept."""
    size, prefix, suffix = len(anchor.quote), anchor.prefix, anchor.suffix
    spans: list[tuple[int, int] | None] = []
    if prefix:
        for at in nearest(occurrences(text, prefix, 256), anchor.start - len(prefix)):
            start = at + len(prefix)
            after = text.find(suffix, start, start + 2 * size + CONTEXT) if suffix else -1
            if after > start:
                spans.append((start, after))
            elif start < len(text):
                spans.append(_refine(anchor.quote, text, start, min(len(text), start + size)))
    if suffix:
        for at in nearest(occurrences(text, suffix, 256), anchor.end):
            if at > 0:
                spans.append(_refine(anchor.quote, text, max(0, at - size), at))
    return spans


def _seed_places(quote: str, text: str, old: int) -> list[tuple[int, int]]:
    """Likely starts of the quote: where several of its rarer words occur at the right distances."""
    slack = min(max(32, len(quote) // 8), NEAR)
    votes: dict[int, set[str]] = {}
    for offset, word in _seed_words(quote):
        hits = occurrences(text, word, SEED_MAX_HITS + 1)
        if len(hits) > SEED_MAX_HITS:
            continue
        for hit in hits:
            votes.setdefault((hit - offset) // slack, set()).add(word)
    ranked = sorted(votes, key=lambda bucket: (-len(votes[bucket]), abs(bucket * slack - old)))
    return [(bucket * slack + slack // 2, slack) for bucket in ranked[:SEED_WINDOWS]]


def _seed_words(quote: str) -> list[tuple[int, str]]:
    """Up to SEED_WORDS words, the longest two from each part of the quote, so an edit misses most.

    Only the first 1024 characters of each part are read: a huge quote costs no more.
    """
    parts = SEED_WORDS // 2
    size = max(1, -(-len(quote) // parts))
    chosen: dict[str, int] = {}
    for begin in range(0, len(quote), size):
        found = _WORD.finditer(quote, begin, begin + min(size, 1024))
        longest = sorted(found, key=lambda match: -len(match.group()))[:2]
        for match in longest:
            chosen.setdefault(match.group(), match.start())
    return [(offset, word) for word, offset in chosen.items()]


def _align(quote: str, text: str, at: int, slack: int) -> tuple[int, int] | None:
    """The best span for the quote near `at` (its expected start), give or take `slack`.

    partial_ratio costs about window x quote^2 / 64, so a quote over LONG_QUOTE characters is
    aligned by its first ALIGN_CHARS characters (or, if an edit spoiled them, its last) and the other end
    is looked for where the quote's length puts it.
    """
    lo, hi = at - slack - CONTEXT, at + slack + CONTEXT
    if len(quote) <= LONG_QUOTE:
        return _align_in(quote, text, lo, hi + len(quote))
    size = len(quote)
    head = _align_in(quote[:ALIGN_CHARS], text, lo, hi + ALIGN_CHARS)
    if head is not None:
        start = head[0]
        tail = _align_in(quote[-ALIGN_CHARS:], text, start + size - ALIGN_CHARS - slack, start + size + slack)
        if tail is not None and tail[1] > start:
            return start, tail[1]
        return start, min(start + size, len(text))
    tail = _align_in(quote[-ALIGN_CHARS:], text, lo + size - ALIGN_CHARS, hi + size)
    return (max(0, tail[1] - size), tail[1]) if tail is not None else None


def _align_in(quote: str, text: str, lo: int, hi: int) -> tuple[int, int] | None:
    lo, hi = max(0, lo), min(len(text), hi)
    if hi <= lo:
        return None
    found = fuzz().partial_ratio_alignment(
        quote, text[lo:hi], score_cutoff=100 * MIN_QUOTE_SIMILARITY
    )
    if found is None or found.dest_end <= found.dest_start:
        return None
    return _refine(quote, text, lo + found.dest_start, lo + found.dest_end)


def _refine(quote: str, text: str, start: int, end: int) -> tuple[int, int]:
    """Move the ends of an aligned window to where the quote best fits, preferring word edges.

    A short quote is fitted whole (its length may have changed with an edit); a long one by its
    first and last 48 characters.
    """
    edge = 48
    slack = min(64, max(12, len(quote) // 5))
    whole = len(quote) <= 2 * edge
    head, tail = quote[:edge], quote[-edge:]
    starts_word = bool(quote) and quote[0].isalnum()
    ends_word = bool(quote) and quote[-1].isalnum()

    def start_key(at: int) -> tuple:
        found = text[at:end] if whole else text[at : at + edge]
        edge_ok = not starts_word or at == 0 or not text[at - 1].isalnum()
        return fuzz().ratio(quote if whole else head, found) + EDGE_BONUS * edge_ok, -abs(at - start)

    def end_key(at: int) -> tuple:
        found = text[start:at] if whole else text[max(start, at - edge) : at]
        edge_ok = not ends_word or at >= len(text) or not text[at].isalnum()
        return fuzz().ratio(quote if whole else tail, found) + EDGE_BONUS * edge_ok, -abs(at - end)

    for _ in range(2 if whole else 1):
        start = max(range(max(0, start - slack), min(end - 1, start + slack) + 1), key=start_key)
        low = start + 1
        high = max(low, min(len(text), end + slack))
        end = max(range(max(low, end - slack), high + 1), key=end_key)
    return start, min(end, len(text))


def _quote_similarity(quote: str, text: str, start: int, end: int) -> float:
    found = text[start:end]
    if found == quote:
        return 1.0
    if len(quote) <= EXACT_RATIO_LIMIT and len(found) <= 2 * EXACT_RATIO_LIMIT:
        return fuzz().ratio(quote, found) / 100.0
    # A very long quote: the mean similarity of 16 samples, each looked for where it should be.
    scale = len(found) / len(quote)
    samples = []
    for index in range(16):
        offset = index * (len(quote) - 256) // 15
        at = start + int(offset * scale)
        window = text[max(start, at - 512) : min(end, at + 768)]
        samples.append(fuzz().partial_ratio(quote[offset : offset + 256], window) / 100.0)
    return sum(samples) / len(samples)
