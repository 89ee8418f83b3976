"""A few key sentences: the ones that hold the briefing's main actors, of a sane length, from
every part of the text.

The lead (the first sentence of prose that names an actor) states the news and comes first; the rest of the text is
cut into as many equal parts as the summary has sentences left, and each part gives its best
sentence, in order, so the summary covers the whole text and its conclusion, not only its lead. A sentence's score is the actors it holds,
where an actor already covered by a chosen sentence counts for half, so the summary does not repeat
one pair of actors five times. Never chosen: boilerplate ("The views expressed … are the author's
own"), a title or heading line (a line of its own with no sentence punctuation), a stage direction
("(Applause.)", "[Laughter]"), and a list the sentence splitter left as one sentence (three lines or
more, or five items and more), and a sentence that says again what a chosen sentence or the
text's first line (a title or standfirst above the lead) says: most of its content words are there
too. When the lead itself repeats the title, the summary (shown right above the text) opens with
the next sentence naming an actor. The chosen sentences come back in document order.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import defaultdict

from analysis.types import Actor, Span

MIN_WORDS, LONG_WORDS = 6, 60
POOL_PER_SENTENCE = 20
BOILERPLATE = re.compile(
    r"views expressed|author['’]s own|(?:do|does|don['’]t|doesn['’]t) (?:not )?(?:necessarily )?"
    r"(?:reflect|replicate)|editorial (?:stance|policy)|all rights reserved|copyright|©|"
    r"subscribe|sign up|newsletter|click here|follow us|read more|originally (?:published|appeared)|"
    r"contributed (?:to this )?report|disclaimer|this article (?:was|first)|terms of (?:use|service)|"
    # a news site's call to its readers ("Please share your videos ... at iReport")
    r"(?:please )?share your (?:videos|photos|pictures|stories|story|views)|send us your",
    re.IGNORECASE,
)
# Every BOILERPLATE alternative holds one of these (lowercase).
BOILERPLATE_WORDS = (
    "views", "author", "reflect", "replicate", "editorial", "rights", "copyright", "©",
    "subscri", "sign up", "newsletter", "click", "follow us", "read more", "originally",
    "contributed", "disclaimer", "this article", "terms of", "share your", "send us your",
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
    content = {index: _content_words(text, *sentences[index]) for index in candidates}
    title = _title_words(text, sentences[lead][0])
    if title and _repeats(content[lead], title):
        # The body opens by saying its title again: the summary, shown right above the text,
        # opens with the next sentence that names an actor, not the title once more.
        later = (i for i in candidates if i > lead and holders.get(i) and not _repeats(content[i], title))
        lead = next(later, lead)
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
        # A sentence that says again what a chosen one (or the title) says adds nothing.
        said = [content[i] for i in chosen] + ([title] if title else [])
        pool = [i for i in pool if not any(_repeats(content[i], words) for words in said)]
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


_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}")
# Two sentences say the same when this share of the shorter one's content words is in the other.
REPEAT_SHARE = 0.7
REPEAT_MIN_WORDS = 4  # fewer content words than this: too short to call a repetition


def _content_words(text: str, start: int, end: int) -> frozenset[str]:
    return frozenset(word.casefold() for word in _CONTENT_WORD.findall(text, start, end))


def _repeats(words: frozenset[str], other: frozenset[str]) -> bool:
    shorter = min(len(words), len(other))
    return shorter >= REPEAT_MIN_WORDS and len(words & other) >= REPEAT_SHARE * shorter


def _title_words(text: str, lead_start: int) -> frozenset[str]:
    """The content words of the text's first line when it stands before the lead's line: a
    title or a standfirst (a heading line is never a candidate, so the lead comes after it)."""
    start = len(text) - len(text.lstrip())
    line_end = text.find("\n", start, lead_start)
    if line_end < 0:
        return frozenset()  # the lead opens the text: no title above it
    return _content_words(text, start, line_end)


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


def _after_opening(summary: list[Span], paragraphs: list[Span]) -> list[Span]:
    """The summary's sentences after the text's first paragraph."""
    opening_end = paragraphs[0][1] if paragraphs else 0
    return [span for span in summary if span[0] >= opening_end]


def below_the_opening(summary: list[Span], paragraphs: list[Span]) -> list[Span]:
    """The summary less its sentences in the text's first paragraph, for a summary shown right
    above the text, where that paragraph is on screen too (a news lead opens the text: the sample's
    box repeated it line for line); all of it when nothing else is left."""
    return _after_opening(summary, paragraphs) or summary


def summarise_for_box(text: str, sentences: list[Span], actors: list[Actor], size: int,
                      paragraphs: list[Span]) -> list[Span]:
    """A summary with `size` sentences after the opening paragraph where the text has them, for a
    box shown above the text that leaves the opening's out (`below_the_opening`)."""
    ask = size
    for _ in range(3):  # choosing more can take more from the opening: a few rounds settle it
        summary = summarise(text, sentences, actors, ask)
        below = len(_after_opening(summary, paragraphs))
        if below >= size or len(summary) < ask:  # enough below the opening, or no more to take
            break
        ask += size - below
    return summary
