"""The actors pane: one row per actor with its kind, name and mention count; filterable, and in
the order the user chose (by importance, by mentions or by name)."""

from __future__ import annotations

import asyncio

from textual import work
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from analysis.types import KINDS, Actor
from tui.commands import bindings_for
from tui.literal import literal_markup
from tui.widgets.actor_rows import ORDERS, actor_row, short_names, sorted_actors
from tui.widgets.kinds import kind_look

# Rows measured per turn of the event loop. The pane shows ~30; a batch of 200 (wrapping each row
# to measure it) took 40-60 ms of the UI thread, a stall of 150 ms and more on a busy machine
# each time the kind filter `f` refilled the Bible's 3,411 actors (bench/reader_keys.py).
ROWS_AT_ONCE = 50


class ActorList(OptionList):
    BINDINGS = bindings_for("actors")

    class Selected(Message):
        """The user chose an actor (Enter): emphasise and walk its mentions."""

        def __init__(self, actor: Actor) -> None:
            super().__init__()
            self.actor = actor

    class Requested(Message):
        """A registry command on the highlighted actor (None: there is none) that the screen
        carries out (details, note, fold, corrections); `command` is the command's id."""

        def __init__(self, command: str, actor: Actor | None) -> None:
            super().__init__()
            self.command = command
            self.actor = actor

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.actors: list[Actor] = []
        self.kind_filter: str | None = None
        self.name_filter = ""
        self.show_hidden = False
        self.row_width = 0
        self.selected_id: str | None = None
        self.order = ORDERS[0]
        self.names: dict[str, str] = {}  # id -> the name shown (a short form where unambiguous)
        self.count_width = 0

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
        visible = sorted_actors(self._visible(), self.order)
        self.names = short_names(visible)
        self.count_width = len(str(max((actor.mentions for actor in visible), default=0)))
        # Room for the scrollbar is kept whether or not it shows: it appears only once the rows
        # are in, too late to size them.
        self.row_width = self.content_region.width
        width = max(12, self.row_width - self.styles.scrollbar_size_vertical)
        self.clear_options()
        self._add_rows(visible[:ROWS_AT_ONCE], width, 0, keep)
        self._add_remaining_rows(visible, width, keep)
        self.border_subtitle = self.filter_label()
        title = f"Actors by {self.order}"
        # A narrow pane keeps the order, which the rows do not show, over its name, which they do.
        self.border_title = title if len(title) + 6 <= self.outer_size.width else f"by {self.order}"

    def _add_rows(self, batch: list[Actor], width: int, start: int, keep: str | None) -> None:
        names, digits = self.names, self.count_width
        self.add_options([Option(actor_row(actor, width, names[actor.id], digits), id=actor.id) for actor in batch])
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
        """The filters, and the highlighted actor's kind: what its glyph stands for."""
        parts = []
        actor = self.highlighted_actor
        if actor is not None:
            parts.append(f"{kind_look(actor.kind).glyph} {actor.kind}")
        if self.kind_filter:
            parts.append(self.kind_filter)
        if self.name_filter:
            parts.append(f"“{literal_markup(self.name_filter)}”")  # a border subtitle is markup
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

    def highlight_actor(self, actor_id: str) -> bool:
        """Move the highlight to an actor; False if it is not among the rows shown."""
        try:
            self.highlighted = self.get_option_index(actor_id)
        except OptionDoesNotExist:  # hidden, filtered out, or not in this analysis
            return False
        return True

    def action_select_actor(self) -> None:
        actor = self.highlighted_actor
        if actor is not None:
            self.selected_id = actor.id
            self.post_message(self.Selected(actor))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """A click on a row (enter is bound to `select_actor` directly): select that actor."""
        event.stop()
        self.action_select_actor()

    def action_filter_kind(self) -> None:
        """Cycle through the kinds, then back to all."""
        order = [None, *KINDS]
        self.kind_filter = order[(order.index(self.kind_filter) + 1) % len(order)]
        self._refill()

    def action_sort(self) -> None:
        """Cycle the order: by importance (the analysis's), by mentions, by name."""
        self.order = ORDERS[(ORDERS.index(self.order) + 1) % len(ORDERS)]
        self._refill()

    def on_option_list_option_highlighted(self) -> None:
        self.border_subtitle = self.filter_label()

    def set_name_filter(self, text: str) -> None:
        self.name_filter = text
        self._refill()

    def action_request(self, command: str) -> None:
        self.post_message(self.Requested(command, self.highlighted_actor))
