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
ALIGN_CHARS characters and the other end is fitted where the quote's length puts it.
"""

from __future__ import annotations

from dataclasses import dataclass

from analysis.notes.quote_search import fuzz, fuzzy_candidates, nearest, occurrences
from analysis.notes.types import CONTEXT, Anchor, Placement
from store.note_records import MAX_QUOTE

THRESHOLD = 0.7
MAX_OCCURRENCES = 2000  # exact occurrences scored (the nearest to the old offset)


@dataclass(frozen=True)
class Reanchored:
    """Where an anchor landed: the new anchor (None for an orphan), how, and how sure (0..1)."""

    anchor: Anchor | None
    status: Placement
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


def reanchor(anchor: Anchor, text: str, threshold: float = THRESHOLD) -> Reanchored:
    """Place an anchor in a (possibly changed) text; never raises on any text or stored anchor."""
    start, end = int(anchor.start), int(anchor.end)
    if 0 <= start <= end <= len(text) and make_anchor(text, start, end) == anchor:
        return Reanchored(anchor, Placement.EXACT, 1.0)
    best = _best(anchor, text, _exact_candidates(anchor, text))
    if best is None or best[0] < threshold:
        fuzzy = _best(anchor, text, fuzzy_candidates(anchor, text))
        if fuzzy is not None and (best is None or fuzzy[0] > best[0]):
            best = fuzzy
    if best is None or best[0] < threshold:
        return Reanchored(None, Placement.ORPHAN, round(best[0], 4) if best else 0.0)
    score, new_start, new_end = best
    if text[new_start:new_end] != anchor.quote:
        status, score = Placement.FUZZY, min(score, 0.9999)
    elif (new_start, new_end) == (start, end):
        status = Placement.EXACT
    else:
        status = Placement.MOVED
    return Reanchored(make_anchor(text, new_start, new_end), status, round(score, 4))


def _context_at(anchor: Anchor, text: str, start: int, end: int) -> tuple[float, float]:
    before = text[max(0, start - len(anchor.prefix)) : start]
    after = text[end : end + len(anchor.suffix)]
    return _similarity(anchor.prefix, before), _similarity(anchor.suffix, after)


def _similarity(expected: str, found: str) -> float:
    if expected == found:
        return 1.0
    return fuzz().ratio(expected, found) / 100.0


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


def _exact_candidates(anchor: Anchor, text: str) -> list[tuple[int, int, float]]:
    quote, size = anchor.quote, len(anchor.quote)
    whole = anchor.prefix + quote + anchor.suffix
    if whole:
        with_context = occurrences(text, whole, MAX_OCCURRENCES)
        if with_context:
            starts = [at + len(anchor.prefix) for at in with_context]
            return [(start, start + size, 1.0) for start in starts]
    if not quote:
        return []
    starts = occurrences(text, quote, 50 * MAX_OCCURRENCES)
    closest = nearest(starts, anchor.start, MAX_OCCURRENCES)
    return [(start, start + size, 1.0) for start in closest]
