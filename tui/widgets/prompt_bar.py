"""A one-line question at the bottom of the screen (find, filter actors, filter notes, tags)."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class PromptBar(Input):
    """Posts `Answered(purpose, value)` on enter and `Answered(purpose, None)` on escape."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="prompt.cancel")]

    class Answered(Message):
        def __init__(self, purpose: str, value: str | None) -> None:
            super().__init__()
            self.purpose = purpose
            self.value = value

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.purpose = ""

    def ask(self, purpose: str, placeholder: str, value: str = "") -> None:
        self.purpose = purpose
        self.placeholder = placeholder
        self.value = value
        self.display = True
        self.focus()

    def _close(self, value: str | None) -> None:
        self.display = False
        self.post_message(self.Answered(self.purpose, value))

    async def action_submit(self) -> None:
        self._close(self.value)

    def action_cancel(self) -> None:
        self._close(None)
