"""How much the briefing is about each actor: mentions, how early it comes, presence in the summary.

salience = 0.6 · mentions (log-scaled against the most mentioned actor)
         + 0.2 · position (1 at the first character, 0 at the last)
         + 0.2 · share of the summary's sentences that mention it
A number in [0, 1], rounded so that the JSON is stable.
"""

from __future__ import annotations

import math
from bisect import bisect_right

from analysis.types import Actor

MENTIONS, POSITION, SUMMARY = 0.6, 0.2, 0.2


def rank(actors: list[Actor], summary: list[tuple[int, int]], text_length: int) -> list[Actor]:
    """Set each actor's salience and return them sorted, most salient first."""
    most = max((actor.mentions for actor in actors), default=0)
    starts = [start for start, _ in summary]
    for actor in actors:
        mentions = math.log1p(actor.mentions) / math.log1p(most) if most else 0.0
        position = 1.0 - actor.first / text_length if text_length and actor.spans else 0.0
        in_summary = {_holding(summary, starts, start) for start, _ in actor.spans} - {None}
        share = len(in_summary) / len(summary) if summary else 0.0
        actor.salience = round(MENTIONS * mentions + POSITION * position + SUMMARY * share, 4)
    return sorted(actors, key=lambda a: (-a.salience, -a.mentions, a.first, a.name))


def _holding(summary, starts, offset: int) -> int | None:
    index = bisect_right(starts, offset) - 1
    if index >= 0 and offset < summary[index][1]:
        return index
    return None
