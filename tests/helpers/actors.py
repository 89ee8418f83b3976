"""Hand-made mentions for actor-layer tests: the layer's rules at their edges, without the model."""

from __future__ import annotations

import re

from analysis.actors.build import build_actors
from analysis.types import Actor, Mention


def tagged(text: str, marks: list[tuple[str, str]]):
    """Mentions for `marks` ((surface, label), in order of appearance) and sentence spans."""
    starts = [0] + [m.end() for m in re.finditer(r"(?<=[a-z][.!?])\s+", text)]
    sentences = [(a, b) for a, b in zip(starts, starts[1:] + [len(text)])]
    mentions, position = [], 0
    for surface, label in marks:
        start = text.index(surface, position)
        position = start + len(surface)
        sentence = max(i for i, (a, _) in enumerate(sentences) if a <= start)
        mentions.append(Mention(surface, label, start, position, sentence))
    return mentions, sentences


def actors_of(text, marks, **options) -> dict[str, Actor]:
    mentions, sentences = tagged(text, marks)
    return {a.name: a for a in build_actors(text, mentions, sentences, **options)}
