"""The words around a mention, read for clues to its kind.

`Cues` answers questions about one mention's surroundings: is it used as a location ("in
Brussels"), introduced by a title, followed by a verb of speech, listed with places, the head of
"the X". `kinds.Context` builds on it; `folding` asks it whether a capital is only a location.
"""

from __future__ import annotations

import re

from analysis.actors import names
from analysis.actors.function_words import FUNCTION_WORDS, PHRASE_LINKS
from analysis.actors.mentions import Ref

# The words around a mention that say "place": "in/within/over (the) X", "X areas", coordination
# with a place ("Syria, Libya, and X"); that say "person": a title before, "X said" after.
_IN_PLACE = re.compile(
    r"\b(?:in|into|within|inside|across|throughout|near|around|outside|over)\s+(?:the\s+)?$", re.I
)
_LITERAL = re.compile(r"(?<!according )(?<!due )(?<!next )\b(?:to|from|at|via|toward|towards)\s+$", re.I)
_BASED_AFTER = re.compile(r"-(?:based|headquartered)\b")
_CAPITAL_BEFORE = re.compile(r"\bcapital(?:\s+city)?,?\s+$", re.I)
_GEO_AFTER = re.compile(
    r"^\s+(?:areas?|regions?|provinces?|oblasts?|city|county|district|border|coast|peninsula)\b"
)
_SPEECH = re.compile(
    r"^,?\s+(?:has\s+|had\s+|also\s+)?(?:said|says|told|tells|added|argued|wrote|writes|stated|"
    r"noted|warned|insisted|claimed|tweeted|explained|asked|replied|declared|announced|stressed|"
    r"urged)\b"
)
_ACCORDING = re.compile(r"\baccording to\s+(?:the\s+)?$", re.I)
_ARTICLE_BEFORE = re.compile(r"\bthe\s+$", re.I)
_WORD_AFTER = re.compile(r"^\s+([a-z]+)")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w.-]*)\s+$")
_COORDINATION = re.compile(r"^(?:['’]s)?\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|&)\s+)(?:(?:in|the)\s+)?$")
_CONJUNCTION = re.compile(r"\b(?:and|or)\b|&")


class Cues:
    """Questions about the text around each of `refs` (in document order)."""

    def __init__(self, text: str, refs: list[Ref]) -> None:
        self.text, self.refs = text, refs

    def before(self, ref: Ref, width: int = 40) -> str:
        return self.text[max(0, ref.start - width) : ref.start]

    def after(self, ref: Ref, width: int = 40) -> str:
        return self.text[ref.end : ref.end + width]

    def in_place(self, ref: Ref) -> bool:
        return bool(_IN_PLACE.search(self.before(ref)))

    def locative(self, ref: Ref) -> bool:
        """Used as a location ("in Brussels", "flew to Ankara", "in Cairo and Doha", "the
        capital, Lima": a city named as a city), not for whoever governs there."""
        before = self.before(ref)
        if _IN_PLACE.search(before) or _LITERAL.search(before) or _CAPITAL_BEFORE.search(before):
            return True
        if _BASED_AFTER.match(self.text, ref.end):
            return True  # "a Washington-based theatre": where something is, not who governs
        index = self._index.get(id(ref))
        if index:
            previous = self.refs[index - 1]
            if previous.sentence == ref.sentence and _COORDINATION.match(self.text[previous.end : ref.start]):
                return self.locative(previous)
        return False

    def object_of_verb(self, ref: Ref) -> bool:
        """Right after a lowercase content word ("circle Kiev", "bombed Kyiv", "visited Ankara"):
        the object of a verb, a city acted on, not the government that acts. English puts the
        agent before its verb, so a capital standing for its state is a subject ("Kyiv bought"),
        a possessive ("Moscow's narrative") or after a preposition ("launched by Kyiv", "talks
        with Moscow"), which are function words."""
        word = _WORD_BEFORE.search(self.before(ref, 24))
        if word is None:
            return False
        word = word.group(1)
        return word.islower() and word.isalpha() and word not in FUNCTION_WORDS

    def place_cue(self, ref: Ref, coordination: bool) -> bool:
        if self.in_place(ref) or _GEO_AFTER.match(self.after(ref)):
            return True
        return coordination and self.coordinated(ref)

    def titled(self, ref: Ref) -> bool:
        word = _WORD_BEFORE.search(self.before(ref, 24))
        return bool(word) and names.is_title(word.group(1))

    def cited(self, ref: Ref) -> bool:
        """"according to (the) X": a source, someone who speaks."""
        return bool(_ACCORDING.search(self.before(ref, 24)))

    def speech(self, ref: Ref) -> bool:
        return bool(_SPEECH.match(self.after(ref)))

    def article_head(self, ref: Ref) -> bool:
        """"the X" with X the head of its phrase (not "the Biden administration"); a plural
        name ("the Houthis") always is."""
        if not _ARTICLE_BEFORE.search(self.before(ref, 8)):
            return False
        if re.search(r"[^su]s$", ref.name):
            return True
        word = _WORD_AFTER.match(self.after(ref, 24))
        return word is None or word.group(1) in PHRASE_LINKS or word.group(1).endswith("ed")

    def coordinated(self, ref: Ref) -> bool:
        """Listed with a place ("Syria, Libya, and X", "in X or in Libya"). A bare comma counts
        only inside a list that an "and"/"or" closes, not before an apposition or a clause."""
        index = self._index.get(id(ref))
        if index is None:
            return False
        gaps = [self._gap(index - 1, index), self._gap(index, index + 1)]
        for side, other in ((0, index - 1), (1, index + 1)):
            gap = gaps[side]
            if gap is None or self.refs[other].kind != "place":
                continue
            if _CONJUNCTION.search(gap) or gaps[1 - side] is not None:
                return True
        return False

    def _gap(self, left: int, right: int) -> str | None:
        """The text between two neighbouring mentions when it joins them as a list does."""
        if left < 0 or right >= len(self.refs):
            return None
        a, b = self.refs[left], self.refs[right]
        if a.sentence != b.sentence:
            return None
        gap = self.text[a.end : b.start]
        return gap if _COORDINATION.match(gap) else None

    @property
    def _index(self) -> dict[int, int]:
        if not hasattr(self, "_positions"):
            self._positions = {id(ref): i for i, ref in enumerate(self.refs)}
        return self._positions
