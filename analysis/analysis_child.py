"""The analysis process's own side: `python -m analysis.analysis_child` reads one pickled request
on stdin, analyses it through the service (writing the cache) and reports progress on stdout.

The app's side, which starts it and follows it, is `analysis.child_process`; kept apart so the
service (which starts it) and this module (which runs the service) do not import each other.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
import time
from pathlib import Path

from analysis.child_process import PROGRESS_EVERY_S, receive_text
from analysis.pipeline import ModelNotInstalled


def _exit_with_parent() -> None:
    """Stop (with the spaCy workers, in this process group) if the app dies without stopping us:
    killed, or its interpreter gone before its waiting thread could. Nobody would read the result."""
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                if os.name == "posix":
                    import signal

                    os.killpg(os.getpgrp(), signal.SIGKILL)
                os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def main() -> int:
    from analysis.service import AnalysisService
    from store.cache import AnalysisCache

    request = pickle.load(sys.stdin.buffer)
    text = receive_text(sys.stdin.buffer)  # sent after the request, which carries the rest
    _exit_with_parent()
    out = sys.stdout
    last = 0.0

    def progress(done: int, total: int) -> None:
        nonlocal last
        now = time.monotonic()
        if now - last >= PROGRESS_EVERY_S or done >= total:
            last = now
            out.write(f"progress {done} {total}\n")
            out.flush()

    service = AnalysisService(AnalysisCache(Path(request["cache"])), request["model"], jobs=request["jobs"])
    try:
        result = service.analysis(request["document"].changed(text=text), on_progress=progress)
    except ModelNotInstalled as error:
        out.write(f"model {error.name}\n")
        return 1
    except Exception as error:  # reported to the app, which shows it
        message = " ".join(str(error).split())  # one line, whatever the error holds
        out.write(f"error {type(error).__name__}: {message}\n")
        out.flush()
        raise
    if service.cache.write_failed:
        # Not kept in the cache (a read-only or full disk): handed over in a file, as the app's
        # own analysis would be used, in memory only.
        Path(request["unstored"]).write_bytes(pickle.dumps(result.to_dict(), protocol=pickle.HIGHEST_PROTOCOL))
        warning = " ".join(" ".join(service.cache.warnings).split())
        out.write(f"unstored {warning}\n")
        out.flush()
        return 0
    out.write("done\n")
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
