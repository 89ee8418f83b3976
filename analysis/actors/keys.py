"""Plain name keys and normalisation: spacing, comparison keys, trimming articles and
possessives, slugs and actor ids.

Pure string work, no data files: importing this module is cheap.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

APOSTROPHES = "'’‘`´"
_POSSESSIVE = re.compile(r"(?:['’‘]s|(?<=s)['’‘])$", re.IGNORECASE)
# "the", and the indefinite article the model keeps in "a Supreme Court" (written lowercase:
# a capital "A" may be an initial).
_ARTICLE = re.compile(r"(?:the|The|THE|a|an)\s+")
_SPACE = re.compile(r"\s+")


def spaces(text: str) -> str:
    """`text` as written, with single plain spaces (no-break spaces and newlines too)."""
    return _SPACE.sub(" ", text).strip()


_KEY_DROP = str.maketrans(dict.fromkeys(APOSTROPHES + ".", None))


@lru_cache(maxsize=1 << 16)
def key(name: str) -> str:
    """A comparison key: case, accents, dots, apostrophe style and spacing do not matter."""
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name)
        name = "".join(ch for ch in name if not unicodedata.combining(ch))
    return " ".join(name.translate(_KEY_DROP).casefold().split())


def trim(text: str) -> tuple[int, int, bool]:
    """Offsets (within `text`) of the name once a leading article and a possessive are cut.

    Returns (start, end, possessive).
    """
    start, end = 0, len(text)
    while start < end and not text[start].isalnum():
        start += 1
    article = _ARTICLE.match(text, start)
    if article:
        start = article.end()
    possessive = False
    match = _POSSESSIVE.search(text, start, end)
    if match:
        end, possessive = match.start(), True
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in ".)"):
        end -= 1
    if end > start and text[end - 1] == "." and "." not in text[start : end - 1]:
        end -= 1  # a sentence's full stop swallowed by the entity; "U.S." keeps its dots
    return start, end, possessive


_PARTICLE = re.compile(r"^(?:al|el|ad|as|ash|at|az|an|ar)-(?=\w{3})")


def bare_word(word_key: str) -> str:
    """A name word without an Arabic article: "al-burhan" -> "burhan"."""
    return _PARTICLE.sub("", word_key)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", key(text)).strip("-") or "unnamed"


def actor_id(kind: str, name: str) -> str:
    """Stable across runs: the same kind and canonical name give the same id."""
    return f"{kind}:{slug(name)}"
