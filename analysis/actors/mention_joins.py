"""One name the model cut in two, joined again from the text's own evidence.

- An acronym defined in brackets spells the whole name: "the UN Interim Force in Lebanon
  (UNIFIL)" and "Islamic State of Iraq and ash-Sham (ISIS)", where the model stopped at "Force"
  and "Iraq", are widened to the words the acronym's letters cover.
- An organisation's head noun followed by "for (the)", "of (the)" or "on" and another name is one
  name: "United Nations Office" + "for the" + "Coordination of Humanitarian Affairs".
- A people's adjective before another people's plural is one people: "Ukrainian Americans".
- An organiser's possessive before an event is the event's name: "Macy's Thanksgiving Day Parade".
"""

from __future__ import annotations

import re

from analysis.actors.name_words import ORG_HEADS

Span = tuple[int, int, str, int]

_WORDS_THEN_ACRONYM = re.compile(
    r"((?:[ \t]+(?:[A-Z][\w'’]*(?:-[\w'’]+)*|[a-z]{1,3}-[A-Z][\w'’]*|of|for|in|on|and|the))+)"
    r"[ \t]*\(([A-Z]{2,10})\)"
)
_LINK = re.compile(r"^[ \t]+(?:for|of|on)(?:[ \t]+the)?[ \t]+\Z")
_SMALL = frozenset("of for in on and the al ash as el".split())


def join_cut_names(text: str, spans: list[Span]) -> list[Span]:
    joined: list[Span] = []
    for span in spans:
        if joined and _linked(text, joined[-1], span):
            start, _, label, sentence = joined[-1]
            joined[-1] = (start, span[1], label, sentence)
            continue
        if joined and _hyphenated_people(text, joined[-1], span):
            joined[-1] = (joined[-1][0], span[1], "NORP", joined[-1][3])
            continue
        if joined and _organisers_event(text, joined[-1], span):
            joined[-1] = (joined[-1][0], span[1], span[2], joined[-1][3])
            continue
        joined.append(_spelt_out(text, span))
    return joined


_POSSESSIVE_GAP = re.compile(r"^['’]s[ \t]+\Z")


def _hyphenated_people(text: str, left: Span, right: Span) -> bool:
    """"Ukrainian" + "Americans", "Arab" + "Israelis": a people's adjective right before another
    people's plural names one people (a diaspora, a minority), not two."""
    return (
        left[2] == "NORP" and right[2] == "NORP" and text[left[1] : right[0]] == " "
        and text[right[1] - 1 : right[1]] == "s" and " " not in text[left[0] : left[1]]
        and not text[left[1] - 1 : left[1]] == "s"
    )


def _organisers_event(text: str, left: Span, right: Span) -> bool:
    """"Macy's" + "Thanksgiving Day Parade": an event named after its organiser, possessive and all."""
    return left[2] in ("ORG", "PERSON") and right[2] == "EVENT" and bool(
        _POSSESSIVE_GAP.match(text[left[1] : right[0]])
    )


def _linked(text: str, left: Span, right: Span) -> bool:
    first = text[right[0] : right[1]].removeprefix("the ")
    if left[2] != "ORG" or right[2] != "ORG" or not first[:1].isupper():
        return False
    head = text[left[0] : left[1]].rsplit(" ", 1)[-1].casefold()
    return head in ORG_HEADS and bool(_LINK.match(text[left[1] : right[0]]))


def _spelt_out(text: str, span: Span) -> Span:
    """`span` widened over the words up to "(ACRONYM)" when the acronym spells them all."""
    start, end, label, sentence = span
    found = _WORDS_THEN_ACRONYM.match(text, end)
    if found is None:
        return span
    words = re.split(r"[\s-]+", text[start : found.end(1)].strip())
    if _spells(found.group(2), words):
        # a name an acronym spells out is an organisation's, whatever the label of its first words
        return (start, found.end(1), "ORG" if label in ("NORP", "PERSON") else label, sentence)
    return span


def _spells(acronym: str, words: list[str]) -> bool:
    """Whether the words' initials make the acronym: each word gives its first letter (a word in
    capitals, "UN", may give all of them); small words ("of", "al") may give theirs or none."""
    acronym = acronym.upper()

    def match(i: int, j: int) -> bool:
        if i == len(words):
            return j == len(acronym)
        word = words[i]
        small = word.casefold() in _SMALL
        if small and match(i + 1, j):
            return True
        if j < len(acronym) and word[:1].upper() == acronym[j] and match(i + 1, j + 1):
            return True
        if word.isupper() and len(word) > 1 and acronym.startswith(word, j) and match(i + 1, j + len(word)):
            return True
        return False

    return len(words) >= 2 and match(0, 0)
