"""Where the CLI reads a briefing from: a file, standard input (`-`) or a URL (through a snapshot)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from analysis.reading import STDIN
from analysis.types import Document


def load(source: str | Path, *, whole_page: bool = False, refresh: bool = False, data_dir: str | None = None) -> Document:
    """The Document at `source`; DocumentError with one line when it cannot be read."""
    from analysis.documents import read_document
    from analysis.formats import DocumentError
    from analysis.formats.fetch import is_url
    from analysis.reading import read_briefing

    text = str(source)
    if text == STDIN:
        if sys.stdin is None or sys.stdin.isatty():
            raise DocumentError("'-' reads a briefing from standard input, but nothing is piped in")
        return read_briefing(STDIN, whole_page=whole_page, data_dir=data_dir)
    if is_url(text):
        return load_url(text, whole_page=whole_page, refresh=refresh, data_dir=data_dir)
    return read_document(Path(text).expanduser(), whole_page=whole_page, data_dir=data_dir)


def load_url(url: str, *, whole_page: bool, refresh: bool, data_dir: str | None) -> Document:
    """The page's snapshot if one was taken (the text notes point into), else fetched and kept."""
    from analysis.documents import read_bytes
    from analysis.formats.fetch import fetch
    from store.snapshots import SnapshotStore

    snapshots = SnapshotStore(data_dir=data_dir)
    snapshot = None if refresh else snapshots.get(url)
    if snapshot is None:
        fetched = fetch(url)
        # Checked before it is kept: a snapshot that cannot be read would only fail again on reopening.
        document = read_bytes(fetched.data, url, whole_page=whole_page, data_dir=data_dir, url=fetched.url, charset=fetched.charset)
        snapshots.put(url, fetched.url, fetched.content_type, fetched.charset, fetched.data)
        return document
    return read_bytes(snapshot.data, url, whole_page=whole_page, data_dir=data_dir, url=snapshot.final_url, charset=snapshot.charset)


def terminal_for_keys() -> None:
    """After a briefing came in on a pipe, make the terminal standard input again for the app.

    Textual's Linux driver reads keys from `sys.__stdin__`'s descriptor: once the pipe is drained,
    /dev/tty is put on descriptor 0, so the same object now reads the keyboard.
    """
    if sys.__stdin__ is not None and sys.__stdin__.isatty():
        return
    from analysis.formats import DocumentError

    try:
        terminal = os.open("/dev/tty", os.O_RDWR)
    except OSError:
        raise DocumentError("the briefing came from a pipe, and no terminal is left to read keys from") from None
    os.dup2(terminal, 0)
    os.close(terminal)
