"""A page of the ranking (`store.search_engine.Ranking.full`) without scoring every match.

Why: over 10,000 briefings, `President Congress` matches 6,510 and tantivy scores each of them
(~50 ns a briefing, 0.3 ms; the same page over 10 briefings: 7 µs). Its block-max pruning only
applies to unions of terms, and on these texts it hardly prunes those either (the top 10 of
`president OR congress`: 150 µs, against 164 µs counting every match), so a page has to be found
another way. The title bonus gives one: a briefing whose title holds a term is a few hundred of
10,000, and scores TITLE_WEIGHT times its title's BM25 on top of the rest.

The page is found in up to two searches, and is exactly `full`'s (up to the order of float sums):
1. `titled`: the top k (offset + limit) of the briefings with a title match, each with its exact
   score. Every other briefing scores its required terms alone, which is less than
   `Ranking.bound`. So when this gives k hits and the k-th scores at least the bound, no other
   briefing can enter the page: it is the page.
2. Otherwise, also `plain`: the top k by the required terms alone, and the page is the best k of
   both, with the title search's score for a briefing in both. Exact: a briefing of the true page
   without a title match scores the same in `plain`, and k briefings that `plain` ranks above it
   would score at least as much in `full`; one with a title match is in the title search's top
   k. A briefing with a title match but outside the title search's top k is ranked below its
   true score, so below those k, which are all in the merge: it cannot reach the page.
Step 2 costs about what `full` does (`plain` lacks the bonus clauses `titled` adds back).

Below FEW_MATCHES, `full` is searched alone: it scores so few briefings that the title search's
own cost (more clauses, a second search when it cannot answer alone) is more than it saves.
"""

from __future__ import annotations

# Where the title search starts to pay, measured over the bench's 10,000 briefings: `full` costs
# ~30-50 ns a match (`Erdogan`, 816 matches: 33 µs; `President Congress`, 6,510: 350 µs), the
# title search 40-120 µs, and `titled` then `plain` 80 µs for `Erdogan` (bench/library.py, g3).
FEW_MATCHES = 1_000


def _key(address) -> tuple[int, int]:
    return address.segment_ord, address.doc


def page(searcher, ranking, limit: int, offset: int = 0) -> tuple[list[tuple[float, object]], bool]:
    """(score, address) of the page, best first; and whether the title search alone gave it."""
    wanted = offset + limit
    if ranking.fewest < FEW_MATCHES:
        return searcher.search(ranking.full(), limit=limit, offset=offset, count=False).hits, False
    titled = searcher.search(ranking.titled(), limit=wanted, count=False).hits
    if len(titled) == wanted and titled[-1][0] >= ranking.bound:
        return titled[offset:], True
    best = {_key(address): (score, address) for score, address in searcher.search(ranking.plain(), limit=wanted, count=False).hits}
    best.update({_key(address): (score, address) for score, address in titled})
    # Ties as tantivy orders them: the lower address first.
    ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[0]))
    return [hit for _key_, hit in ranked[offset:wanted]], False
