"""Rules by word class for cleaning names the model writes on unseen texts: function words
glued to a name at a sentence's start, verse marks, lowercase words inside a person's name,
two names joined in one mention. Each rule asks the text itself how it uses a word
(`TextWords`): whether it writes it lowercase, capitalises it after a lowercase word, or names
it alone."""

from __future__ import annotations

import re
from collections import Counter

from analysis import scan
from analysis.actors.function_words import FUNCTION_WORDS
from analysis.actors.keys import key, trim
from analysis.actors.name_words import NAME_PARTICLES
from analysis.actors.names import is_title
from analysis.actors.places import gazetteer



def _stands_alone(text: str, word: str, tries: int = 2000) -> bool:
    """Whether `word` occurs in `text` as a word of its own (not inside another); plain
    substring search, much faster than a regular expression over a long text."""
    at = text.find(word)
    while at >= 0 and tries:
        before = text[at - 1] if at else " "
        after = text[at + len(word) : at + len(word) + 1] or " "
        if not (before.isalnum() or before == "-") and not (after.isalnum() or after == "-"):
            return True
        at, tries = text.find(word, at + 1), tries - 1
    return False


_WORD = re.compile(r"\S+")
_INSIDE = re.compile(r"(?<=[a-z] )[A-Z][\w'’-]*")
_LOWERCASE_WORD = re.compile(r"(?<![\w-])[a-z]+(?![\w-])")
_CAPITALISED_WORD = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*")
# A word counts as a name the text writes mid-sentence when at least 1 in INSIDE_SHARE of its
# capitalised uses follows a lowercase word.
INSIDE_SHARE = 20
# Labels whose names are titles of works, laws, events or products: written as they are.
_FREE_LABELS = frozenset("WORK_OF_ART LAW EVENT PRODUCT".split())
_NAMED_LABELS = frozenset(("PERSON", "NORP"))  # names that never end with a number
_REFERENCE = re.compile(r"\(?\d+[:.]\d*[:.]?\)?$")  # "24:14", "3.", "(12:3)": a verse or list mark
_PERSON_INNER = frozenset(("of", "the"))  # "Saul of Rehoboth", "Alexander the Great"


def _trimmed(word: str) -> str:
    a, b, _ = trim(word)
    return word[a:b]


def _has_letter(raw: str, start: int, end: int) -> bool:
    return any(ch.isalpha() for ch in raw[start:end])


