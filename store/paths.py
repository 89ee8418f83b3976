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


def _ensure(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
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
        return _ensure(home / "cache")
    from platformdirs import user_cache_dir

    return _ensure(Path(user_cache_dir(APP_NAME, appauthor=False)))


def notes_path(override: str | os.PathLike[str] | None = None) -> Path:
    return data_dir(override) / "notes.json"


def corrections_path(override: str | os.PathLike[str] | None = None) -> Path:
    return data_dir(override) / "corrections.json"


def analysis_cache_dir(override: str | os.PathLike[str] | None = None) -> Path:
    return _ensure(cache_dir(override) / "analysis")


def extracts_cache_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Documents extracted from HTML, PDF, DOCX, EPUB and Markdown, keyed by their bytes."""
    return _ensure(cache_dir(override) / "extracts")


def snapshots_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Pages fetched from URLs, kept so the text notes are anchored to never changes under them."""
    return _ensure(data_dir(override) / "snapshots")


STATE_FOLDER = "state"


def state_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Reading state (read, starred, position) is the user's: it lives with the notes."""
    return data_dir(override) / STATE_FOLDER


def library_index_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The library index is rebuilt from the analysis cache, so it lives in the cache folder."""
    return _ensure(cache_dir(override) / "library")


def search_index_path(override: str | os.PathLike[str] | None = None) -> Path:
    return cache_dir(override) / "search.sqlite"
