"""The reader's notes writes, one at a time in a thread worker, in the order they were asked.

A save on the UI thread took ~11 ms (a compare-and-swap, a backup, a re-read), more on a slow
disk or a big shard, and up to the store's lock timeout when another instance holds the lock:
every key waited meanwhile. Here each write (and the re-read that shows it) runs in a Textual
thread worker, and the next one starts only once the one before has landed, so a second save
never overtakes the first. What a write does once it succeeded or failed runs back on the UI
thread, through `call_later` (thread-safe in Textual).

If the reader is gone when a write fails (quit anyway after the wait ran out, while the disk did
not answer), the user's text is printed to stderr, the one place left that can still show it.
"""

from __future__ import annotations

import sys
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from textual.screen import Screen

from store.jsonfile import StoreError, StoreLocked
from tui.literal import for_stream

# What a write may raise that the user can act on (a lock, a read-only file, a full disk, a body
# over the limit). Anything else is a bug, but it too ends as a failed write: the editor reopens
# with the text, rather than the queue waiting for ever on a write that will not land.
WRITE_ERRORS = (StoreError, OSError, ValueError)
# How long leaving the reader waits for pending writes: well over the store's lock timeout (1.5 s),
# so only a disk that stopped answering makes it run out.
LEAVE_WAIT_SECONDS = 10.0


def failure_title(error: Exception) -> str:
    """What a failed write's notification says first."""
    # The notes store is imported by the write that failed; importing it at the top cost the
    # reader's start ~10 ms before its first paint.
    from store.notes import NotesReadOnly

    if isinstance(error, StoreLocked):
        return "Notes not saved: locked by another briefing"
    if isinstance(error, NotesReadOnly):
        return "Notes not saved: read-only"
    return "Notes not saved"


@dataclass
class Write:
    """One notes write: `run` in the worker thread, then `landed(result)` or `failed(error)`."""

    run: Callable[[], Any]
    landed: Callable[[Any, Any], None]  # (what `run` returned, what `read_back` did)
    failed: Callable[[Exception], None]
    note_id: str | None = None  # the note it changes, so the reader can say it is still saving
    text: str | None = None  # the user's text, for stderr if nothing else can show it any more
    read_back: Callable[[], Any] | None = None  # run after `run` in the worker: what the pane shows
    shown: Any = field(default=None, init=False)  # what `read_back` returned (None: read on landing)


class NoteWrites:
    def __init__(self, screen: Screen) -> None:
        self.screen = screen
        self.queue: deque[Write] = deque()
        self.running: Write | None = None
        self.failures = 0  # since the reader opened: `when_landed` callers compare before and after
        self._when_landed: list[Callable[[], None]] = []

    @property
    def pending(self) -> int:
        return len(self.queue) + (self.running is not None)

    def touches(self, note_id: str) -> bool:
        """Whether a write of this note is pending (its stored revision is about to change)."""
        return any(write.note_id == note_id for write in [*self.queue, *([self.running] if self.running else [])])

    def submit(self, write: Write) -> None:
        self.queue.append(write)
        self._next()

    def when_landed(self, then: Callable[[], None]) -> None:
        """Run `then` on the UI thread once every pending write has landed (now, if none is)."""
        self._when_landed.append(then)
        if not self.pending:
            self._next()

    def leave_when_landed(self, leave: Callable[[], None], say: Callable[[str], None], *, doing: str = "quitting",
                          gave_up: Callable[[], None] | None = None) -> None:
        """`leave` (quit, or close the reader) once every pending write has landed, waiting at most
        LEAVE_WAIT_SECONDS, and say so meanwhile. A write that fails keeps the reader open, its
        text back in the editor; so does a wait that runs out (then `gave_up`, so the next ask
        leaves without waiting, the write going on in its thread until it lands)."""
        failures, waiting = self.failures, [True]
        say(f"Saving notes before {doing}…")

        def landed() -> None:
            if not waiting[0]:
                return
            waiting[0] = False
            timer.stop()
            if self.failures == failures:
                leave()
            else:
                say(f"Not {doing}: a note could not be saved; its text is in the editor")

        def waited_too_long() -> None:
            if waiting[0]:
                waiting[0] = False
                if gave_up is not None:
                    gave_up()
                say(f"Still saving after {LEAVE_WAIT_SECONDS:.0f} s (the disk does not answer?): ask again to "
                    f"leave anyway; the save goes on until it lands")

        timer = self.screen.set_timer(LEAVE_WAIT_SECONDS, waited_too_long)
        self.when_landed(landed)

    def _next(self) -> None:
        if self.running is not None:
            return
        if not self.queue:
            waiting, self._when_landed = self._when_landed, []
            for then in waiting:
                then()
            return
        self.running = self.queue.popleft()
        self.screen.run_worker(
            partial(self._run, self.running), thread=True, group="notes-write", exit_on_error=False,
            description="save notes",
        )

    def _run(self, write: Write) -> None:
        """In the worker thread: the write, the read-back, then its outcome to the UI thread."""
        try:
            result, error = write.run(), None
        except Exception as failure:  # noqa: BLE001 - see WRITE_ERRORS
            result, error = None, failure
        if error is None and write.read_back is not None:
            try:
                write.shown = write.read_back()
            except WRITE_ERRORS:
                write.shown = None  # the pane reads again on landing, and says what it finds
        try:
            delivered = self.screen.call_later(self._finished, write, result, error)
        except RuntimeError:  # the event loop is closed: the app has ended
            delivered = False
        if not delivered and error is not None and write.text:
            print(for_stream(f"briefing: a note could not be saved ({error}); its text:\n{write.text}", sys.stderr),
                  file=sys.stderr)

    def _finished(self, write: Write, result: Any, error: Exception | None) -> None:
        self.running = None
        try:
            if error is None:
                write.landed(result, write.shown)
            else:
                self.failures += 1
                write.failed(error)
        finally:
            self._next()
