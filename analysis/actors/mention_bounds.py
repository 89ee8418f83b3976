"""Where the model's mentions start and end, corrected from how names are written.

`correct(text, spans)` takes the model's (start, end, label, sentence) spans and returns them with
these general rules applied, each from how English writes a proper name:
- A name never runs across a line break: a list, a heading and the line after it are separate
  lines ("MB\\nNational Congress Party" is two names).
- A name never holds ": ", an em dash, " -- ", square brackets or a semicolon: they separate
  a label from its value, an aside or a stage direction ("United States—[applause]—I").
- A parenthesis inside a mention is an alias beside a name ("Central Reserve Police (CRP)") or an
  unclosed one the model cut ("Michel AWN (FPM"): the name and the bracketed words are two spans.
- A name is never cut inside a hyphenated word whose parts are capitalised ("Mar" of "Mar-a-Lago",
  "Liberty" of "Newark-Liberty"); a lowercase part after a hyphen ("US-designated") is no name.
- A name in quotes after a naming phrase ('cameras dubbed "Hebron Smart City"') is one name
  (`quoted_names`).
- A generic head the model found alone ("Accord", "Treaty") takes the capitalised words written
  right before it in the same sentence ("the Paris Climate Accord").
"""

from __future__ import annotations

import re

from analysis.actors.mention_joins import join_cut_names
from analysis.actors.name_words import ORG_HEADS
from analysis.actors.quoted_names import name_quoted_names
from analysis.actors.names import is_title
from analysis.actors.not_names import not_a_name

Span = tuple[int, int, str, int]

# Characters that end a name where they stand: a line break, a label's colon, a dash aside,
# square brackets (an editor's insertion), a semicolon (a list of names).
_BREAK = re.compile(r"\n|:\s|\s*—\s*|\s+--\s+|\s*–\s+|[\[\];]")
_PAREN = re.compile(r"\s*\(([^()]*)\)?\s*")
# A hyphenated continuation that is still the name: "-Lago", "-Liberty", "-a-Lago", "-al-Ansar".
_HYPHEN_AFTER = re.compile(r"-(?:[a-z]{1,3}-)*[A-Z][\w']*")
_HYPHEN_BEFORE = re.compile(r"[A-Z][\w']*(?:-[a-z]{1,3})*-\Z")
# Heads of things that are named by the words before them: treaties, accords, laws, plans, wars.
THING_HEADS = frozenset(
    "accord accords agreement treaty pact convention protocol charter declaration act plan "
    "war summit doctrine initiative".split()
)
_CAPITALISED_BEFORE = re.compile(r"((?:(?:[A-Z](?:\.[A-Z])+\.|[A-Z][\w'’-]*)\s+)+)$")


def correct(text: str, spans: list[Span]) -> list[Span]:
    pieces: list[Span] = []
    alone = _WordsAlone(text)
    for start, end, label, sentence in spans:
        for a, b in _cut(text, start, end):
            a, b = _whole_hyphenated(text, a, b, alone)
            a = _head_with_modifiers(text, a, b)
            if label != "PERSON":
                a, b = _without_title(text, a, b)
                a, label = _titled_person(text, a, b, label)
            if b > a and not _heading_word(text, a, b) and not _era(text, a, b) and not not_a_name(text, a, b):
                pieces.append((a, b, label, sentence))
    return _without_overlaps(name_quoted_names(text, join_cut_names(text, _without_overlaps(pieces))))


# An office holder's title written before "of" or after an organisation's name: the name is the
# organisation ("Chair of the Sovereign Council", "Sovereign Council Chair").
_TITLE_BEFORE_OF = re.compile(r"(?:the\s+)?([A-Z][\w-]*)\s+of\s+(?:the\s+)?(?=[A-Z])")
_TRAILING_TITLES = frozenset(
    "chair chairman chairwoman chairperson spokesman spokeswoman spokesperson leader chief "
    "director president secretary minister envoy ambassador".split()
)


def _without_title(text: str, start: int, end: int) -> tuple[int, int]:
    found = _TITLE_BEFORE_OF.match(text, start, end)
    if found and is_title(found.group(1)) and found.group(1).casefold() not in _NAMED_BY_TITLE:
        start = found.end()
    last = text.rfind(" ", start, end)
    if last > start and text[last + 1 : end].casefold() in _TRAILING_TITLES:
        end = last
    return start, end


def _titled_person(text: str, start: int, end: int, label: str) -> tuple[int, str]:
    """"Patrol Chief James Hall", which the model called a thing: a title word, then two or three
    capitalised words at the end, is a person named after their title."""
    words = list(re.finditer(r"\S+", text[start:end]))
    for count in (2, 3):
        if len(words) < count + 1:
            break
        title, rest = words[-count - 1].group(), [w.group() for w in words[-count:]]
        if not is_title(title) or title.casefold() in _NAMED_BY_TITLE:
            continue
        if all(w[:1].isupper() and not is_title(w) for w in rest) and rest[-1].casefold() not in ORG_HEADS:
            return start + words[-count].start(), "PERSON"
    return start, label


# Titles that with "of" are a place's or a person's name ("Kingdom of", "Duke of Edinburgh").
_NAMED_BY_TITLE = frozenset("king queen prince princess duke duchess emperor empress sultan emir lord lady".split())
_LINE = re.compile(r"[^\n]*")
_ADJECTIVE_END = re.compile(r"(?:al|ic|ive|ary|ory|ous|ern|ian)$")


