"""The actors pane: one row per actor with its kind, name and mention count; filterable, and in
the order the user chose (by importance, by mentions or by name).

An `OptionList` whose rows cost what is on screen, not what is in the list: a row is drawn only
when it is shown, for the pane's width of the moment, and a row's height (one line, or two for a
long name) is counted without drawing it. Left to itself the list draws and wraps every row to
measure it, and the pane drew all of them again for each new width: a resize with the Bible's
3,336 actors in took 0.5-0.65 s (bench/reader_keys.py), and a kind filter was filled 50 rows a
turn of the event loop to stay under 100 ms.
"""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from analysis.types import KINDS, Actor
from tui.commands import bindings_for
from tui.literal import literal_markup
from tui.widgets.actor_rows import ORDERS, actor_row, row_height, short_names, sorted_actors
from tui.widgets.kinds import kind_look
from tui.widgets.scroll_extent import set_virtual_size


COUNTS_KEPT = 4  # widths whose count of lines is kept: a terminal resized back and forth
FINDING = "Finding actors…"  # what the pane says until the analysis brings its actors


class ActorOption(Option):
    """An actor's row; its prompt is drawn by the pane, for the pane's current width."""

    def __init__(self, actor: Actor, pane: ActorList) -> None:
        super().__init__("", id=actor.id)
        self.actor = actor
        self.pane = pane

    @property
    def prompt(self) -> Content:
        return self.pane.row_content(self.actor)


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
        self.selected_id: str | None = None
        self.order = ORDERS[0]
        self.names: dict[str, str] = {}  # id -> the name shown (a short form where unambiguous)
        self.count_width = 0
        self._rows: dict[str, Content] = {}  # id -> the row drawn at `_rows_width`
        self._rows_width = 0
        self._fills = 0  # how many fills so far: a count of the rows' lines is for one fill
        self._counted: dict[tuple[int, int, bool, int], tuple[list, dict, dict]] = {}
        self.waiting: str | None = FINDING  # why there are no actors yet; None once they came

    def on_mount(self) -> None:
        self._refill()

    def show(self, actors: list[Actor]) -> None:
        self.actors = actors
        self.waiting = None
        self._refill()

    def wait(self, why: str) -> None:
        """No actors until an analysis brings them, and `why` (running, cancelled, failed)."""
        self.actors = []
        self.waiting = why
        self._refill()

    def _empty_hint(self) -> str:
        """What an empty pane says: a blank one read as a briefing without actors, or a hang."""
        if self.waiting is not None:
            return self.waiting
        if not self.actors:
            return "No actors found in this briefing."
        if self.kind_filter or self.name_filter:
            return "No actor matches the filter · f changes the kind, / the name"
        return "Every actor is hidden · H shows them"

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

    @property
    def row_width(self) -> int:
        """The rows' width: room for the scrollbar is kept whether or not it shows, since it
        appears only once the rows are in, too late to size them."""
        return max(12, self.content_region.width - self.styles.scrollbar_size_vertical)

    def row_content(self, actor: Actor) -> Content:
        width = self.row_width
        if width != self._rows_width:
            self._rows.clear()
            self._rows_width = width
        row = self._rows.get(actor.id)
        if row is None:
            row = self._rows[actor.id] = actor_row(actor, width, self.names[actor.id], self.count_width)
        return row

    def _get_visual(self, option: Option) -> Content:
        # The list caches a visual on the option for good; a row is drawn again for a new width.
        return self.row_content(option.actor) if isinstance(option, ActorOption) else super()._get_visual(option)

    def _update_lines(self) -> None:
        """OptionList's own, with each new row's height counted from its name, not drawn, and the
        count kept for the fill and width: the list forgets it on every resize, and the prompt bar
        opening or closing, or the note editor, resize the pane's height only (the Bible's 3,336
        rows were counted again each time, 20-40 ms)."""
        if not self.scrollable_content_region:
            return
        cache = self._line_cache
        width, names, digits = self.row_width, self.names, self.count_width
        room = self.scrollable_content_region.width
        counted = (self._fills, width, width <= room, len(self._options))
        if not cache.lines and counted in self._counted:
            lines, heights, index_to_line = self._counted[counted]
            cache.lines.extend(lines)
            cache.heights.update(heights)
            cache.index_to_line.update(index_to_line)
        start = cache.lines[-1][0] + 1 if cache.lines else 0
        for index in range(start, len(self._options)):
            option = self._options[index]
            cache.index_to_line[index] = len(cache.lines)
            if isinstance(option, ActorOption) and width <= room:
                height = row_height(option.actor, width, names[option.actor.id], digits)
            else:  # the empty pane's hint, or a pane narrower than the narrowest row: measured
                height = self._get_visual(option).get_height(self.styles, room)
            cache.heights[index] = height
            cache.lines.extend((index, line) for line in range(height))
        if start == 0 and self._options:  # counted from nothing, for this width
            if len(self._counted) >= COUNTS_KEPT:
                self._counted.clear()
            self._counted[counted] = (list(cache.lines), dict(cache.heights), dict(cache.index_to_line))
        set_virtual_size(self, Size(room, len(cache.lines)))

    def _refill(self) -> None:
        highlighted = self.highlighted_actor
        keep = highlighted.id if highlighted else self.selected_id
        visible = sorted_actors(self._visible(), self.order)
        self.names = short_names(visible)
        self.count_width = len(str(max((actor.mentions for actor in visible), default=0)))
        self._rows.clear()
        self._fills += 1
        self._counted.clear()
        if not visible:
            self.set_options([Option(Content.styled(self._empty_hint(), "dim italic"), disabled=True)])
        else:
            self.set_options([ActorOption(actor, self) for actor in visible])
            at = next((i for i, actor in enumerate(visible) if actor.id == keep), 0)
            self.highlighted = at
        self.border_subtitle = self.filter_label()
        self._title_for_width()

    def _title_for_width(self) -> None:
        if not self.actors:  # no order to name yet
            self.border_title = "Actors"
            return
        title = f"Actors by {self.order}"
        # A narrow pane keeps the order, which the rows do not show, over its name, which they do.
        self.border_title = title if len(title) + 6 <= self.outer_size.width else f"by {self.order}"

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
        option = self.get_option_at_index(self.highlighted)
        return option.actor if isinstance(option, ActorOption) else None

    def on_resize(self) -> None:
        # The list forgets its rows' heights on a resize and counts them again for the new width;
        # the highlighted row is kept in view, as a fill does.
        if self.actors:
            self._title_for_width()
            self.scroll_to_highlight()

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
