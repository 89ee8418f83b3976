"""People the model lost to a date or to a transcript's layout, read back from the text.

- A surname that is a month ("Theresa May", "Jo March"): the model reads the month as a date.
  A month right after a capitalised given name (not a sentence opener or a day, and no day's
  number after it: "Since May", "Friday May", "Memorial Day May 25") is the person's surname, so the two are one person's name; once the text
  names that person, the month alone before a verb of speech ("May said") is them too.
- A transcript's speaker label ("JANE DOE: Thank you"): capitals at a line's start before a
  colon, whose words are a person's name (or its surname) the text names elsewhere, are that
  person speaking.
Both run on the model's spans before the dates are set aside (`mentions.read_mentions`).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from analysis.actors.function_words import FUNCTION_WORDS, SENTENCE_OPENERS
from analysis.actors.keys import key

Span = tuple[int, int, str, int]

MONTHS = frozenset("January February March April May June July August September October November December".split())
# Months that are also surnames; the others are written after a given name only in a date.
_MONTH = re.compile(r"(?:May|March|June|August|April)\b")  # a space before is checked after: faster
_GIVEN_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+) \Z")
_DAY_AFTER = re.compile(r",? \d")
_SPEECH_AFTER = re.compile(
    r",? (?:said|says|told|tells|added|argued|wrote|insisted|warned|replied|declared|announced|stressed)\b"
)
# Found from the line break (a plain character the scan jumps to), the text's first line apart.
_SPEAKER = re.compile(r"\n((?:[A-Z][A-Z'’.-]+ ){0,3}[A-Z][A-Z'’-]+):[ \t]")


def people_from_dates(text: str, spans: list[Span]) -> list[Span]:
    """`spans` (sorted, dates included) with month surnames made people's names."""
    out = list(spans)
    starts = [span[0] for span in spans]
    surnames: set[str] = set()
    for month in _MONTH.finditer(text):
        if text[month.start() - 1 : month.start()] != " " or _DAY_AFTER.match(text, month.end()):
            continue  # "Memorial Day May 25": a date
        given = _GIVEN_BEFORE.search(text, max(0, month.start() - 30), month.start())
        if given is None or not _given_name(given.group(1)):
            continue
        start, end = given.start(1), month.end()
        at = bisect_right(starts, end) - 1
        while at >= 0 and spans[at][1] > start:
            if spans[at][2] != "DATE":
                break  # a name the model tagged ("Theresa May" as a person) stands
            at -= 1
        else:
            out = [span for span in out if not (span[2] == "DATE" and start <= span[0] and span[1] <= end)]
            out.append((start, end, "PERSON", _sentence(spans, starts, start)))  # "Theresa May"
            surnames.add(month.group())
            continue
        if spans[at][2] == "PERSON":
            surnames.add(month.group())
    if not surnames:
        return spans
    speaking = [
        (found.start(), found.end())
        for found in re.finditer(r"\b(?:%s)\b" % "|".join(sorted(surnames)), text)
        if _SPEECH_AFTER.match(text, found.end())
    ]  # "May said": the person the text names, speaking
    out = [span for span in out if not (span[2] == "DATE" and (span[0], span[1]) in speaking)]
    taken = {(a, b) for a, b, _, _ in out}
    out += [(a, b, "PERSON", _sentence(spans, starts, a)) for a, b in speaking if (a, b) not in taken]
    return sorted(out)


def _sentence(spans: list[Span], starts: list[int], at: int) -> int:
    index = bisect_right(starts, at) - 1
    return spans[index][3] if index >= 0 else 0


def _given_name(word: str) -> bool:
    lower = word.casefold()
    return lower not in FUNCTION_WORDS and lower not in SENTENCE_OPENERS and word not in MONTHS and lower != "day"


def add_speakers(text: str, spans: list[Span]) -> list[Span]:
    """`spans` (sorted) with the speaker labels of people the text names added as theirs."""
    if ":" not in text:
        return spans
    people = {key(text[a:b]) for a, b, label, _ in spans if label == "PERSON"}
    names = people | {name.rsplit(" ", 1)[-1] for name in people if " " in name}
    if not names:
        return spans
    starts = [span[0] for span in spans]
    added: list[Span] = []
    for found in _SPEAKER.finditer("\n" + text):  # a line break before the first line too
        start, end = found.start(1) - 1, found.end(1) - 1
        if key(found.group(1)) in names:
            added.append((start, end, "PERSON", _sentence(spans, starts, start)))
    if not added:
        return spans
    inside = [(a, b) for a, b, _, _ in added]
    # the model's reading of a label's words ("DOE" as an organisation) gives way to the label's
    kept = [span for span in spans if not any(a <= span[0] and span[1] <= b for a, b in inside)]
    return sorted(kept + added)