_ERA = frozenset(("B.C.", "A.D.", "BC", "AD", "BCE", "CE", "B.C.E.", "C.E."))
# What a report writes for a value it does not have ("election results: NA").
_PLACEHOLDERS = frozenset(("NA", "N/A", "TBD", "TBA"))


def _era(text: str, start: int, end: int) -> bool:
    """"2500-1500 B.C.": an era's mark after a year is part of a date, no place or organisation;
    a placeholder for a missing value after a label's colon is no name either."""
    written = text[start:end]
    if written in _PLACEHOLDERS and text[max(0, start - 2) : start].strip() == ":":
        return True
    return written in _ERA and bool(re.search(r"(?:\d|century)\s*$", text[max(0, start - 12) : start]))


def _heading_word(text: str, start: int, end: int) -> bool:
    """A heading's word ("Background", "Judicial" of "Judicial branch"): one word on a short
    line of its own with no sentence punctuation, which the text writes nowhere else."""
    word = text[start:end]
    if " " in word or not word.isalpha() or word.isupper():
        return False  # an acronym alone on a line is a list's entry
    line_start = text.rfind("\n", 0, start) + 1
    words = _LINE.match(text, line_start).group().split()
    if not words or words[0] != word or len(words) > 4 or words[-1][-1:] in ".!?:;,\"”":
        return False
    if any(not rest.islower() for rest in words[1:]):
        return False  # "Tashnaq or Armenian Revolutionary Federation": a list's entry
    if len(words) >= 2 and _ADJECTIVE_END.search(word):
        return True  # "Judicial branch": a heading in sentence case opened by an adjective
    return text.count(word) == 1


def _cut(text: str, start: int, end: int) -> list[tuple[int, int]]:
    parts: list[tuple[int, int]] = []
    position = start
    for found in _BREAK.finditer(text, start, end):
        parts.append((position, found.start()))
        position = found.end()
    parts.append((position, end))
    result = []
    for a, b in parts:
        for c, d in _listed(text, a, b):
            result += _parenthesised(text, c, d)
    return [(a, b) for a, b in (_stripped(text, a, b) for a, b in result) if b > a]


def _listed(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """"Naval Forces, Air Forces": names of organisations listed with commas are each a name
    (only when every item is two words or more ending in an organisation's head noun)."""
    if ", " not in text[start:end]:
        return [(start, end)]
    items, position = [], start
    for found in re.finditer(r",\s+", text[start:end]):
        items.append((position, start + found.start()))
        position = start + found.end()
    items.append((position, end))
    for a, b in items:
        words = text[a:b].split()
        if len(words) < 2 or words[-1].casefold() not in ORG_HEADS:
            return [(start, end)]
    return items


def _parenthesised(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """"Name (ALIAS)" and "Name (ALIAS": the name and the words in brackets."""
    found = _PAREN.search(text, start, end)
    if found is None or found.start() == start:
        return [(start, end)]
    inner_start, inner_end = found.start(1), found.end(1)
    return [(start, found.start()), (inner_start, inner_end), *_parenthesised(text, found.end(), end)]


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t()[],":
        start += 1
    while end > start and text[end - 1] in " \t()[],-":
        end -= 1
    return start, end


def _whole_hyphenated(text: str, start: int, end: int, alone: _WordsAlone) -> tuple[int, int]:
    """The rest of a hyphenated name, unless both halves are names the text also writes alone:
    "the Erdogan-Zelensky summit" joins two people, each named elsewhere ("Newark-Liberty" is one
    airport though the text names Newark)."""
    if end > start and text[end - 1].isalnum():
        after = _HYPHEN_AFTER.match(text, end)
        added = text[end + 1 : after.end()].rsplit("-", 1)[-1] if after else ""
        if after and not (alone.holds(added) and alone.holds(text[start:end].split()[-1])):
            end = after.end()
    if start > 0 and text[start - 1] == "-":
        before = _HYPHEN_BEFORE.search(text, max(0, start - 40), start)
        added = text[before.start() : start].split("-", 1)[0] if before else ""
        if before and not (alone.holds(added) and alone.holds(text[start:end].split()[0])):
            start = before.start()
    return start, end


class _WordsAlone:
    """The capitalised words the text writes outside any hyphenated word, read on first use
    (only a text with a mention cut at a hyphen pays for it)."""

    _WORD = re.compile(r"(?<![-\w])[A-Z][\w']*(?![-\w])")

    def __init__(self, text: str) -> None:
        self.text = text
        self._words: set[str] | None = None

    def holds(self, word: str) -> bool:
        if self._words is None:
            self._words = set(self._WORD.findall(self.text))
        return word in self._words


def _head_with_modifiers(text: str, start: int, end: int) -> int:
    """"Accord" alone, after "the Paris Climate ": the name starts at "Paris"."""
    name = text[start:end]
    if " " in name or name.casefold() not in THING_HEADS:
        return start
    line_start = text.rfind("\n", 0, start) + 1
    before = _CAPITALISED_BEFORE.search(text, max(line_start, start - 60), start)
    if before is None:
        return start
    words_start = before.start(1)
    preceding = text[line_start:words_start].rstrip()
    if not preceding or preceding[-1] in ".!?\"“":
        return start  # a sentence's first word is capitalised anyway
    return words_start


def _without_overlaps(spans: list[Span]) -> list[Span]:
    """Identical spans once; a span inside a longer one (two mentions widened to one word) goes."""
    spans = sorted(set(spans), key=lambda s: (s[0], -(s[1] - s[0])))
    kept: list[Span] = []
    for span in spans:
        if kept and span[0] < kept[-1][1]:
            if span[1] <= kept[-1][1]:
                continue
        kept.append(span)
    return kept
