"""The UI thread's time per note save in the reader: the event loop's longest stall from ctrl+s in
the note editor to the saved note shown in the notes pane.

    python -m bench.notes_ui_save [--saves 15] [--notes 50]

The real app runs headless (Pilot) on the seed, its analysis cancelled (it is not what is measured
and its child process would load the two shared cores). The briefing's own notes file holds
`--notes` notes, so a save rewrites a big shard, as a heavy user's would. A ticker sleeping 2 ms on
the event loop records how late it wakes: the longest lateness between ctrl+s and the note in the
pane is what a key pressed then would have waited; it includes repainting the screen and rebuilding
the notes pane, which stay on the UI thread. The time the UI thread spends inside the notes store
(`StoreClock`) is the part a write worker takes away. Only keys and the pane are used, so the same
file measures any version of the app (before/after numbers in the README come from this file).
Not a test: it asserts nothing about time.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # `python bench/notes_ui_save.py`: make the checkout importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TICK = 0.002
WAIT_LIMIT = 30.0  # seconds for one save to show; a save that never shows fails the bench


class StoreClock:
    """Time the UI (main) thread spends inside the notes store: every store method a save or the
    pane's re-read calls, wrapped. What a worker thread spends there is not counted."""

    METHODS = ("add", "update", "delete", "restore", "for_document", "stamp", "all", "problem_for")

    def __init__(self) -> None:
        self.seconds = 0.0

    def install(self) -> None:
        import functools
        import threading

        from store.notes import NotesStore

        for name in self.METHODS:
            original = getattr(NotesStore, name)

            @functools.wraps(original)
            def timed(*args, __original=original, **kwargs):
                if threading.current_thread() is not threading.main_thread():
                    return __original(*args, **kwargs)
                start = time.perf_counter()
                try:
                    return __original(*args, **kwargs)
                finally:
                    self.seconds += time.perf_counter() - start

            setattr(NotesStore, name, timed)


class Ticker:
    def __init__(self) -> None:
        self.lags: list[float] = []

    async def run(self) -> None:
        while True:
            before = time.perf_counter()
            await asyncio.sleep(TICK)
            self.lags.append(time.perf_counter() - before - TICK)


def existing_notes(document, count: int) -> list[dict]:
    from analysis.notes.editing import new_note

    notes = []
    for number in range(count):
        start, end = document.paragraphs[number % len(document.paragraphs)]
        notes.append(new_note(document, start, end, f"earlier note {number} " + "lorem ipsum " * 8).to_dict())
    return notes


async def measure(seed: Path, home: Path, saves: int, count: int) -> tuple[list[float], list[float]]:
    from analysis.documents import read_document
    from store.notes import NotesStore
    from store.paths import notes_path
    from tui.app import BriefingApp
    from tui.widgets.notes_list import NotesList

    document = read_document(seed)
    NotesStore(notes_path(str(home))).import_notes(existing_notes(document, count))
    app = BriefingApp(document, data_dir=str(home))
    stalls, in_store = [], []
    store_clock = StoreClock()
    store_clock.install()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+k")  # cancel the analysis
        await pilot.pause()
        ticker = Ticker()
        task = asyncio.create_task(ticker.run())
        try:
            for number in range(saves):
                body = f"bench save {number}"
                await pilot.press("a", *body)
                await pilot.pause()
                mark, store_before = len(ticker.lags), store_clock.seconds
                await pilot.press("ctrl+s")
                deadline = time.perf_counter() + WAIT_LIMIT
                while not any(note.body == body for note in app.screen.query_one(NotesList).notes):
                    if time.perf_counter() > deadline:
                        raise RuntimeError(f"save {number} did not show in the pane within {WAIT_LIMIT} s")
                    await asyncio.sleep(TICK)
                await asyncio.sleep(4 * TICK)  # the tick that was late when the pane updated
                stalls.append(max(ticker.lags[mark:], default=0.0))
                in_store.append(store_clock.seconds - store_before)
        finally:
            task.cancel()
    return stalls, in_store


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--saves", type=int, default=15)
    parser.add_argument("--notes", type=int, default=50, help="notes already on the briefing (default 50)")
    args = parser.parse_args(argv)
    seed = Path(__file__).resolve().parent.parent / "seeds" / "turkey-ukraine.txt"
    with tempfile.TemporaryDirectory(prefix="briefing-bench-uisave-") as home:
        stalls, in_store = asyncio.run(measure(seed, Path(home), args.saves, args.notes))
    ms = sorted(stall * 1e3 for stall in stalls)
    store_ms = sorted(seconds * 1e3 for seconds in in_store)
    print(f"UI thread per save, {args.notes} notes on the briefing ({len(ms)} saves, median / worst):")
    print(f"  in the notes store (write and re-read): {statistics.median(store_ms):.1f} / {store_ms[-1]:.1f} ms")
    print(f"  longest event-loop stall from ctrl+s to the note shown: {statistics.median(ms):.1f} / {ms[-1]:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
