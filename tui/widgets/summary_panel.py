"""The summary above the document: the briefing's key sentences, in document order.

The box is capped (a share of the screen's height) so the document keeps the room; within the
cap it is as tall as the whole sentences that fit, so a sentence is never cut at the box's edge.
It takes focus (tab, or `s` when it is shown) and `j`/`k` scroll it to the sentences below.
"""

from __future__ import annotations

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from analysis.types import Span
from tui.commands import bindings_for
from tui.literal import literal

CAP = 0.3  # of the document pane's height: the document keeps the most of it
BULLET = "• "


def sentence_lines(sentences: list[str], width: int) -> list[int]:
    """How many lines each bulleted sentence takes, wrapped at words in `width` cells."""
    from rich.console import Console

    console = Console(width=max(1, width), legacy_windows=False)
    return [len(Text(BULLET + s).wrap(console, max(1, width))) for s in sentences]


def whole_sentences_height(lines: list[int], cap: int) -> int:
    """The height of the most leading sentences that fit in `cap` lines; at least the first
    one whole, whatever the cap, since a cut first sentence says nothing."""
    return sum(whole_sentences(lines, cap)) or (lines[0] if lines else 0)


class SummaryPanel(Static):
    DEFAULT_CSS = """
    SummaryPanel {
        padding: 0 1;
        color: $text-muted;
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.sentences: list[str] | None = None  # None: the analysis is not in yet

    def on_mount(self) -> None:
        self.update(Text("analysing…", style="italic"))

    def show(self, text: str, summary: list[Span], paragraphs: list[Span]) -> None:
        from analysis.summary import below_the_opening

        # The box sits right above the text's opening paragraph: what the summary takes from it
        # is left out here (`briefing analyze` and the JSON, shown without the text, keep it).
        shown = below_the_opening(summary, paragraphs)
        self.sentences = [" ".join(literal(text[start:end]).split()) for start, end in shown]
        content = Text()
        if not self.sentences:
            content.append("no key sentences found", style="italic")
        content.append("\n".join(BULLET + sentence for sentence in self.sentences))
        self.update(content)

    def stopped(self) -> None:
        """The analysis was cancelled: the summary will not come."""
        if self.sentences is None:
            self.update(Text("not analysed · ctrl+k analyses", style="italic"))


class SummaryBox(VerticalScroll):
    """The summary's scrolling box: focusable, and sized to whole sentences."""

    BINDINGS = bindings_for("summary")
    DEFAULT_CSS = """
    SummaryBox {
        height: auto;
        scrollbar-gutter: stable;
    }
    """

    def on_resize(self) -> None:
        self.fit()

    def fit(self) -> None:
        panel = self.query_one(SummaryPanel)
        if not panel.sentences:
            self.styles.height = "auto"
            return
        width = self.scrollable_content_region.width - panel.styles.padding.left - panel.styles.padding.right
        if width <= 0:
            return
        lines = sentence_lines(panel.sentences, width)
        height = whole_sentences_height(lines, max(3, int(self.parent.content_size.height * CAP)))
        self.styles.height = height + self.styles.gutter.height
        shown = len(whole_sentences(lines, height))
        more = f" · {shown} of {len(lines)} · j/k: more" if shown < len(lines) else ""
        self.border_subtitle = f"Summary{more} · s: hide"

    def action_scroll(self, step: int) -> None:
        self.scroll_relative(y=step, animate=False)

    def action_hide(self) -> None:
        self.display = False
        self.screen.query_one("#document-view").focus()


def whole_sentences(lines: list[int], height: int) -> list[int]:
    """The line counts of the leading sentences that fit whole in `height` lines."""
    fitting, total = [], 0
    for count in lines:
        total += count
        if total > height:
            break
        fitting.append(count)
    return fitting
