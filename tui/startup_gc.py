"""The reader's garbage collector: paused until its first paint, and full collections between keys.

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


# Full collections between keys. The start and each analysis read are frozen (above, and
# `analysis.service.collector_paused`), so the collector's oldest generation is small, and the
# objects a key makes (strips, contents, messages, a few thousand of them cached) brought it to
# the ~25% growth that sets off a full collection: a full collection then ran *inside* a key,
# 28-47 ms each, six of them in one pass of bench/reader_keys.py's keys on the Bible. While a
# reader is open the collector leaves its oldest generation alone; the reader's timer collects it
# at the collector's own pace (every 10 collections of the middle generation), once no key has
# come for QUIET_SECONDS. A plain timer still landed one in a key now and then (escape, 117 ms of
# the UI thread in one bench (e) run).
FULL_COLLECTION_SECONDS = 1.0
QUIET_SECONDS = 1.0
OVERDUE = 20  # times the collector's pace: a full collection then, quiet or not
_NEVER = 1 << 30  # a middle-generation count no session reaches
_deferring = 0  # readers open that defer full collections
_threshold: tuple[int, int, int] | None = None  # the collector's own, to restore


def defer_full_collections() -> None:
    """Until `stop_deferring`: no full collection set off by allocation (`collect_if_due` does it)."""
    global _deferring, _threshold
    if not _deferring:
        _threshold = gc.get_threshold()
        gc.set_threshold(_threshold[0], _threshold[1], _NEVER)
    _deferring += 1


def stop_deferring() -> None:
    global _deferring
    _deferring = max(0, _deferring - 1)
    if not _deferring and _threshold is not None:
        gc.set_threshold(*_threshold)


def collect_if_due(quiet_for: float) -> bool:
    """A full collection, if as many middle-generation collections ran since the last one as would
    have set it off and no key came for `quiet_for` >= QUIET_SECONDS (or it is long overdue), and
    collection is on (a worker reading an analysis pauses it: what it reads is frozen after, not
    walked now). True if it collected."""
    if not gc.isenabled() or _threshold is None:
        return False
    due = gc.get_count()[2]
    if due < _threshold[2] or (quiet_for < QUIET_SECONDS and due < OVERDUE * _threshold[2]):
        return False
    gc.collect()
    return True
