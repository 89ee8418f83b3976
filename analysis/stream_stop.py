"""Stopping analysis processes: a spaCy stream's workers (Ctrl+C latched until the next paragraph,
then the workers let finish, or killed when pressed again) and the library's background analysis.

`signal`, `threading` and `multiprocessing` are imported inside, only when a run has workers to
stop, so a cached run imports none of them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


class StreamStop:
    """Set when the stream should stop taking text; `error` is what to raise once it has drained."""

    def __init__(self) -> None:
        self.requested = False
        self.forced = False  # Ctrl+C pressed again: stop the workers now
        self.error: BaseException | None = None

    def request(self, error: BaseException) -> None:
        self.requested = True
        if self.error is None:
            self.error = error


def wind_down(docs: Iterator[Any], children: set, stop: StreamStop) -> None:
    """Let spaCy's workers finish the batches they hold, so they exit; kill them if told to hurry."""
    import multiprocessing
    import warnings

    if not stop.forced:
        try:
            for _ in docs:
                pass
            return
        except KeyboardInterrupt:
            stop.forced = True
    for child in set(multiprocessing.active_children()) - children:
        child.terminate()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # spaCy's "not all workers completed" (W127)
        docs.close()
    raise KeyboardInterrupt


@contextmanager
def interrupts_latched(stop: StreamStop, *, active: bool) -> Iterator[None]:
    """While spaCy's workers run, Ctrl+C stops the stream at the next paragraph, not inside spaCy.

    A KeyboardInterrupt raised inside spaCy's generator would abandon its workers (see `tag_many`).
    Forked workers inherit this handler and ignore SIGINT (their parent stops them), so they do not
    each print a traceback either. Pressed again, Ctrl+C interrupts at once.
    """
    if not active:
        yield
        return
    import signal  # with multiprocessing (see tag_many): only a run with workers needs them
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    parent = os.getpid()
    previous = signal.getsignal(signal.SIGINT)

    def handler(signum: int, frame: Any) -> None:
        if os.getpid() != parent or previous == signal.SIG_IGN:
            return
        if stop.requested:
            stop.forced = True
            raise KeyboardInterrupt
        stop.request(KeyboardInterrupt())

    signal.signal(signal.SIGINT, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def stop_child(child) -> None:
    """End a background analysis process (a `subprocess.Popen`) if it still runs; the entries it
    stored stay valid (every write is atomic)."""
    import subprocess  # only when there is a child to stop: a cached run imports this module

    if child.poll() is None:
        child.terminate()
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
