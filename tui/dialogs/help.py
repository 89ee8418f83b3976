"""The help screen: every key, generated from the same registry as the footer and the palette."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.commands import SCOPES, commands_for
from tui.dialogs.modal import Modal
from tui.widgets.kinds import KIND_LOOKS


def help_table(keymap: dict[str, str] | None = None) -> Table:
    """Every command by scope, with its keys as the user's keymap binds them."""
    table = Table(box=None, show_header=False, pad_edge=False, expand=True)
    table.add_column("keys", style="bold", no_wrap=True, min_width=16)
    table.add_column("what")
    for scope, title in SCOPES.items():
        table.add_row(Text(title, style="bold underline"), "")
        for command in commands_for(scope):
            table.add_row(Text(command.keys_shown(keymap)), command.description)  # keys may be the user's
        table.add_row("", "")
    table.add_row(Text("Actor kinds", style="bold underline"), "")
    for kind, look in KIND_LOOKS.items():
        table.add_row(Text(look.glyph), kind)
    table.add_row("", "the actors pane lists them by importance (how central to the text); S sorts")
    return table


class HelpDialog(Modal[None]):
    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Close", id="help.close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help") as scroll:
            scroll.border_title = "Keys · esc closes · ctrl+p runs any of them by name"
            yield Static(help_table(getattr(self.app, "keymap", None)), id="help-keys")
