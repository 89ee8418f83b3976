"""The Textual application: one reader screen over one briefing, plus help and palette."""

from __future__ import annotations

import time
from functools import partial
from pathlib import Path

from textual import events
from textual.app import App
from textual.command import Hit, Hits, Provider

from analysis import DEFAULT_MODEL
from analysis.types import Document
from store.paths import UnusableFolder
from store.preferences import preferences_path, read_preferences, save_preference
from tui.commands import COMMANDS, SCOPES, Command, bindings_for, key_clashes
from tui.commands import command as command_by_id
from tui.config import Config
from tui.focus import focus_now
from tui.literal import literal_markup, toast
from tui.session import Session
from tui.typeahead import let_the_key_land

PANES = {
    "document": "#document-view",
    "summary": "#summary-scroll",
    "actors": "#actor-list",
    "notes": "#notes-list",
    "library": "#library-table",
    "library_actors": "#library-actors-table",
    "actor_briefings": "#actor-briefings",
    "search": "#search-results",
}


# The rules of every screen but the reader (dialogs, the library's screens): 80% of the app's CSS.
# Parsed at start, they cost the reader ~5% of its time to the first paint (bench (b)); added when
# the first such screen opens, they cost it a few milliseconds, once. The same stylesheet, the same
# precedence (a user stylesheet, after app.tcss), kept through theme changes.
SCREENS_CSS = Path(__file__).with_name("screens.tcss")


