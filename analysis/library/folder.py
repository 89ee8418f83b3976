"""The library: a folder of briefings, its index, reading state, notes and search, without a UI.

`Library.rows()` lists every briefing under the folder from a scan and the index's manifest alone
(no analysis file opened). `Library.analyse_pending()` runs the briefings not indexed yet (or
changed since) through the batch path, one spaCy stream, indexing each as it finishes.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from analysis.library.read_only import readable_data_dir
from analysis.library.records import failed_record, record_of
from analysis.library.rows import NotesIndex, Row
from analysis.library.scan import Found, briefing_files, briefing_key, scan
from analysis.service import AnalysisService, with_corrections
from analysis.stream_stop import stop_child
from store.cache import AnalysisCache
from store.corrections import CorrectionsStore
from store.index import LibraryIndex, row_of
from store.notes import NotesStore
from store.paths import (
    CORRECTIONS_FILE,
    NOTES_FILE,
    STATE_FOLDER,
    analysis_cache_dir,
    library_index_dir,
    search_index_path,
)
from store.search import SEARCH_FLUSH_COUNT, SEARCH_FLUSH_SECONDS, SearchIndex
from store.state import StateStore

__all__ = ["Library", "Row", "briefing_files", "briefing_key"]


FILL_BATCH = 100  # texts per commit when the search index is filled again (fill_search_index)
MISSING = "the file is gone; its notes are kept (ctrl+f in a reader lists them)"


class Library:
    def __init__(self, folder: str | os.PathLike[str], *, model: str | None = None, data_dir: str | None = None) -> None:
        from analysis import DEFAULT_MODEL

        self.folder = Path(folder).expanduser().absolute()
        self.root = self.folder.resolve()  # what briefing keys under this library start with
        self.data_dir = data_dir
        user, self.read_only = readable_data_dir(data_dir)
        self.service = AnalysisService(AnalysisCache(analysis_cache_dir(data_dir)), model or DEFAULT_MODEL)
        self.index = LibraryIndex(library_index_dir(data_dir))
        self.state = StateStore(user / STATE_FOLDER)
        self.notes = NotesStore(user / NOTES_FILE)
        self.corrections = CorrectionsStore(user / CORRECTIONS_FILE)
        self.search_index = SearchIndex(search_index_path(data_dir), read_only=self.read_only is not None)
        self.found: dict[str, Found] = {}
        self.children: set = set()  # analysis processes running (analysis.library.worker)

    def search(self, query: str, *, limit: int = 20, offset: int = 0):
        """A page of full-text hits in this library's briefings, best first (`store.search.Hit`)."""
        return self.search_index.search(query, within=str(self.root), limit=limit, offset=offset)

    def actors(self, rows: list[Row] | None = None):
        """The actors across this library's analysed briefings (`analysis.library.actors`), from
        the index's records; records lost with a corrupt shard are rebuilt from the cache first."""
        from analysis.library.actors import library_actors

        rows = self.rows() if rows is None else rows
        wanted = {row.key for row in rows if row.indexed}
        records = self.index.records(wanted)
        missing = wanted - {record["path"] for record in records}
        if missing:
            records += self.rebuild_records(sorted(missing))
        return library_actors(records, self.corrections.all())

    def rebuild_records(self, keys: list[str]) -> list[dict]:
        """Records of briefings whose analysis the cache holds, indexed again (no spaCy)."""
        from analysis.batch import Outcome
        from analysis.documents import read_document
        from analysis.formats import DocumentError

        rebuilt = []
        for key in keys:
            try:
                document = read_document(key)
            except DocumentError:
                continue
            analysis = self.service.cached(document)
            if analysis is not None:
                rebuilt.append(self.index_outcome(Outcome(0, Path(key), document, analysis, cached=True)))
        return rebuilt

    @property
    def warnings(self) -> list[str]:
        return self.index.warnings + self.search_index.warnings + self.service.cache.warnings + self.corrections.warnings

    # listing

    def rows(self) -> list[Row]:
        """Every briefing under the folder, newest first; scans the folder again."""
        self.found = {item.key: item for item in scan(self.folder)}
        manifest = self.index.rows()
        states = self.state.all()
        notes = self._notes_by_briefing()
        rows = []
        for key, item in self.found.items():
            row = self._row(item, manifest.get(key), states.get(key))
            notes.count(row)
            rows.append(row)
        rows.sort(key=lambda row: (row.date or "", row.relative), reverse=True)
        root = str(self.root) + os.sep
        for key, count in sorted(notes.orphaned(root, set(self.found)).items()):
            rows.append(Row(key, key[len(root):], Path(key).stem, notes=count, missing=True, error=MISSING))
        return rows

    def indexed_rows(self) -> list[Row]:
        """The briefings the index holds under this folder, newest first, without scanning it:
        what the library shows first, while `rows()` scans (10,000 files: a second or more)."""
        root = str(self.root) + os.sep
        manifest = {key: row for key, row in self.index.rows().items() if key.startswith(root)}
        states = self.state.all()
        notes = self._notes_by_briefing()
        rows = []
        for key, indexed in manifest.items():
            item = Found(key, key[len(root):], indexed.get("size") or 0, indexed.get("mtime_ns") or 0)
            row = self._row(item, indexed, states.get(key))
            notes.count(row)
            rows.append(row)
        rows.sort(key=lambda row: (row.date or "", row.relative), reverse=True)
        return rows

    def _row(self, item: Found, indexed: dict | None, state: dict | None) -> Row:
        row = Row(key=item.key, relative=item.relative, title=Path(item.relative).stem, error=item.problem)
        current = indexed is not None and indexed.get("size") == item.size and indexed.get("mtime_ns") == item.mtime_ns
        if current and item.problem is None:
            row.indexed = indexed.get("error") is None
            row.error = indexed.get("error")
            row.title = indexed.get("title") or row.title
            row.date = indexed.get("date") or ""
            row.words = indexed.get("words") or 0
            row.top = list(indexed.get("top") or [])
            row.actor_ids = list(indexed.get("actor_ids") or [])
            row.content_hash = indexed.get("content_hash")
            row.format = indexed.get("format")
        if state is not None:
            row.read, row.starred = bool(state.get("read")), bool(state.get("starred"))
        return row

    def _notes_by_briefing(self) -> "NotesIndex":
        return NotesIndex(self.notes.all())

    def pending(self, rows: list[Row]) -> list[Row]:
        return [row for row in rows if not row.indexed and row.error is None]

    # analysing and indexing

    def analyse_pending(
        self,
        keys: list[str],
        *,
        jobs: int = 1,
        on_progress: Callable | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> Iterator[Row]:
        """Analyse (or read from the cache) and index each briefing; yields its row when indexed."""
        from analysis import batch

        planned = batch.plan(self.service, [Path(key) for key in keys])
        notes = self._notes_by_briefing()
        waiting: list[tuple] = []  # search entries, committed many at a time (store.search.SEARCH_FLUSH_COUNT)
        flushed = time.monotonic()
        try:
            for outcome in batch.run(self.service, planned, jobs=jobs, on_progress=on_progress, cancelled=cancelled):
                record = self.index_outcome(outcome, search_later=waiting)
                if len(waiting) >= SEARCH_FLUSH_COUNT or time.monotonic() - flushed >= SEARCH_FLUSH_SECONDS:
                    self.search_index.put_many(waiting)
                    waiting, flushed = [], time.monotonic()
                key = record["path"]
                found = self.found.get(key) or Found(key, os.path.relpath(key, self.folder), record["size"], record["mtime_ns"])
                row = self._row(found, row_of(record), self.state.get(key))
                notes.count(row)
                yield row
        finally:
            if waiting:
                self.search_index.put_many(waiting)

    def row_of_indexed(self, key: str) -> Row | None:
        """The row of a briefing just indexed (by this process or another), from its record."""
        record = self.index.get(key)
        if record is None:
            return None
        found = self.found.get(key) or Found(key, os.path.relpath(key, self.folder), record["size"], record["mtime_ns"])
        row = self._row(found, row_of(record), self.state.get(key))
        self._notes_by_briefing().count(row)
        return row

    def stop(self) -> None:
        """End the background analysis processes (on leaving the library)."""
        for child in list(self.children):
            self.children.discard(child)  # first: its reader then knows the stop was asked for
            stop_child(child)

    def rescan(self, known: dict[str, Row]) -> tuple[list[Row], list[str], list[Row]]:
        """What changed on disk since `known` was listed: (new rows, removed keys, changed rows).

        Only `stat`s the folder (no manifest, no file read); a changed file's row is pending again,
        so the caller analyses it anew (its notes are placed again on its new text when opened).
        A removed briefing's notes stay in the notes file, untouched.
        """
        found = {item.key: item for item in scan(self.folder)}
        notes = self._notes_by_briefing()
        added, changed = [], []
        for key, item in found.items():
            old = self.found.get(key)
            if key not in known:
                row = self._row(item, None, self.state.get(key))
                notes.count(row)
                added.append(row)
            elif old is not None and (old.size, old.mtime_ns, old.problem) != (item.size, item.mtime_ns, item.problem):
                row = self._row(item, None, self.state.get(key))
                notes.count(row)
                changed.append(row)
        root = str(self.root) + os.sep
        orphans = notes.orphaned(root, set(found))
        removed = [key for key in known if key not in found and key not in orphans]
        for key, count in orphans.items():
            if key not in known:
                added.append(Row(key, key[len(root):], Path(key).stem, notes=count, missing=True, error=MISSING))
            elif not known[key].missing:  # just removed, with notes on it: listed as gone
                changed.append(Row(key, known[key].relative, known[key].title, notes=count, missing=True,
                                   error=MISSING))
        self.found = found
        return added, removed, changed

    def refresh_row(self, row: Row) -> Row:
        """The row's reading state and notes read again (after the reader had it open)."""
        state = self.state.get(row.key)
        row.read, row.starred = bool(state.get("read")), bool(state.get("starred"))
        self._notes_by_briefing().count(row)
        return row

    def fill_search_index(self, rows: list[Row], cancelled: Callable[[], bool] | None = None) -> int:
        """Put in the search index the analysed briefings it lacks or holds an older text of (it is
        rebuildable: a deleted or corrupt one is filled again from the files, no analysis needed).

        FILL_BATCH texts per commit: a commit (with its segment merges) costs tens of ms, once per
        briefing a rebuild of 10,000 took minutes; and a batch keeps the write lock a second or
        so, well inside the 10 s the library's worker process waits for it."""
        from analysis.documents import read_document
        from analysis.formats import DocumentError

        have = self.search_index.hashes()
        batch: list[tuple] = []
        added = 0
        for row in rows:
            if cancelled is not None and cancelled():
                break
            if row.indexed and row.content_hash and have.get(row.key) != row.content_hash:
                try:
                    document = read_document(row.key)
                except DocumentError:
                    continue
                batch.append((row.key, document.content_hash, document.title, row.date, document.text))
                if len(batch) >= FILL_BATCH:
                    self.search_index.put_many(batch)
                    added, batch = added + len(batch), []
        if batch:
            self.search_index.put_many(batch)
            added += len(batch)
        return added

    def index_outcome(self, outcome, search_later: list | None = None) -> dict:
        """The record of one batch outcome, with corrections applied, into the index and search
        (or, given `search_later`, its search entry appended there for one commit of many)."""
        key = briefing_key(outcome.path)
        try:
            info = os.stat(key)
            size, mtime_ns = info.st_size, info.st_mtime_ns
        except OSError:
            size = mtime_ns = 0
        if outcome.error is not None:
            # The reason without the path the row already shows.
            reason = outcome.error.removeprefix(f"{outcome.path}: ")
            record = failed_record(key, reason, size=size, mtime_ns=mtime_ns)
            self.index.put(record)
            return record
        document = outcome.document
        analysis = with_corrections(outcome.analysis, document.text, self.corrections.for_document(document.content_hash))
        record = record_of(document, analysis, key=key, size=size, mtime_ns=mtime_ns)
        self.index.put(record)
        entry = (key, document.content_hash, document.title, record["date"], document.text)
        if search_later is not None:
            search_later.append(entry)
        else:
            self.search_index.put(*entry)
        return record
