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

from analysis.actors.function_words import NOT_TITLE_WORDS, SENTENCE_OPENERS
from analysis.actors.keys import spaces
from analysis.actors.names import is_capitalised, is_title
from analysis.actors.title_words import HONORIFICS, TITLE_CONNECTORS, TITLE_MODIFIERS

MENTIONS_READ = 4  # a role is looked for around the first few mentions only
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
    title run never reaches back into another person's name. A sentence's first word stays in a
    run unless it is one that opens sentences ("NATO Secretary General …", "Energy Minister …",
    not "Yesterday President …").
    For many people in one text, build a `Roles` once and ask it.
    """
    return Roles(text, sentences, others).find(spans, titles)


class Roles:
    """`find_role` for many people in one text: the offsets are indexed once."""

    def __init__(self, text: str, sentences, others=None) -> None:
        self.text, self.sentences = text, sentences
        self.starts = [start for start, _ in sentences]
        self.others = others or []
        self.other_starts = [start for start, _, _ in self.others]

    def find(self, spans: list[tuple[int, int]], titles: dict[int, str] | None = None) -> str | None:
        own = set(spans)
        for start, end in spans[:MENTIONS_READ]:
            index = bisect_right(self.starts, start) - 1
            sentence_start = floor = self.sentences[index][0] if index >= 0 else 0
            at = bisect_right(self.other_starts, start - 1) - 1
            while at >= 0 and self.others[at][1] >= floor:
                other_start, other_end, kind = self.others[at]
                if kind == "person" and (other_start, other_end) not in own:
                    floor = max(floor, other_end)
                    break
                at -= 1
            cut = (titles or {}).get(start, "")
            before = before_name(self.text, start, floor, sentence_start, cut)
            role = ", ".join(part for part in (before, after_name(self.text, end)) if part)
            if role:
                return role
        return None


def before_name(
    text: str, start: int, floor: int, sentence_start: int, cut: str = ""
) -> str:
    """The title run ending at `start`, not reaching back past `floor`."""
    low = max(floor, start - 160)
    window = text[low:start]
    boundary = None
    for boundary in _BOUNDARY.finditer(window):
        pass
    offset = low + (boundary.end() if boundary is not None else 0)
    cut_words = {word.casefold() for word in cut.split()}
    tokens = [(offset + m.start(), m.group()) for m in re.finditer(r"\S+", text[offset:start])]
    run: list[tuple[int, str]] = []
    index = len(tokens) - 1
    while index >= 0:
        word = tokens[index][1]
        bare = word.strip(".,")
        folded = bare.casefold()
        if _titled(bare, cut_words) or folded in TITLE_MODIFIERS or is_capitalised(bare):
            run.append(tokens[index])
        elif run and folded in TITLE_CONNECTORS:
            run.append(tokens[index])
        elif run and _titled(run[-1][1], cut_words):
            # "Sudan’s army chief", "Ukraine’s foreign minister": up to two ordinary words
            # before a title, when a name owns them (or nothing stands before them).
            lower = index
            while lower > index - 2 and lower >= 0 and _ordinary(tokens[lower][1]):
                lower -= 1
            opens = lower < 0 and offset == sentence_start
            if lower < index and (opens or (lower >= 0 and is_capitalised(tokens[lower][1]))):
                run.extend(reversed(tokens[lower + 1 : index + 1]))
                index = lower
                continue
            break
        else:
            break
        index -= 1
    run.reverse()
    while run and run[0][1].casefold() in TITLE_CONNECTORS:
        run.pop(0)
    while run and run[0][1].strip(".,").casefold() in SENTENCE_OPENERS:
        run.pop(0)  # "Yesterday President X", "On Monday President X": not part of a title
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
    if not words or not any(is_title(re.sub(r"['’]s$", "", word)) for word in words[:4]):
        return ""
    return " ".join(words)


def _ordinary(word: str) -> bool:
    """A lowercase noun that may qualify a title ("army" chief), not a verb ("said", "called")."""
    return (
        word.isalpha()
        and word.islower()
        and word not in TITLE_CONNECTORS
        and word not in NOT_TITLE_WORDS
        and not word.endswith("ed")
    )


def _titled(word: str, cut_words: set[str]) -> bool:
    bare = word.strip(".,")
    return is_title(bare) or bare.casefold() in cut_words
