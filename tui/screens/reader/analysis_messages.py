"""What the reader's analysis workers post back to the screen: progress, and an analysis to show."""

from __future__ import annotations

from textual.message import Message

from analysis.types import Analysis
from tui.widgets.document.paint import KindedSpans


class AnalysisProgress(Message):
    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done = done
        self.total = total

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, AnalysisProgress)


class AnalysisReady(Message):
    """An analysis to show, with its mentions already sorted for the document pane (in the
    worker that posts this: on a 4 MB briefing the sorting alone stalled the UI thread)."""

    def __init__(self, analysis: Analysis) -> None:
        super().__init__()
        self.analysis = analysis
        self.mentions = KindedSpans.of(
            (start, end, actor.kind) for actor in analysis.actors if not actor.hidden for start, end in actor.spans
        )
