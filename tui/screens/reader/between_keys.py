"""What the reader does between keys: full garbage collections, and the dialogs made ready.

A full collection waits for a second without a key (`startup_gc`). The note editor is made half a
second after the first paint whether keys come or not, in steps of one turn of the event loop
each (the dialogs' rules parsed, 4 ms; the editor imported, 13 ms; composed and mounted, 18 ms;
laid out, 3 ms: the Bible reopened, one run), so a key waits behind one step at most. Left to the
first quiet second, a reader read without a pause made it on its first `a` (45-73 ms of the UI
thread against 17-55 for the next, bench (e)). After a resize, each quiet second lays the hidden
editor out again at the new size.
"""

from __future__ import annotations

import time

from textual.screen import Screen

from tui import startup_gc

PREPARE_AFTER_PAINT_S = 0.5


class BetweenKeys:
    def __init__(self, screen: Screen) -> None:
        self.screen = screen
        self.last_input = time.monotonic()

    def start(self) -> None:
        """From the reader's mount: collections wait for quiet, the editor for the first paint."""
        startup_gc.defer_full_collections()
        self.screen.set_interval(startup_gc.FULL_COLLECTION_SECONDS, self.quiet_second)

    def after_first_paint(self) -> None:
        self.screen.set_timer(PREPARE_AFTER_PAINT_S, self.screen.app.prepare_dialogs)

    def stop(self) -> None:
        startup_gc.stop_deferring()

    def input(self) -> None:
        """A key on the reader, whichever pane handles it, or a resize: what waits for a quiet
        second (a collection, the editor laid out again) came 0.2 s into a resize, among its
        redraws."""
        self.last_input = time.monotonic()

    def quiet_second(self) -> None:
        """Between keys: not while another screen (the note editor, say) is being typed in."""
        screen = self.screen
        quiet_for = time.monotonic() - self.last_input if screen.app.screen is screen else 0.0
        if startup_gc.collect_if_due(quiet_for) or quiet_for < startup_gc.QUIET_SECONDS:
            return  # one pause per quiet second at most
        # Every quiet second, not once: after a resize, the hidden note editor is laid out again.
        screen.app.prepare_dialogs()
