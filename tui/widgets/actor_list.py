"""The actors pane: one row per actor with its kind, name and mention count; filterable."""

from __future__ import annotations

import asyncio

from rich.cells import cell_len, set_cell_size
from textual import work
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from analysis.types import KINDS, Actor
from tui.actions import bindings_for
from tui.literal import literal

# Rows measured per turn of the event loop. The pane shows ~30; a batch of 200 (wrapping each row
# to measure it) took 40-60 ms of the UI thread, a stall of 150 ms and more on a busy machine
# each time the kind filter `f` refilled the Bible's 3,411 actors (bench/reader_keys.py).
ROWS_AT_ONCE = 50
KIND_GLYPHS = {"person": "●", "organization": "■", "place": "◆", "group": "▲", "thing": "◇"}
# One colour per kind, shared with the document's mention colours.
KIND_STYLES = {
    "person": "#5fafff",
    "organization": "#d787ff",
    "place": "#5fd787",
    "group": "#ffaf5f",
    "thing": "#d7d75f",
}


def actor_row(actor: Actor, width: int) -> Content:
    """Glyph, name (cut with … to fit) and the count flush right, in `width` cells.

    Plain Content, not a Rich table: the list measures every row, and a briefing as long as the
    Bible has thousands of actors (a grid per row froze the app for over a second)."""
    count = str(actor.mentions)
    room = max(3, width - 2 - len(count) - 1)
    name = literal(actor.name)
    if cell_len(name) > room:
        name = set_cell_size(name, room - 1) + "…"
    name = set_cell_size(name, room)
    return Content.assemble(
        (KIND_GLYPHS.get(actor.kind, "·") + " ", KIND_STYLES.get(actor.kind, "")),
        (name, "dim strike" if actor.hidden else ""),
        (" " + count, "dim"),
    )


class ActorList(OptionList):
    BINDINGS = bindings_for("actors")

    class Selected(Message):
        """The user chose an actor (Enter): emphasise and walk its mentions."""

        def __init__(self, actor: Actor) -> None:
            super().__init__()
            self.actor = actor

    class Requested(Message):
        """A command on the highlighted actor that the screen carries out (details, note, fold)."""

        def __init__(self, what: str, actor: Actor | None) -> None:
            super().__init__()
            self.what = what
            self.actor = actor

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.actors: list[Actor] = []
        self.kind_filter: str | None = None
        self.name_filter = ""
        self.show_hidden = False
        self.row_width = 0
        self.selected_id: str | None = None

    def show(self, actors: list[Actor]) -> None:
        self.actors = actors
        self._refill()

    def _visible(self) -> list[Actor]:
        needle = self.name_filter.casefold()
        return [
            actor
            for actor in self.actors
            if (self.show_hidden or not actor.hidden)
            and (self.kind_filter is None or actor.kind == self.kind_filter)
            and (
                not needle
                or needle in actor.name.casefold()
                or any(needle in alias.name.casefold() for alias in actor.aliases)
            )
        ]

    def _refill(self) -> None:
        highlighted = self.highlighted_actor
        keep = highlighted.id if highlighted else self.selected_id
        visible = self._visible()
        # Room for the scrollbar is kept whether or not it shows: it appears only once the rows
        # are in, too late to size them.
        self.row_width = self.content_region.width
        width = max(12, self.row_width - self.styles.scrollbar_size_vertical)
        self.clear_options()
        self._add_rows(visible[:ROWS_AT_ONCE], width, 0, keep)
        self._add_remaining_rows(visible, width, keep)
        self.border_subtitle = self.filter_label()

    def _add_rows(self, batch: list[Actor], width: int, start: int, keep: str | None) -> None:
        self.add_options([Option(actor_row(actor, width), id=actor.id) for actor in batch])
        if start == 0 and batch:
            self.highlighted = 0
        ids = [actor.id for actor in batch]
        if keep in ids:
            self.highlighted = start + ids.index(keep)

    # A fixed description: by default Textual builds one from repr() of the arguments, and the
    # repr of thousands of actors took 150 ms on the UI thread.
    @work(exclusive=True, group="actor-rows", description="actor rows")
    async def _add_remaining_rows(self, visible: list[Actor], width: int, keep: str | None) -> None:
        """The rows after the first batch, a batch at a time, back to the event loop between
        batches: the list measures every row, and thousands at once (a Bible) stalled keys for a
        third of a second. Exclusive: a newer fill (filter, correction, resize) cancels this one."""
        for start in range(ROWS_AT_ONCE, len(visible), ROWS_AT_ONCE):
            # A bare `sleep(0)`: Textual runs queued callbacks back to back without yielding.
            await asyncio.sleep(0)
            self._add_rows(visible[start : start + ROWS_AT_ONCE], width, start, keep)

    def filter_label(self) -> str:
        parts = []
        if self.kind_filter:
            parts.append(self.kind_filter)
        if self.name_filter:
            parts.append(f"“{literal(self.name_filter)}”")
        if self.show_hidden:
            parts.append("with hidden")
        return " · ".join(parts)

    @property
    def highlighted_actor(self) -> Actor | None:
        if self.highlighted is None or not self.option_count:
            return None
        option_id = self.get_option_at_index(self.highlighted).id
        return next((actor for actor in self.actors if actor.id == option_id), None)

    def on_resize(self) -> None:
        if self.actors and self.content_region.width != self.row_width:
            self._refill()

    def action_select_actor(self) -> None:
        actor = self.highlighted_actor
        if actor is not None:
            self.selected_id = actor.id
            self.post_message(self.Selected(actor))

    def action_filter_kind(self) -> None:
        """Cycle through the kinds, then back to all."""
        order = [None, *KINDS]
        self.kind_filter = order[(order.index(self.kind_filter) + 1) % len(order)]
        self._refill()

    def set_name_filter(self, text: str) -> None:
        self.name_filter = text
        self._refill()

    def action_filter_name(self) -> None:
        self.post_message(self.Requested("filter", self.highlighted_actor))

    def action_actor_details(self) -> None:
        self.post_message(self.Requested("details", self.highlighted_actor))

    def action_note_on_actor(self) -> None:
        self.post_message(self.Requested("note", self.highlighted_actor))

    def action_toggle_fold(self) -> None:
        self.post_message(self.Requested("fold", self.highlighted_actor))

    def action_correct(self, what: str) -> None:
        self.post_message(self.Requested(what, self.highlighted_actor))

    def action_show_hidden(self) -> None:
        self.post_message(self.Requested("show-hidden", None))

    def action_mention(self, step: int) -> None:
        self.post_message(self.Requested("next-mention" if step > 0 else "previous-mention", None))
