"""The status line: a message on the left, position, notes and analysis state on the right."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from tui.literal import literal


class StatusLine(Widget):
    DEFAULT_CSS = """
    StatusLine {
        height: 1;
        background: $panel;
        color: $text-muted;
        padding: 0 1;
    }
    """

    message: reactive[str] = reactive("")
    paragraph: reactive[int] = reactive(1)
    paragraphs: reactive[int] = reactive(0)
    notes: reactive[int] = reactive(0)
    analysis_state: reactive[str] = reactive("")

    def say(self, message: str) -> None:
        """A message until the next key: what it says is about the key that caused it."""
        self.message = message

    def render(self) -> Text:
        right = f"¶{self.paragraph}/{self.paragraphs} · {self.notes} note{'s' if self.notes != 1 else ''}"
        if self.analysis_state:
            right += f" · {self.analysis_state}"
        width = self.content_size.width
        left = literal(self.message)
        room = max(0, width - len(right) - 2)
        if len(left) > room:
            left = left[: max(0, room - 1)] + "…" if room else ""
        line = Text(no_wrap=True, overflow="crop")
        line.append(left)
        line.append(" " * max(1, width - len(left) - len(right)))
        line.append(right, style="bold")
        return line
