"""Inputs that show what they hold literally, and keep it exactly as typed.

Textual's `Input` and `TextArea` paint their value as it is: a note body or an actor name holding
`ESC ] 0 ; … BEL` or `ESC [ 2 J` would retitle or clear the user's terminal the moment it is
edited. These subclasses paint the value through `literal()` (one visible symbol per control
character, so the cursor and selection, placed by character, stay on the right cell), while
`value` / `text` stay the user's own: what is typed is stored as typed, and a body saved
unchanged keeps its bytes.

`LiteralTextArea` is the note editor's, in `literal_text_area`: Textual's TextArea (its document
model and tree-sitter's bindings) is ~25 ms to import, and the reader's prompt bar, on screen from
the first frame, needs only the `Input`.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Input

from tui.literal import literal


class LiteralInput(Input):
    @property
    def _value(self) -> Text:
        if self.password:
            return super()._value
        text = Text(literal(self.value).replace("\n", "\u240a"), no_wrap=True, overflow="ignore", end="")
        return self.highlighter(text) if self.highlighter is not None else text
