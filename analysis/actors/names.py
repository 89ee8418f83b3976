"""Tests on how a name is written: a title word, a vessel's prefix, an acronym, a name's head
word and initials, the words of a person's name. Pure string work over the data modules."""

from __future__ import annotations

import re

from analysis.actors.keys import key
from analysis.actors.name_words import NAME_SUFFIXES, VESSEL_PREFIXES
from analysis.actors.title_words import TITLE_CONNECTORS, TITLE_WORDS


def is_title(word: str) -> bool:
    word = word.strip(".,").casefold()
    if word in TITLE_WORDS:
        return True
    return "-" in word and any(part in TITLE_WORDS for part in word.split("-"))


def is_capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()


def is_vessel(name: str) -> bool:
    first, _, rest = name.partition(" ")
    return bool(rest) and first.replace(".", "") in VESSEL_PREFIXES and is_capitalised(rest)


def head(name: str) -> str:
    return key(name).rsplit(" ", 1)[-1]


def is_acronym(name: str) -> bool:
    letters = name.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()


def initials(name: str) -> str:
    """ "North Atlantic Treaty Organization" -> "NATO" (small words skipped)."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.casefold() not in TITLE_CONNECTORS]
    return "".join(w[0] for w in words).upper() if len(words) >= 2 else ""


def person_tokens(name: str) -> list[str]:
    """The words of a person's name that identify them (suffixes such as "Jr." dropped)."""
    return [w for w in name.split() if w.casefold() not in NAME_SUFFIXES]
