"""Full-text search over every briefing of the library: tantivy ranks, SQLite keeps the texts.

A query (`store.search_query`) is words that must all occur, "quoted phrases" and prefixes
(`sanction*`), ranked by BM25 over every briefing that matches (a title match weighs more than one
in the body). Each hit carries a snippet with the match marked and the offsets of its first match.

Why tantivy and not SQLite FTS5: FTS5 computes bm25 for every match before its LIMIT, so a common
word's first page over 10,000 briefings took 20 ms against 1 ms over 10 (bench g3: 50x); tantivy
scores in compiled code, and `store.search_rank` finds a page without scoring every match.
Only the inverted index is in tantivy (`text/`, each briefing a document with its SQLite id); the
path, hash, title, date and text are in `docs.sqlite` (`store.search_texts`). This module keeps
the two in step: one transaction per write, tantivy's commit inside SQLite's.

Both live in one folder of the cache, rebuildable from the briefings: a folder either part of
which cannot be read is set aside whole with a warning and started anew, and the library fills it
again (`Library.fill_search_index`). Writers take SQLite's write lock first (BEGIN IMMEDIATE), so
two processes indexing at once queue for tantivy's single writer instead of failing on it.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from store import search_engine as engine
from store import search_rank as rank
from store.jsonfile import StoreError, move_aside
from store.log import logger
from store.search_query import MARK_END, MARK_START, BadQuery, Term, first_match, parse, snippet
from store.search_texts import LOCK_SECONDS, SearchTexts

__all__ = ["MARK_END", "MARK_START", "PAGE", "BadQuery", "Hit", "SearchIndex", "parse"]

log = logger(__name__)

# A search index commit syncs its files: 70-100 ms here, once per briefing 300 cached briefings
# took 33 s against 0.6 s in commits of 100. Entries wait at most this long or this many.
SEARCH_FLUSH_SECONDS = 1.0
SEARCH_FLUSH_COUNT = 100

# A first page of ten, as search engines show: the snippets of a page are most of a query's cost.
PAGE = 10
# Tantivy's indexing memory: the minimum per thread for one briefing, more for a rebuild.
SMALL_HEAP, BULK_HEAP = 15_000_000, 100_000_000


@dataclass
class Hit:
    path: str
    title: str
    date: str | None
    snippet: str  # the match between MARK_START and MARK_END
    start: int
    end: int
    score: float  # BM25, higher is better


class SearchReadOnly(StoreError):
    """A write to a search index on a folder that cannot be written."""


class SearchIndex:
    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = Path(path)  # a folder: docs.sqlite and text/
        # On a folder that cannot be written: searched as it is, never written, never set aside.
        self.read_only = read_only
        self.warnings: list[str] = []
        self.texts = SearchTexts(self.path, read_only=read_only, set_aside=self._set_aside)
        self._opening = threading.Lock()
        self._text = None  # the tantivy index, opened on first use
        self._schema = None
        self._analyzer = None
        self._seen_meta: tuple | None = None
        self._documents: int | None = None  # above the text index's documents, set on each reload
        self._meta = str(self.path / "text" / "meta.json")

    # opening

    def _text_index(self):
        with self._opening:
            if self._text is None:
                self._text = self._open_text()
            return self._text

    def _open_text(self):
        import tantivy

        if self.read_only:
            try:
                index = tantivy.Index.open(self._mirror())
                engine.register(index)
            except ValueError as error:  # none yet, or unreadable: nothing to search, and no rebuild
                self._unreadable(str(error))
                return None
            self._schema = index.schema
            return index
        with self.texts.connection():
            pass  # an unreadable docs.sqlite is set aside (with the text index) before this opens
        schema = engine.schema()
        folder = self.path / "text"
        fresh = not (folder / "meta.json").exists()
        for attempt in (1, 2):
            try:
                folder.mkdir(parents=True, exist_ok=True)
                index = tantivy.Index(schema, path=str(folder), reuse=True)
                engine.register(index)
                break
            except ValueError as error:  # unreadable files, or another schema than ours
                if attempt == 2:
                    raise
                self._set_aside(str(error))
                fresh = True
        if fresh:
            self.texts.clear()
        self._schema = schema
        return index

    def _mirror(self) -> str:
        """The text index seen through symlinks from a temporary folder: even a reader takes a
        lock file beside the index, which a read-only folder refuses. Links, not a copy, so a
        library of 10,000 costs a few hundred links; removed with this object."""
        import shutil
        import tempfile
        import weakref

        source = self.path / "text"
        if not (source / "meta.json").exists():
            raise ValueError(f"no text index in {source}")
        mirror = tempfile.mkdtemp(prefix="briefing-search-")
        weakref.finalize(self, shutil.rmtree, mirror, True)
        for entry in os.scandir(source):
            if entry.is_file() and not entry.name.endswith(".lock"):
                os.symlink(entry.path, os.path.join(mirror, entry.name))
        return mirror

    def close(self) -> None:
        self.texts.close()

    def _unreadable(self, reason: str) -> None:
        message = f"Search index {self.path} cannot be read and the folder is read-only ({reason}): nothing to search"
        if message not in self.warnings:
            self.warnings.append(message)
            log.warning(message)

    def _set_aside(self, reason: str) -> None:
        if self.read_only:
            self._unreadable(reason)
            raise SearchReadOnly(self.warnings[-1])
        self.texts.close()
        self._text = None
        if self.path.exists():
            kept = move_aside(self.path, "corrupt")
            message = f"Search index {self.path.name} was unreadable ({reason}); kept as {kept.name}, rebuilding it"
            self.warnings.append(message)
            log.warning(message)

    # writing

    def put(self, path: str, content_hash: str, title: str, date: str | None, text: str) -> None:
        self.put_many([(path, content_hash, title, date, text)], heap=SMALL_HEAP)

    def put_many(self, documents, *, heap: int = BULK_HEAP) -> None:
        """(path, content_hash, title, date, text) each, in one commit: a rebuild of thousands
        commits once instead of once per briefing."""
        self._writable()
        index = self._text_index()
        words = self._words()
        with self.texts.connection() as db:
            db.execute("BEGIN IMMEDIATE")  # the one writer, across processes, until committed
            try:
                writer = self._writer(index, heap)
                for path, content_hash, title, date, text in documents:
                    doc_id = self.texts.put_row(db, path, content_hash, title, date, text)
                    writer.delete_documents_by_term("id", doc_id)
                    writer.add_document(engine.document(words, doc_id, path, title, text))
                writer.commit()
                # Merges of the small segments each commit makes run here, or the next writer
                # would abandon them and the segments (one more per briefing) would pile up.
                writer.wait_merging_threads()
            except BaseException:
                db.rollback()
                raise
            db.commit()

    @staticmethod
    def _writer(index, heap: int):
        deadline = time.monotonic() + LOCK_SECONDS
        while True:
            try:
                return index.writer(heap_size=heap, num_threads=1)
            except ValueError as error:  # another process's writer: it is short, wait for it
                if "lock" not in str(error).lower() or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _writable(self) -> None:
        if self.read_only:
            raise SearchReadOnly(f"the search index {self.path} is on a folder that cannot be written")

    def remove(self, path: str) -> None:
        self._writable()
        index = self._text_index()
        with self.texts.connection() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                doc_id = self.texts.id_of(db, path)
                if doc_id is not None:
                    writer = self._writer(index, SMALL_HEAP)
                    writer.delete_documents_by_term("id", doc_id)
                    writer.commit()
                    writer.wait_merging_threads()
                    self.texts.delete_row(db, doc_id)
            except BaseException:
                db.rollback()
                raise
            db.commit()

    # reading

    def hashes(self) -> dict[str, str]:
        """path -> content hash of every briefing indexed, to find what is missing or stale."""
        if self._text_index() is None:  # a text index started anew empties the table first
            return {}
        return self.texts.hashes()

    def _searcher(self):
        index = self._text_index()
        if index is None:
            return None
        # another process (the library's worker, `briefing analyze`) may have committed
        stamp = self._meta_stamp()
        if stamp != self._seen_meta or self._documents is None:
            self._seen_meta, self._documents = self._reload(index, stamp)
        return index.searcher()

    def _meta_stamp(self) -> tuple | None:
        try:  # through the link, in a read-only mirror; tantivy replaces meta.json whole
            info = os.stat(self._meta)
        except OSError:
            return None
        return info.st_ino, info.st_mtime_ns, info.st_size

    def _reload(self, index, stamp: tuple | None) -> tuple[tuple | None, int]:
        """The index reloaded, with tantivy's N for BM25 (its segments' documents, deleted ones
        not yet merged away included) for the title search's bound (`store.search_rank`).

        N is read from meta.json before the reload and kept only if the file is the same after
        it, so it is the reloaded searcher's N; else read again. 0 (no bound: every page found
        the slower exact way) when it cannot be read or keeps changing."""
        for _attempt in range(3):
            documents = engine.documents_in(self._meta)
            index.reload()
            after = self._meta_stamp()
            if after == stamp and stamp is not None:
                return stamp, documents
            stamp = after
        return stamp, 0

    def _words(self):
        if self._analyzer is None:
            self._analyzer = engine.analyzer()
        return self._analyzer

    def ranking(self, terms: list[Term], *, within: str | None = None):
        """(searcher, `search_engine.Ranking`) of parsed terms, to be used together (the
        ranking's statistics are that searcher's); the ranking is None when nothing can match."""
        searcher = self._searcher()
        if searcher is None:
            return None, None
        folder = os.path.normpath(within) if within else None
        if folder is not None and not self.texts.outside(folder, os.sep):
            folder = None  # every briefing indexed is in that folder: no filter to intersect
        return searcher, engine.query(self._schema, searcher, self._words(), terms, folder, self._documents)

    def search(self, query: str, *, within: str | None = None, limit: int = PAGE, offset: int = 0) -> list[Hit]:
        """A page of hits, best first; `within` keeps briefings under that folder."""
        terms = parse(query)
        searcher, ranking = self.ranking(terms, within=within)
        if ranking is None:
            return []
        best, _titles_alone = rank.page(searcher, ranking, limit, offset)
        if not best:
            return []
        ids = searcher.fast_field_values("id", [address for _score, address in best])
        found = self.texts.page(ids)
        hits = []
        for (score, _address), doc_id in zip(best, ids):
            if doc_id not in found:
                continue  # written to the text index by a process stopped before its commit here
            path, title, date, body = found[doc_id]
            start, end = first_match(body, terms)
            hits.append(Hit(path, title or "", date, snippet(body, start, end, terms), start, end, score))
        return hits

    def count(self, query: str, *, within: str | None = None) -> int:
        searcher, ranking = self.ranking(parse(query), within=within)
        return 0 if ranking is None else searcher.search(ranking.full(), limit=1, count=True).count
