"""Organisation and treaty names the model did not tag, found by how they are written.

English writes an organisation's name as capitalised words ending in a head noun ("Lebanese
Democratic Party", "Marada Movement", "Islamic Action Front"), optionally followed by "of/for ..."
("Umma Party for Reform and Development"). The model misses many such names in lists and in
reports (a line that is a name alone has no sentence around it). `add_untagged` finds each such
name that no mention covers, and the acronym written right after it ("Lebanese Forces or LF",
"Free Patriotic Movement (FPM)"), and adds them as ORG spans. Linear: the text is scanned for the
head nouns only, then read backwards from each.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from analysis.actors.not_names import not_a_name

Span = tuple[int, int, str, int]

# Head nouns that end an organisation's name; capitalised, as they are inside a name.
HEADS = (
    "Party|Parties|Movement|Front|Forces|Bloc|Brigade|Brigades|Regiment|Regiments|Council|Ministry|"
    "Directorate|Gendarmerie|Army|Navy|Guard|Guards|Corps|Police|Commission|Committee|Agency|"
    "Organization|Organisation|Association|Federation|League|Institute|Union|Alliance|Coalition"
)
# Heads of treaties, laws and plans, read the same way ("the Juba Peace Agreement").
THING_HEADS = "Agreement|Agreements|Accord|Accords|Treaty|Convention|Protocol|Act|Plan|Charter"
_HEAD = re.compile(rf"\b(?:(?P<org>{HEADS})|{THING_HEADS})\b")
_WORD_BEFORE = re.compile(r"([A-Z][\w'’.-]*|of|for|and|the|de|al)[ \t]+\Z")
_TAIL = re.compile(r"[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?[A-Z][\w'’-]*(?:[ \t]+(?:and[ \t]+)?[A-Z][\w'’-]*)*")
_BRACKETED_ACRONYM = re.compile(r"[ \t]+\(([A-Z][A-Za-z]?[A-Z]+(?:-[A-Z]+)?)\)")
_ACRONYM_AFTER = re.compile(r"[ \t]+(?:or[ \t]+|\()([A-Z][A-Za-z]?[A-Z]+(?:-[A-Z]+)?)\b")
# A capitalised word that starts a sentence or a clause, not a name.
_NOT_FIRST = frozenset("The A An This That These Those Its His Her Their Our In On At Of For And But Or".split())
_CAPITALISED_NEXT = re.compile(r"[ \t]+[A-Z]")
_ENDS_NAME = re.compile(r"(?<![A-Z])\.$|['’]s?$")
_SMALL = frozenset(("of", "for", "and", "the", "de", "al"))


def add_untagged(text: str, spans: list[Span]) -> list[Span]:
    """`spans` (sorted) with the organisation names and acronyms no span covers added."""
    starts = [span[0] for span in spans]
    added: list[Span] = []
    removed: set[Span] = set()
    for head in _HEAD.finditer(text):
        if _CAPITALISED_NEXT.match(text, head.end()):
            continue  # "the NGO Front Line Defenders": the name goes on past this noun
        start, end = _name_around(text, head.start(), head.end())
        if start is None or not_a_name(text, start, end):
            continue
        at = bisect_right(starts, end) - 1
        inside = _inside(spans, at, start, end)
        if inside is None:
            continue  # a mention reaches past it or is an organisation's: the model's bounds stand
        removed.update(inside)  # "Social Democrat Hunshaqian Party": the model tagged one word
        sentence = spans[at][3] if at >= 0 else 0
        added.append((start, end, "ORG" if head.group("org") else "LAW", sentence))
        acronym = _ACRONYM_AFTER.match(text, end)
        if acronym:
            added.append((acronym.start(1), acronym.end(1), "ORG", sentence))
    for start, end, label, sentence in spans:
        # "the UN Interim Security Force for Abyei (UNISFA)": the model tagged the name, not the
        # acronym it defines in brackets right after it
        if label not in ("PERSON", "DATE"):
            acronym = _BRACKETED_ACRONYM.match(text, end)
            if acronym and not _covered(starts, spans, acronym.start(1), acronym.end(1)):
                added.append((acronym.start(1), acronym.end(1), "ORG", sentence))
    if not added:
        return spans
    return sorted((set(spans) - removed) | set(added))


def _inside(spans: list[Span], at: int, start: int, end: int) -> list[Span] | None:
    """The mentions within [start, end) when all of them lie inside it, after its first word,
    and none is an organisation's; else None."""
    found = []
    while at >= 0 and spans[at][1] > start:
        span = spans[at]
        if span[0] <= start or span[1] > end or span[2] == "ORG":
            return None  # a mention opening the name ("Turkish-Ukrainian ... Council") stands
        found.append(span)
        at -= 1
    return found


def _covered(starts: list[int], spans: list[Span], start: int, end: int) -> bool:
    at = bisect_right(starts, end) - 1
    return at >= 0 and spans[at][1] > start


def _name_around(text: str, head_start: int, head_end: int) -> tuple[int | None, int]:
    """The capitalised words before a head noun (small words between them allowed), without a
    leading small word or sentence opener; None when no such word stands before the head."""
    words: list[tuple[int, str]] = []
    start = head_start
    while len(words) < 8:
        found = _WORD_BEFORE.search(text, max(0, start - 40), start)
        if found is None or _ENDS_NAME.search(found.group(1)):
            break  # a sentence's end ("Ukraine.") or a possessive ("Sudan’s") is before the name
        start = found.start(1)
        words.append((start, found.group(1)))
    words.reverse()
    while words and (words[0][1] in _SMALL or words[0][1] in _NOT_FIRST):
        words.pop(0)
    if not words:
        return None, head_end
    tail = _TAIL.match(text, head_end)
    return words[0][0], tail.end() if tail else head_end
