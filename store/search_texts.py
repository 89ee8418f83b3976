"""The SQLite side of the search index: `docs.sqlite`, each briefing's row (path, content hash,
title, date) and its text, under the id its tantivy document carries (`store.search`).

Why beside tantivy rather than stored in it: the page's ten texts are read by id for the snippets,
and `hashes()` (what is missing or stale) needs no full read of the text index.

Each thread keeps its own connection open (the app searches on the UI thread and indexes in
workers): SQLite's page cache lives in it. A database that cannot be read is handed to the owner's
`set_aside` (which moves the whole folder aside, tantivy's files with it) and opened anew once.
"""

from __future__ import annotations

import sqlite3
import threading
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_SECONDS = 10.0  # how long a writer waits for another process's write, as SQLite's timeout
LEGACY = "search.sqlite"  # the FTS5 index this one replaces, beside its folder: deleted (a cache)
_SQL = """
CREATE TABLE IF NOT EXISTS docs (
    id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL, content_hash TEXT, title TEXT, date TEXT
);
CREATE TABLE IF NOT EXISTS bodies (id INTEGER PRIMARY KEY, body TEXT NOT NULL);
"""


class SearchTexts:
    def __init__(self, folder: Path, *, read_only: bool, set_aside: Callable[[str], None]) -> None:
        self.folder = folder
        self.read_only = read_only
        self._set_aside = set_aside
        self._local = threading.local()

    def _read_only_connection(self) -> sqlite3.Connection:
        """Read-only, with the write-ahead log a stopped writer left (SQLite reads it when its
        -shm file is there); else immutable, which needs no -shm file, the one a read-only folder
        cannot get (the last writer to close folded the log into the database and removed both)."""
        location = "file:" + urllib.parse.quote(str(self.folder / "docs.sqlite")) + "?mode=ro"
        try:
            connection = sqlite3.connect(location, uri=True)
            connection.execute("SELECT count(*) FROM docs").fetchone()
            return connection
        except sqlite3.OperationalError:
            return sqlite3.connect(location + "&immutable=1", uri=True)

    def _writable_connection(self) -> sqlite3.Connection:
        fresh = not self.folder.exists()
        self.folder.mkdir(parents=True, exist_ok=True)
        if fresh:
            for name in (LEGACY, LEGACY + "-wal", LEGACY + "-shm"):
                (self.folder.parent / name).unlink(missing_ok=True)
        connection = sqlite3.connect(self.folder / "docs.sqlite", timeout=LOCK_SECONDS)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.executescript(_SQL)
        return connection

    @contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
        """This thread's connection; an unreadable database is set aside and opened anew once."""
        for attempt in (1, 2):
            try:
                connection = getattr(self._local, "connection", None)
                if connection is None:
                    connection = self._read_only_connection() if self.read_only else self._writable_connection()
                    self._local.connection = connection
                yield connection
                return
            except sqlite3.DatabaseError as error:
                if attempt == 2 or "malformed" not in str(error) and "not a database" not in str(error):
                    raise
                self._set_aside(str(error))

    def close(self) -> None:
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None

    # writing: inside the caller's transaction (BEGIN IMMEDIATE), committed with tantivy's commit

    def clear(self) -> None:
        """Forget every briefing: a text index started anew knows none, and neither may the texts,
        or the library would think them indexed and never fill it."""
        with self.connection() as db, db:
            db.execute("DELETE FROM docs")
            db.execute("DELETE FROM bodies")

    @staticmethod
    def put_row(db: sqlite3.Connection, path: str, content_hash: str, title: str, date: str | None, text: str) -> int:
        row = db.execute("SELECT id FROM docs WHERE path = ?", (path,)).fetchone()
        if row is not None:
            doc_id = row[0]
            db.execute("UPDATE docs SET content_hash = ?, title = ?, date = ? WHERE id = ?", (content_hash, title, date, doc_id))
        else:
            doc_id = db.execute(
                "INSERT INTO docs (path, content_hash, title, date) VALUES (?, ?, ?, ?)", (path, content_hash, title, date)
            ).lastrowid
        db.execute("INSERT OR REPLACE INTO bodies (id, body) VALUES (?, ?)", (doc_id, text))
        return doc_id

    @staticmethod
    def id_of(db: sqlite3.Connection, path: str) -> int | None:
        row = db.execute("SELECT id FROM docs WHERE path = ?", (path,)).fetchone()
        return None if row is None else row[0]

    @staticmethod
    def delete_row(db: sqlite3.Connection, doc_id: int) -> None:
        db.execute("DELETE FROM docs WHERE id = ?", (doc_id,))
        db.execute("DELETE FROM bodies WHERE id = ?", (doc_id,))

    # reading

    def hashes(self) -> dict[str, str]:
        with self.connection() as db:
            return dict(db.execute("SELECT path, content_hash FROM docs"))

    def outside(self, folder: str, separator: str) -> bool:
        """Whether any briefing lies outside `folder` (two range lookups on the paths)."""
        inside = folder.rstrip(separator) + separator
        after = inside[:-1] + chr(ord(separator) + 1)  # the first path past the folder's range
        with self.connection() as db:
            below = db.execute("SELECT 1 FROM docs WHERE path < ? LIMIT 1", (inside,)).fetchone()
            above = db.execute("SELECT 1 FROM docs WHERE path >= ? LIMIT 1", (after,)).fetchone()
        return below is not None or above is not None

    def page(self, ids: list[int]) -> dict[int, tuple[str, str | None, str | None, str]]:
        """id -> (path, title, date, text) of a page's hits, read by their ids."""
        marks = ",".join("?" * len(ids))
        with self.connection() as db:
            return {
                doc_id: (path, title, date, body)
                for doc_id, path, title, date, body in db.execute(
                    f"SELECT d.id, d.path, d.title, d.date, b.body FROM docs d JOIN bodies b ON b.id = d.id "
                    f"WHERE d.id IN ({marks})",
                    ids,
                )
            }
