"""Reading a file a user or an import named, safely: only a regular file, and never past a limit.

`/dev/zero` never ends, a FIFO blocks until someone writes to it, `/proc/...` lies about its size
and a shell's `<(cat seed)` is a pipe that can be read once: none of them is a briefing or a notes
export. So a path is opened without blocking (O_NONBLOCK: opening a FIFO with no writer would wait
for ever), checked with fstat on the open descriptor (no gap between the check and the read in
which the path could be swapped), and read at most `limit + 1` bytes, so even a file that grows
while we read cannot take more memory than the limit.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

CHUNK = 1 << 20


class NotAFile(OSError):
    """The path names something that is not a regular file, or one over the size limit.

    An OSError, so callers that already report unreadable files report these in the same line.
    """

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        super().__init__(reason)
        self.filename = str(path)
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.filename}: {self.reason}"


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words a user recognises."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO), not a file"
    if stat.S_ISCHR(mode):
        return "a character device, not a file"
    if stat.S_ISBLK(mode):
        return "a block device, not a file"
    if stat.S_ISSOCK(mode):
        return "a socket, not a file"
    return "not a regular file"


def size_words(count: int) -> str:
    if count >= 1 << 20:
        return f"{count / (1 << 20):.0f} MiB"
    if count >= 1 << 10:
        return f"{count / (1 << 10):.0f} KiB"
    return f"{count} bytes"


def read_bounded(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of the regular file at `path`; NotAFile for anything else or over `limit` bytes.

    FileNotFoundError and PermissionError pass through unchanged (callers word those already).
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotAFile(path, f"is {kind_of(info.st_mode)}")
        if info.st_size > limit:
            raise NotAFile(path, too_large(info.st_size, limit))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return _read_at_most(fd, path, limit)
    finally:
        os.close(fd)


def read_stream_bounded(stream, limit: int, name: str = "standard input") -> bytes:
    """At most `limit` bytes of a binary stream (stdin, when the user asked for it)."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise NotAFile(name, f"more than {size_words(limit)} (the limit)")
    return data


def stdin_bytes(limit: int) -> bytes:
    return read_stream_bounded(sys.stdin.buffer, limit)


def too_large(size: int, limit: int) -> str:
    return f"{size_words(size)} is too large (the limit is {size_words(limit)})"


def _read_at_most(fd: int, path, limit: int) -> bytes:
    pieces, total = [], 0
    while total <= limit:
        piece = os.read(fd, min(CHUNK, limit + 1 - total))
        if not piece:
            break
        pieces.append(piece)
        total += len(piece)
    if total > limit:  # it grew while we read: still refused, and we stopped at limit + 1
        raise NotAFile(path, f"grew past {size_words(limit)} while being read (the limit)")
    return b"".join(pieces)


def is_regular_file(path: str | os.PathLike[str]) -> bool:
    """Whether `path` (followed through links) is a regular file; False for anything else."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def resolve_link(path: Path) -> Path:
    """The file a symlink points at (followed to the end), or `path` itself if it is no link.

    Writing by `os.replace` over a symlink would replace the link by a regular file and leave its
    target stale; writing to the target keeps the user's link (a notes file kept in a synced
    folder) working.
    """
    path = Path(path)
    if not path.is_symlink():
        return path
    return Path(os.path.realpath(path))
