"""The passage around a mention or a fact is shown as written: whitespace collapsed, none added."""

from __future__ import annotations

from analysis.types import Fact
from tui.dialogs.actor_details import keyword_in_context
from tui.dialogs.facts import fact_row

TEXT = "On April 10 , President Volodymyr Zelensky\n  made his option."


def test_a_mention_keeps_the_spaces_around_it():
    start = TEXT.index("Volodymyr")
    line = keyword_in_context(TEXT, start, start + len("Volodymyr Zelensky")).plain
    assert "President Volodymyr Zelensky made his" in line


def test_a_fact_gets_no_space_the_text_does_not_have():
    text = "On April 10, President Zelensky made his option."
    start = text.index("April 10")
    fact = Fact(kind="date", text="April 10", start=start, end=start + 8, sentence=0)
    cells = fact_row(fact, text, [(0, len(text))]).columns[1]._cells
    assert cells[0].plain == "On April 10, President Zelensky made his option."
