"""Storage: the analysis cache, notes, corrections, reading state and the library index as plain
dicts in crash-safe JSON files; the library's full-text index in SQLite.

Never imports textual, spaCy, `analysis` or `tui`. Names are loaded on first use (PEP 562), so
`import store.paths` does not pay for TinyDB and filelock.
"""

from __future__ import annotations

import importlib

# The store's warnings go to the caller once, never twice: store/log.py, imported where one is said.

_EXPORTS = {
    "data_dir": "store.paths",
    "cache_dir": "store.paths",
    "notes_path": "store.paths",
    "corrections_path": "store.paths",
    "analysis_cache_dir": "store.paths",
    "StoreError": "store.jsonfile",
    "StoreLocked": "store.jsonfile",
    "CorruptFile": "store.jsonfile",
    "AtomicJSONStorage": "store.jsonfile",
    "AnalysisCache": "store.cache",
    "NotesStore": "store.notes",
    "NotesReadOnly": "store.notes",
    "NoteNotFound": "store.notes",
    "NoteChanged": "store.notes",
    "UnusableFolder": "store.paths",
    "CorrectionsStore": "store.corrections",
    "LibraryIndex": "store.index",
    "SearchIndex": "store.search",
    "StateStore": "store.state",
    "StateReadOnly": "store.state",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'store' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return __all__
