"""A modal list of places in the document (an actor's mentions, the key facts): j/k move,
enter dismisses with the chosen place's character offset, escape (or q) with None."""

from __future__ import annotations

import re

from textual.binding import Binding
from textual.widgets import OptionList

from tui.dialogs.modal import Modal
from tui.focus import focus_now
from tui.quit_safe import skip_if_quitting


def as_written(text: str) -> str:
    """A stretch of the briefing on one line: each run of whitespace one space, nothing else
    changed, so the spaces around a highlighted word are the text's own (none added, none lost)."""
    return re.sub(r"\s+", " ", text)


def close_binding(keys: str, binding_id: str) -> Binding:
    """A subclass's own key that closes it too (the key that opened it), beside escape and q.

    Declared in the subclass's BINDINGS: Textual merges a class's bindings when the class is
    created, so bindings set later (in `__init_subclass__`, as this once did) are never bound.
    """
    return Binding(keys, "close", "Close", show=False, id=binding_id)


class JumpList(Modal[int | None]):
    """Subclasses compose one OptionList whose option ids are character offsets."""

    BINDINGS = [
        Binding("escape,q", "close", "Close", id="jump.close"),
        Binding("j", "move(1)", "Down", show=False, id="jump.down"),
        Binding("k", "move(-1)", "Up", show=False, id="jump.up"),
    ]

    @skip_if_quitting
    def on_mount(self) -> None:
        focus_now(self.query_one(OptionList))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id))

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        options.action_cursor_down() if step > 0 else options.action_cursor_up()

    def action_close(self) -> None:
        self.dismiss(None)
