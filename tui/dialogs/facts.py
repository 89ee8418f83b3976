"""Key facts: every date, time, number, amount and percentage, in document order, each with its
sentence; enter jumps to it in the document."""

from __future__ import annotations

from collections.abc import Callable

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from analysis.types import Analysis, Fact, Span
from tui.dialogs.jump_list import JumpList, as_written, close_binding
from tui.literal import literal


def fact_row(fact: Fact, text: str, sentences: list[Span]) -> Table:
    row = Table.grid(expand=True, padding=(0, 1))
    row.add_column(width=8, no_wrap=True)
    row.add_column(ratio=1)
    start, end = sentences[fact.sentence] if 0 <= fact.sentence < len(sentences) else (fact.start, fact.end)
    sentence = Text(as_written(literal(text[start:fact.start])).lstrip(), style="dim")
    sentence.append(as_written(literal(text[fact.start:fact.end])), style="bold reverse")
    sentence.append(as_written(literal(text[fact.end:end])).rstrip(), style="dim")
    row.add_row(Text(fact.kind, style="bold"), sentence)
    return row


class FactsDialog(JumpList):
    """Dismisses with the chosen fact's offset, or None."""

    BINDINGS = [close_binding("D", "facts.close")]

    def __init__(self, text: str, facts: list[Fact], sentences: list[Span]) -> None:
        super().__init__()
        self.text = text
        self.facts = facts
        self.sentences = sentences

    def compose(self) -> ComposeResult:
        with Vertical(id="facts"):
            yield Label(Text(f"Key facts ({len(self.facts)}): enter jumps to one", style="bold"))
            yield OptionList(
                *[Option(fact_row(f, self.text, self.sentences), id=str(f.start)) for f in self.facts],
                id="facts-list",
            )


def show_facts(app, text: str, analysis: Analysis, go_to: Callable[[int, Span], None]) -> None:
    """The dialog over the reader; the fact chosen there is gone to, `go_to(start, its span)`."""
    ends = {fact.start: fact.end for fact in analysis.facts}

    def chosen(offset: int | None) -> None:
        if offset is not None:
            go_to(offset, (offset, ends[offset]))

    app.push_screen(FactsDialog(text, analysis.facts, analysis.sentences), chosen)
