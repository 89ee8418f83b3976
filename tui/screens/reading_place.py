"""Where the reader opens and what it remembers: the spot asked for (a search hit, an actor's
mention) or the paragraph it was left at, saved on leaving; and, from an actor, the other
briefings of the library that mention it.

A mixin of `ReaderScreen`, like its actor and notes actions.
"""

from __future__ import annotations

from textual import work
from textual.worker import get_current_worker


class ReadingPlace:
    def asked_actor(self, analysis):
        """The actor the reader was opened to show, once (it becomes the selected actor)."""
        at, find, wanted = self.opening
        actor = analysis.actor(wanted) if wanted is not None else None
        if actor is not None:
            self.opening = (at, find, None)
            self.actor_list.selected_id = actor.id
        return actor

    def go_to_asked_actor(self, actor) -> None:
        """To the mention asked for (the one at the offset given), else the actor's first."""
        if actor is None or not actor.spans:
            return
        at = self.opening[0]
        span = next((s for s in actor.spans if s[0] == at), actor.spans[0])
        self.document_view.go_to_offset(span[0], span)
        self.status.say(f"{actor.name}: {actor.mentions} mentions · ]/[ next/previous")

    def _open_where_asked(self, last_paragraph: int) -> None:
        at, find, _actor = self.opening
        if at is None and last_paragraph and self.document_view.paragraph_count:
            at = self.document_view.paragraph_span(last_paragraph)[0]
        if at is not None:
            self.document_view.go_to_offset(at)
        if find:
            self.document_view.find(find)

    def on_unmount(self) -> None:
        # Leaving the reader (back to the library, or quitting): where to reopen next time.
        if self.cursor_paragraph is not None:
            self.session.remember_paragraph(self.cursor_paragraph)

    @work(thread=True, exclusive=True, exit_on_error=False, group="other-briefings", description="other briefings")
    def other_briefings(self, actor) -> None:
        """The library index read off the UI thread; the list opens once it is known."""
        from tui.screens.library_actors import ActorBriefingsScreen

        screen = ActorBriefingsScreen.for_reader(self.app, actor, self.session.state_key)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.app.push_screen, screen)