class TextWords:
    """What one text shows about its words, noted from the model's mentions and the text."""

    def __init__(self, text: str) -> None:
        self.text, self.places = text, gazetteer()
        self.written: set[str] = set()
        self.noted: set[str] = set()
        self.later_words: set[str] = set()  # words after the first of the model's mentions
        self.times: Counter[str] = Counter()  # how often each cleaned name is the model's mention
        self._lowercase: dict[str, bool] = {}
        self._counted: tuple[Counter[str], Counter[str], Counter[str]] | None = None

    def note(self, raw: str) -> None:
        if raw not in self.noted:
            self.noted.add(raw)
            a, b, _ = trim(raw)
            self.written.add(key(raw[a:b]))
            words = [w for w in raw.split() if any(ch.isalpha() for ch in w)]
            if len(words) == 1:
                self.written.add(key(words[0][slice(*trim(words[0])[:2])]))
            self.later_words.update(key(w[slice(*trim(w)[:2])]) for w in words[1:] if w[:1].isupper())

    def known(self, name: str) -> bool:
        return key(name) in self.written or bool(self.places.place(name) or self.places.demonym(name))

    def _name_words(self, raw: str, start: int, end: int, label: str) -> list[tuple[int, int]]:
        """The name(s) in a mention once the words the model glued to them are cut.

        - A name never starts with a word without letters: "24:14 Thou" (a verse reference),
          "3. Paris"; a person's or a people's name never ends with one either. A title of a
          work, a law or an event only loses a reference ("1984" is a title).
        - A person's name is capitalised words and particles ("von", "bin"): a lowercase word
          at its edge is cut ("Joseph hath", "slayeth Cain"), one inside it (but "of", "the")
          parts two names ("Jacob kissed Rachel", "Rachel and Leah").
        - A leading function word is cut where the text shows it is an ordinary word here
          (`ordinary`): "Let David", "Shall Saul", "Therefore Sarah". "Will Smith" keeps "Will"
          when the text also writes "Will" after a lowercase word ("actor Will Smith") or never
          names "Smith" alone. Before a person's name a content word is cut only where the text
          writes it lowercase at least twice and as often as capitalised ("Command Aaron"), so
          "Mark Rutte" keeps "Mark" in a text that writes "mark" once. The price: a two-word
          name opening with such a word, written only at sentence starts, whose second word the
          text also uses alone, loses it.
        - A mention left with no name word (a lone "Thou", "Behold") is dropped (`_no_name`).
        """
        words = [(m.start(), m.end()) for m in _WORD.finditer(raw, start, end)]
        free = label in _FREE_LABELS  # a title may open with a number ("1984"), not a reference
        while words and not _has_letter(raw, *words[0]) and (
            not free or _REFERENCE.match(raw, *words[0])
        ):
            words.pop(0)
        while words and label in _NAMED_LABELS and not _has_letter(raw, *words[-1]):
            words.pop()
        runs: list[list[tuple[int, int]]] = [[]]
        for i, (a, b) in enumerate(words):
            word = raw[a:b]
            inner = 0 < i < len(words) - 1
            if label == "PERSON" and word.islower() and word not in NAME_PARTICLES and not (
                inner and word in _PERSON_INNER
            ):
                runs.append([])  # a lowercase word is no part of a person's name
            else:
                runs[-1].append((a, b))
        if label == "PERSON":
            runs = [part for run in runs for part in self._two_names(raw, run)]
        spans = []
        for run in filter(None, runs):
            while len(run) > 1 and self._opener(raw[run[0][0] : run[0][1]], label) and (
                len(run) > 2 or self._alone(raw[run[1][0] : run[1][1]])
            ):
                run.pop(0)
            if len(run) == 1 and self._no_name(raw[run[0][0] : run[0][1]]):
                continue
            spans.append((run[0][0], run[-1][1]))
        return spans

    def _two_names(self, raw: str, run: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
        """Two names the model joined ("Rachel Jacob" of "Rachel Jacob's wife"): two words the
        text names on their own at least three times each, and each more than twice as often
        as the pair. A first name and a surname are rarely both used alone that often ("Joe
        Biden" and "Biden", seldom "Joe")."""
        if len(run) != 2:
            return [run]
        together = self.times[key(raw[run[0][0] : run[1][1]])]
        alone = [self.times[key(_trimmed(raw[a:b]))] for a, b in run]
        if all(count >= 3 and count > 2 * together for count in alone):
            return [run[:1], run[1:]]
        return [run]

    def _alone(self, word: str) -> bool:
        """Whether the text names `word` on its own ("David" of "Let David"), and it is no
        title: what is left of a two-word name must stand as a name by itself."""
        a, b, _ = trim(word)
        return key(word[a:b]) in self.written and not is_title(word)

    def ordinary(self, word: str) -> bool:
        """A capitalised function word the text also writes lowercase and (almost) never
        capitalises after a lowercase word: capitalised only because it opens a sentence."""
        word = word.strip(".,;:!?\"'’“”()[]")
        lower = word.lower()
        return (
            lower in FUNCTION_WORDS
            and word != lower
            and self.used_lowercase(lower)
            and not self.named_inside(word)
        )

    def _opener(self, word: str, label: str) -> bool:
        """A word glued to the front of a name only because it opens the sentence: a function
        word (`ordinary`), or, before a person's name, a content word the text writes lowercase
        at least as often as capitalised and (almost) never capitalises mid-sentence: an
        imperative or a sentence adverb ("Command Aaron", "Concerning Jesus"). Names of works,
        laws and campaigns keep theirs ("Made in America"); a title is left for the role."""
        if self.ordinary(word):
            return True
        if label != "PERSON":
            return False
        word = word.strip(".,;:!?\"'’“”()[]")
        lowercase, capitalised, _ = self._counts()
        return (
            word[:1].isupper()
            and not is_title(word)
            and lowercase[word.lower()] >= max(2, capitalised[word])
            and not self.named_inside(word)
            and self.places.place(word) is None
        )

    def _no_name(self, word: str) -> bool:
        """A lone word that is no name: a function word, or a word the text writes lowercase
        and capitalises only where a sentence or verse opens ("Behold", "Arise")."""
        a, b, _ = trim(word)
        word = word[a:b]
        lower = word.lower()
        if word == lower:
            return False  # a lowercase mention is judged with its label (`_piece`)
        if self.ordinary(word):
            return True
        return (
            self.used_lowercase(lower)
            and not self.named_inside(word)
            and key(word) not in self.later_words
            and self.places.place(word) is None
        )

    def named_inside(self, word: str) -> bool:
        """Whether the text writes `word` capitalised right after a lowercase word (where only a
        name is capitalised) in at least 1 in INSIDE_SHARE of its capitalised uses. One stray
        use does not make a name of a sentence opener: "So", a king of Egypt once in the Bible,
        opens 600 of its sentences."""
        _, capitalised, inside = self._counts()
        return inside[word] > 0 and inside[word] * INSIDE_SHARE >= capitalised[word]

    def _counts(self) -> tuple[Counter[str], Counter[str], Counter[str]]:
        """How often the text writes each word lowercase, capitalised, and capitalised right
        after a lowercase word; counted once, in one pass per pattern."""
        if self._counted is None:
            self._counted = (
                Counter(scan.findall(_LOWERCASE_WORD, self.text)),
                Counter(scan.findall(_CAPITALISED_WORD, self.text)),
                Counter(scan.findall(_INSIDE, self.text)),
            )
        return self._counted

    def used_lowercase(self, word: str) -> bool:
        """Whether the text uses `word` (lowercase) as an ordinary word somewhere."""
        if word not in self._lowercase:
            if len(self._lowercase) >= 16:  # many to ask about: count every word once
                return self._counts()[0][word] > 0
            self._lowercase[word] = _stands_alone(self.text, word)
        return self._lowercase[word]
