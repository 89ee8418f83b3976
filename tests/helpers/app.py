"""Building the real app for Pilot and snapshot tests, on a warm analysis cache in tmp_path."""

from __future__ import annotations

import shutil
from pathlib import Path

from analysis.documents import read_document
from analysis.service import AnalysisService
from store.cache import AnalysisCache
from store.paths import analysis_cache_dir
from tui.app import BriefingApp


def warm_cache(home: Path, seed_path: Path, pipeline) -> Path:
    """Analyse the seed once into `home`'s cache with an already loaded pipeline."""
    service = AnalysisService(AnalysisCache(analysis_cache_dir(str(home))))
    service._pipeline = pipeline
    service.analysis(read_document(seed_path))
    return home


def copy_home(template: Path, home: Path) -> Path:
    shutil.copytree(template, home, dirs_exist_ok=True)
    return home


def make_app(home: Path, path: Path) -> BriefingApp:
    return BriefingApp(read_document(path), data_dir=str(home))


async def settle(app, pilot) -> None:
    """Wait until the analysis worker has finished and its messages are handled."""
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def until(pilot, condition, limit: float = 30.0) -> None:
    """Pause until `condition()` holds (bounded: fails after `limit` seconds, never hangs).

    For a step the app finishes a few messages later (a dialog closing, a worker's result
    shown): under the load of a full run, one pause was not always enough."""
    import time

    deadline = time.monotonic() + limit
    while not condition():
        assert time.monotonic() < deadline, f"not reached within {limit} s"
        await pilot.pause(0.01)
