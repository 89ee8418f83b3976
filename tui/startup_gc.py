"""The reader's start with the garbage collector paused, until its first paint.

Importing Textual and the app, parsing the stylesheet and mounting the first screen allocate
hundreds of thousands of objects, nearly all of which live as long as the app: every collection
during the start walks them again for nothing (~10% of the time to the first paint, measured with
bench (b)). Paused from the command's start, then, once the text is on screen, what the start made
is frozen (moved out of the collector's generations, so later full collections, during keys, no
longer walk it) and collection resumes as normal.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Pause collection, if it runs, until `resume`."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Freeze what exists and resume collection, if `pause` stopped it; otherwise nothing."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
