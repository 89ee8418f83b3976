"""Quote selectors for notes, and finding them again when a briefing's text changes.

An anchor keeps the quoted text, up to 32 characters either side and its offsets: the W3C
TextQuoteSelector + TextPositionSelector pair that Hypothesis uses. `reanchor` places it in a new
text, in this order:

1. the quote still stands at its offsets with the same context (a context shorter than 32
   characters still at the edge of the text): `exact`, score 1. With its context edited it is
   still `exact` if it scores THRESHOLD or more and no other place scores better;
2. the quote with its context (`prefix + quote + suffix`), else every occurrence of the quote,
   scored by how well its surroundings match and, to break near-ties, by distance: `moved`;
3. a fuzzy match (rapidfuzz), searched between the remembered prefix and suffix, in a window
   around the old place, where the quote's longer words occur, and over the whole text when that
   is cheap, scored on quote similarity, context similarity and nearness: `fuzzy`;
4. nothing scores THRESHOLD or more: `orphan`, with no anchor. A note is never guessed into place.

The score of a place is the share of the remembered selector found there: each character of the
quote counts twice, each of the better-kept side of the context twice, each of the other side once
(an exact 100-character quote stands on its own; a one-word quote needs its context), times 0.95,
plus 0.05 for nearness to the old offset.

THRESHOLD = 0.7 and MIN_QUOTE_SIMILARITY = 0.7 (rapidfuzz's Indel ratio of old and new quote) come
from 142 sentences drawn from the seed and a 4 MB corpus of English docstrings, each edited five
ways. One word replaced, context kept: all placed, scores 0.87 to 0.99. A one-word quote with 32
characters of prefix kept and its suffix rewritten: all placed (0.74 to 0.92). A sentence cut and
pasted elsewhere: median 0.75, 70% placed; short sentences in a new context fall under 0.7 and are
orphaned, which is the safe side. Sentence deleted: 93% orphaned; the rest landed on near-copies
("StreamWriter" for "StreamReader", quote similarity 0.84 or more) and are marked fuzzy. A one-word
quote whose sentence was deleted: median 0.51, 13% placed, all on the same word in a near-identical
sentence. MIN_QUOTE_SIMILARITY refuses a candidate whatever its context (two deleted sentences had
quote similarities of 0.6 and 0.67 between intact neighbours), so a passage rewritten between two
unchanged ones is an orphan, not a silently re-pinned note.

Cost, measured on 4 MB texts (English docstrings, and the random-word text of the tests): exact
under 0.1 ms; moved 0.5 to 11 ms; fuzzy or orphan 40 to 65 ms, for quotes of 100 characters to the
whole 4 MB; a one-character quote that occurs 36,000 times, 75 to 120 ms. To stay there, the whole
text is searched fuzzily only when len(text) * min(len(quote), 128) is under WHOLE_TEXT_BUDGET
(about 20 ms of rapidfuzz); otherwise a window around the old place and windows where the quote's
longer words fall at the right distances from each other. partial_ratio costs about
window x quote^2 / 64, so quotes over LONG_QUOTE characters are aligned by their first (or last)
PIECE characters and the other end is fitted where the quote's length puts it.
"""

from __future__ import annotations

import heapq
import re
from dataclasses import dataclass


from analysis.model import Anchor
from store.note_records import MAX_QUOTE


def _fuzz():
    """rapidfuzz, imported on first use: ~12 ms that only re-anchoring a changed text needs."""
    from rapidfuzz import fuzz

    return fuzz

CONTEXT = 32
THRESHOLD = 0.7
MIN_QUOTE_SIMILARITY = 0.7
STATUSES = ("exact", "moved", "fuzzy", "orphan")

NEAR = 2048  # characters searched either side of the old place first
WHOLE_TEXT_BUDGET = 20_000_000  # len(text) * min(len(quote), LONG_QUOTE) to search it all
LONG_QUOTE = 128  # above this a quote is aligned by its head and tail, not as one piece
PIECE = 64
EXACT_RATIO_LIMIT = 10_000  # above this the quote similarity is estimated from samples
MAX_OCCURRENCES = 2000  # exact occurrences scored (the nearest to the old offset)
SEED_WORDS = 24
SEED_MAX_HITS = 256  # a word found more often than this is too common to place anything
SEED_WINDOWS = 8
# Points (of 100) a fitted end earns for falling on a word edge when the quote's does: the Indel
# ratio alone prefers "code bytes" to "Encode bytes" as a fit for "Decode bytes".
EDGE_BONUS = 3

