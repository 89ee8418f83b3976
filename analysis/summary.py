"""A few key sentences: the ones that hold the briefing's main actors, early on, of a sane length.

Greedy selection: each round takes the sentence with the best score, where an actor already
covered by a chosen sentence counts for half, so the summary does not repeat one pair of actors
five times. Boilerplate ("The views expressed … are the author's own") is never chosen. The chosen
sentences come back in document order.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import defaultdict

from analysis.model import Actor

MIN_WORDS, LONG_WORDS = 6, 60
BOILERPLATE = re.compile(
    r"views expressed|author['’]s own|(?:do|does|don['’]t|doesn['’]t) (?:not )?(?:necessarily )?"
    r"(?:reflect|replicate)|editorial (?:stance|policy)|all rights reserved|copyright|©|"
    r"subscribe|sign up|newsletter|click here|follow us|read more|originally (?:published|appeared)|"
    r"contributed (?:to this )?report|disclaimer|this article (?:was|first)|terms of (?:use|service)",
    re.IGNORECASE,
)


def summary_size(count: int, max_sentences: int = 5) -> int:
    """3 sentences for a short text, up to `max_sentences` for a long one, never more than it has."""
    wanted = 3 if count < 15 else 4 if count < 30 else 5
    return max(0, min(wanted, max_sentences, count))


def summarise(
    text: str,
    sentences: list[tuple[int, int]],
    actors: list[Actor],
    max_sentences: int = 5,
) -> list[tuple[int, int]]:
    candidates = [
        index
        for index, (start, end) in enumerate(sentences)
        if len(text[start:end].split()) >= MIN_WORDS and not BOILERPLATE.search(text[start:end])
    ]
    if not candidates:
        return []
    holders = _actors_by_sentence(sentences, actors)
    weight = {index: math.log1p(actor.mentions) for index, actor in enumerate(actors)}
    covered: set[int] = set()
    chosen: list[int] = []
    count = len(sentences)
    top = max(sum(weight[a] for a in holders.get(i, ())) for i in candidates) or 1.0
    for _ in range(summary_size(len(candidates), max_sentences)):
        best = max(
            (index for index in candidates if index not in chosen),
            key=lambda i: (_score(text, sentences, i, count, holders, weight, covered, top), -i),
        )
        chosen.append(best)
        covered |= holders.get(best, set())
    return [sentences[index] for index in sorted(chosen)]


def _score(text, sentences, index, count, holders, weight, covered, top) -> float:
    """Actors held (against the best sentence's), plus a lead bonus, damped when over-long."""
    start, end = sentences[index]
    words = len(text[start:end].split())
    actors = sum(weight[a] * (0.5 if a in covered else 1.0) for a in holders.get(index, ())) / top
    position = 0.3 * (1.0 - index / max(count, 1)) + (0.4 if index < 2 else 0.0)
    length = 1.0 if words <= LONG_WORDS else LONG_WORDS / words
    return (actors + position) * length


def _actors_by_sentence(sentences, actors: list[Actor]) -> dict[int, set[int]]:
    starts = [start for start, _ in sentences]
    holders: dict[int, set[int]] = defaultdict(set)
    for index, actor in enumerate(actors):
        if actor.hidden:
            continue
        for start, _ in actor.spans:
            holders[bisect_right(starts, start) - 1].add(index)
    return holders
