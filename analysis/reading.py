"""A briefing named on the command line: a file, or standard input when the user asks with `-`.

Standard input is read only when asked for (never because a path happens to be a pipe: those are
refused by `store.files.read_bounded`), at most `documents.MAX_BYTES`, and once: a batch reads
each briefing twice (to plan, then to analyse), and a pipe can be read only once.
"""

from __future__ import annotations

import functools
import os

from analysis.documents import MAX_BYTES, read_bytes, read_document
from analysis.formats import DocumentError
from analysis.types import Document
from store.files import NotAFile, stdin_bytes

STDIN = "-"
STDIN_NAME = "<stdin>"


def read_briefing(
    path: str | os.PathLike[str], *, whole_page: bool = False, data_dir: str | None = None
) -> Document:
    """The briefing at `path`, or on standard input for `-`; DocumentError with a one-line reason."""
    if str(path) == STDIN:
        return _stdin_document(whole_page, data_dir)
    return read_document(path, whole_page=whole_page, data_dir=data_dir)


@functools.cache
def _stdin_document(whole_page: bool, data_dir: str | None) -> Document:
    """Read once (a pipe can be read only once), its format sniffed from the bytes like a file's."""
    try:
        data = stdin_bytes(MAX_BYTES)
    except NotAFile as error:
        raise DocumentError(str(error)) from None
    except OSError as error:
        raise DocumentError(f"standard input: cannot be read ({error.strerror or error})") from None
    if not data.strip():
        raise DocumentError("standard input: is empty")
    return read_bytes(data, STDIN_NAME, whole_page=whole_page, data_dir=data_dir)
