"""Full-text search over every briefing of the library: SQLite FTS5, beside the analysis cache.

A query is words that must all occur, "quoted phrases" and prefixes (`sanction*`), ranked by bm25
(a title match weighs more than one in the body). Each hit carries a snippet with the match marked
and the offsets of its first match in the briefing's text, so the reader can open right there.

The index is rebuildable (the texts are the briefings' own): a database SQLite cannot read is set
aside with a warning and started anew, and the library fills it again from the files.
"""

from __future__ import annotations

import logging
import re
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from store.jsonfile import move_aside

log = logging.getLogger(__name__)

MARK_START, MARK_END = "\x02", "\x03"  # never in a briefing's text once shown (control characters)
# A first page of ten, as search engines show: the snippets of a page are most of a query's cost.
PAGE = 10
SNIPPET_CONTEXT = 70  # characters either side of the match: about a line and a half
CACHE_KIB = 64 * 1024  # SQLite's page cache per connection: a common word's doclists stay in memory
# Title hits first: a briefing titled with the words is about them, one mentioning them is not.
TITLE_WEIGHT, BODY_WEIGHT = 5.0, 1.0
_SCHEMA = """
CREATE TABLE IF NOT EXISTS docs (
    id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL, content_hash TEXT, title TEXT, date TEXT
);
CREATE VIRTUAL TABLE IF NOT EXISTS texts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
"""
_TERM = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+")


class BadQuery(ValueError):
    """A query with nothing to search for; the message is meant for the user."""


@dataclass
class Term:
    words: list[str]
    prefix: bool = False


@dataclass
class Hit:
    path: str
    title: str
    date: str | None
    snippet: str  # the match between MARK_START and MARK_END
    start: int
    end: int
    score: float


def parse(query: str) -> list[Term]:
    """Phrases in double quotes, words, and words ending in `*` as prefixes; punctuation is a space,
    as the tokenizer treats it."""
    terms: list[Term] = []
    for phrase, word in _TERM.findall(query):
        if phrase:
            words = _WORD.findall(phrase)
            if words:
                terms.append(Term(words))
        else:
            prefix = word.endswith("*")
            words = _WORD.findall(word)
            if words:  # "U.S.-backed" is a phrase of three words, as the tokenizer reads it
                terms.append(Term(words, prefix and len(words) == 1))
    if not terms:
        raise BadQuery(f"nothing to search for in {query!r}: give words, a \"phrase\" or a prefix*")
    return terms


def fts_query(terms: list[Term]) -> str:
    """The FTS5 MATCH expression: every term quoted (so no word is read as an operator), AND-ed."""
    parts = []
    for term in terms:
        quoted = '"' + " ".join(term.words).replace('"', "") + '"'
        parts.append(quoted + ("*" if term.prefix else ""))
    return " AND ".join(parts)


def _pattern(term: Term) -> re.Pattern[str]:
    words = r"\W+".join(re.escape(word) for word in term.words)
    return re.compile(r"\b" + words + (r"\w*" if term.prefix else r"\b"), re.IGNORECASE)


def first_match(text: str, terms: list[Term]) -> tuple[int, int]:
    """Offsets of the earliest match of any term in `text` (case-insensitive, whole words), or
    (0, 0): FTS5 tells that a document matches, not where, so the reader's spot is found here."""
    best: tuple[int, int] | None = None
    for term in terms:
        found = _pattern(term).search(text)
        if found and (best is None or found.start() < best[0]):
            best = (found.start(), found.end())
    return best or (0, 0)


def snippet(text: str, start: int, end: int, terms: list[Term], context: int = SNIPPET_CONTEXT) -> str:
    """The text around the first match, on one line, every match of a term in it marked.

    Made here from the offsets rather than by FTS5's snippet(), which tokenizes the whole
    briefing for each hit: it was most of a page's cost, and this one shows the very spot the
    reader opens at."""
    left = max(0, start - context)
    if left:
        space = text.find(" ", left, start)
        left = space + 1 if space >= 0 else left
    right = min(len(text), end + context)
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space > end else right
    window = text[left:right]
    marks = sorted((m.start(), m.end()) for term in terms for m in _pattern(term).finditer(window))
    pieces, at = [], 0
    for mark_start, mark_end in marks:
        if mark_start < at:
            continue  # overlapping matches of two terms: the first one is marked
        pieces += [window[at:mark_start], MARK_START, window[mark_start:mark_end], MARK_END]
        at = mark_end
    pieces.append(window[at:])
    flat = " ".join("".join(pieces).split())
    return ("…" if left else "") + flat + ("…" if right < len(text) else "")


