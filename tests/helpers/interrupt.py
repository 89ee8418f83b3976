"""Ctrl+C as a terminal sends it, to a real `briefing analyze` run: the one way both batch paths
(`--jobs`, `--dask`) are interrupted in the tests."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from store.cache import SUFFIX
from store.paths import analysis_cache_dir
from tests.helpers import REPO_ROOT as ROOT




@dataclass
class Interrupted:
    returncode: int
    out: str
    err: str
    entries: list[Path]  # the analysis cache's entries after the run stopped
    cache: Path


def interrupt_analyze(options: list[str], folder: Path, home: Path, wait: float = 120) -> Interrupted:
    """Start `analyze --json OPTIONS FOLDER` in its own session, wait for its first cache entry, then
    send SIGINT to the whole process group (its workers included), as a terminal's Ctrl+C does."""
    process = subprocess.Popen(
        [sys.executable, "-m", "tui.cli", "analyze", "--json", *options, str(folder)],
        cwd=ROOT,
        env={**os.environ, "BRIEFING_HOME": str(home), "CI": "true"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    cache = analysis_cache_dir(str(home))
    deadline = time.monotonic() + wait
    while not any(cache.rglob(f"*{SUFFIX}")) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert process.poll() is None, "finished before it could be interrupted"
    os.killpg(process.pid, signal.SIGINT)
    out, err = process.communicate(timeout=120)
    return Interrupted(process.returncode, out, err, list(cache.rglob(f"*{SUFFIX}")), cache)
