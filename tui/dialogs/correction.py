"""One dialog for every actor correction: a text to type or a choice to pick (filtered as you
type), and whether the correction holds for this briefing only or for every briefing."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Checkbox, Input, Label, OptionList
from textual.widgets.option_list import Option

from tui.dialogs.modal import Modal
from tui.focus import focus_now
from tui.literal import literal_line, literal_text
from tui.quit_safe import skip_if_quitting
from tui.widgets.literal_inputs import LiteralInput


@dataclass
class Correction:
    value: str
    everywhere: bool


class CorrectionDialog(Modal[Correction | None]):
    """With `choices` ((value, label) pairs) the input filters them and enter picks the
    highlighted one; without, enter takes the typed text."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="correction.cancel"),
        Binding("ctrl+g", "toggle_everywhere", "Every briefing", id="correction.everywhere", priority=True),
        Binding("down", "move(1)", "Down", show=False, id="correction.down"),
        Binding("up", "move(-1)", "Up", show=False, id="correction.up"),
    ]

    def __init__(self, heading: str, *, value: str = "", choices: list[tuple[str, str]] | None = None) -> None:
        super().__init__()
        self.heading = heading
        self.initial = value
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(id="correction"):
            yield Label(literal_text(literal_line(self.heading), style="bold"))
            yield LiteralInput(self.initial, id="correction-input",
                        placeholder="type to filter" if self.choices is not None else "")
            if self.choices is not None:
                yield OptionList(id="correction-choices")
            yield Checkbox("for every briefing (ctrl+g), not only this one", id="correction-everywhere")
            yield Label("enter: apply · esc: cancel", classes="dialog-help")

    @skip_if_quitting
    def on_mount(self) -> None:
        focus_now(self.query_one(Input))
        self._filter("")

    def _filter(self, needle: str) -> None:
        if self.choices is None:
            return
        options = self.query_one(OptionList)
        options.clear_options()
        needle = needle.casefold()
        options.add_options(
            [Option(Text(literal_line(label)), id=value) for value, label in self.choices if needle in label.casefold()]
        )
        if options.option_count:
            options.highlighted = 0

    def on_input_changed(self, event: Input.Changed) -> None:
        self._filter(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        everywhere = self.query_one(Checkbox).value
        if self.choices is None:
            if event.value.strip():
                self.dismiss(Correction(event.value.strip(), everywhere))
            return
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            self.dismiss(Correction(options.get_option_at_index(options.highlighted).id, everywhere))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(Correction(event.option.id, self.query_one(Checkbox).value))

    def action_move(self, step: int) -> None:
        if self.choices is not None:
            options = self.query_one(OptionList)
            options.action_cursor_down() if step > 0 else options.action_cursor_up()

    def action_toggle_everywhere(self) -> None:
        box = self.query_one(Checkbox)
        box.value = not box.value

    def action_cancel(self) -> None:
        self.dismiss(None)
