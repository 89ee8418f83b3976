"""The library: a folder of briefings read as one, without a UI.

`folder` (the `Library`: listing, analysing, indexing, rescanning), `indexing` (a batch's
outcomes into the indexes, for `briefing analyze` and the worker), `scan` (finding the briefing
files), `rows` (a briefing as the library lists it, and its notes), `records` (what the index keeps
of an analysis), `actors` (one actor across the library's briefings), `worker` (the background
analysis in a child process: `python -m analysis.library.worker`).

Names are loaded on first use (PEP 562): the reader asks `scan.briefing_key` for every briefing it
opens, and must not pay for the index, the search index and the analysis service to do so.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "Library": "analysis.library.folder",
    "indexed": "analysis.library.indexing",
    "Row": "analysis.library.rows",
    "briefing_files": "analysis.library.scan",
    "briefing_key": "analysis.library.scan",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'analysis.library' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return __all__
