"""A person's title or role as the text states it, from the words around their first mentions.

Two shapes, both general English:
- a title run right before the name: "Turkish President Recep Tayyip Erdogan", "US State
  Secretary Antony Blinken", "Kyiv’s International Minister Dmytro Kuleba": capitalised words,
  possessives and title words ending at the name, holding at least one title word;
- an apposition right after it: "Konstantin Kosachev, deputy speaker on the Federal Council (…)",
  "Ruslan Khomchak, the commander-in-chief of Ukraine’s armed forces, …": a short phrase between
  commas or brackets that holds a title word.
Both are joined with ", " when a mention has both.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from analysis.names import TITLE_CONNECTORS, TITLE_MODIFIERS, is_capitalised, is_title, spaces

MENTIONS_READ = 4  # a role is looked for around the first few mentions only
HONORIFICS = frozenset("mr mrs ms miss mx sir dame".split())
_BOUNDARY = re.compile(r"[,;:()\[\]\n“”\"—–]")
_APPOSITION = re.compile(r",\s+([^,;:()\[\]\n“”\"—–]{3,140}?)\s*(?:[,;:(\[—–]|\.(?:\s|$)|$)")
_NOT_APPOSITION = re.compile(
    r"^(?:who|whom|whose|which|that|he|she|they|it|we|but|and|or|said|says|told|according|when|"
    r"while|as|if|in|on|at|after|before|not|too|also|however)\b",
    re.I,
)
MAX_APPOSITION_WORDS = 12


def find_role(
    text: str,
    spans: list[tuple[int, int]],
    sentences: list[tuple[int, int]],
    titles: dict[int, str] | None = None,
    others: list[tuple[int, int, str]] | None = None,
) -> str | None:
    """The role stated at the first of the first few mentions that states one.

    `titles` maps a mention's start to the title words cut from its front ("Common"), which
    count as title words; `others` lists all actors' mentions, sorted, as (start, end, kind): a
    title run never reaches back into another person's name, and a sentence's first word stays
    in a run only when it is a name ("NATO Secretary General …", not "Yesterday President …").
    """
    starts = [start for start, _ in sentences]
    others = others or []
    other_starts = [start for start, _, _ in others]
    own = set(spans)
    for start, end in spans[:MENTIONS_READ]:
        index = bisect_right(starts, start) - 1
        sentence_start = floor = sentences[index][0] if index >= 0 else 0
        at = bisect_right(other_starts, start - 1) - 1
        named: set[int] = set()
        while at >= 0 and others[at][1] >= floor:
            other_start, other_end, kind = others[at]
            if kind == "person" and (other_start, other_end) not in own:
                floor = max(floor, other_end)
                break
            named.add(other_start)
            at -= 1
        cut = (titles or {}).get(start, "")
        before = before_name(text, start, floor, sentence_start, cut, named)
        parts = [before, after_name(text, end)]
        role = ", ".join(part for part in parts if part)
        if role:
            return role
    return None


def before_name(
    text: str, start: int, floor: int, sentence_start: int, cut: str = "", named=frozenset()
) -> str:
    """The title run ending at `start`, not reaching back past `floor`."""
    low = max(floor, start - 160)
    window = text[low:start]
    boundary = None
    for boundary in _BOUNDARY.finditer(window):
        pass
    offset = low + (boundary.end() if boundary is not None else 0)
    cut_words = {word.casefold() for word in cut.split()}
    run: list[tuple[int, str]] = []
    for match in reversed(list(re.finditer(r"\S+", text[offset:start]))):
        word = match.group()
        bare = word.strip(".,")
        folded = bare.casefold()
        if _titled(bare, cut_words) or folded in TITLE_MODIFIERS or is_capitalised(bare):
            run.append((offset + match.start(), word))
        elif run and folded in TITLE_CONNECTORS:
            run.append((offset + match.start(), word))
        else:
            break
    run.reverse()
    while run and run[0][1].casefold() in TITLE_CONNECTORS:
        run.pop(0)
    opening = run and not text[sentence_start : run[0][0]].strip(" \t\n\"“‘'(")
    if opening and run[0][0] not in named and not _titled(run[0][1], cut_words):
        run.pop(0)  # "Yesterday President X": a capital that only starts the sentence
    words = [word for _, word in run]
    if not any(_titled(word, cut_words) for word in words):
        return ""
    if all(word.strip(".").casefold() in HONORIFICS for word in words):
        return ""  # "Mr" says nothing about a role
    return spaces(" ".join(words))


def after_name(text: str, end: int) -> str:
    match = _APPOSITION.match(text, end, min(len(text), end + 200))
    if match is None:
        return ""
    phrase = spaces(match.group(1))
    if _NOT_APPOSITION.match(phrase) or len(phrase.split()) > MAX_APPOSITION_WORDS:
        return ""
    words = phrase.split()
    if words[0].casefold() in ("the", "a", "an"):
        words = words[1:]
    if not words or not any(is_title(word.strip(".,’'s")) for word in words[:4]):
        return ""
    return " ".join(words)


def _titled(word: str, cut_words: set[str]) -> bool:
    bare = word.strip(".,")
    return is_title(bare) or bare.casefold() in cut_words
