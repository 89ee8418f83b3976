"""The summary above the document: the briefing's key sentences, in document order.

The box is capped (a share of the screen's height) so the document keeps the room; within the
cap it is as tall as the whole sentences that fit, so a sentence is never cut at the box's edge.
It takes focus (tab, or `s` when it is shown) and `j`/`k` scroll it to the sentences below.
"""

from __future__ import annotations

from rich.text import Text
from textual.containers import VerticalScroll
from textual.geometry import Size
from textual.widgets import Static

from analysis.types import Span
from tui.commands import bindings_for
from tui.focus import focus_now
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
        self.analysing()

    def analysing(self) -> None:
        """The summary is on its way (first, or again after a cancel)."""
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
    """The summary's scrolling box: focusable, and sized to whole sentences.

    Its height is its content height, worked out in Textual's layout (`get_content_height`) at the
    width that layout gives it. Set after a resize instead, from the new width, it laid the screen
    out a second time: the first redraw of a resize at the old box height, the second at the new
    (the Bible's reader at 120x36: 48 + 57 ms of the UI thread per resize, one run)."""

    BINDINGS = bindings_for("summary")
    # overflow-x is hidden, so no horizontal scrollbar ever shows; Textual still adds its size to
    # an auto height when the vertical gutter is stable, one blank row under the last sentence.
    DEFAULT_CSS = """
    SummaryBox {
        height: auto;
        scrollbar-gutter: stable;
        scrollbar-size-horizontal: 0;
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._measured: tuple[list[str] | None, int, list[int]] = (None, 0, [])

    def _lines_at(self, box_width: int) -> list[int]:
        """The lines of each sentence in a box `box_width` cells wide (its scrollbar included);
        none before the analysis is in."""
        panel = self.query_one(SummaryPanel)
        sentences = panel.sentences or []
        width = box_width - self.styles.scrollbar_size_vertical - panel.styles.padding.width
        measured_for, measured_width, lines = self._measured
        if measured_for is not sentences or measured_width != width:
            lines = sentence_lines(sentences, width) if width > 0 else []
            self._measured = (sentences, width, lines)
        return lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        lines = self._lines_at(width)
        if not lines:
            return super().get_content_height(container, viewport, width)
        # `container` is the pane's content less this box's own border: the cap is of the pane's.
        return whole_sentences_height(lines, cap_lines(container.height + self.styles.gutter.height))

    def on_resize(self) -> None:
        self._count_shown()

    def fit(self) -> None:
        """The sentences changed: measure them again (a layout), and say how many are shown."""
        self.refresh(layout=True)
        self._count_shown()

    def _count_shown(self) -> None:
        lines = self._lines_at(self.size.width)
        if not lines:
            return
        height = whole_sentences_height(lines, cap_lines(self.parent.content_size.height))
        shown = len(whole_sentences(lines, height))
        more = f" · {shown} of {len(lines)} · j/k: more" if shown < len(lines) else ""
        self.border_subtitle = f"Summary{more} · s: hide"

    def reveal(self) -> None:
        """Show the summary and focus it, so its keys scroll it; `s` there hides it again."""
        self.display = True
        self.fit()
        focus_now(self)

    def action_scroll(self, step: int) -> None:
        self.scroll_relative(y=step, animate=False)

    def action_hide(self) -> None:
        self.display = False
        focus_now(self.screen.query_one("#document-view"))


def cap_lines(pane_height: int) -> int:
    """The most lines the box may take of a pane `pane_height` lines tall."""
    return max(3, int(pane_height * CAP))


def whole_sentences(lines: list[int], height: int) -> list[int]:
    """The line counts of the leading sentences that fit whole in `height` lines."""
    fitting, total = [], 0
    for count in lines:
        total += count
        if total > height:
            break
        fitting.append(count)
    return fitting
