"""The library screen: every briefing under a folder in a table, filtered, sorted, opened.

Rows come from a scan and the index's manifest (no analysis file opened). Briefings not analysed
yet are analysed in a thread worker through the batch path, and their rows fill in as each one
finishes; the table stays usable meanwhile.
"""

from __future__ import annotations

import os

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, Static
from textual.worker import get_current_worker

from analysis.library import Library, Row
from analysis.names import slug
from store.jsonfile import StoreError
from tui.literal import literal
from tui.widgets.library_cells import COLUMNS, SORT_KEYS
from tui.widgets.library_table import LibraryTable
from tui.widgets.prompt_bar import PromptBar


class RowIndexed(Message):
    """The background analysis indexed one briefing."""

    def __init__(self, row: Row, done: int, total: int) -> None:
        super().__init__()
        self.row = row
        self.done = done
        self.total = total


class AnalysisDone(Message):
    def __init__(self, error: str | None = None) -> None:
        super().__init__()
        self.error = error


class LibraryScreen(Screen):
    def __init__(self, library: Library, *, jobs: int | None = None) -> None:
        super().__init__()
        self.library = library
        self.jobs = jobs if jobs is not None else (os.cpu_count() or 1)
        self.rows: dict[str, Row] = {}
        self.order: list[str] = []  # keys, newest first, as scanned
        self.sort_column: str | None = None  # None: newest first
        self.reverse = False
        self.text_filter = ""
        self.only: str | None = None  # "unread" or "starred"
        self.actor_filter = ""
        self.tag_filter = ""
        self.progress: tuple[int, int] | None = None
        self.opened_key: str | None = None

    def compose(self) -> ComposeResult:
        yield LibraryTable(id="library-table")
        yield PromptBar(id="library-prompt")
        yield Static(id="library-status")
        yield Footer()

    @property
    def table(self) -> LibraryTable:
        return self.query_one(LibraryTable)

    def on_mount(self) -> None:
        self.query_one(PromptBar).display = False
        self.table.border_title = literal(self.library.folder.name or str(self.library.folder))
        self.load_rows()
        self.table.focus()
        self.call_after_refresh(self.app.mark_ready)
        for warning in self.library.warnings:
            self.notify(warning, title="Library index", severity="warning", timeout=10)
        pending = [key for key in self.order if self.rows[key].state == "pending"]
        if pending:
            self.progress = (0, len(pending))
        self.call_after_refresh(self.analyse_in_background, pending)
        self.show_status()

    def load_rows(self) -> None:
        rows = self.library.rows()
        self.rows = {row.key: row for row in rows}
        self.order = [row.key for row in rows]
        self.refill()

    # what is shown

    def visible(self) -> list[Row]:
        needle = self.text_filter.casefold()
        actor = slug(self.actor_filter) if self.actor_filter else ""
        tag = self.tag_filter.lstrip("#").casefold()
        shown = []
        for key in self.order:
            row = self.rows[key]
            if needle and needle not in row.title.casefold() and needle not in row.relative.casefold():
                continue
            if self.only == "unread" and (row.read or row.state in ("pending", "broken")):
                continue
            if self.only == "starred" and not row.starred:
                continue
            if actor and not any(actor in actor_id.partition(":")[2] for actor_id in row.actor_ids):
                continue
            if tag and not any(tag == found.lstrip("#").casefold() for found in row.tags):
                continue
            shown.append(row)
        if self.sort_column is not None:
            shown.sort(key=SORT_KEYS[self.sort_column], reverse=self.reverse)
        elif self.reverse:
            shown.reverse()
        return shown

    def refill(self) -> None:
        self.table.show(self.visible(), keep=self.table.current_key)
        self.show_status()

    def show_status(self) -> None:
        rows = self.rows.values()
        analysed = sum(row.indexed for row in rows)
        unread = sum(row.indexed and not row.read for row in rows)
        parts = [f"{len(self.rows)} briefings", f"{analysed} analysed", f"{unread} unread"]
        broken = sum(row.state == "broken" for row in rows)
        if broken:
            parts.append(f"{broken} unreadable")
        if self.progress is not None:
            parts.append(f"analysing {self.progress[0]}/{self.progress[1]}")
        filters = []
        if self.text_filter:
            filters.append(f"“{self.text_filter}”")
        if self.only:
            filters.append(f"only {self.only}")
        if self.actor_filter:
            filters.append(f"actor “{self.actor_filter}”")
        if self.tag_filter:
            filters.append(f"tag #{self.tag_filter.lstrip('#')}")
        if filters:
            parts.append(f"showing {self.table.row_count}: " + ", ".join(filters))
        sort = dict(COLUMNS).get(self.sort_column, "newest first") if self.sort_column else "newest first"
        parts.append(f"sorted by {sort}{' (reversed)' if self.reverse else ''}")
        self.query_one("#library-status", Static).update(Text(literal(" · ".join(parts)), no_wrap=True, overflow="ellipsis"))

    # background analysis

    @work(thread=True, exclusive=True, exit_on_error=False, group="library-analysis", description="library analysis")
    def analyse_in_background(self, keys: list[str]) -> None:
        worker = get_current_worker()
        self.library.fill_search_index(list(self.rows.values()), cancelled=lambda: worker.is_cancelled)
        if not keys:
            return
        try:
            for done, row in enumerate(
                self.library.analyse_pending(keys, jobs=self.jobs, cancelled=lambda: worker.is_cancelled), 1
            ):
                self.post_message(RowIndexed(row, done, len(keys)))
        except Exception as error:  # noqa: BLE001 - said in the status line; the library stays usable
            self.post_message(AnalysisDone(f"{type(error).__name__}: {error}"))
            raise
        self.post_message(AnalysisDone())

    def on_row_indexed(self, message: RowIndexed) -> None:
        row = message.row
        if row.key in self.rows:
            self.rows[row.key] = row
            self.table.update(row)
        self.progress = (message.done, message.total)
        self.show_status()

    def on_analysis_done(self, message: AnalysisDone) -> None:
        self.progress = None
        if message.error:
            self.notify(f"Background analysis stopped: {message.error}", title="Library", severity="error", timeout=15)
        self.show_status()

    # commands

    @on(LibraryTable.Requested)
    def requested(self, message: LibraryTable.Requested) -> None:
        what, argument = message.what, message.argument
        prompt = self.query_one(PromptBar)
        if what == "open" and argument:
            self.open_briefing(argument)
        elif what == "filter":
            prompt.ask("filter", "filter by title or path (as you type; enter keeps it, esc clears)", self.text_filter)
        elif what == "actor":
            prompt.ask("actor", "only briefings with the actor named… (empty: all)", self.actor_filter)
        elif what == "tag":
            prompt.ask("tag", "only briefings with a note tagged… (empty: all)", self.tag_filter)
        elif what == "only":
            self.only = None if self.only == argument else argument
            self.refill()
        elif what == "clear":
            self.text_filter = self.actor_filter = self.tag_filter = ""
            self.only = None
            self.refill()
        elif what in ("star", "unread") and argument:
            self.change_state(argument, what)
        elif what == "sort":
            keys = [key for key, _label in COLUMNS]
            self.sort_column = keys[(keys.index(self.sort_column) + 1) % len(keys)] if self.sort_column else keys[0]
            self.refill()
        elif what == "reverse":
            self.reverse = not self.reverse
            self.refill()
        elif what == "actors":
            from tui.screens.library_actors import LibraryActorsScreen

            self.app.push_screen(LibraryActorsScreen(self.library))

    def change_state(self, key: str, what: str) -> None:
        row = self.rows[key]
        try:
            if what == "star":
                self.library.state.update(key, starred=not row.starred)
            else:
                self.library.state.update(key, read=False)
        except (StoreError, OSError) as error:  # locked or read-only: say so, keep going
            self.notify(str(error), title="Reading state not saved", severity="error", timeout=15)
            return
        self.table.update(self.library.refresh_row(row))
        self.show_status()

    @on(Input.Changed, "#library-prompt")
    def filter_as_you_type(self, event: Input.Changed) -> None:
        if self.query_one(PromptBar).purpose == "filter" and event.value != self.text_filter:
            self.text_filter = event.value
            self.refill()

    @on(PromptBar.Answered)
    def prompt_answered(self, message: PromptBar.Answered) -> None:
        self.table.focus()
        value = message.value
        if message.purpose == "filter":
            self.text_filter = value or ""
        elif message.purpose == "actor" and value is not None:
            self.actor_filter = value.strip()
        elif message.purpose == "tag" and value is not None:
            self.tag_filter = value.strip()
        self.refill()

    # the reader and back

    def open_briefing(self, key: str, **where) -> None:
        from tui.screens.library_open import open_in_reader

        if open_in_reader(self.app, self.library, key, **where):
            self.opened_key = key

    def on_screen_resume(self) -> None:
        """Back from the reader (or another list): the same row, its state and notes read again."""
        self.app.sub_title = literal(self.library.folder.name or str(self.library.folder))
        if self.opened_key in self.rows:
            self.table.update(self.library.refresh_row(self.rows[self.opened_key]))
            self.show_status()
        self.table.focus()
