"""A cold analysis in a process of its own, for the app: spaCy never runs in the app's process.

In a thread of the app, the analysis froze the event loop although it never ran on the UI thread:
importing spaCy and reading the model's weights are long C calls that hold the GIL, and while a
long briefing was tagged two threads (the one reading spaCy's Docs back, the one feeding its worker
processes) kept the GIL busy. On the 4 MB Bible the first `j` waited 0.5-1.9 s and `space` up to
6.5 s (bench/reader_keys.py, stack samples of the stalls: the UI thread waiting in `select` for the
GIL, the worker in `from_disk` and `_multiprocessing_pipe`).

Here the app's worker thread only waits for lines on a pipe, which releases the GIL. The child runs
`AnalysisService.analysis` (every core for a long text) and stores the result in the cache; the app
then reads it back as it reads any cached analysis, a line at a time. Its memory is the child's
too: the app's own peak no longer holds spaCy's.

    python -m analysis.analysis_child    # a pickled request on stdin; progress lines on stdout
"""

from __future__ import annotations

import os
import pickle
import queue
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from analysis.pipeline import AnalysisCancelled, ModelNotInstalled
from analysis.types import Document

# Progress lines at most this often: the app shows a percentage, not every paragraph.
PROGRESS_EVERY_S = 0.1
# How often the waiting thread checks whether the user cancelled while no line arrives (the model
# loading sends none for a second or more).
POLL_S = 0.1


class AnalysisFailed(RuntimeError):
    """The child process failed; the message is its error (or the end of what it printed)."""


def analyse_apart(
    document: Document,
    *,
    model_name: str,
    cache_root: Path,
    jobs: int,
    on_progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[dict, str] | None:
    """Analyse `document` in a child process that stores the analysis in the cache at `cache_root`.

    Returns None once it is stored; when the cache cannot be written (a read-only or full disk),
    the analysis as a dict and the cache's warning, the analysis being kept in memory only.
    Raises AnalysisCancelled (the child is stopped), ModelNotInstalled or AnalysisFailed.
    """
    import tempfile

    handle, unstored = tempfile.mkstemp(prefix="briefing-analysis-", suffix=".pickle")
    os.close(handle)
    try:
        return _analyse_apart(document, model_name, cache_root, jobs, Path(unstored), on_progress, cancelled)
    finally:
        Path(unstored).unlink(missing_ok=True)


def _analyse_apart(document, model_name, cache_root, jobs, unstored: Path, on_progress, cancelled):
    import tempfile

    # The text goes after the request, a piece at a time (`send_text`); the rest is pickled.
    text, shipped = ("", document)
    if isinstance(document, Document):  # else a test's bad request, for the child to refuse
        text, shipped = document.text, document.changed(text="")
    request = pickle.dumps(
        {"document": shipped, "model": model_name, "cache": str(cache_root), "jobs": jobs, "unstored": str(unstored)},
        protocol=pickle.HIGHEST_PROTOCOL,
    )
    env = dict(os.environ)
    # The child imports this checkout's packages, wherever the app was started from.
    root = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    # Whatever the child prints beyond its protocol (a library's warning) must not reach the
    # terminal the app draws on: it goes to a file, kept for the error message.
    with tempfile.TemporaryFile() as errors:
        child = subprocess.Popen(
            [sys.executable, "-m", "analysis.analysis_child"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=errors,
            env=env,
            # Its own process group: stopped with its spaCy workers in one kill, and deaf to the
            # terminal's signals, which are the app's to handle.
            start_new_session=os.name == "posix",
        )
        lines: queue.Queue[bytes] = queue.Queue()
        reader = threading.Thread(target=_read_lines, args=(child.stdout, lines), daemon=True)
        reader.start()
        try:
            child.stdin.write(request)
            send_text(child.stdin, text)
            child.stdin.close()
            result = _follow(lines, on_progress, cancelled)
        except BaseException:
            _stop(child)
            raise
        finally:
            child.wait()
            reader.join(timeout=5)
        if result == "done" and child.returncode == 0:
            return None
        if result is not None and result.startswith("unstored ") and child.returncode == 0:
            return pickle.loads(unstored.read_bytes()), result[len("unstored ") :]
        if result is not None and result.startswith("model "):
            raise ModelNotInstalled(result[len("model ") :])
        if result is None:
            errors.seek(0)
            tail = errors.read()[-2000:].decode("utf-8", "replace").strip()
            result = tail or f"the analysis process exited with {child.returncode}"
        raise AnalysisFailed(result)


TEXT_PIECE = 1 << 20  # characters of the text encoded and written at a time


def send_text(pipe, text: str) -> None:
    """`text` as UTF-8, a piece at a time. Pickled with the request, 20 MB was one C call of 46 ms
    holding the GIL, and the reader's event loop stalled 50-60 ms as the analysis started (the
    first key after the text showed waited for it, bench (e)); a piece encodes in well under a
    millisecond, and each write lets the GIL go while the child reads."""
    for start in range(0, len(text), TEXT_PIECE):
        pipe.write(text[start : start + TEXT_PIECE].encode("utf-8", "surrogatepass"))


def receive_text(stream) -> str:
    """What `send_text` sent, to the end of the stream."""
    return stream.read().decode("utf-8", "surrogatepass")


def _stop(child: subprocess.Popen) -> None:
    """Kill the child and the spaCy workers it forked."""
    if os.name == "posix":
        import signal

        try:
            os.killpg(child.pid, signal.SIGKILL)
            return
        except OSError:
            pass
    child.kill()


def _read_lines(stream, lines: queue.Queue) -> None:
    for line in stream:
        lines.put(line)
    lines.put(b"")  # end of output


def _follow(lines: queue.Queue, on_progress, cancelled) -> str | None:
    """Relay progress until the child's last line: "done", "model NAME", an error, or None at EOF."""
    while True:
        if cancelled is not None and cancelled():
            raise AnalysisCancelled()
        try:
            line = lines.get(timeout=POLL_S).decode("utf-8", "replace").rstrip("\n")
        except queue.Empty:
            continue
        if not line:
            return None
        if line.startswith("progress "):
            done, total = line.split()[1:3]
            if on_progress is not None:
                on_progress(int(done), int(total))
            continue
        return line.removeprefix("error ")
