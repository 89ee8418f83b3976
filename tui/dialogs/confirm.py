"""A yes/no question in a modal; `y`/enter confirms, `n`/escape declines."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label

from tui.dialogs.modal import Modal
from tui.literal import literal_text


class ConfirmDialog(Modal[bool]):
    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str, detail: str = "") -> None:
        super().__init__()
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm"):
            yield Label(literal_text(self.question), id="confirm-question")
            if self.detail:
                yield Label(literal_text(self.detail), id="confirm-detail")
            yield Label("y / enter: yes    n / esc: no", id="confirm-help")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
