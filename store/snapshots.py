"""Snapshots of fetched pages: the bytes as fetched, kept so the text notes are anchored to never
changes under them. Reopening a URL reads its snapshot; only an explicit refresh replaces it.

One pair of files per URL (body and a small JSON head), named by the URL's hash, in folders sharded
like the cache; writes are atomic, so a kill leaves the old snapshot or the new one.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from store.jsonfile import write_bytes_atomic
from store.paths import snapshots_dir


@dataclass
class Snapshot:
    url: str
    final_url: str
    fetched: str
    content_type: str
    charset: str | None
    data: bytes


class SnapshotStore:
    def __init__(self, root: Path | None = None, *, data_dir: str | None = None) -> None:
        self.root = Path(root) if root is not None else snapshots_dir(data_dir)

    def _paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        folder = self.root / key[:2]
        return folder / f"{key}.body", folder / f"{key}.json"

    def get(self, url: str) -> Snapshot | None:
        body, head = self._paths(url)
        try:
            meta = json.loads(head.read_text(encoding="utf-8"))
            data = body.read_bytes()
        except (FileNotFoundError, ValueError):
            return None  # never taken, or torn by hand: fetched again
        if meta.get("size") != len(data):
            return None
        return Snapshot(url, meta["final_url"], meta["fetched"], meta["content_type"], meta.get("charset"), data)

    def put(self, url: str, final_url: str, content_type: str, charset: str | None, data: bytes) -> Snapshot:
        body, head = self._paths(url)
        fetched = datetime.now(timezone.utc).isoformat(timespec="seconds")
        meta = {"url": url, "final_url": final_url, "fetched": fetched, "content_type": content_type,
                "charset": charset, "size": len(data)}
        # Body first: a head that names a size is only written once its body is whole.
        write_bytes_atomic(body, data)
        write_bytes_atomic(head, json.dumps(meta, ensure_ascii=False).encode("utf-8"))
        return Snapshot(url, final_url, fetched, content_type, charset, data)
