"""Key facts: dates, times, numbers, quantities, amounts and percentages, in document order.

They come from the model's DATE, TIME, CARDINAL, QUANTITY, MONEY and PERCENT mentions, kept as
written: a relative date ("last week") is not turned into a calendar date, since the briefing's
own date is rarely known. Ordinals ("first", "ninth") are not facts. A few relative dates the
model misses ("last week", "yesterday") are found by a pattern, where no mention covers them.

What is not a fact, though the model tags it: a count without a unit or a figure ("two",
"hours", "the day": no digit, no magnitude, no calendar word); a number word that is part of a
name ("the Group of Twenty"). An age ("a 45-year-old", "aged 45") is an age, not a date. A date
does not run into the capitalised name after it ("2005 Juba"). A fact written again is one row,
with every place it is written in `occurrences`.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from analysis import scan
from analysis.types import Fact, Mention

KIND_OF_LABEL = {
    "DATE": "date",
    "TIME": "time",
    "CARDINAL": "number",
    "QUANTITY": "quantity",
    "MONEY": "money",
    "PERCENT": "percent",
}
# "one" alone is as often a pronoun or idiom as a count ("the one power", "one of them").
_LONE_SMALL_NUMBER = re.compile(r"^one$", re.IGNORECASE)
_RELATIVE_DATE = re.compile(
    r"\b(?:(?:last|next|this|past|coming|previous)\s+(?:week|weekend|month|year|decade|century|"
    r"spring|summer|autumn|fall|winter|(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
    r"|yesterday|today|tomorrow|tonight)\b",
    re.IGNORECASE,
)


def extract_facts(
    text: str, mentions: list[Mention], sentences: list[tuple[int, int]]
) -> list[Fact]:
    facts = []
    for m in mentions:
        if m.label not in KIND_OF_LABEL:
            continue
        kind, start, end = KIND_OF_LABEL[m.label], m.start, m.end
        if kind == "date":
            end = _date_end(text, start, end)
        written = text[start:end]
        if _AGE.search(written) or (kind == "number" and _AGED.search(text, max(0, start - 8), start)):
            kind = "age"
        elif not _is_fact(kind, written) or (kind == "number" and _in_name(text, start, written)):
            continue
        facts.append(Fact(kind, written, start, end, m.sentence))
    facts += _relative_dates(text, facts, sentences)
    facts.sort(key=lambda fact: (fact.start, fact.end))
    return _once_each(facts)


# "a 45-year-old", "45 years old", "aged 45": an age.
_AGE = re.compile(r"\b\d{1,3}[- ]years?[- ]old\b|\b\d{1,3}-year-olds?\b", re.IGNORECASE)
_AGED = re.compile(r"\baged\s+$", re.IGNORECASE)
# What makes a count or a time a fact: a figure, a magnitude, a calendar word.
_FIGURE = re.compile(
    r"\d|\b(?:hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half|quarter)\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
    r"|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:noon|midnight|spring|summer|autumn|fall|winter)\b"
    r"|\b(?:last|next|this|past|coming|previous|yesterday|today|tomorrow|tonight|ago|recent|latest|early|earlier|late|later)\b",
    re.IGNORECASE,
)
# A number word that ends a name: "the Group of Twenty", "the Big Four".
_NAME_BEFORE = re.compile(r"\b[A-Z][a-z]+(?:\s+of)?\s+$")
_SENTENCE_END = re.compile(r"(?:^|[.!?]\s+)$")
# A date's capitalised continuation that is no calendar word: "2005 Juba" -> "2005".
_CALENDAR = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|a\.?d|b\.?c|bce|ce)",
    re.IGNORECASE,
)


def _is_fact(kind: str, written: str) -> bool:
    if kind in ("money", "percent", "quantity"):
        return True
    if kind == "number" and _LONE_SMALL_NUMBER.match(written.strip()):
        return False
    return bool(_FIGURE.search(written))


def _in_name(text: str, start: int, written: str) -> bool:
    """A capitalised number word after a capitalised word (and "of"): "Group of Twenty"."""
    if not written[:1].isupper() or any(ch.isdigit() for ch in written):
        return False
    before = _NAME_BEFORE.search(text, max(0, start - 30), start)
    return bool(before) and not _SENTENCE_END.search(text, max(0, start - 40), before.start())


def _date_end(text: str, start: int, end: int) -> int:
    """The date without a capitalised word after its last figure that is no calendar word."""
    words = list(re.finditer(r"\S+", text[start:end]))
    while len(words) > 1:
        last = words[-1].group()
        if not last[:1].isupper() or _CALENDAR.match(last) or any(ch.isdigit() for ch in last):
            break
        words.pop()
    return start + words[-1].end() if words else end


def _once_each(facts: list[Fact]) -> list[Fact]:
    """One row per fact as written (case and spacing aside), with all its occurrences."""
    first: dict[tuple[str, str], Fact] = {}
    for fact in facts:
        key = (fact.kind, " ".join(fact.text.casefold().split()))
        found = first.get(key)
        if found is None:
            first[key] = fact
            fact.occurrences = [(fact.start, fact.end)]
        else:
            found.occurrences.append((fact.start, fact.end))
    return list(first.values())


def _relative_dates(text: str, found: list[Fact], sentences: list[tuple[int, int]]) -> list[Fact]:
    """Relative dates the model did not tag, each in the sentence that holds it."""
    covered = sorted((fact.start, fact.end) for fact in found)
    starts = [start for start, _ in sentences]
    covered_starts = [start for start, _ in covered]
    ends = [end for _, end in covered]
    extra = []
    for match in scan.finditer(_RELATIVE_DATE, text):
        index = bisect_right(covered_starts, match.start()) - 1
        if index >= 0 and ends[index] > match.start():
            continue  # inside a mention the model tagged
        if index + 1 < len(covered) and covered[index + 1][0] < match.end():
            continue
        sentence = max(0, bisect_right(starts, match.start()) - 1)
        extra.append(Fact("date", match.group(), match.start(), match.end(), sentence))
    return extra
