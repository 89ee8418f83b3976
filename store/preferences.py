"""Choices the user makes in the app that outlive it (the theme picked from the palette).

A small JSON object in the data folder, replaced atomically. A preference is a convenience, not
the user's work: a file that cannot be read is taken as empty, and one that cannot be written is
reported to the caller, who says so and goes on.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from store.jsonfile import write_bytes_atomic
from store.paths import data_dir


def preferences_path(override: str | os.PathLike[str] | None = None) -> Path:
    return data_dir(override) / "preferences.json"


def read_preferences(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_preference(path: Path, name: str, value: object) -> None:
    """Set one preference, keeping the others; OSError if the file cannot be written."""
    data = read_preferences(path)
    data[name] = value
    write_bytes_atomic(path, (json.dumps(data, indent=2, sort_keys=True) + "\n").encode("utf-8"))
