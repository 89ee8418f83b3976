"""The library table: one row per briefing (state, title, file, date, words, top actors, notes)."""

from __future__ import annotations

from textual.message import Message
from textual.widgets import DataTable

from analysis.library import Row
from tui.actions import bindings_for
from tui.widgets.library_cells import COLUMNS, WIDTHS, cells

class LibraryTable(DataTable):
    BINDINGS = bindings_for("library")

    class Requested(Message):
        """A library command the screen carries out on the highlighted briefing (or the list)."""

        def __init__(self, what: str, argument: str | None = None) -> None:
            super().__init__()
            self.what = what
            self.argument = argument

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)

    def on_mount(self) -> None:
        for key, label in COLUMNS:
            self.add_column(label, key=key, width=WIDTHS[key])

    def show(self, rows: list[Row], keep: str | None = None) -> None:
        """Fill the table with `rows` in order; the cursor stays on `keep` when it is still listed."""
        self.clear()
        for row in rows:
            self.add_row(*cells(row), key=row.key)
        if keep is not None and keep in self.rows:
            self.move_cursor(row=self.get_row_index(keep), animate=False)

    def update(self, row: Row) -> None:
        """Redraw one briefing's cells in place (analysis finished, state changed)."""
        if row.key not in self.rows:
            return
        for (column, _label), cell in zip(COLUMNS, cells(row)):
            self.update_cell(row.key, column, cell)

    @property
    def current_key(self) -> str | None:
        if not self.row_count:
            return None
        key, _column = self.coordinate_to_cell_key(self.cursor_coordinate)
        return key.value

    def action_open_briefing(self) -> None:
        self.post_message(self.Requested("open", self.current_key))

    def action_filter(self) -> None:
        self.post_message(self.Requested("filter"))

    def action_toggle_only(self, which: str) -> None:
        self.post_message(self.Requested("only", which))

    def action_filter_actor(self) -> None:
        self.post_message(self.Requested("actor"))

    def action_filter_tag(self) -> None:
        self.post_message(self.Requested("tag"))

    def action_clear_filters(self) -> None:
        self.post_message(self.Requested("clear"))

    def action_star(self) -> None:
        self.post_message(self.Requested("star", self.current_key))

    def action_mark_unread(self) -> None:
        self.post_message(self.Requested("unread", self.current_key))

    def action_sort_next(self) -> None:
        self.post_message(self.Requested("sort"))

    def action_sort_reverse(self) -> None:
        self.post_message(self.Requested("reverse"))

    def action_library_actors(self) -> None:
        self.post_message(self.Requested("actors"))
