"""Weapons, aircraft and products the model did not tag, found by how their names are written.

A maker's or a family's name followed by a model code of capitals and digits names a product or
a weapons system: "Bayraktar TB2", "Airbus A320", "Patriot PAC-3", "Lockheed F-35A", "Sukhoi
Su-57". The model reads the number as a quantity ("12 Bayraktar") and loses the name. `add_models`
adds each such name that no mention reaches past as a PRODUCT span (a thing), in place of the
pieces the model tagged inside it ("Airbus" + "A320"). The maker must not be a
place, a month, a sentence's opener or a noun that numbers places ("Kyiv TB2" is no product,
"May B2" no model, "The G7" an organisation, "Gate A12" a gate), and the code must hold a capital
letter and a digit: a bare number ("Route 66", "Apollo 11") is no model code.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from analysis.actors.function_words import FUNCTION_WORDS, SENTENCE_OPENERS

Span = tuple[int, int, str, int]

# A model code: one to three capitals, an optional hyphen, digits, an optional suffix of capitals.
_CODE = re.compile(r"(?<![\w-])[A-Z][A-Za-z]{0,2}-?\d{1,4}[A-Z]{0,3}(?![\w-])")
_CODE_HINT = re.compile(r"[A-Z][A-Za-z]{0,2}-?\d")
_MAKER_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][a-z]{2,}) \Z")
# Nouns that number places and parts, not products: "Gate A12", "Terminal B2", "Section 5A".
_NUMBERED_PLACES = frozenset(
    "gate terminal room platform section article chapter page line route highway exit level floor "
    "building block zone grade class form unit ward district sector hall pier berth".split()
)
_NOT_MAKERS = FUNCTION_WORDS | SENTENCE_OPENERS | _NUMBERED_PLACES


def add_models(text: str, spans: list[Span]) -> list[Span]:
    """`spans` (sorted) with the untagged "Maker CODE" names added."""
    starts = [span[0] for span in spans]
    added: list[Span] = []
    removed: set[Span] = set()
    for hint in _CODE_HINT.finditer(text):  # the plainest pattern scans fastest; then the whole code
        code = _CODE.match(text, max(0, hint.start() - 2), hint.end() + 8)
        code = code or _CODE.match(text, max(0, hint.start() - 1), hint.end() + 8) or _CODE.match(text, hint.start(), hint.end() + 8)
        if code is None:
            continue
        maker = _MAKER_BEFORE.search(text, max(0, code.start() - 30), code.start())
        if maker is None or maker.group(1).casefold() in _NOT_MAKERS:
            continue  # "The G7 met", "In May B2": a sentence's opener or a month, no maker
        start, end = maker.start(1), code.end()
        at = bisect_right(starts, end) - 1
        inside = []
        while at >= 0 and spans[at][1] > start:
            inside.append(spans[at])
            at -= 1
        if any(span[0] < start or span[1] > end for span in inside):
            continue  # a mention reaches past it: the model's reading stands
        if _place(maker.group(1)):
            continue
        sentence = inside[-1][3] if inside else spans[at][3] if at >= 0 else 0
        removed.update(inside)  # "Airbus" + "A320": the maker and the code the model cut apart
        added.append((start, end, "PRODUCT", sentence))
    return sorted((set(spans) - removed) | set(added)) if added else spans


def _place(word: str) -> bool:
    from analysis.actors.places import gazetteer

    return gazetteer().place(word) is not None
