"""A name the text gives in quotes after a naming phrase: one name, a thing's unless it is a person's.

English introduces the name of a system, a programme or an operation in quotes after a naming
phrase: 'a vast array of cameras dubbed "Hebron Smart City"', 'the infrastructure is known as
"Wolf Pack"', 'an operation code-named "Iron Shield"'. The quotes bound the name, so the mentions
the model found inside them (it often cuts such a name in two: "Hebron" + "Smart City") are one
name, and a name so introduced is a thing's, not a person's, even where its words look like a
person's name. A person is introduced that way only as a nickname after their own name
('Joaquin Guzman, known as "El Chapo"'): a quoted name right after a person's mention keeps
the model's reading.
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, int]

_NAMING = re.compile(
    r"\b(?:(?:also\s+)?known\s+as|dubbed|called|named|code-?named|labell?ed|branded)\s+\Z", re.I
)
_OPEN_QUOTES = "“\""
_CLOSE = {"“": "”", "\"": "\""}
# Capitalised words, with "of"/"the"/"for"/"and" between them ("Axis of Resistance").
_QUOTED_NAME = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:(?:of|the|for|and)\s+)*[A-Z][\w'’-]*){0,5}")
_NAME_END = ".,;:!?"
MAX_NAME = 60


def name_quoted_names(text: str, spans: list[Span]) -> list[Span]:
    """`spans` (sorted) with the mentions inside a quoted name after a naming phrase made one."""
    out: list[Span] = []
    i = 0
    while i < len(spans):
        found = _quoted_name(text, spans[i][0])
        if found is None:
            out.append(spans[i])
            i += 1
            continue
        start, end = found
        inside = []
        while i < len(spans) and spans[i][0] >= start and spans[i][1] <= end:
            inside.append(spans[i])
            i += 1
        if not inside:
            out.append(spans[i])
            i += 1
            continue
        if _after_a_person(text, out, start):
            out.extend(inside)  # a person's nickname: the model's reading stands
            continue
        label = inside[0][2]
        if len(inside) > 1 or label == "PERSON":
            label = "WORK_OF_ART"  # a system's or a programme's name, no person's
        out.append((start, end, label, inside[0][3]))
    return out


def _quoted_name(text: str, at: int) -> tuple[int, int] | None:
    """The bounds of the quoted name that opens right at `at` (the quote before it), or None."""
    if at == 0 or text[at - 1] not in _OPEN_QUOTES:
        return None
    if not _NAMING.search(text, max(0, at - 30), at - 1):
        return None
    match = _QUOTED_NAME.match(text, at, at + MAX_NAME)
    if match is None:
        return None
    end = match.end()
    after = text[end : end + 2]
    closing = _CLOSE[text[at - 1]]
    if not (after[:1] == closing or (after[:1] in _NAME_END and after[1:2] == closing)):
        return None  # the quote holds more than a name: a phrase, a description
    return at, end


def _after_a_person(text: str, kept: list[Span], start: int) -> bool:
    if not kept or kept[-1][2] != "PERSON":
        return False
    return bool(re.fullmatch(r",?\s+(?:also\s+)?(?:known\s+as|called|dubbed|named)\s+.", text[kept[-1][1] : start]))
