"""The analysis cache: one small JSON file per entry, in folders sharded by the key's first bytes.

One file for all entries would make every lookup parse every analysis ever made; here a lookup
opens one file, so opening a briefing costs the same with 10 or 10,000 analyses cached. Two levels
of two hex digits keep each folder to a few hundred entries even at a million keys.

Entries use plain `json`, not TinyDB: an entry is one document that is never queried, so TinyDB
would only add a table wrapper, a storage object and a second parse per lookup. Writes still go
through the same atomic temp + fsync + replace as the TinyDB files. No lock is taken: two processes
writing the same key write the same analysis, and the last atomic replace wins whole.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
from pathlib import Path

from store.jsonfile import move_aside, write_json_atomic

log = logging.getLogger(__name__)

# Lowercase only: on a case-insensitive filesystem "AB…" and "ab…" would silently share a file.
_KEY = re.compile(r"[0-9a-f]{8,128}")
_SHARD = re.compile(r"[0-9a-f]{2}")


class AnalysisCache:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        # Human-readable notices of entries set aside, for the caller to show once.
        self.warnings: list[str] = []

    def path_for(self, key: str) -> Path:
        if not isinstance(key, str) or not _KEY.fullmatch(key):
            # Keys become file names: anything but a hex digest could escape the cache folder.
            raise ValueError(f"cache key must be a lowercase hex digest (8-128 characters), got {key!r}")
        return self.root / key[:2] / key[2:4] / f"{key}.json"

    def get(self, key: str) -> dict | None:
        """The stored value, or None when absent or unreadable (then the caller rebuilds it)."""
        path = self.path_for(key)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return None
        try:
            value = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            self._set_aside(path, f"not valid JSON ({error})")
            return None
        if not isinstance(value, dict):
            self._set_aside(path, f"holds a {type(value).__name__}, expected an object")
            return None
        return value

    def put(self, key: str, value: dict) -> None:
        if not isinstance(value, dict):
            raise TypeError(f"cache values are dicts, got {type(value).__name__}")
        write_json_atomic(self.path_for(key), value, ensure_ascii=False, separators=(",", ":"))

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.path_for(key).is_file()

    def __len__(self) -> int:
        """Walks every shard: fine for a status line, not for a hot path."""
        return sum(1 for _ in self.root.glob("??/??/*.json"))

    def clear(self) -> None:
        """Remove every entry (and entries set aside as corrupt); other files in root are left."""
        if not self.root.is_dir():
            return
        for shard in self.root.iterdir():
            if shard.is_dir() and _SHARD.fullmatch(shard.name):
                shutil.rmtree(shard, ignore_errors=True)

    def _set_aside(self, path: Path, reason: str) -> None:
        try:
            kept = move_aside(path, "corrupt")
        except FileNotFoundError:
            # Another process set it aside first: nothing left to keep.
            return
        message = f"Cached analysis {path.name} was unreadable ({reason}); kept as {kept.name}, rebuilding it"
        self.warnings.append(message)
        log.warning(message)