class RegistryCommands(Provider):
    """Every command of the registry in the palette, run in the pane it belongs to."""

    def labelled(self):
        """(label, command) for every registry command the palette can run."""
        for command in COMMANDS:
            if command.action != "command_palette":
                keys = command.keys_shown(self.app.keymap)
                yield f"{SCOPES[command.scope]}: {command.description}  ({keys})", command

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
        document: Document | None = None,
        *,
        library=None,
        jobs: int | None = None,
        model: str = DEFAULT_MODEL,
        data_dir: str | None = None,
        started: float | None = None,
        config: Config | None = None,
    ) -> None:
        """One briefing (`document`) in the reader, or a library (an `analysis.library.folder.Library`)."""
        super().__init__()
        self.started = started if started is not None else time.perf_counter()
        self.library = library
        self.jobs = jobs
        self.config = config if config is not None else Config()
        self.session = self.new_session(document, model, data_dir) if document is not None else None
        self.sub_title = literal_markup(document.title if document is not None else library.folder.name)
        self.ready_ms: float | None = None
        # Command id -> keys, as the config file rebinds them: the bindings, the footer, the help
        # screen and the palette all show these (Textual applies them to bindings by id).
        self.keymap: dict[str, str] = dict(self.config.keys)
        for command_id, key, other in key_clashes(self.keymap):
            if self.keymap.pop(command_id, None) is not None:  # one of the two would never run
                self.config.problem(f"keys.{command_id}", f"{key} for {command_id} is already the key of "
                                                          f"{other} ({command_by_id(other).description})")
        self.set_keymap(self.keymap)
        try:
            self.preferences = preferences_path(data_dir)
        except UnusableFolder as error:
            if library is None or not library.read_only:
                raise
            # A read-only library (analysis.library.read_only): its theme is read, never saved.
            self.preferences = error.folder / "preferences.json"
        self.theme = self._starting_theme()
        self._theme_kept = self.theme
        self.leave_without_waiting = False  # set once a wait for notes writes ran out

    def other_briefings_screen(self, actor, key: str | None):
        """The other briefings of the library (or of the file's folder) naming `actor`: reads the
        index, so call it in a worker."""
        from tui.screens.library.actors import ActorBriefingsScreen

        return ActorBriefingsScreen.for_reader(self, actor, key)

    def new_session(self, document: Document, model: str, data_dir: str | None, **stores) -> Session:
        """A briefing's session with the config's summary size and exports folder (the single
        briefing at start, and each briefing the library opens)."""
        session = Session(document, model=model, data_dir=data_dir, **stores)
        session.summary_sentences = self.config.summary_sentences
        session.exports_dir = self.config.exports
        return session

    def _starting_theme(self) -> str:
        """The config's theme, else the one last chosen from the palette, else Textual's default."""
        wanted = self.config.theme
        if wanted is not None and wanted not in self.available_themes:
            known = ", ".join(sorted(self.available_themes))
            self.config.problem("theme", f"no theme {wanted!r} (installed: {known})")
            wanted = None
        if wanted is None:
            wanted = read_preferences(self.preferences).get("theme")
        return wanted if isinstance(wanted, str) and wanted in self.available_themes else self.theme

    def on_mount(self) -> None:
        if self.library is not None:
            from tui.screens.library import LibraryScreen

            self.push_screen(LibraryScreen(self.library, jobs=self.jobs))
            return
        from tui.screens.reader import ReaderScreen

        super().push_screen(ReaderScreen(self.session))  # the reader's rules are app.tcss
        for problem in self.config.problems:
            toast(self, problem, title="Config file", severity="warning", timeout=30)
        self.theme_changed_signal.subscribe(self, self._keep_theme)

    def push_screen(self, screen, *args, **kwargs):
        self._add_screens_css()  # parsed with the next styles applied, the screen's own
        return super().push_screen(screen, *args, **kwargs)

    def _add_screens_css(self) -> bool:
        """Add the dialogs' and library screens' rules once; True if they were added now."""
        stylesheet = self.stylesheet
        location = (str(SCREENS_CSS), "")
        if location in stylesheet.source:
            return False
        stylesheet.add_source(SCREENS_CSS.read_text(encoding="utf-8"), read_from=location)
        return True

    def prepare_dialogs(self) -> None:
        """Before the first `a` needs them: the dialogs' rules parsed (~4 ms), the note editor
        imported (~13 ms: the text area) and made and laid out (`prepare_editor`), each step in a
        turn of the event loop of its own, behind any key already waiting (`call_later`)."""
        # Each step is done once; later calls cost a check (the editor's is its size).
        if self._add_screens_css():
            self.stylesheet.parse()
            self.call_later(self._prepare_editor)
        else:
            self._prepare_editor()

    def _prepare_editor(self) -> None:
        from tui.dialogs.note_editor import prepare_editor

        self.call_later(prepare_editor, self)

    def _keep_theme(self, theme) -> None:
        """A theme chosen from the palette is kept for the next start, unless the config names one."""
        if theme.name == self._theme_kept:
            return
        self._theme_kept = theme.name
        if self.config.theme is not None:
            toast(self, f"{theme.name} for this session: the config file ({self.config.path}) sets "
                        f"theme = {self.config.theme!r}", title="Theme", timeout=10)
            return
        try:
            save_preference(self.preferences, "theme", theme.name)
        except OSError as error:
            toast(self, f"{theme.name} for this session only: {error.strerror or error}", title="Theme",
                  severity="warning")

    def action_back(self) -> None:
        """Back to the screen below (the library under a reader, a list under its briefing); the
        first screen of the app stays."""
        from textual.screen import ModalScreen

        if len(self.screen_stack) > 2 and not isinstance(self.screen, ModalScreen):
            screen = self.screen
            # Once the writes landed, unless a dialog opened meanwhile: closing that is not asked.
            self._after_notes_writes(lambda: self.screen is screen and self.pop_screen(), "closing the briefing")

    async def action_quit(self) -> None:
        self._after_notes_writes(self.exit, "quitting")

    def _after_notes_writes(self, leave, doing: str) -> None:
        """`leave` once the reader's pending notes writes have landed (bounded, and said), so
        quitting or closing the reader never drops a note being saved (`note_writes`)."""
        # The reader's NotesHandler (one reader at most is open, under its dialogs if any).
        notes = next((getattr(screen, "notes", None) for screen in reversed(self.screen_stack)
                      if hasattr(getattr(screen, "notes", None), "writes")), None)
        writes = getattr(notes, "writes", None)
        if writes is None or not writes.pending or self.leave_without_waiting:
            self.leave_without_waiting = False
            leave()
            return
        writes.leave_when_landed(leave, notes.panes.status.say, doing=doing,
                                 gave_up=lambda: setattr(self, "leave_without_waiting", True))

    async def on_event(self, event: events.Event) -> None:
        # A status message answers the key before it: the next key on the reader clears it
        # before that key's own action runs (and says its own, if it has one).
        typed = isinstance(event, events.Key) and not event.is_forwarded
        if typed:
            status = self.screen.query("#status")
            if status:
                status.first().say("")
        await super().on_event(event)
        if typed:
            await let_the_key_land(self, event)

    def mark_ready(self) -> None:
        """The document is on screen: record "ready in N ms" once, for the log and bench/."""
        if self.ready_ms is None:
            self.ready_ms = (time.perf_counter() - self.started) * 1000
            self.log.info(f"ready in {self.ready_ms:.0f} ms")
            from tui import startup_gc

            startup_gc.resume()  # paused by the command until now

    def action_help(self) -> None:
        from tui.dialogs.help import HelpDialog

        if not isinstance(self.screen, HelpDialog):
            self.push_screen(HelpDialog())

    def action_focus_pane(self, pane: str) -> None:
        widget = self.screen.query_one(PANES[pane]) if pane in PANES else None
        if widget is not None:
            focus_now(widget)  # "2a" in one read: the a is the new pane's

    def action_cancel_analysis(self) -> None:
        from tui.screens.reader import ReaderScreen

        if isinstance(self.screen, ReaderScreen):
            self.screen.cancel_or_restart_analysis()

    def action_search_notes(self) -> None:
        from tui.screens.reader import ReaderScreen

        if isinstance(self.screen, ReaderScreen):
            from tui.dialogs.note_search import NoteSearchDialog
            from tui.screens.reader.notes import MOVING

            if self.screen.notes.moving:  # it reads every note: once they are in the new store
                self.screen.status.say(MOVING)
                return
            self.push_screen(NoteSearchDialog(self.screen.session))
        elif self.library is not None:
            from tui.screens.library.search import SearchScreen

            self.push_screen(SearchScreen(self.library))

    async def run_registry_command(self, command: Command) -> None:
        if command.scope == "app":
            await self.run_action(command.binding_action)
            return
        found = self.screen.query(PANES[command.scope])
        if not found:
            toast(self, f"{command.description}: not on this screen", timeout=4)
            return
        widget = found.first()
        focus_now(widget)
        await self.run_action(command.binding_action, widget)
