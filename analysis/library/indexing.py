"""`briefing analyze` and the library's worker process: each outcome of a batch into the library
index as it comes, and into the search index in commits of many."""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from store.search import SEARCH_FLUSH_COUNT, SEARCH_FLUSH_SECONDS

log = logging.getLogger(__name__)


def indexed(outcomes: Iterator, model: str | None, data_dir: str | None) -> Iterator:
    """The batch's outcomes, each put in the library index on its way and its text in the search
    index within a second. An index that cannot be written is said once; the analysis goes on
    (the search index is refilled from the files by the library when it next opens)."""
    from analysis.library.folder import Library
    from store.jsonfile import StoreError
    from store.paths import cache_dir, why_unusable

    library = Library(Path.cwd(), model=model, data_dir=data_dir)
    failed = False
    waiting: list[tuple] = []
    flushed = time.monotonic()

    def failure(error: Exception) -> None:
        nonlocal failed
        failed = True
        # The indexes live in the cache folder: when that folder cannot be written, the analysis
        # cache has said so already, and one cause gets one line.
        if why_unusable(cache_dir(data_dir)) is None:
            log.warning("the library index could not be updated: %s", error)

    def flush() -> None:
        nonlocal flushed
        if waiting and not failed:
            try:
                library.search_index.put_many(waiting)
            except (StoreError, OSError, sqlite3.Error, ValueError) as error:  # ValueError: tantivy's
                failure(error)
        waiting.clear()
        flushed = time.monotonic()

    try:
        for outcome in outcomes:
            if not failed:
                try:
                    library.index_outcome(outcome, search_later=waiting)
                except (StoreError, OSError, sqlite3.Error) as error:
                    failure(error)
            if len(waiting) >= SEARCH_FLUSH_COUNT or time.monotonic() - flushed >= SEARCH_FLUSH_SECONDS:
                flush()
            yield outcome
    finally:
        flush()
        close = getattr(outcomes, "close", None)
        if close is not None:
            close()
