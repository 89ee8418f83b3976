"""A count with its noun in the right number: `1 note`, `2 notes`, `0 actors`."""

from __future__ import annotations


def counted(count: int, noun: str) -> str:
    """English nouns the app counts (note, actor, mention) take -s; none is irregular."""
    return f"{count} {noun}{'' if count == 1 else 's'}"
