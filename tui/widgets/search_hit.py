"""One search hit as text: title, date, file, and the snippet with the match marked (rich only, so
`briefing search` prints it without importing textual)."""

from __future__ import annotations

from rich.text import Text

from store.search import MARK_END, MARK_START, Hit
from tui.literal import literal


def hit_label(hit: Hit, relative: str) -> Text:
    """Title, date and file on one line; the snippet below with the match marked."""
    label = Text(no_wrap=False)
    label.append(literal(hit.title) or relative, style="bold")
    label.append(f"  {(hit.date or '')[:10]}  {literal(relative)}\n", style="dim")
    for number, piece in enumerate(hit.snippet.replace(MARK_END, MARK_START).split(MARK_START)):
        # Pieces alternate: outside a match, inside one (the markers are ours, never literal text).
        label.append(literal(" ".join(piece.split(" ")).replace("\n", " ")), style="reverse bold" if number % 2 else "")
    return label
