"""Finding the briefings under a folder: recursive, hidden folders skipped, symlink loops cut.

`briefing_files` is the one place that decides which files are briefings (by the suffixes the
reader opens, `analysis.formats.sniff.SUFFIXES`), so new formats reach the library through it alone.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from analysis.documents import MAX_BYTES
from analysis.formats.sniff import SUFFIXES


def briefing_key(path: str | os.PathLike[str]) -> str:
    """The one name of a briefing file in the index, the reading state and the search index:
    its absolute path with symlinks resolved, so two ways of reaching a file are one briefing."""
    return str(Path(path).resolve())


def is_briefing(name: str) -> bool:
    return not name.startswith(".") and os.path.splitext(name)[1].lower() in SUFFIXES


def briefing_files(folder: str | os.PathLike[str], problems: list[tuple[Path, str]] | None = None) -> Iterator[Path]:
    """Every briefing file under `folder`, sorted within each folder, walking into symlinked
    folders once: a folder already walked (same device and inode) is never entered again, so a
    link to a parent cannot loop. Folders that cannot be listed go to `problems` with the reason."""
    for path, _key in _walk(Path(folder), problems):
        yield path


def _walk(folder: Path, problems: list[tuple[Path, str]] | None) -> Iterator[tuple[Path, str]]:
    """(path as walked, briefing key) of each briefing: the key from the folder's real path, found
    once per folder, so 10,000 files do not each pay a `resolve` of every path component."""
    seen: set[tuple[int, int]] = set()

    def walk(current: Path) -> Iterator[tuple[Path, str]]:
        try:
            info = current.stat()
        except OSError as error:
            if problems is not None:
                problems.append((current, f"cannot be opened ({error.strerror or error})"))
            return
        if (info.st_dev, info.st_ino) in seen:
            return
        seen.add((info.st_dev, info.st_ino))
        try:
            with os.scandir(current) as entries:
                children = sorted(entries, key=lambda entry: entry.name)
        except OSError as error:
            if problems is not None:
                problems.append((current, f"folder cannot be listed ({error.strerror or error})"))
            return
        real = os.path.realpath(current)
        folders = []
        for entry in children:
            if entry.name.startswith("."):
                continue  # hidden files and folders: .git, editor swap files, our own temporaries
            try:
                if entry.is_dir():
                    folders.append(Path(entry.path))
                elif is_briefing(entry.name):
                    key = briefing_key(entry.path) if entry.is_symlink() else os.path.join(real, entry.name)
                    yield Path(entry.path), key
            except OSError:
                continue  # vanished while listing
        for child in folders:
            yield from walk(child)

    yield from walk(folder)


@dataclass
class Found:
    """A briefing file on disk: its key, path relative to the library, size, mtime, or a problem."""

    key: str
    relative: str
    size: int = 0
    mtime_ns: int = 0
    problem: str | None = None


def scan(folder: str | os.PathLike[str]) -> list[Found]:
    """Every briefing under `folder` with what `stat` says, and a reason for the ones that cannot be
    opened (unreadable, empty, too large); binary files are found when first read."""
    root = Path(folder)
    problems: list[tuple[Path, str]] = []
    found: list[Found] = []
    keys: set[str] = set()
    for path, key in _walk(root, problems):
        if key in keys:
            continue  # the same file reached twice (a symlink to it): one briefing
        keys.add(key)
        relative = os.path.relpath(path, root)
        try:
            info = path.stat()
        except OSError as error:
            found.append(Found(key, relative, problem=f"cannot be read ({error.strerror or error})"))
            continue
        item = Found(key, relative, info.st_size, info.st_mtime_ns)
        if not os.access(path, os.R_OK):
            item.problem = "permission denied"
        elif info.st_size == 0:
            item.problem = "is empty"
        elif info.st_size > MAX_BYTES:
            item.problem = f"{info.st_size / 1e6:.0f} MB is too large for a briefing"
        found.append(item)
    for path, reason in problems:
        found.append(Found(str(path.absolute()), os.path.relpath(path, root) + os.sep, problem=reason))
    return found
