"""How each actor kind looks, wherever an actor is shown: its glyph and its colour.

One table for the actors pane, the actor details and the document's mentions, so a place is the
same green in all three. Colours are theme variables, not fixed hex values: each theme picks its
`$text-*` colours to stay readable on its own background, light or dark, and a fixed colour cannot.
"""

from __future__ import annotations

from typing import NamedTuple


# Not a frozen dataclass: imported before the reader's first paint, where generating one cost
# ~0.5 ms (bench (b) counts the start-up against a bare Textual app's).
class KindLook(NamedTuple):
    glyph: str
    colour: str  # a theme variable
    # `$text-secondary` sits close to `$text-primary` in some themes: italics tell them apart.
    italic: bool = False

    @property
    def style(self) -> str:
        """A Textual style string (for `Content`), resolved against the running app's theme."""
        return f"{self.colour} italic" if self.italic else self.colour

    @property
    def css(self) -> str:
        """The same look as CSS declarations, for a component class."""
        return f"color: {self.colour};" + (" text-style: italic;" if self.italic else "")


KIND_LOOKS: dict[str, KindLook] = {  # one per kind of analysis.types.KINDS (a test checks)
    "person": KindLook("●", "$text-accent"),
    "organization": KindLook("■", "$text-primary"),
    "place": KindLook("◆", "$text-success"),
    "group": KindLook("▲", "$text-error"),
    "thing": KindLook("◇", "$text-secondary", italic=True),
}

UNKNOWN_KIND = KindLook("·", "$foreground")


def kind_look(kind: str) -> KindLook:
    return KIND_LOOKS.get(kind, UNKNOWN_KIND)
