"""The note editor's text area, painting its text literally (see `literal_inputs`).

Its own module: importing Textual's TextArea costs ~25 ms, paid when the editor first opens
rather than at the app's start.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import TextArea

from tui.literal import literal


class LiteralTextArea(TextArea):
    def get_line(self, line_index: int) -> Text:
        line = self.document.get_line(line_index)
        shown = literal(line)
        if "\t" in line:  # the text area expands tabs itself, to its indent width
            shown = "".join("\t" if raw == "\t" else char for raw, char in zip(line, shown))
        return Text(shown, end="", no_wrap=True)
