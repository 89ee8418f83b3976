"""Names the model did not tag where a common noun beside them says what they are.

- A type noun before a name in apposition: "the NGO Front Line Defenders", "the charity Save the
  Trees", "the militia Liwa Fatemiyoun": capitalised words right after "the" and an organisation's
  noun are that organisation's name.
- A thing's noun after "the" and a name: "the Pegasus spyware", "the Iron Dome system", "the
  Starlink satellites": the capitalised words between them are the thing's name.
`add_described` adds each such name that no mention covers (ORG, PRODUCT); a place or a demonym
the gazetteers know ("the Israeli drones") is left to them.
"""

from __future__ import annotations

import re
from bisect import bisect_right

Span = tuple[int, int, str, int]

_NAME = r"[A-Z][\w'’&-]*(?: (?:the |of |for |and )?[A-Z][\w'’&-]*){0,4}"
_THE_NAME = re.compile(r"the [A-Z]")
_ORG_BEFORE = re.compile(
    rf"the (?:NGO|NGOs|charity|militia|group|organi[sz]ation|party|company|firm|agency|network|"
    rf"newspaper|magazine|broadcaster|start-?up|think tank|movement|union) ({_NAME})"
)
_THING_AFTER = re.compile(
    rf"the ({_NAME}) (?:spyware|software|system|missiles?|drones?|app|platform|rifles?|satellites?|"
    rf"rockets?|supercomputer|chatbot|aircraft|jets?|tanks?|vaccine|algorithm|programme|program)\b"
)


def add_described(text: str, spans: list[Span]) -> list[Span]:
    """`spans` (sorted) with the described names no mention covers added."""
    if "the " not in text:
        return spans
    starts = [span[0] for span in spans]
    added: list[Span] = []
    # Plain patterns that open with a literal the scan jumps to (no \b, which makes it try every
    # position); the article's own start is checked after.
    things = (_THING_AFTER.match(text, the.start()) for the in _THE_NAME.finditer(text))
    for found, label in [*((f, "ORG") for f in _ORG_BEFORE.finditer(text)), *((f, "PRODUCT") for f in things if f)]:
        at = found.start()
        if at and (text[at - 1].isalnum() or text[at - 1] == "-"):
            continue  # "breathe Air": not the article
        start, end = found.span(1)
        at = bisect_right(starts, end) - 1
        if at >= 0 and spans[at][1] > start:
            continue  # a mention covers it: the model's reading stands
        if _known_place(found.group(1)) or any(a < end and start < b for a, b, _, _ in added):
            continue
        added.append((start, end, label, spans[at][3] if at >= 0 else 0))
    return sorted(set(spans) | set(added)) if added else spans


def _known_place(name: str) -> bool:
    from analysis.actors.places import gazetteer

    places = gazetteer()
    return any(places.place(word) or places.demonym(word) for word in (name, name.split()[0]))
