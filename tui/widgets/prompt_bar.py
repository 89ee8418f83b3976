"""A one-line question at the bottom of the screen (find, filter actors, filter notes, tags).

Each question is asked for a registry command, and its answer carries that command's id
(`asked_by`), so the screen hands it to the handler of the command that asked.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message

from tui.focus import focus_now
from tui.widgets.literal_inputs import LiteralInput


class PromptBar(LiteralInput):
    """Posts `Answered(asked_by, value)` on enter and `Answered(asked_by, None)` on escape."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="prompt.cancel")]

    class Answered(Message):
        def __init__(self, asked_by: str, value: str | None) -> None:
            super().__init__()
            self.asked_by = asked_by
            self.value = value

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.asked_by = ""

    def ask(self, asked_by: str, question: str, value: str = "") -> None:
        self.asked_by = asked_by
        # The question on the border as well: a placeholder goes once there is text.
        self.border_title = question
        self.placeholder = question
        self.value = value
        self.display = True
        focus_now(self)

    def _close(self, value: str | None) -> None:
        self.display = False
        self.post_message(self.Answered(self.asked_by, value))

    async def action_submit(self) -> None:
        self._close(self.value)

    def action_cancel(self) -> None:
        self._close(None)
