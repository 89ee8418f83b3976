"""A library whose folders cannot be written (a read-only disk, a backup mounted read-only, a
shared folder): it still opens, lists, searches and reads what is indexed, and says why nothing
is saved, instead of refusing to start as a command that must write does."""

from __future__ import annotations

import os
from pathlib import Path

from store.paths import UnusableFolder, cache_dir, data_dir, why_unusable


def readable_data_dir(override: str | None) -> tuple[Path, str | None]:
    """(the folder of notes, corrections and reading state; why the library is read-only, or None).

    Read-only when the data folder or the cache folder cannot be written: without the data folder
    no star or position is kept, without the cache no analysis is indexed, so analysing in the
    background would only throw its work away. A folder that cannot even be read stays an error."""
    try:
        user = data_dir(override)
    except UnusableFolder as error:
        if not (error.folder.is_dir() and os.access(error.folder, os.R_OK | os.X_OK)):
            raise
        return error.folder, f"{error.folder}: {error.reason}"
    cache = cache_dir(override)
    reason = why_unusable(cache)
    if reason is not None:
        return user, f"{cache}: {reason}"
    return user, None

