"""The analysis cache: one small JSON file per entry, in folders sharded by the key's first bytes.

One file for all entries would make every lookup parse every analysis ever made; here a lookup
opens one file, so opening a briefing costs the same with 10 or 10,000 analyses cached. Two levels
of two hex digits keep each folder to a few hundred entries even at a million keys.

Entries use plain `json`, not TinyDB: an entry is one document that is never queried, so TinyDB
would only add a table wrapper, a storage object and a second parse per lookup. Writes still go
through the same atomic temp + fsync + replace as the TinyDB files. No lock is taken: two processes
writing the same key write the same analysis, and the last atomic replace wins whole.

An entry is JSON Lines: a head line with the scalar fields and the length of each list, then each
list's items, at most ROWS_PER_LINE or LINE_BYTES to a line. `json.loads` holds the GIL for a
whole call, so one 14 MB document (a 4 MB briefing's analysis) froze the app's event loop for
~300 ms while a worker read it; parsed a line at a time, the UI thread gets its turn between lines.
"""

from __future__ import annotations

import json
from contextlib import suppress
import re
from pathlib import Path

from store.jsonfile import move_aside, write_bytes_atomic

# Lowercase only: on a case-insensitive filesystem "AB…" and "ab…" would silently share a file.
_KEY = re.compile(r"[0-9a-f]{8,128}")
SUFFIX = ".jsonl"
# Small enough that one line parses in about a millisecond. By count alone, the Bible's 128 most
# mentioned actors (thousands of spans each) made a 1.4 MB line: 64-150 ms of the GIL in one call.
ROWS_PER_LINE = 128
LINE_BYTES = 64 * 1024  # a line ends once it is this long (one item longer is a line of its own)
_HEAD = "briefing-cache-entry"


class BadEntry(ValueError):
    """The bytes are not an entry this module wrote (truncated, edited or of another format)."""


def encode_entry(value: dict) -> bytes:
    """`value` as JSON Lines: its lists cut into lines, everything else in the head line."""
    if not isinstance(value, dict):
        raise TypeError(f"cache values are dicts, got {type(value).__name__}")
    lists = {name: items for name, items in value.items() if isinstance(items, list)}
    head = {name: item for name, item in value.items() if name not in lists}
    lines = [_dumps({_HEAD: 1, "fields": head, "lists": [[name, len(items)] for name, items in lists.items()]})]
    for items in lists.values():
        lines += _item_lines(items)
    # Serialise every line before touching the disk, so a value json cannot encode leaves no trace.
    return "\n".join(lines).encode("utf-8")


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _item_lines(items: list) -> list[str]:
    """The items as JSON arrays, each of at most ROWS_PER_LINE items or about LINE_BYTES."""
    lines: list[str] = []
    line: list[str] = []
    size = 0
    for item in items:
        dumped = _dumps(item)
        if line and (len(line) == ROWS_PER_LINE or size + len(dumped) > LINE_BYTES):
            lines.append(f"[{','.join(line)}]")
            line, size = [], 0
        line.append(dumped)
        size += len(dumped) + 1
    if line:
        lines.append(f"[{','.join(line)}]")
    return lines


def decode_entry(raw: bytes) -> dict:
    lines = iter(raw.split(b"\n"))

    def next_line() -> object:
        line = next(lines, None)
        if line is None:
            raise BadEntry("truncated: lines are missing")
        try:
            return json.loads(line)
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise BadEntry(f"not valid JSON ({error})") from error

    head = next_line()
    if not isinstance(head, dict) or head.get(_HEAD) != 1:
        raise BadEntry("not a cache entry: its first line has no entry header")
    try:
        value = dict(head["fields"])
        lengths = [(str(name), int(length)) for name, length in head["lists"]]
    except (KeyError, TypeError, ValueError) as error:
        raise BadEntry(f"malformed header ({error!r})") from error
    for name, length in lengths:
        items: list = []
        while len(items) < length:
            chunk = next_line()
            if not isinstance(chunk, list) or not chunk:
                raise BadEntry(f"list {name!r} holds a line that is not a list of items")
            items += chunk
        if len(items) != length:
            raise BadEntry(f"list {name!r} has {len(items)} items, its header says {length}")
        value[name] = items
    if next(lines, None) is not None:
        raise BadEntry("has lines after its last list")
    return value


class AnalysisCache:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        # Human-readable notices of entries set aside, for the caller to show once.
        self.warnings: list[str] = []
        self.write_failed = False  # said once, not once per analysis

    def path_for(self, key: str) -> Path:
        if not isinstance(key, str) or not _KEY.fullmatch(key):
            # Keys become file names: anything but a hex digest could escape the cache folder.
            raise ValueError(f"cache key must be a lowercase hex digest (8-128 characters), got {key!r}")
        return self.root / key[:2] / key[2:4] / f"{key}{SUFFIX}"

    def get(self, key: str) -> dict | None:
        """The stored value, or None when absent or unreadable (then the caller rebuilds it)."""
        path = self.path_for(key)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            with suppress(OSError):  # a read-only cache keeps its legacy files
                self._drop_legacy(path)
            return None
        except OSError:
            return None  # unreadable (permissions, an I/O error): analysed again, like a miss
        try:
            return decode_entry(raw)
        except BadEntry as error:
            self._set_aside(path, str(error))
            return None

    def put(self, key: str, value: dict, *, quiet: bool = False) -> None:
        """Store a value; a cache that cannot be written warns once and the caller goes on.

        The cache is an optimisation: on a read-only or full disk the analysis just computed is
        still returned and used, it is only not kept for next time. `quiet`: a value that is
        only a shortcut (an analysis as corrected, made again next time) is not worth a warning.
        """
        data = encode_entry(value)
        try:
            write_bytes_atomic(self.path_for(key), data)
        except OSError as error:
            if not self.write_failed and not quiet:
                self.write_failed = True
                message = (f"the analysis cache {self.root} cannot be written "
                           f"({error.strerror or error}); analyses are kept in memory only")
                self.warnings.append(message)
                from store.log import logger  # logging: ~4 ms to import, only when there is something to say

                logger(__name__).warning(message)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.path_for(key).is_file()

    def __len__(self) -> int:
        """Walks every shard: fine for a status line, not for a hot path."""
        return sum(1 for _ in self.root.glob(f"??/??/*{SUFFIX}"))

    def clear(self) -> None:
        """Remove every entry (and entries set aside as corrupt); other files in root are left."""
        import shutil

        if not self.root.is_dir():
            return
        for shard in self.root.iterdir():
            if shard.is_dir() and re.fullmatch("[0-9a-f]{2}", shard.name):
                shutil.rmtree(shard, ignore_errors=True)

    def _drop_legacy(self, path: Path) -> None:
        """Delete the single-document `.json` entry an earlier version kept under this key.

        It is about to be rebuilt in the new format; left, it would only take disk space forever.
        """
        path.with_suffix(".json").unlink(missing_ok=True)

    def _set_aside(self, path: Path, reason: str) -> None:
        try:
            kept = move_aside(path, "corrupt")
        except FileNotFoundError:
            # Another process set it aside first: nothing left to keep.
            return
        except OSError:
            return  # a read-only cache: the entry stays, and is rebuilt in memory each time
        message = f"Cached analysis {path.name} was unreadable ({reason}); kept as {kept.name}, rebuilding it"
        self.warnings.append(message)
        # logging costs ~4 ms to import, paid by every cached open if imported at the top.
        from store.log import logger

        logger(__name__).warning(message)
