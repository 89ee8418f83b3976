"""Key facts: dates, times, numbers, quantities, amounts and percentages, in document order.

They come from the model's DATE, TIME, CARDINAL, QUANTITY, MONEY and PERCENT mentions, kept as
written: a relative date ("last week") is not turned into a calendar date, since the briefing's
own date is rarely known. Ordinals ("first", "ninth") are not facts. A few relative dates the
model misses ("last week", "yesterday") are found by a pattern, where no mention covers them.
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
    facts = [
        Fact(KIND_OF_LABEL[m.label], text[m.start : m.end], m.start, m.end, m.sentence)
        for m in mentions
        if m.label in KIND_OF_LABEL
        and not (m.label == "CARDINAL" and _LONE_SMALL_NUMBER.match(m.text.strip()))
    ]
    facts += _relative_dates(text, facts, sentences)
    facts.sort(key=lambda fact: (fact.start, fact.end))
    return facts


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
