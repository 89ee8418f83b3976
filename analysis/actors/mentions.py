"""Reading the model's mentions as names: `read` turns a text's mentions into `Ref`s, the
actor layer's view of a mention (span, cleaned name, key, label, title cut off)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from analysis.actors.keys import key, trim
from analysis.actors.mention_bounds import correct
from analysis.actors.untagged_names import add_untagged
from analysis.actors.untagged_people import add_capital_surnames
from analysis.actors.untagged_things import add_models
from analysis.actors.described_names import add_described
from analysis.actors.people_in_labels import add_speakers, people_from_dates
from analysis.actors.mention_names import MentionReader
from analysis.actors.name_words import NAME_PARTICLES
from analysis.actors.targets import Target

# Labels that are facts (analysis.facts), not actors; a language is not an actor either.
NOT_ACTORS = frozenset(
    "DATE TIME CARDINAL ORDINAL QUANTITY MONEY PERCENT LANGUAGE".split()
)


@dataclass(slots=True)
class Ref:
    """One mention as the actor layer reads it: the name's span, its cleaned text and keys."""

    start: int
    end: int
    name: str
    key: str  # compares names; a place's descriptor is dropped ("Republic of Crimea" -> "crimea")
    label: str
    sentence: int
    possessive: bool = False
    described: bool = False  # written with a geographic descriptor ("the Autonomous Republic of")
    title: str = ""  # title words cut from the front of a person's name
    tokens: list[str] = field(default_factory=list)  # keys of a person's name words
    kind: str = ""  # decided kind; "" drops the mention
    target: Target | None = None  # the row it joins
    folded: bool = False


def read_mentions(text: str, mentions) -> list[Ref]:
    """The mentions that may be actors, cleaned: articles, possessives and titles cut, a name
    fused to a possessive ("Kyiv’s International") split off, joined names ("Ukraine-Turkey")
    split in two. Each distinct mention text is worked out once."""
    model_spans = people_from_dates(text, sorted((m.start, m.end, m.label, m.sentence) for m in mentions))
    spans = correct(text, [span for span in model_spans if span[2] not in NOT_ACTORS])
    spans = add_speakers(text, add_models(text, add_capital_surnames(text, add_untagged(text, spans))))
    spans = add_described(text, spans)
    spans = _join_particles(text, spans)
    reader = MentionReader(text)
    raws = [text[start:end] for start, end, _, _ in spans]
    for raw in set(raws):
        reader.note(raw)
    for raw in raws:
        a, b, _ = trim(raw)
        reader.times[key(raw[a:b])] += 1
    refs: list[Ref] = []
    add = refs.append
    for raw, (origin, _, label, sentence) in zip(raws, spans):
        for piece in reader.names_in(raw, label):
            end = origin + piece.end
            possessive = piece.possessive or (
                text[end : end + 2] in _POSSESSIVE_ENDINGS and not text[end + 2 : end + 3].isalnum()
            )
            add(Ref(origin + piece.start, end, piece.name, piece.key, label, sentence, possessive,
                    piece.described, piece.title, list(piece.tokens)))
    return refs


_POSSESSIVE_ENDINGS = frozenset(("'s", "’s", "‘s"))
_PARTICLE_END = re.compile(r"\s(?:%s)$" % "|".join(sorted(NAME_PARTICLES)))
_PARTICLE_START = re.compile(r"^(?:%s)\s" % "|".join(sorted(NAME_PARTICLES)))


def _join_particles(text: str, spans: list[tuple]) -> list[tuple]:
    """One name the model cut in two at a particle: "Ursula von der" + "Leyen", "Prince
    Abdulaziz" + "bin Salman" (a person's mention ending or starting with the particle, the two a
    space apart) is one person's mention."""
    joined: list[tuple] = []
    for span in spans:
        if joined:
            start, end, label, sentence = joined[-1]
            if (
                span[0] == end + 1
                and text[end] == " "
                and "PERSON" in (label, span[2])
                and (_PARTICLE_END.search(text, start, end) or _PARTICLE_START.match(text[span[0] : span[1]]))
            ):
                joined[-1] = (start, span[1], "PERSON", sentence)
                continue
        joined.append(span)
    return joined
