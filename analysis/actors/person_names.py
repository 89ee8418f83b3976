"""Two rules on people's names that `joining.join_people` asks about.

- `surname_forms`: a report or a transcript that writes one word of a name in capitals ("Abdalla
  HAMDOUK al-Kinani", "Joseph AOUN") marks that word as the surname, whatever its place: a later
  lone "HAMDOUK" is that person. The last word stays a surname form too.
- `spelling_variant`: two full names of three words or more that differ in one word, and there
  only by a doubled letter or one letter ("Abd-al-Fatah" and "Abd-al-Fattah"), are one person
  spelt two ways: transliterations vary, and three shared words do not happen by chance.
"""

from __future__ import annotations

from analysis.actors.keys import bare_word, key


def surname_forms(name: str, tokens: list[str]) -> set[str]:
    forms = {tokens[-1], bare_word(tokens[-1])}
    words = name.split()
    capitals = [word for word in words if _in_capitals(word)]
    if capitals and len(capitals) < len(words):
        for word in capitals:
            forms |= {key(word), bare_word(key(word))}
    return forms


def _in_capitals(word: str) -> bool:
    """"HAMDOUK", "al-BASHIR": the word, or its part after an Arabic article, in capitals."""
    core = word.rsplit("-", 1)[-1]
    return len(core) >= 2 and core.isalpha() and core.isupper()


def spelling_variant(tokens: set[str], other: set[str]) -> bool:
    if len(tokens) < 3 or len(tokens) != len(other):
        return False
    mine, theirs = tokens - other, other - tokens
    if len(mine) != 1 or len(theirs) != 1:
        return False
    return _one_letter_apart(next(iter(mine)), next(iter(theirs)))


def _one_letter_apart(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < 4:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))
