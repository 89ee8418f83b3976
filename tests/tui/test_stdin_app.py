"""`cat talks.md | briefing -`: the briefing comes in on a pipe, the app then takes its keys from
the terminal. Run for real in a pseudo-terminal that is the child's controlling terminal."""

from __future__ import annotations

import fcntl
import os
import select
import subprocess
import sys
import termios
import time

import pytest

from tests.helpers.formats import MARKDOWN, ROOT

DEADLINE_SECONDS = 60


def read_until(master: int, wanted: bytes, deadline: float) -> bytes:
    seen = b""
    while wanted not in seen:
        left = deadline - time.monotonic()
        if left <= 0:
            raise AssertionError(f"{wanted!r} never appeared; the terminal showed {seen[-400:]!r}")
        ready, _, _ = select.select([master], [], [], left)
        if ready:
            try:
                seen += os.read(master, 65536)
            except OSError:  # the child closed the terminal
                break
    return seen


def drain(master: int) -> None:
    """Read what the child painted, so a full terminal buffer never blocks it."""
    while select.select([master], [], [], 0)[0]:
        try:
            os.read(master, 65536)
        except OSError:
            return


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the pipe-then-/dev/tty path is Linux's driver")
def test_a_piped_briefing_opens_and_q_from_the_terminal_quits(tmp_path):
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, b"\x24\x00\x78\x00\x00\x00\x00\x00")  # 36 rows, 120 columns

    def take_terminal() -> None:
        os.setsid()
        fcntl.ioctl(slave, termios.TIOCSCTTY, 0)

    child = subprocess.Popen(
        [sys.executable, "-m", "tui.cli", "-", "--data-dir", str(tmp_path / "home")],
        stdin=subprocess.PIPE, stdout=slave, stderr=slave, cwd=ROOT, preexec_fn=take_terminal,
        env={**os.environ, "TERM": "xterm-256color"}, pass_fds=(slave,),
    )
    os.close(slave)
    try:
        child.stdin.write(MARKDOWN.encode())
        child.stdin.close()
        deadline = time.monotonic() + DEADLINE_SECONDS
        read_until(master, "Talks in Istanbul · <stdin>".encode(), deadline)
        # The title can be painted a moment before the app reads keys (seen on a loaded machine):
        # press q again every half second until it quits, within the deadline.
        code = None
        while code is None and time.monotonic() < deadline:
            os.write(master, b"q")
            try:
                code = child.wait(timeout=0.5)
            except subprocess.TimeoutExpired:
                drain(master)
        assert code == 0
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(5)
        os.close(master)
