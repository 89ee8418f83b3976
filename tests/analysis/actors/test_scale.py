"""The actor layer at scale: ~1 MB of text with ~25,000 mentions and ~3,000 distinct names (the
seed's mentions repeated with most people and organisations renamed) goes through actors, facts,
summary and salience.

How long that takes is a benchmark, not a test (machines here are shared and noisy): bench/ (c)
prints the layer's share of the spaCy time (1.9% on 1 MB of speeches; about 0.3-0.5 s of CPU).
"""

from __future__ import annotations

import random
import re
from bisect import bisect_right

from analysis.actors.build import build_actors
from analysis.facts import extract_facts
from analysis.types import Mention
from analysis.actors.places import gazetteer
from analysis.salience import rank
from analysis.summary import summarise


def big_briefing(text: str, mentions: list[Mention], copies: int = 165):
    rng = random.Random(7)

    def word() -> str:
        letters = "".join(rng.choice("aeiou") + rng.choice("bdfgklmnprstvz") for _ in range(rng.randint(1, 3)))
        return rng.choice("BDFGHKLMNPRSTVZ") + letters

    parts, all_mentions, all_sentences, offset, sentence_offset = [], [], [], 0, 0
    for _ in range(copies):
        renamed: dict[str, str] = {}
        pieces, local, position = [], [], 0
        for mention in mentions:
            new = mention.text
            if mention.label in ("PERSON", "ORG") and rng.random() < 0.7:
                new = renamed.setdefault(mention.text, " ".join(word() for _ in mention.text.split()))
            pieces.append(text[position : mention.start])
            start = sum(map(len, pieces))
            pieces.append(new)
            position = mention.end
            local.append((mention.label, start, start + len(new), new))
        pieces.append(text[position:])
        copy = "".join(pieces)
        starts = [0] + [m.end() for m in re.finditer(r"(?<=[.!?])\s+", copy)]
        all_sentences += [(a + offset, b + offset) for a, b in zip(starts, starts[1:] + [len(copy)])]
        for label, start, end, new in local:
            sentence = sentence_offset + bisect_right(starts, start) - 1
            all_mentions.append(Mention(new, label, start + offset, end + offset, sentence))
        sentence_offset += len(starts)
        parts.append(copy)
        offset += len(copy) + 2
    return "\n\n".join(parts), all_mentions, all_sentences


def test_a_megabyte_of_mentions_goes_through_the_whole_layer(seed_document, seed_tagged):
    gazetteer()  # built once per process; measured on its own in test_places
    text, mentions, sentences = big_briefing(seed_document.text, seed_tagged.mentions)
    assert len(text) > 1_000_000 and len(mentions) > 20_000

    def derive():
        actors = build_actors(text, mentions, sentences)
        extract_facts(text, mentions, sentences)
        rank(actors, summarise(text, sentences, actors), len(text))
        return actors

    actors = derive()
    assert len(actors) > 1000
    assert all(actor.spans == sorted(actor.spans) for actor in actors)
    assert sum(actor.mentions for actor in actors) <= len(mentions)
