"""A modal list of places in the document (an actor's mentions, the key facts): j/k move,
enter dismisses with the chosen place's character offset, escape with None."""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import OptionList


class JumpList(ModalScreen[int | None]):
    """Subclasses compose one OptionList whose option ids are character offsets."""

    CLOSE_KEYS = "escape,q"
    BINDINGS = [
        Binding("j", "move(1)", "Down", show=False, id="jump.down"),
        Binding("k", "move(-1)", "Up", show=False, id="jump.up"),
    ]

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        cls.BINDINGS = [*JumpList.BINDINGS, Binding(cls.CLOSE_KEYS, "close", "Close", id="jump.close")]

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id))

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        options.action_cursor_down() if step > 0 else options.action_cursor_up()

    def action_close(self) -> None:
        self.dismiss(None)