class SearchIndex:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.warnings: list[str] = []
        self._local = threading.local()

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        """This thread's connection (the app searches on the UI thread and indexes in workers).

        Kept open: SQLite's page cache lives in the connection, and a common word's index pages,
        read again by every query on a fresh connection, were most of a search's time."""
        for attempt in (1, 2):
            try:
                connection = getattr(self._local, "connection", None)
                if connection is None:
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                    connection = sqlite3.connect(self.path, timeout=10)
                    connection.execute("PRAGMA journal_mode=WAL")
                    connection.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
                    connection.executescript(_SCHEMA)
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

    def _set_aside(self, reason: str) -> None:
        self.close()
        if self.path.exists():
            kept = move_aside(self.path, "corrupt")
            for extra in ("-wal", "-shm"):
                Path(str(self.path) + extra).unlink(missing_ok=True)
            message = f"Search index {self.path.name} was unreadable ({reason}); kept as {kept.name}, rebuilding it"
            self.warnings.append(message)
            log.warning(message)

    def put(self, path: str, content_hash: str, title: str, date: str | None, text: str) -> None:
        self.put_many([(path, content_hash, title, date, text)])

    def put_many(self, documents) -> None:
        """(path, content_hash, title, date, text) each, in one transaction: a rebuild of thousands
        commits once instead of once per briefing."""
        with self._connection() as db, db:
            for document in documents:
                self._put(db, *document)

    @staticmethod
    def _put(db: sqlite3.Connection, path: str, content_hash: str, title: str, date: str | None, text: str) -> None:
        row = db.execute("SELECT id FROM docs WHERE path = ?", (path,)).fetchone()
        if row is not None:
            db.execute("DELETE FROM texts WHERE rowid = ?", (row[0],))
            db.execute("UPDATE docs SET content_hash = ?, title = ?, date = ? WHERE id = ?", (content_hash, title, date, row[0]))
            doc_id = row[0]
        else:
            doc_id = db.execute(
                "INSERT INTO docs (path, content_hash, title, date) VALUES (?, ?, ?, ?)", (path, content_hash, title, date)
            ).lastrowid
        db.execute("INSERT INTO texts (rowid, title, body) VALUES (?, ?, ?)", (doc_id, title, text))

    def remove(self, path: str) -> None:
        with self._connection() as db, db:
            row = db.execute("SELECT id FROM docs WHERE path = ?", (path,)).fetchone()
            if row is not None:
                db.execute("DELETE FROM texts WHERE rowid = ?", (row[0],))
                db.execute("DELETE FROM docs WHERE id = ?", (row[0],))

    def hashes(self) -> dict[str, str]:
        """path -> content hash of every briefing indexed, to find what is missing or stale."""
        with self._connection() as db:
            return dict(db.execute("SELECT path, content_hash FROM docs"))

    def search(self, query: str, *, within: str | None = None, limit: int = PAGE, offset: int = 0) -> list[Hit]:
        """A page of hits, best first; `within` keeps briefings whose path starts with that folder.

        The page is ranked first (bm25 over every match, cheap), and only its hits get a snippet:
        in one query SQLite would compute `snippet()` (which tokenizes a whole briefing) for every
        match before sorting, thousands of them for a common word.
        """
        terms = parse(query)
        match = fts_query(terms)
        if within and not self._outside(within):
            within = None  # every briefing indexed is in that folder: no join per match needed
        ranked = "SELECT texts.rowid, bm25(texts, ?, ?) AS score FROM texts"
        arguments: list = [TITLE_WEIGHT, BODY_WEIGHT]
        if within:
            folder = within.rstrip("/\\") + "/"
            ranked += " JOIN docs d ON d.id = texts.rowid WHERE texts MATCH ? AND d.path >= ? AND d.path < ?"
            arguments += [match, folder, folder[:-1] + "0"]  # "0" sorts just after "/": the folder's range
        else:
            ranked += " WHERE texts MATCH ?"
            arguments.append(match)
        ranked += " ORDER BY score LIMIT ? OFFSET ?"
        arguments += [limit, offset]
        with self._connection() as db:
            ranking = db.execute(ranked, arguments).fetchall()
            found = {}
            if ranking:
                marks = ",".join("?" * len(ranking))
                for rowid, path, title, date, body in db.execute(
                    f"SELECT d.id, d.path, d.title, d.date, t.body FROM docs d JOIN texts t ON t.rowid = d.id "
                    f"WHERE d.id IN ({marks})",
                    [rowid for rowid, _score in ranking],
                ):
                    found[rowid] = (path, title, date, body)
        hits = []
        for rowid, score in ranking:
            path, title, date, body = found[rowid]
            start, end = first_match(body, terms)
            hits.append(Hit(path, title or "", date, snippet(body, start, end, terms), start, end, score))
        return hits

    def _outside(self, within: str) -> bool:
        """Whether any briefing indexed lies outside the folder `within` (two range lookups)."""
        folder = within.rstrip("/\\") + "/"
        with self._connection() as db:
            below = db.execute("SELECT 1 FROM docs WHERE path < ? LIMIT 1", (folder,)).fetchone()
            above = db.execute("SELECT 1 FROM docs WHERE path >= ? LIMIT 1", (folder[:-1] + "0",)).fetchone()
        return below is not None or above is not None

    def count(self, query: str, *, within: str | None = None) -> int:
        terms = parse(query)
        sql = "SELECT count(*) FROM texts JOIN docs d ON d.id = texts.rowid WHERE texts MATCH ?"
        arguments: list = [fts_query(terms)]
        if within:
            folder = within.rstrip("/\\") + "/"
            sql += " AND d.path >= ? AND d.path < ?"
            arguments += [folder, folder[:-1] + "0"]
        with self._connection() as db:
            return db.execute(sql, arguments).fetchone()[0]
