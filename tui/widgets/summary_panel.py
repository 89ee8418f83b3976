"""The summary above the document: the briefing's key sentences, in document order."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from analysis.types import Span
from tui.literal import literal


class SummaryPanel(Static):
    DEFAULT_CSS = """
    SummaryPanel {
        padding: 0 1;
        color: $text-muted;
    }
    """

    def on_mount(self) -> None:
        self.update(Text("Summary: analysing…", style="italic"))

    def show(self, text: str, summary: list[Span]) -> None:
        content = Text()
        content.append("Summary", style="bold")
        if not summary:
            content.append(": no key sentences found", style="italic")
        for start, end in summary:
            sentence = " ".join(literal(text[start:end]).split())
            content.append("\n• " + sentence)
        self.update(content)