_WORD = re.compile(r"\w{3,}")


@dataclass(frozen=True)
class Placement:
    """Where an anchor landed: the new anchor (None for an orphan), how, and how sure (0..1)."""

    anchor: Anchor | None
    status: str
    score: float


def make_anchor(text: str, start: int, end: int) -> Anchor:
    """The selector of `text[start:end]`, its quote bounded to MAX_QUOTE characters.

    A note on a 2 MB paragraph must not store (and search for) the whole paragraph: the quote
    keeps its head, cut back to a space when one is near, and its offsets and context still say
    where it starts, which is what placing it again needs.
    """
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"bad selection {start}..{end} in a text of {len(text)} characters")
    if end - start > MAX_QUOTE:
        cut = text.rfind(" ", start + MAX_QUOTE // 2, start + MAX_QUOTE)
        end = cut if cut > start else start + MAX_QUOTE
    return Anchor(
        quote=text[start:end],
        prefix=text[max(0, start - CONTEXT) : start],
        suffix=text[end : end + CONTEXT],
        start=start,
        end=end,
    )


def find_quote(text: str, quote: str) -> tuple[int, int] | None:
    """The first exact occurrence of a non-empty quote."""
    at = text.find(quote) if quote else -1
    return (at, at + len(quote)) if at >= 0 else None


def reanchor(anchor: Anchor, text: str, threshold: float = THRESHOLD) -> Placement:
    """Place an anchor in a (possibly changed) text; never raises on any text or stored anchor."""
    start, end = int(anchor.start), int(anchor.end)
    if 0 <= start <= end <= len(text) and make_anchor(text, start, end) == anchor:
        return Placement(anchor, "exact", 1.0)
    best = _best(anchor, text, _exact_candidates(anchor, text))
    if best is None or best[0] < threshold:
        fuzzy = _best(anchor, text, _fuzzy_candidates(anchor, text))
        if fuzzy is not None and (best is None or fuzzy[0] > best[0]):
            best = fuzzy
    if best is None or best[0] < threshold:
        return Placement(None, "orphan", round(best[0], 4) if best else 0.0)
    score, new_start, new_end = best
    if text[new_start:new_end] != anchor.quote:
        status, score = "fuzzy", min(score, 0.9999)
    elif (new_start, new_end) == (start, end):
        status = "exact"
    else:
        status = "moved"
    return Placement(make_anchor(text, new_start, new_end), status, round(score, 4))


def _context_at(anchor: Anchor, text: str, start: int, end: int) -> tuple[float, float]:
    before = text[max(0, start - len(anchor.prefix)) : start]
    after = text[end : end + len(anchor.suffix)]
    return _similarity(anchor.prefix, before), _similarity(anchor.suffix, after)


def _similarity(expected: str, found: str) -> float:
    if expected == found:
        return 1.0
    return _fuzz().ratio(expected, found) / 100.0


def _score(anchor: Anchor, text: str, start: int, end: int, quote_similarity: float) -> float:
    prefix_similarity, suffix_similarity = _context_at(anchor, text, start, end)
    sides = sorted(
        [(prefix_similarity, len(anchor.prefix)), (suffix_similarity, len(anchor.suffix))],
        reverse=True,
    )
    # Quote characters count twice; so do those of the better-kept side of the context (an edit
    # usually touches one side, and 32 characters kept next to the quote are strong evidence).
    weighted = [
        (quote_similarity, 2 * len(anchor.quote)),
        (sides[0][0], 2 * sides[0][1]),
        sides[1],
    ]
    weight = sum(w for _, w in weighted)
    if not weight:
        return 0.0
    share = sum(similarity * w for similarity, w in weighted) / weight
    nearness = 1.0 - min(1.0, abs(start - anchor.start) / max(len(text), 1))
    return 0.95 * share + 0.05 * nearness


def _best(anchor, text, candidates) -> tuple[float, int, int] | None:
    """(score, start, end) of the best candidate: best score (to 3 places), then nearest."""
    best_key, best = None, None
    for start, end, quote_similarity in candidates:
        score = _score(anchor, text, start, end, quote_similarity)
        key = (round(score, 3), -abs(start - anchor.start))
        if best_key is None or key > best_key:
            best_key, best = key, (score, start, end)
    return best


def _occurrences(text: str, needle: str, limit: int) -> list[int]:
    found, at = [], text.find(needle)
    while at >= 0 and len(found) < limit:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def _exact_candidates(anchor: Anchor, text: str) -> list[tuple[int, int, float]]:
    quote, size = anchor.quote, len(anchor.quote)
    whole = anchor.prefix + quote + anchor.suffix
    if whole:
        with_context = _occurrences(text, whole, MAX_OCCURRENCES)
        if with_context:
            starts = [at + len(anchor.prefix) for at in with_context]
            return [(start, start + size, 1.0) for start in starts]
    if not quote:
        return []
    starts = _occurrences(text, quote, 50 * MAX_OCCURRENCES)
    nearest = _nearest(starts, anchor.start, MAX_OCCURRENCES)
    return [(start, start + size, 1.0) for start in nearest]


def _fuzzy_candidates(anchor: Anchor, text: str) -> list[tuple[int, int, float]]:
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
        for at in _nearest(_occurrences(text, prefix, 256), anchor.start - len(prefix)):
            start = at + len(prefix)
            after = text.find(suffix, start, start + 2 * size + CONTEXT) if suffix else -1
            if after > start:
                spans.append((start, after))
            elif start < len(text):
                spans.append(_refine(anchor.quote, text, start, min(len(text), start + size)))
    if suffix:
        for at in _nearest(_occurrences(text, suffix, 256), anchor.end):
            if at > 0:
                spans.append(_refine(anchor.quote, text, max(0, at - size), at))
    return spans


def _nearest(positions: list[int], old: int, count: int = 8) -> list[int]:
    return heapq.nsmallest(count, positions, key=lambda at: abs(at - old))


def _seed_places(quote: str, text: str, old: int) -> list[tuple[int, int]]:
    """Likely starts of the quote: where several of its rarer words occur at the right distances."""
    slack = min(max(32, len(quote) // 8), NEAR)
    votes: dict[int, set[str]] = {}
    for offset, word in _seed_words(quote):
        hits = _occurrences(text, word, SEED_MAX_HITS + 1)
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
    aligned by its first PIECE characters (or, if an edit spoiled them, its last) and the other end
    is looked for where the quote's length puts it.
    """
    lo, hi = at - slack - CONTEXT, at + slack + CONTEXT
    if len(quote) <= LONG_QUOTE:
        return _align_in(quote, text, lo, hi + len(quote))
    size = len(quote)
    head = _align_in(quote[:PIECE], text, lo, hi + PIECE)
    if head is not None:
        start = head[0]
        tail = _align_in(quote[-PIECE:], text, start + size - PIECE - slack, start + size + slack)
        if tail is not None and tail[1] > start:
            return start, tail[1]
        return start, min(start + size, len(text))
    tail = _align_in(quote[-PIECE:], text, lo + size - PIECE, hi + size)
    return (max(0, tail[1] - size), tail[1]) if tail is not None else None


def _align_in(quote: str, text: str, lo: int, hi: int) -> tuple[int, int] | None:
    lo, hi = max(0, lo), min(len(text), hi)
    if hi <= lo:
        return None
    found = _fuzz().partial_ratio_alignment(
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
        return _fuzz().ratio(quote if whole else head, found) + EDGE_BONUS * edge_ok, -abs(at - start)

    def end_key(at: int) -> tuple:
        found = text[start:at] if whole else text[max(start, at - edge) : at]
        edge_ok = not ends_word or at >= len(text) or not text[at].isalnum()
        return _fuzz().ratio(quote if whole else tail, found) + EDGE_BONUS * edge_ok, -abs(at - end)

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
        return _fuzz().ratio(quote, found) / 100.0
    # A very long quote: the mean similarity of 16 samples, each looked for where it should be.
    scale = len(found) / len(quote)
    samples = []
    for index in range(16):
        offset = index * (len(quote) - 256) // 15
        at = start + int(offset * scale)
        window = text[max(start, at - 512) : min(end, at + 768)]
        samples.append(_fuzz().partial_ratio(quote[offset : offset + 256], window) / 100.0)
    return sum(samples) / len(samples)
