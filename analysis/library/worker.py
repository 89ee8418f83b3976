"""The library's background analysis, with spaCy in a child process instead of the app's.

In the app's own process, loading the model and tagging hold the interpreter lock for long
stretches: the event loop stalled up to 700 ms while a library was analysed in a worker thread.
Here the briefings the cache already holds are indexed in the caller's thread (no spaCy); the
others go to `python -m analysis.library.worker`, which runs the batch path (one spaCy stream,
`--jobs` processes), indexes each briefing and prints one short line per briefing. The caller
reads the lines and the records the child wrote, and stops the child when it is cancelled.

    python -m analysis.library.worker [--data-dir DIR] [--model NAME] [--jobs N] PATH...
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from analysis.stream_stop import stop_child


def analyse_apart(library, keys: list[str], *, jobs: int = 1, cancelled: Callable[[], bool] | None = None) -> Iterator:  # noqa: E501
    """Rows of `keys` as each is indexed: cache hits here, the rest in a child process."""
    from analysis import batch

    planned = batch.plan(library.service, [Path(key) for key in keys])
    here = [item for item in planned if item.cached or item.error is not None]
    apart = [str(item.path) for item in planned if not (item.cached or item.error is not None)]
    if here:
        yield from library.analyse_pending([str(item.path) for item in here], cancelled=cancelled)
    if not apart or (cancelled is not None and cancelled()):
        return
    command = [sys.executable, "-m", "analysis.library.worker", "--model", library.service.model_name, "--jobs", str(jobs)]
    if library.data_dir:
        command += ["--data-dir", str(library.data_dir)]
    errors = tempfile.TemporaryFile()  # a file, not a pipe: a chatty child can never block on it
    child = subprocess.Popen(
        [*command, *apart], stdout=subprocess.PIPE, stderr=errors, stdin=subprocess.DEVNULL, text=True
    )
    library.children.add(child)
    stopped = False
    try:
        for line in child.stdout:
            if cancelled is not None and cancelled():
                stopped = True
                break
            try:
                key = json.loads(line)["path"]
            except (ValueError, KeyError, TypeError):
                continue
            row = library.row_of_indexed(key)
            if row is not None:
                yield row
        code = child.wait()
        if code != 0 and not stopped and child in library.children:
            errors.seek(0)
            last = errors.read().decode("utf-8", "replace").strip().splitlines()[-1:] or [f"exit code {code}"]
            raise RuntimeError(f"the analysis process failed: {last[0]}")
    finally:
        stop_child(child)
        child.stdout.close()
        errors.close()
        library.children.discard(child)


# How much lower than the app this process and its spaCy processes run (POSIX niceness, 0-19).
# On two cores the batch path's processes take both; at the same priority the app's process
# waited its turn behind them, and a row arriving (a table repaint of a few ms) took up to 160 ms
# to draw. At 10 the kernel gives the app the core the moment it wants one (CFS weight about a
# tenth), and the analysis still gets every idle cycle: it is work nobody waits on, key by key.
BACKGROUND_NICENESS = 10


def below_the_app() -> None:
    """Lower this process's CPU priority before spaCy loads; the processes it starts inherit it."""
    if hasattr(os, "nice"):
        try:
            current = os.nice(0)
            if current < BACKGROUND_NICENESS:  # at least that low, never lower still
                os.nice(BACKGROUND_NICENESS - current)
        except OSError:
            pass  # not allowed here: the analysis runs as before


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.library.worker")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--data-dir")
    parser.add_argument("--model")
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args(argv)
    below_the_app()
    from analysis import batch
    from analysis.library.indexing import indexed
    from analysis.service import AnalysisService
    from store.cache import AnalysisCache
    from store.paths import analysis_cache_dir

    def terminated(signum, frame) -> None:
        # Stopped by the app: wind down like Ctrl+C, so spaCy's worker processes exit with us.
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, terminated)
    service = AnalysisService(AnalysisCache(analysis_cache_dir(args.data_dir)), *([args.model] if args.model else []))
    planned = batch.plan(service, [Path(path) for path in args.paths])
    outcomes = batch.run(service, planned, jobs=max(1, args.jobs))
    try:
        for outcome in indexed(outcomes, args.model, args.data_dir):
            sys.stdout.write(json.dumps({"path": str(outcome.path), "error": outcome.error}) + "\n")
            sys.stdout.flush()
    except KeyboardInterrupt:
        return 130  # every analysis and record stored so far stays valid
    return 0


if __name__ == "__main__":
    # The parent stops this process with SIGTERM; a partial batch keeps what it stored.
    sys.exit(main())
