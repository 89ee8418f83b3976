"""Seeing briefings added, changed or removed while the library is open.

The folder is watched by the operating system (watchfiles: inotify, FSEvents, ReadDirectoryChangesW)
and each batch of changes to briefing files sets off one rescan of the folder, at once. A rescan
of 10,000 files costs about 0.7 s of a thread and lags the event loop by up to ~180 ms (bench
g6): every 10 s, as before, that was 7% of a core spent finding nothing. Watching costs nothing
while nothing changes. Events do not come from every filesystem (network shares, some mounts),
so a rescan still runs every SAFETY_RESCAN_SECONDS, and every RESCAN_SECONDS when the folder
cannot be watched at all (watchfiles missing, the system's limit on watches reached).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from textual.screen import Screen
from textual.timer import Timer

from analysis.library.scan import is_briefing
from tui.literal import toast
from tui.screens.library.messages import FolderChanged

RESCAN_SECONDS = 10.0  # with no watcher: a scan only stats the files
SAFETY_RESCAN_SECONDS = 120.0  # with one: for changes on filesystems that report none
DEBOUNCE_MS = 400  # a copy of many files arrives as one batch, so as one rescan


def matters(folder: Path, path: str) -> bool:
    """A change the library lists: a briefing file, or a folder (added or removed with its files),
    outside hidden folders; an editor's swap file or a download in progress is not one."""
    try:
        parts = Path(path).relative_to(folder).parts
    except ValueError:
        return False
    if not parts or any(part.startswith(".") for part in parts):
        return False
    name = parts[-1]
    return is_briefing(name) or os.path.isdir(path) or "." not in name


def folder_changes(folder: Path, stop: threading.Event) -> Iterator[int]:
    """Yields, for each batch of changes that matter, how many there were; returns once `stop`
    is set. Raises what watchfiles raises when the folder cannot be watched."""
    from watchfiles import watch

    for changes in watch(folder, stop_event=stop, debounce=DEBOUNCE_MS, raise_interrupt=False,
                         watch_filter=lambda _change, path: matters(folder, path)):
        if changes:
            yield len(changes)


class FolderWatch:
    """The library screen's watcher: a thread posting FolderChanged to the screen (each one a
    rescan there), and the screen's rescan timer as the safety net or the fallback. A handler the
    screen owns, as the reader's are, not a mixin: every screen method it uses is named here."""

    def __init__(self, screen: Screen, rescan: Callable[[], object]) -> None:
        self.screen = screen
        self.rescan = rescan
        self.stopping = threading.Event()
        self.rescans: Timer | None = None
        self.watcher: threading.Thread | None = None

    def start(self, folder: Path) -> None:
        self.rescans = self.screen.set_interval(SAFETY_RESCAN_SECONDS, self.rescan)
        # Its own thread, not a Textual worker: it runs as long as the screen, and nothing waiting
        # for the workers to finish (tests, the exit) must wait for it.
        self.watcher = threading.Thread(target=self._watch, args=(folder,), name="library watch", daemon=True)
        self.watcher.start()

    def stop(self) -> None:
        self.stopping.set()  # the watcher's thread ends within its next step (50 ms)
        if self.watcher is not None:
            self.watcher.join(timeout=1.0)

    def _watch(self, folder: Path) -> None:
        try:
            for _count in folder_changes(folder, self.stopping):
                self.screen.post_message(FolderChanged())
        except Exception as error:  # noqa: BLE001 - no watcher: the rescan every few seconds instead
            if not self.stopping.is_set():
                self.screen.app.call_from_thread(self.failed, error)

    def failed(self, error: Exception) -> None:
        if self.rescans is not None:
            self.rescans.stop()
        self.rescans = self.screen.set_interval(RESCAN_SECONDS, self.rescan)
        toast(self.screen, f"The folder cannot be watched ({type(error).__name__}: {error}); it is scanned every "
              f"{RESCAN_SECONDS:.0f} s instead", title="Library", severity="warning", timeout=10)
