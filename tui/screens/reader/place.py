"""Where the reader opens and what it remembers, and the other briefings that name an actor.

`PlaceHandler` is owned by `ReaderScreen`: it opens the reader at the spot asked for (a search
hit, an actor's mention) or at the paragraph it was left at, saves the cursor paragraph when the
reader closes, and, from an actor, lists the other briefings of the library that mention it.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen
from textual.worker import get_current_worker

from analysis.types import Actor, Analysis
from tui.screens.reader.panes import Panes
from tui.session import Session


class PlaceHandler:
    def __init__(
        self, session: Session, panes: Panes, screen: Screen, *, at: int | None, find: str | None, actor_id: str | None
    ) -> None:
        self.session = session
        self.panes = panes
        self.screen = screen  # runs the worker, opens the list of briefings
        self.at, self.find, self.actor_id = at, find, actor_id

    @property
    def commands(self) -> dict[str, Callable[[Actor | None], None]]:
        return {"actors.other_briefings": lambda actor: None if actor is None else self.other_briefings(actor)}

    def open(self) -> None:
        """At the offset asked for, else where the reader was last left; with find set if asked.
        Marking the briefing read is `mark_opened`'s, after the first paint."""
        last = self.session.last_paragraph()
        at = self.at
        document = self.panes.document
        if at is None and last and document.paragraph_count:
            at = document.paragraph_span(last)[0]
        if at is not None:
            document.go_to_offset(at)
        if self.find:
            document.find(self.find)

    def mark_opened(self) -> None:
        self.session.mark_opened()

    def show_asked_actor(self, analysis: Analysis) -> None:
        """The actor the reader was opened to show, once: selected, at the mention asked for."""
        actor = analysis.actor(self.actor_id) if self.actor_id is not None else None
        if actor is None:
            return
        self.actor_id = None
        self.panes.actors.selected_id = actor.id
        if actor.spans:
            span = next((s for s in actor.spans if s[0] == self.at), actor.spans[0])
            self.panes.document.go_to_offset(span[0], span)
        self.panes.status.say(f"{actor.name}: {actor.mentions} mentions · ]/[ next/previous")

    def remember(self, paragraph: int | None) -> None:
        if paragraph is not None:
            self.session.remember_paragraph(paragraph)

    def other_briefings(self, actor: Actor) -> None:
        self.panes.status.say(f"Looking for {actor.name} in the other briefings…")
        self.screen.run_worker(
            lambda: self._find_other_briefings(actor),
            thread=True, exclusive=True, exit_on_error=False, group="other-briefings",
            description="other briefings",
        )

    def _find_other_briefings(self, actor: Actor) -> None:
        """The library index read off the UI thread; the list opens once it is known."""
        app = self.screen.app
        # Made by the app, which sits above both the reader and the library's screens.
        listing = app.other_briefings_screen(actor, self.session.state_key)
        if not get_current_worker().is_cancelled:
            app.call_from_thread(app.push_screen, listing)
