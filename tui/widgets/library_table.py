"""The library table: one row per briefing (state, title, file, date, words, top actors, notes)."""

from __future__ import annotations

import asyncio

from textual import work
from textual.message import Message
from textual.widgets import DataTable

from analysis.library.rows import Row
from tui.commands import bindings_for
from tui.widgets.library_cells import COLUMNS, WIDTHS, cells, column_widths

FIRST_ROWS = 80  # more than a tall terminal shows
ROWS_PER_BATCH = 200  # about 40 ms of measuring cells: keys stay answered between batches


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
        # The rows listed, each as it is now (update() replaces it): what the batches add, and
        # what a resize lays out again.
        self._rows: list[Row] = []
        self._row_index: dict[str, int] = {}
        self.widths = dict(WIDTHS)

    def on_mount(self) -> None:
        self._add_columns()

    def _add_columns(self) -> None:
        for key, label in COLUMNS:
            if key in self.widths:
                # a one-cell column (the state's glyph, when narrow) has no room for its header
                self.add_column(label if self.widths[key] > 1 else "", key=key, width=self.widths[key])

    def on_resize(self) -> None:
        # The vertical scrollbar's cells are kept free even before the rows need it: a table that
        # filled them would scroll sideways as soon as a long library's scrollbar appeared.
        widths = column_widths(self.size.width - self.styles.scrollbar_size_vertical)
        if widths == self.widths:
            return
        self.widths = widths
        keep = self.current_key
        self.clear(columns=True)
        self._add_columns()
        self.show(self._rows, keep)

    def show(self, rows: list[Row], keep: str | None = None) -> None:
        """Fill the table with `rows` in order; the cursor stays on `keep` when it is still listed.

        The first screenful goes in at once, the rest in batches with the event loop's turn in
        between: DataTable measures every cell it is given, and 10,000 rows took seconds before
        the first of them could paint."""
        self.clear()
        self._rows = list(rows)
        self._row_index = {row.key: number for number, row in enumerate(rows)}
        self._add(0, FIRST_ROWS, keep)
        if len(rows) > FIRST_ROWS:
            self._add_rest(keep)

    def _add(self, start: int, end: int, keep: str | None) -> None:
        for row in self._rows[start:end]:
            self.add_row(*cells(row, self.widths), key=row.key)
        if keep is not None and keep in self.rows:
            self.move_cursor(row=self.get_row_index(keep), animate=False)

    # A fixed description: by default Textual builds one from repr() of 10,000 rows.
    @work(exclusive=True, group="library-rows", description="library rows")
    async def _add_rest(self, keep: str | None) -> None:
        for start in range(FIRST_ROWS, len(self._rows), ROWS_PER_BATCH):
            await asyncio.sleep(0)
            self._add(start, start + ROWS_PER_BATCH, keep)

    @property
    def filling(self) -> bool:
        return any(worker.group == "library-rows" and worker.is_running for worker in self.workers)

    def update(self, row: Row) -> None:
        """Redraw one briefing's cells in place (analysis finished, state changed)."""
        if row.key in self._row_index:
            self._rows[self._row_index[row.key]] = row  # a batch still to come adds it as it is now
        if row.key not in self.rows:
            return
        shown = [key for key, _label in COLUMNS if key in self.widths]
        for column, cell in zip(shown, cells(row, self.widths)):
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
