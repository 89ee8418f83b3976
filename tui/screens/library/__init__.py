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
from textual.widgets import Footer, Input, Static
from textual.worker import get_current_worker

from analysis.library.folder import Library
from analysis.library.rows import Row
from store.jsonfile import StoreError
from tui.focus import focus_now
from tui.literal import literal, toast
from tui.quit_safe import skip_if_quitting
from tui.screens.library.filters import LibraryFilters
from tui.screens.library.messages import AnalysisDone, FolderChanged, Rescanned, RowIndexed, Scanned
from tui.screens.library.watch import FolderWatch
from tui.screens.resized_once import ResizedOnce
from tui.widgets.library_table import LibraryTable
from tui.widgets.prompt_bar import PromptBar


class LibraryScreen(ResizedOnce):
    def __init__(self, library: Library, *, jobs: int | None = None) -> None:
        super().__init__()
        self.library = library
        self.jobs = jobs if jobs is not None else (os.cpu_count() or 1)
        self.rows: dict[str, Row] = {}
        self.order: list[str] = []  # keys, newest first, as scanned
        self.filters = LibraryFilters()
        self.progress: tuple[int, int] | None = None
        self.opened_key: str | None = None
        self.queued: list[str] = []  # found by a rescan while the analysis was running
        self.scanning = False
        self.watch = FolderWatch(self, self.rescan)

    def compose(self) -> ComposeResult:
        yield LibraryTable(id="library-table")
        yield PromptBar(id="library-prompt")
        yield Static(id="library-status")
        yield Footer()

    @property
    def table(self) -> LibraryTable:
        return self.query_one(LibraryTable)

    @skip_if_quitting
    def on_mount(self) -> None:
        self.query_one(PromptBar).display = False
        self.table.border_title = literal(self.library.folder.name or str(self.library.folder))
        # What the index knows first (no scan: 10,000 files take a second or more to stat), then
        # the scan, in the worker that goes on to analyse what is new or changed.
        self.set_rows(self.library.indexed_rows())
        self.scanning = True
        focus_now(self.table)
        self.call_after_refresh(self.app.mark_ready)
        self.call_after_refresh(self.analyse_in_background, None)
        self.show_status()
        self.watch.start(self.library.folder)
        if self.library.read_only:
            toast(
                self,
                f"{self.library.read_only}. The library lists, opens and searches what is indexed; "
                "nothing is analysed, indexed or saved (stars, unread marks, positions).",
                title="Library read-only", severity="warning", timeout=15,
            )

    def set_rows(self, rows: list[Row]) -> None:
        self.rows = {row.key: row for row in rows}
        self.order = [row.key for row in rows]
        self.refill()

    def on_scanned(self, message: Scanned) -> None:
        self.scanning = False
        before = set(self.rows)
        if set(message.rows) == before and not self.table.filling:
            for row in message.rows.values():  # the same briefings: redraw only what changed
                if row != self.rows[row.key]:
                    self.table.update(row)
            self.rows = dict(message.rows)
            self.order = list(message.order)
            self.show_status()
        else:
            self.rows = dict(message.rows)
            self.order = list(message.order)
            self.refill()
        pending = sum(row.state == "pending" for row in self.rows.values())
        self.progress = (0, pending) if pending and not self.library.read_only else None
        for warning in self.library.warnings:
            toast(self, warning, title="Library index", severity="warning", timeout=10)
        self.show_status()

    def on_folder_changed(self, message: FolderChanged) -> None:
        self.rescan()  # what the watcher saw: a batch of changes to briefing files

    @work(thread=True, exclusive=True, exit_on_error=False, group="library-rescan", description="library rescan")
    def rescan(self) -> None:
        if self.scanning:
            return  # the first scan is still running
        added, removed, changed = self.library.rescan(dict(self.rows))
        if added or removed or changed:
            self.post_message(Rescanned(added, removed, changed))

    def on_rescanned(self, message: Rescanned) -> None:
        for key in message.removed:
            self.rows.pop(key, None)
        for row in message.added + message.changed:
            self.rows[row.key] = row
        self.order = [key for key in self.order if key in self.rows] + [row.key for row in message.added]
        self.refill()
        pending = [row.key for row in message.added + message.changed if row.state == "pending"]
        busy = any(w.group == "library-analysis" and w.is_running for w in self.workers)
        if pending and self.library.read_only:
            pass  # nothing analysed could be kept: listed as waiting, opened as any briefing
        elif pending and not busy:
            self.progress = (0, len(pending))
            self.analyse_in_background(pending)
        elif pending:
            self.queued += pending  # a new worker would cancel the running one: after it
        parts = []
        for count, what in ((len(message.added), "new"), (len(message.changed), "changed"), (len(message.removed), "removed")):
            if count:
                parts.append(f"{count} {what}")
        toast(self, "Library: " + ", ".join(parts) + (" (notes of removed briefings are kept)" if message.removed else ""), timeout=5)

    # what is shown

    def visible(self) -> list[Row]:
        return self.filters.apply([self.rows[key] for key in self.order])

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
        if self.scanning:
            parts.append("scanning the folder…")
        if self.library.read_only:
            parts.append("read-only: nothing is saved")
        if self.progress is not None:
            parts.append(f"analysing {self.progress[0]}/{self.progress[1]}")
        filters = self.filters.described()
        if filters:
            parts.append(f"showing {self.table.row_count}: " + ", ".join(filters))
        parts.append(self.filters.sort_label())
        self.query_one("#library-status", Static).update(Text(literal(" · ".join(parts)), no_wrap=True, overflow="ellipsis"))

    # background analysis

    @work(thread=True, exclusive=True, exit_on_error=False, group="library-analysis", description="library analysis")
    def analyse_in_background(self, keys: list[str] | None) -> None:
        """Analyse and index `keys`; None: scan the folder first, then what it finds pending."""
        worker = get_current_worker()
        if keys is None:
            rows = self.library.rows()
            self.post_message(Scanned(rows))
            if self.library.read_only:
                return  # what is indexed is listed and searched; nothing new can be kept
            self.library.fill_search_index(rows, cancelled=lambda: worker.is_cancelled)
            keys = [row.key for row in self.library.pending(rows)]
        if not keys:
            return
        try:
            from analysis.library.worker import analyse_apart

            rows = analyse_apart(self.library, keys, jobs=self.jobs, cancelled=lambda: worker.is_cancelled)
            for done, row in enumerate(rows, 1):
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
        if self.queued and not message.error:
            queued, self.queued = self.queued, []
            self.progress = (0, len(queued))
            self.analyse_in_background(queued)
        if message.error:
            toast(self, f"Background analysis stopped: {message.error}", title="Library", severity="error", timeout=15)
        self.show_status()

    # commands

    @on(LibraryTable.Requested)
    def requested(self, message: LibraryTable.Requested) -> None:
        what, argument = message.what, message.argument
        prompt = self.query_one(PromptBar)
        if what == "open" and argument:
            self.open_briefing(argument)
        elif what == "filter":
            prompt.ask("library.filter", "filter by title or path (as you type; enter keeps it, esc clears)", self.filters.text)
        elif what == "actor":
            prompt.ask("library.actor", "only briefings with the actor named… (empty: all)", self.filters.actor)
        elif what == "tag":
            prompt.ask("library.tag", "only briefings with a note tagged… (empty: all)", self.filters.tag)
        elif what == "only":
            self.filters.only = None if self.filters.only == argument else argument
            self.refill()
        elif what == "clear":
            self.filters.clear()
            self.refill()
        elif what in ("star", "unread") and argument:
            self.change_state(argument, what)
        elif what == "sort":
            self.filters.next_sort()
            self.refill()
        elif what == "reverse":
            self.filters.reverse = not self.filters.reverse
            self.refill()
        elif what == "actors":
            from tui.screens.library.actors import LibraryActorsScreen

            self.app.push_screen(LibraryActorsScreen(self.library, list(self.rows.values())))

    def change_state(self, key: str, what: str) -> None:
        row = self.rows[key]
        try:
            if what == "star":
                self.library.state.update(key, starred=not row.starred)
            else:
                self.library.state.update(key, read=False)
        except (StoreError, OSError) as error:  # locked or read-only: say so, keep going
            why = f"the library is read-only ({self.library.read_only})" if self.library.read_only else str(error)
            done = "star" if what == "star" else "unread mark"
            toast(self, f"The {done} is not saved: {why}", title="Reading state not saved", severity="error", timeout=15)
            return
        self.table.update(self.library.refresh_row(row))
        self.show_status()

    @on(Input.Changed, "#library-prompt")
    def filter_as_you_type(self, event: Input.Changed) -> None:
        if self.query_one(PromptBar).asked_by == "library.filter" and event.value != self.filters.text:
            self.filters.text = event.value
            self.refill()

    @on(PromptBar.Answered)
    def prompt_answered(self, message: PromptBar.Answered) -> None:
        focus_now(self.table)
        value = message.value
        if message.asked_by == "library.filter":
            self.filters.text = value or ""
        elif message.asked_by == "library.actor" and value is not None:
            self.filters.actor = value.strip()
        elif message.asked_by == "library.tag" and value is not None:
            self.filters.tag = value.strip()
        self.refill()

    # the reader and back

    def open_briefing(self, key: str, **where) -> None:
        from tui.screens.library.open import open_in_reader

        if open_in_reader(self.app, self.library, key, **where):
            self.opened_key = key

    def on_unmount(self) -> None:
        self.watch.stop()
        self.library.stop()  # no analysis process outlives the app

    @skip_if_quitting
    def on_screen_resume(self) -> None:
        """Back from the reader (or another list): the same row, its state and notes read again."""
        self.app.sub_title = literal(self.library.folder.name or str(self.library.folder))
        if self.opened_key in self.rows:
            self.table.update(self.library.refresh_row(self.rows[self.opened_key]))
            self.show_status()
        focus_now(self.table)
