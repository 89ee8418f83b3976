"""The Textual application: one reader screen over one briefing, plus help and palette."""

from __future__ import annotations

import time
from functools import partial

from rich.markup import escape
from textual import events
from textual.app import App
from textual.command import Hit, Hits, Provider

from analysis.types import Document
from analysis.pipeline import DEFAULT_MODEL
from tui.literal import literal
from tui.commands import COMMANDS, SCOPES, Command, bindings_for
from tui.session import Session

PANES = {"document": "#document-view", "summary": "#summary-scroll", "actors": "#actor-list", "notes": "#notes-list"}


class RegistryCommands(Provider):
    """Every command of the registry in the palette, run in the pane it belongs to."""

    def labelled(self):
        """(label, command) for every registry command the palette can run."""
        for command in COMMANDS:
            if command.action != "command_palette":
                yield f"{SCOPES[command.scope]}: {command.description}  ({command.keys_shown()})", command

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, command in self.labelled():
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, matcher.highlight(label), partial(self.app.run_registry_command, command))

    async def discover(self) -> Hits:
        for label, command in self.labelled():
            yield Hit(1.0, label, partial(self.app.run_registry_command, command))


class BriefingApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "briefing"
    BINDINGS = bindings_for("app")
    COMMANDS = App.COMMANDS | {RegistryCommands}

    def __init__(
        self,
        document: Document,
        *,
        model: str = DEFAULT_MODEL,
        data_dir: str | None = None,
        started: float | None = None,
    ) -> None:
        super().__init__()
        self.started = started if started is not None else time.perf_counter()
        self.session = Session(document, model=model, data_dir=data_dir)
        self.sub_title = escape(literal(document.title))
        self.ready_ms: float | None = None

    def on_mount(self) -> None:
        from tui.screens.reader import ReaderScreen

        self.push_screen(ReaderScreen(self.session))

    async def on_event(self, event: events.Event) -> None:
        # A status message answers the key before it: the next key on the reader clears it
        # before that key's own action runs (and says its own, if it has one).
        if isinstance(event, events.Key):
            status = self.screen.query("#status")
            if status:
                status.first().say("")
        await super().on_event(event)

    def mark_ready(self) -> None:
        """The document is on screen: record "ready in N ms" once, for the log and bench/."""
        if self.ready_ms is None:
            self.ready_ms = (time.perf_counter() - self.started) * 1000
            self.log.info(f"ready in {self.ready_ms:.0f} ms")

    def action_help(self) -> None:
        from tui.dialogs.help import HelpDialog

        if not isinstance(self.screen, HelpDialog):
            self.push_screen(HelpDialog())

    def action_focus_pane(self, pane: str) -> None:
        widget = self.screen.query_one(PANES[pane]) if pane in PANES else None
        if widget is not None:
            widget.focus()

    def action_cancel_analysis(self) -> None:
        from tui.screens.reader import ReaderScreen

        if isinstance(self.screen, ReaderScreen):
            self.screen.cancel_or_restart_analysis()

    def action_search_notes(self) -> None:
        from tui.dialogs.note_search import NoteSearchDialog

        self.push_screen(NoteSearchDialog(self.session))

    async def run_registry_command(self, command: Command) -> None:
        if command.scope == "app":
            await self.run_action(command.binding_action)
            return
        widget = self.screen.query_one(PANES[command.scope])
        widget.focus()
        await self.run_action(command.binding_action, widget)
