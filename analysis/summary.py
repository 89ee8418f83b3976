"""A few key sentences: the ones that hold the briefing's main actors, of a sane length, from
every part of the text.

The lead (the first sentence of prose that names an actor) states the news and comes first; the rest of the text is
cut into as many equal parts as the summary has sentences left, and each part gives its best
sentence, in order, so the summary covers the whole text and its conclusion, not only its lead. A sentence's score is the actors it holds,
where an actor already covered by a chosen sentence counts for half, so the summary does not repeat
one pair of actors five times. Never chosen: boilerplate ("The views expressed … are the author's
own"), a title or heading line (a line of its own with no sentence punctuation), a stage direction
("(Applause.)", "[Laughter]"), and a list the sentence splitter left as one sentence (three lines or
more, or five items and more). The chosen sentences come back in document order.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import defaultdict

from analysis.types import Actor

MIN_WORDS, LONG_WORDS = 6, 60
POOL_PER_SENTENCE = 20
BOILERPLATE = re.compile(
    r"views expressed|author['’]s own|(?:do|does|don['’]t|doesn['’]t) (?:not )?(?:necessarily )?"
    r"(?:reflect|replicate)|editorial (?:stance|policy)|all rights reserved|copyright|©|"
    r"subscribe|sign up|newsletter|click here|follow us|read more|originally (?:published|appeared)|"
    r"contributed (?:to this )?report|disclaimer|this article (?:was|first)|terms of (?:use|service)",
    re.IGNORECASE,
)
# Every BOILERPLATE alternative holds one of these (lowercase).
BOILERPLATE_WORDS = (
    "views", "author", "reflect", "replicate", "editorial", "rights", "copyright", "©",
    "subscri", "sign up", "newsletter", "click", "follow us", "read more", "originally",
    "contributed", "disclaimer", "this article", "terms of",
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
    words = [len(text[start:end].split()) for start, end in sentences]
    suspect = _suspect_sentences(text, sentences)
    candidates = [
        index
        for index, (start, end) in enumerate(sentences)
        if words[index] >= MIN_WORDS
        and not (index in suspect and BOILERPLATE.search(text, start, end))
        and not _not_prose(text, start, end)
    ]
    if not candidates:
        return []
    holders = _actors_by_sentence(sentences, actors)
    weight = {index: math.log1p(actor.mentions) for index, actor in enumerate(actors)}
    covered: set[int] = set()
    chosen: list[int] = []
    count = len(sentences)
    top = max(sum(weight[a] for a in holders.get(i, ())) for i in candidates) or 1.0
    size = summary_size(len(candidates), max_sentences)
    # Covering actors can only lower a score, so each part need look no further than its best
    # few sentences by their first score.
    first = {i: _score(words[i], i, count, holders, weight, covered, top) for i in candidates}
    # The lead states the news (a briefing's first sentence of prose); the other sentences come
    # one from each equal part of the rest of the text.
    lead = next((index for index in candidates if holders.get(index)), candidates[0])  # not "Thank you"
    chosen.append(lead)
    covered |= holders.get(lead, set())
    rest = [index for index in candidates if index > lead]
    offset = sentences[lead][1]
    length = max(1, len(text) - offset)
    parts: list[list[int]] = [[] for _ in range(size - 1)]
    for index in rest:
        parts[min(size - 2, (sentences[index][0] - offset) * (size - 1) // length)].append(index)
    spare = sorted(rest, key=lambda i: (-first[i], i))[: size * POOL_PER_SENTENCE]
    for part in parts:
        pool = sorted(part, key=lambda i: (-first[i], i))[:POOL_PER_SENTENCE] or [
            i for i in spare if i not in chosen  # a part with no sentence: the best left anywhere
        ]
        if not pool:
            break
        best = max(pool, key=lambda i: (_score(words[i], i, count, holders, weight, covered, top), -i))
        chosen.append(best)
        covered |= holders.get(best, set())
    return [sentences[index] for index in sorted(chosen)]


_STAGE_DIRECTION = re.compile(r"^[(\[][^()\[\]]*[)\]][.!?]?$")
_SENTENCE_END = re.compile(r"[.!?…:;\"”’)\]]$")


def _not_prose(text: str, start: int, end: int) -> bool:
    """A heading or title line, a stage direction, or a list: not a sentence of the summary."""
    written = text[start:end].strip()
    if _STAGE_DIRECTION.match(written):
        return True
    lines = [line for line in written.split("\n") if line.strip()]
    if len(lines) >= 3 or written.count(";") >= 4:
        return True  # a list the sentence splitter kept whole
    if not _SENTENCE_END.search(written):
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line = text[line_start : len(text) if line_end < 0 else line_end].strip()
        return line == written  # a line of its own with no sentence's end: a title or heading
    return False


def _score(words, index, count, holders, weight, covered, top) -> float:
    """Actors held (against the best sentence's), plus a lead bonus, damped when over-long."""
    actors = sum(weight[a] * (0.5 if a in covered else 1.0) for a in holders.get(index, ())) / top
    position = 0.3 * (1.0 - index / max(count, 1)) + (0.4 if index < 2 else 0.0)
    length = 1.0 if words <= LONG_WORDS else LONG_WORDS / words
    return (actors + position) * length


def _suspect_sentences(text: str, sentences) -> set[int]:
    """Sentences holding a word boilerplate is made of: plain substring search over the text
    once, so the full pattern runs on a handful of sentences instead of all of them."""
    lowered = text.lower()
    starts = [start for start, _ in sentences]
    found: set[int] = set()
    for word in BOILERPLATE_WORDS:
        at = lowered.find(word)
        while at >= 0:
            found.add(bisect_right(starts, at) - 1)
            at = lowered.find(word, at + 1)
    return found


def _actors_by_sentence(sentences, actors: list[Actor]) -> dict[int, set[int]]:
    starts = [start for start, _ in sentences]
    holders: dict[int, set[int]] = defaultdict(set)
    for index, actor in enumerate(actors):
        if actor.hidden:
            continue
        for start, _ in actor.spans:
            holders[bisect_right(starts, start) - 1].add(index)
    return holders
