"""Weapons, aircraft and products the model did not tag, found by how their names are written.

A maker's or a family's name followed by a model code of capitals and digits names a product or
a weapons system: "Bayraktar TB2", "Airbus A320", "Patriot PAC-3", "Lockheed F-35A", "Sukhoi
Su-57". The model reads the number as a quantity ("12 Bayraktar") and loses the name. `add_models`
adds each such name that no mention covers as a PRODUCT span (a thing). The maker must not be a
place or a month ("Kyiv TB2" is no product, "May B2" no model), and the code must hold a capital
letter and a digit: a bare number ("Route 66", "Apollo 11") is no model code.
"""

from __future__ import annotations

import re
from bisect import bisect_right

Span = tuple[int, int, str, int]

# A model code: one to three capitals, an optional hyphen, digits, an optional suffix of capitals.
_CODE = re.compile(r"(?<![\w-])[A-Z][A-Za-z]{0,2}-?\d{1,4}[A-Z]{0,3}(?![\w-])")
_MAKER_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][a-z]{2,}) \Z")
_MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)


def add_models(text: str, spans: list[Span]) -> list[Span]:
    """`spans` (sorted) with the untagged "Maker CODE" names added."""
    starts = [span[0] for span in spans]
    added: list[Span] = []
    for code in _CODE.finditer(text):
        maker = _MAKER_BEFORE.search(text, max(0, code.start() - 30), code.start())
        if maker is None or maker.group(1).casefold() in _MONTHS:
            continue
        start, end = maker.start(1), code.end()
        at = bisect_right(starts, end) - 1
        if at >= 0 and spans[at][1] > start:
            continue  # a mention covers it: the model's reading stands
        if _place(maker.group(1)):
            continue
        sentence = spans[at][3] if at >= 0 else 0
        added.append((start, end, "PRODUCT", sentence))
    return sorted(spans + added) if added else spans


def _place(word: str) -> bool:
    from analysis.actors.places import gazetteer

    return gazetteer().place(word) is not None
