"""The reader: actors, document and notes side by side, a status line and the footer.

The screen composes the panes, runs the analysis in a thread worker that only posts messages back,
and hands every command a pane asks for to the handler that owns its id: `NotesHandler`
(`notes.py`) for notes, `ActorsHandler` (`actors.py`) for actors and their corrections.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.worker import Worker, WorkerState, get_current_worker

from analysis.types import Analysis
from tui import byline
from tui.counts import counted
from tui.focus import focus_now
from tui.literal import literal_markup, toast
from tui.quit_safe import skip_if_quitting
from tui.screens.reader.actors import ActorsHandler
from tui.screens.reader.analysis_messages import AnalysisProgress, AnalysisReady
from tui.screens.reader.between_keys import BetweenKeys
from tui.screens.reader.notes import NOTES_CHECK_SECONDS, NotesHandler
from tui.screens.reader.panes import Panes
from tui.screens.reader.place import PlaceHandler
from tui.screens.resized_once import ResizedOnce
from tui.session import Session
from tui.widgets.actor_list import FINDING, ActorList
from tui.widgets.document.paint import KindedSpans
from tui.widgets.document.view import DocumentView
from tui.widgets.key_footer import KeyFooter
from tui.widgets.notes_list import NotesList
from tui.widgets.prompt_bar import PromptBar
from tui.widgets.status_line import StatusLine
from tui.widgets.summary_panel import SummaryBox, SummaryPanel


class ReaderScreen(ResizedOnce):
    # The document has focus from the first frame: left to the default (the first focusable
    # widget, the actors pane), the footer showed the actors' keys until on_mount moved focus.
    AUTO_FOCUS = "#document-view"

    def __init__(
        self, session: Session, *, at: int | None = None, find: str | None = None, actor_id: str | None = None
    ) -> None:
        """`at` opens at that offset (else where the reader was last left); `find` sets find there;
        `actor_id` selects that actor once the analysis is in."""
        super().__init__()
        self.session = session
        self.analysis: Analysis | None = None
        self.opening = {"at": at, "find": find, "actor_id": actor_id}
        self.cursor_paragraph: int | None = None  # kept here: the panes are gone by unmount
        self.between_keys = BetweenKeys(self)
        # Made on mount, once the panes exist.
        self.notes: NotesHandler
        self.actors: ActorsHandler
        self.place: PlaceHandler
        self.commands: dict[str, Callable[[Any], None]] = {}  # registry command id -> handler
        self.answers: dict[str, Callable[[str | None], None]] = {}  # asking command id -> handler

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield ActorList(id="actor-list")
            with Vertical(id="document-pane"):
                with SummaryBox(id="summary-scroll"):
                    yield SummaryPanel(id="summary")
                yield DocumentView(id="document-view")
            yield NotesList(id="notes-list")
        yield PromptBar(id="prompt")
        yield StatusLine(id="status")
        yield KeyFooter()

    @property
    def document_view(self) -> DocumentView:
        return self.query_one(DocumentView)

    @property
    def actor_list(self) -> ActorList:
        return self.query_one(ActorList)

    @property
    def notes_list(self) -> NotesList:
        return self.query_one(NotesList)

    @property
    def status(self) -> StatusLine:
        return self.query_one(StatusLine)

    @skip_if_quitting
    def on_mount(self) -> None:
        panes = Panes(self.document_view, self.actor_list, self.notes_list, self.query_one(PromptBar), self.status)
        self.notes = NotesHandler(self.session, panes, self)
        self.actors = ActorsHandler(self.session, panes, self, rederive=self.refresh_analysis)
        self.place = PlaceHandler(self.session, panes, self, **self.opening)
        self.commands = {**self.notes.commands, **self.actors.commands, **self.place.commands}
        # An actor's details list its notes, read from the store the old notes file is moving into.
        self.commands["actors.details"] = self.notes.unless_moving(self.commands["actors.details"])
        self.answers = {**self.notes.answers, **self.actors.answers, "document.find": self.find_answered}
        document = self.session.document
        # A title is the briefing's own text: escape it so `[link=…]` in it is shown, not parsed.
        pane = self.query_one("#document-pane")
        pane.border_title = literal_markup(byline.header(document))
        pane.border_subtitle = literal_markup(byline.details(document))
        self.query_one("#notes-list").border_title = "Notes"
        self.query_one(PromptBar).display = False
        self.document_view.load(document)
        focus_now(self.document_view)
        self.status.paragraphs = len(document.paragraphs)
        self.place.open()
        if document.notice:
            toast(self, document.notice, title="Encoding", severity="warning", timeout=8)
        self.status.analysis_state = "analysing…"
        self.call_after_refresh(self.app.mark_ready)
        # After the first paint: the text first, then what the panes around it show, the notes
        # (a read of the notes store) and marking the briefing read (a locked write to the reading
        # state, filelock imported with it), then the (cached or computed) analysis.
        self.call_after_refresh(self.after_first_paint)
        self.call_after_refresh(self.load_analysis)
        self.between_keys.start()

    def after_first_paint(self) -> None:
        self.notes.open_notes()  # in a worker if the old notes file must move first
        # a few stats each time
        self.notes_check = self.set_interval(NOTES_CHECK_SECONDS, self.notes.check_notes_on_disk)
        self.place.mark_opened()
        self.between_keys.after_first_paint()

    def on_key(self) -> None:
        self.between_keys.input()

    def on_resize(self) -> None:
        self.between_keys.input()

    def on_unmount(self) -> None:
        # Leaving the reader (back to the library, or quitting): where to reopen next time; not
        # from a reader never mounted whole (a quit as it opened: `skip_if_quitting`).
        if hasattr(self, "place"):
            self.place.remember(self.cursor_paragraph)
        self.between_keys.stop()

    # analysis

    @work(thread=True, exclusive=True, exit_on_error=False, group="analysis")
    def load_analysis(self) -> Analysis | None:
        worker = get_current_worker()
        session = self.session
        if session.cached_analysis() is None:
            session.analyse(
                on_progress=lambda done, total: self.post_message(AnalysisProgress(done, total)),
                cancelled=lambda: worker.is_cancelled,
            )
        view = session.view()
        if view is not None and not worker.is_cancelled:
            self.post_message(AnalysisReady(view))
        return view

    def on_analysis_progress(self, message: AnalysisProgress) -> None:
        self.status.analysis_state = f"analysing {100 * message.done // max(1, message.total)}%"

    def on_analysis_ready(self, message: AnalysisReady) -> None:
        self.show_analysis(message.analysis, message.mentions)

    def show_analysis(self, analysis: Analysis, mentions: KindedSpans) -> None:
        self.analysis = analysis
        self.actor_list.show(analysis.actors)
        self.document_view.set_mentions(mentions)
        document = self.session.document
        self.query_one(SummaryPanel).show(document.text, analysis.summary, document.paragraphs)
        self.query_one(SummaryBox).fit()
        self._show_actor_count()
        selected = analysis.actor(self.actor_list.selected_id or "")
        if selected is not None:
            self.document_view.set_selected(selected.spans)
        self.place.show_asked_actor(analysis)
        self.notes.actor_names = {actor.id: actor.name for actor in analysis.actors}
        self.notes.refresh_notes()

    def _show_actor_count(self) -> None:
        assert self.analysis is not None
        self.status.analysis_state = counted(sum(not actor.hidden for actor in self.analysis.actors), "actor")

    def cancel_or_restart_analysis(self) -> None:
        running = [w for w in self.workers if w.group == "analysis" and w.is_running]
        if running:
            for worker in running:
                worker.cancel()
            self.status.analysis_state = "analysis cancelled"
            self.actor_list.wait("Analysis cancelled · ctrl+k runs it again")
            self.query_one(SummaryPanel).stopped()
            self.status.say("Analysis cancelled: the text stays readable · ctrl+k runs it again")
        elif self.analysis is None:
            self.status.analysis_state = "analysing…"
            self.actor_list.wait(FINDING)
            self.query_one(SummaryPanel).analysing()
            self.status.say("")  # the cancel message: no longer true
            self.load_analysis()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state != WorkerState.ERROR or event.worker.is_cancelled:
            return
        error = event.worker.error
        if event.worker.group == "analysis":
            self.status.analysis_state = "analysis failed"
            self.actor_list.wait("No actors: the analysis failed · ctrl+k tries again")
            toast(self, f"Analysis failed: {error}", title="Analysis", severity="error")
        elif event.worker.group == "derive" and self.analysis is not None:
            # The actors shown are still the last good ones.
            self._show_actor_count()
            toast(self, f"Could not update the actors: {error}", title="Actors", severity="error")

    def refresh_analysis(self) -> None:
        """Re-derive actors after a correction or a folding change: pure and fast, no spaCy, but
        linear in the mentions (1.5 s on a 4 MB briefing), so off the UI thread, and said so."""
        if self.analysis is not None:
            self.status.analysis_state = "updating actors…"
        self._rederive()

    @work(thread=True, exclusive=True, exit_on_error=False, group="derive", description="re-derive actors")
    def _rederive(self) -> None:
        view = self.session.view()
        if view is not None and not get_current_worker().is_cancelled:
            self.post_message(AnalysisReady(view))

    # actors

    @on(ActorList.Selected)
    def actor_selected(self, message: ActorList.Selected) -> None:
        actor = message.actor
        self.document_view.set_selected(actor.spans)
        if actor.spans:
            self.document_view.go_to_offset(actor.spans[0][0], actor.spans[0])
        self.status.say(f"{actor.name}: {counted(actor.mentions, 'mention')} · ]/[ next/previous")

    @on(ActorList.Requested)
    def actor_list_requested(self, message: ActorList.Requested) -> None:
        self.commands[message.command](message.actor)

    @on(NotesList.Requested)
    def notes_list_requested(self, message: NotesList.Requested) -> None:
        self.commands[message.command](message.note)

    # By name rather than @on(NoteSearchDialog.Chosen): the search dialog is imported only when
    # first opened, to keep it out of the app's start.
    def on_note_search_dialog_chosen(self, message) -> None:
        self.notes.show_note(message.note_id)

    # document

    @on(DocumentView.CursorMoved)
    def cursor_moved(self, message: DocumentView.CursorMoved) -> None:
        self.status.paragraph = message.paragraph + 1
        self.cursor_paragraph = message.paragraph

    @on(DocumentView.FindRequested)
    def find_requested(self) -> None:
        self.query_one(PromptBar).ask("document.find", "find in the document (enter: search, esc: close)")
        self.call_after_refresh(self.document_view.prepare_find)

    @on(DocumentView.FindStatus)
    def find_status(self, message: DocumentView.FindStatus) -> None:
        if message.count:
            self.status.say(f"“{message.query}”: match {message.index + 1} of {message.count} · n/N")
        else:
            self.status.say(f"“{message.query}”: no match")

    @on(DocumentView.MentionStatus)
    def mention_status(self, message: DocumentView.MentionStatus) -> None:
        if not message.count:
            self.status.say("Select an actor first (1, then enter) to walk its mentions")
        else:
            self.status.say(f"mention {message.index + 1} of {message.count} · ]/[")

    @on(DocumentView.SummaryToggleRequested)
    def toggle_summary(self) -> None:
        self.query_one(SummaryBox).reveal()

    @on(DocumentView.FactsRequested)
    def facts_requested(self) -> None:
        if self.analysis is None:
            self.status.say("Key facts come with the analysis: still analysing…")
            return
        from tui.dialogs.facts import show_facts

        show_facts(self.app, self.session.document.text, self.analysis, self.document_view.go_to_offset)

    @on(DocumentView.NoteRequested)
    def document_note_requested(self, message: DocumentView.NoteRequested) -> None:
        self.notes.write_paragraph_note(message.paragraph)

    # prompt

    @on(PromptBar.Answered)
    def prompt_answered(self, message: PromptBar.Answered) -> None:
        self.answers[message.asked_by](message.value)

    def find_answered(self, value: str | None) -> None:
        focus_now(self.document_view)
        if value:
            self.document_view.find(value)
        elif value is not None:
            self.document_view.clear_find()
            self.status.say("")
