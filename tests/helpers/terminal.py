"""Running the `briefing` CLI as a real process, with its output on a real terminal (a pty).

A mock `isatty()` would prove nothing about what reaches a terminal: here stdout and stderr are
the slave side of `pty.openpty()`, so the process sees a terminal exactly as in a shell, and the
test reads every byte it wrote from the master side.
"""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 120.0


@dataclass
class Ran:
    code: int
    out: bytes  # what a terminal got (stdout and stderr, interleaved as a terminal shows them)


def child_env(home: Path | str | None = None, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "PYTHON", "BRIEFING"))}
    env["PYTHONPATH"] = str(ROOT)
    env["COLUMNS"] = "200"
    if home is not None:
        env["BRIEFING_HOME"] = str(home)
    env.update(extra)
    return env


def briefing(*args: str) -> list[str]:
    return [sys.executable, "-m", "tui.cli", *args]


def on_terminal(args: list[str], env: dict[str, str], timeout: float = TIMEOUT, stdin: bytes | None = None,
                **popen) -> Ran:
    """Run with stdout and stderr on a pty (`stdin` fed through a pipe); all it wrote, its exit code."""
    master, slave = os.openpty()
    try:
        process = subprocess.Popen(args, stdin=subprocess.DEVNULL if stdin is None else subprocess.PIPE,
                                   stdout=slave, stderr=slave, env=env, cwd=ROOT, **popen)
    finally:
        os.close(slave)
    if stdin is not None:
        process.stdin.write(stdin)
        process.stdin.close()
    chunks, deadline = [], time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # EIO: every slave end is closed, the child is gone
                    break
                if not chunk:
                    break
                chunks.append(chunk)
            elif process.poll() is not None and not select.select([master], [], [], 0)[0]:
                break
        else:
            raise AssertionError(f"{args} did not finish within {timeout:g} s")
        return Ran(process.wait(timeout=timeout), b"".join(chunks))
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(master)


def on_pipes(args: list[str], env: dict[str, str], timeout: float = TIMEOUT, stdin: bytes | None = None,
             **popen) -> subprocess.CompletedProcess:
    """Run with stdout and stderr on pipes (what a script or a file gets), `stdin` fed to it."""
    feed = {"input": stdin} if stdin is not None else {"stdin": subprocess.DEVNULL}
    return subprocess.run(args, capture_output=True, env=env, cwd=ROOT, timeout=timeout, **feed, **popen)
