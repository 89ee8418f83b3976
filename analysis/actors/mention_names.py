"""The names within one mention's text (`MentionReader.names_in`): a known name split from a
possessive that opens the mention, the words glued to a name cut (`analysis.actors.text_words`),
joined names ("Ukraine-Turkey") split, a place's descriptor dropped from its key, and title
words cut from the front of a person's name."""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.actors.keys import key, spaces, trim
from analysis.actors.name_words import ATTRIBUTE_PREFIX, GEO_DESCRIPTOR, NAME_PARTICLES
from analysis.actors.names import is_capitalised, is_title, person_tokens
from analysis.actors.places import MEDIUM
from analysis.actors.text_words import TextWords

DESCRIBED_LABELS = frozenset(("GPE", "LOC"))
_INNER_POSSESSIVE = re.compile(r"['’‘]s\s+(?=\S)")
_COMPOUND = re.compile(r"^([A-Z][^\s-]*(?: [A-Z][^\s-]*)*)-([A-Z][^\s-]*(?: [A-Z][^\s-]*)*)$")


@dataclass(frozen=True)
class WrittenName:
    """A name within a mention's text; offsets relative to the mention's start."""

    start: int
    end: int
    name: str
    key: str
    possessive: bool = False
    described: bool = False
    title: str = ""
    tokens: tuple[str, ...] = ()


class MentionReader(TextWords):
    """Reads the model's mentions in one text as names; each mention text is worked out once."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.cache: dict[tuple[str, str], list[WrittenName]] = {}

    def names_in(self, raw: str, label: str) -> list[WrittenName]:
        found = self.cache.get((raw, label))
        if found is None:
            found = []
            for start, end in self._spans(raw, 0, len(raw)):
                for start, end in self._name_words(raw, start, end, label):
                    piece = self._piece(raw, start, end, label)
                    if piece is not None:
                        found += self._split(piece)
            if label == "PERSON":
                found = [self._cut_title(raw, piece) for piece in found]
            self.cache[(raw, label)] = found
        return found

    def _spans(self, raw: str, start: int, end: int) -> list[tuple[int, int]]:
        """The mention, or, when a known name and a possessive open it ("Kyiv’s International"),
        that name and what follows it if that is a name of two words or more ("Russia’s Defence
        Ministry"); a lone word after it ("International") is a fragment of a title."""
        a, b, _ = trim(raw[start:end])
        start, end = start + a, start + b
        inner = _INNER_POSSESSIVE.search(raw, start, end)
        if inner is None or not self.known(raw[start : inner.start()]):
            return [(start, end)] if end > start else []
        spans = [(start, inner.start())]
        if len(raw[inner.end() : end].split()) >= 2:
            spans += self._spans(raw, inner.end(), end)
        return spans

    def _piece(self, raw: str, start: int, end: int, label: str) -> WrittenName | None:
        a, b, possessive = trim(raw[start:end])
        start, end = start + a, start + b
        name = spaces(raw[start:end])
        if len(name) < 2 or not any(ch.isalpha() for ch in name):
            return None
        if label == "NORP" and ATTRIBUTE_PREFIX.match(name):
            return None  # "post-Soviet" describes a thing, it is not an actor
        if label != "PERSON" and all(is_title(word) for word in name.split()):
            return None  # "Supreme" of "Supreme Leader": a title is not an actor
        if name == name.lower():
            place = self.places.place(name)
            if place is None or place.tier < MEDIUM:
                return None  # the model's lowercase "the administration" is no name
        if label in DESCRIBED_LABELS:
            described = GEO_DESCRIPTOR.match(name)
            if described and name[described.end() :][:1].isupper():
                core = key(name[described.end() :])
                return WrittenName(start, end, name, core, possessive, described=True)
        return WrittenName(start, end, name, key(name), possessive)

    def _split(self, piece: WrittenName) -> list[WrittenName]:
        """"Ukraine-Turkey" is two names when each part is a name this text writes, a state or a
        demonym; a town a gazetteer knows is not enough ("Newark-Liberty" is one airport)."""
        match = _COMPOUND.match(piece.name)
        if match is None or self.places.place(piece.name) is not None:
            return [piece]
        left, right = match.group(1), match.group(2)
        if not all(self._named_apart(part) for part in (left, right)):
            return [piece]
        cut = piece.start + len(left)
        return [
            WrittenName(piece.start, cut, left, key(left)),
            WrittenName(cut + 1, piece.end, right, key(right), piece.possessive),
        ]

    def _named_apart(self, part: str) -> bool:
        return key(part) in self.written or bool(self.places.state_code(part) or self.places.demonym(part))

    def _cut_title(self, raw: str, piece: WrittenName) -> WrittenName:
        """Title words in front of a person's name move out of it ("General Ruslan Khomchak").

        A title is a word of TITLE_WORDS, or, in front of a name of three words or more, a
        capitalised word that this same text also uses as an ordinary lowercase word and that
        no gazetteer knows as a place: how a garbled or unlisted title ("Common Ruslan
        Khomchak") shows itself. A title followed by "of" is the name itself ("Duke of
        Edinburgh", "the King of Jacob"): cut, it would leave "of Edinburgh".
        """
        words = list(re.finditer(r"\S+", raw[piece.start : piece.end]))
        cut = 0
        while cut < len(words) - 1 and is_title(words[cut].group()):
            cut += 1
        first = words[0].group() if words else ""
        if cut == 0 and len(words) >= 3 and is_capitalised(first) and first.lower() not in NAME_PARTICLES:
            if self.used_lowercase(first.lower()) and self.places.place(first) is None:
                cut = 1
        if cut and words[cut].group() == "of":
            cut = 0  # "Duke of Edinburgh", "the King of Jacob": the title is the name
        name, start, title = piece.name, piece.start, ""
        if cut:
            title = " ".join(word.group() for word in words[:cut])
            start = piece.start + words[cut].start()
            name = spaces(raw[start : piece.end])
        tokens = tuple(key(word) for word in person_tokens(name))
        return WrittenName(start, piece.end, name, key(name), piece.possessive, piece.described, title, tokens)
