"""People the model did not tag, in a text that writes surnames in capitals.

Reports and transcripts (the CIA World Factbook, UN documents) write a person's surname in
capitals: "President Joseph AOUN", "Abdalla HAMDOUK". Where the text shows that convention (the
model tagged at least one such name as a person), a given name followed by a surname in capitals
that no mention covers ("2016: Michel AWN elected president") is a person's name too. Not when
the word in capitals is an acronym of the text (written in brackets, or tagged alone as an
organisation: "HAMAS") or the word before it opens a sentence ("After HAMAS attacked").
"""

from __future__ import annotations

import re
from bisect import bisect_right

from analysis.actors.function_words import FUNCTION_WORDS, SENTENCE_OPENERS

Span = tuple[int, int, str, int]

# A surname in capitals ("AWN", "al-BASHIR") after a given name ("Michel", "Abd-al-Fattah").
_CAPITALS = re.compile(r"[A-Z][A-Z][A-Z]+(?![\w'’-])")  # the plainest pattern scans fastest
_GIVEN_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][a-z]+(?:-[a-z]+-[A-Z][a-z]+)?) \Z")

_BRACKETED = re.compile(r"\(([A-Z]{3,})\)")


def _capital_surname(written: str) -> bool:
    words = written.split()
    return len(words) >= 2 and any(
        len(core := word.rsplit("-", 1)[-1]) >= 3 and core.isalpha() and core.isupper() for word in words
    ) and any(word[:1].isupper() and not word.isupper() for word in words)


def add_capital_surnames(text: str, spans: list[Span]) -> list[Span]:
    """`spans` (sorted) with the untagged "Given SURNAME" names added, where the text uses them."""
    if not any(label == "PERSON" and _capital_surname(text[a:b]) for a, b, label, _ in spans):
        return spans
    acronyms = {text[a:b] for a, b, label, _ in spans if label != "PERSON" and text[a:b].isupper()}
    acronyms |= set(_BRACKETED.findall(text))  # "(FPM)": letters the text defines
    starts = [span[0] for span in spans]
    added: list[Span] = []
    for capitals in _CAPITALS.finditer(text):  # words in capitals are rare: find them first
        at = capitals.start()
        if at >= 3 and text[at - 1] == "-" and text[at - 3 : at - 1].isalpha() and text[at - 3 : at - 1].islower():
            at -= 3  # "al-BASHIR": an Arabic article before the surname
        if at < 2 or text[at - 1] != " " or not text[at - 2].islower():
            continue  # a given name ends in a lowercase letter, a space before the surname
        before = _GIVEN_BEFORE.search(text, max(0, at - 40), at)
        if before is None:
            continue
        given, surname = before.group(1), text[at : capitals.end()]
        start, end = before.start(1), capitals.end()
        if given.casefold() in FUNCTION_WORDS or given.casefold() in SENTENCE_OPENERS:
            continue
        core = surname.rsplit("-", 1)[-1]
        if surname in acronyms or core in acronyms:
            continue
        at = bisect_right(starts, end) - 1
        if at >= 0 and spans[at][1] > start:
            continue  # a mention covers it: the model's reading stands
        sentence = spans[at][3] if at >= 0 else 0
        added.append((start, end, "PERSON", sentence))
    return sorted(spans + added) if added else spans
