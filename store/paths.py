"""Where briefing keeps its files.

Precedence: an explicit `--data-dir` value, then `BRIEFING_HOME`, then the platform's per-user
folders. A home given either way holds `data/` and `cache/` side by side, so one folder can be
moved, backed up or deleted as a whole (and tests can point everything at `tmp_path`).
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "briefing"
HOME_VARIABLE = "BRIEFING_HOME"


def _home(override: str | os.PathLike[str] | None) -> Path | None:
    if override:
        return Path(override).expanduser()
    from_env = os.environ.get(HOME_VARIABLE)
    # An empty variable is a shell leftover, not a request to write into the current folder.
    if from_env:
        return Path(from_env).expanduser()
    return None


class UnusableFolder(Exception):
    """A folder briefing must write to cannot be used; the message is one line for the user."""

    def __init__(self, folder: Path, reason: str) -> None:
        self.folder = folder
        self.reason = reason
        super().__init__(
            f"the data folder {folder} cannot be used ({reason}); "
            f"pass --data-dir or set {HOME_VARIABLE} to a folder you can write to"
        )


def why_unusable(folder: Path) -> str | None:
    """Why `folder` cannot hold our files (None: it can), after trying to create it."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        return "a file of that name is in the way"
    except NotADirectoryError:
        return "part of the path is a file, not a folder"
    except PermissionError:
        return "permission denied"
    except OSError as error:
        return error.strerror or str(error)
    if not folder.is_dir():
        return "it is not a folder"
    if not os.access(folder, os.W_OK | os.X_OK):
        return "it is not writable"
    return None


def _ensure(folder: Path) -> Path:
    """The folder, created if needed; UnusableFolder if notes and corrections could not be kept."""
    reason = why_unusable(folder)
    if reason is not None:
        raise UnusableFolder(folder, reason)
    return folder


def _try(folder: Path) -> Path:
    """The folder, created if possible: the cache is an optimisation, and a cache that cannot be
    written only warns (store.cache) while the analysis goes on in memory."""
    why_unusable(folder)
    return folder


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The folder for what the user cannot get back: notes and corrections."""
    home = _home(override)
    if home is not None:
        return _ensure(home / "data")
    # platformdirs is imported here because most runs pass a home or never reach this line.
    from platformdirs import user_data_dir

    return _ensure(Path(user_data_dir(APP_NAME, appauthor=False)))


def cache_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The folder for what can be rebuilt at any time: cached analyses."""
    home = _home(override)
    if home is not None:
        return _try(home / "cache")
    from platformdirs import user_cache_dir

    return _try(Path(user_cache_dir(APP_NAME, appauthor=False)))


NOTES_FILE, CORRECTIONS_FILE = "notes.json", "corrections.json"


def notes_path(override: str | os.PathLike[str] | None = None) -> Path:
    return data_dir(override) / NOTES_FILE


def corrections_path(override: str | os.PathLike[str] | None = None) -> Path:
    return data_dir(override) / CORRECTIONS_FILE


def analysis_cache_dir(override: str | os.PathLike[str] | None = None) -> Path:
    return _try(cache_dir(override) / "analysis")


def extracts_cache_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Documents extracted from HTML, PDF, DOCX, EPUB and Markdown, keyed by their bytes."""
    return _try(cache_dir(override) / "extracts")


def snapshots_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Pages fetched from URLs, kept so the text notes are anchored to never changes under them."""
    return _ensure(data_dir(override) / "snapshots")


STATE_FOLDER = "state"


def state_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Reading state (read, starred, position) is the user's: it lives with the notes."""
    return data_dir(override) / STATE_FOLDER


def library_index_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The library index is rebuilt from the analysis cache, so it lives in the cache folder."""
    return _try(cache_dir(override) / "library")


def search_index_path(override: str | os.PathLike[str] | None = None) -> Path:
    """A folder: the text index (tantivy) and the texts (SQLite), rebuilt from the briefings."""
    return cache_dir(override) / "search"
