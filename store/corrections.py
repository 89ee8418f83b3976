"""The user's corrections to actors (merge, rename, change kind, hide), re-applied after analysis.

Same atomic, locked TinyDB file as the notes. Unlike notes, a corrupt corrections file is moved
aside and the store starts empty with a warning: corrections take seconds to redo, and refusing to
work would block the reader for something the user can cheaply fix.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from store.jsonfile import (
    DEFAULT_LOCK_TIMEOUT,
    AtomicJSONStorage,
    CorruptFile,
    StoreLocked,
    iso,
    locked,
    move_aside,
    open_locked_database,
    sweep_temp_files,
    utc_now,
)

TYPE_CHECKING = False  # typing's constant without importing typing: ~3 ms of a cached `briefing analyze`
if TYPE_CHECKING:
    from datetime import datetime


def _log():
    # logging and uuid (~6 ms together) load only when a correction is written or a file set
    # aside, never on the cached open that only reads corrections.
    from store.log import logger

    return logger(__name__)


TABLE = "corrections"
ALL_DOCUMENTS = "*"
# op -> whether it needs a value: the actor to merge into, the new name, the new kind.
OPS = {"merge": True, "rename": True, "kind": True, "hide": False}


class CorrectionsStore:
    def __init__(
        self,
        path: Path,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        *,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self.path = Path(path)
        self.lock_timeout = lock_timeout
        self.clock = clock
        # Notices of files set aside, for the caller to show once.
        self.warnings: list[str] = []

    def all(self) -> list[dict]:
        """Every correction in creation order."""
        try:
            data = AtomicJSONStorage(self.path).read()
        except CorruptFile:
            try:
                with locked(self.path, self.lock_timeout):
                    self._read_or_set_aside()  # checked again under the lock: a writer may have fixed it
            except StoreLocked:
                pass  # a writer holds it and will set the file aside itself; a read must not fail
            return []
        return [dict(c) for c in (data or {}).get(TABLE, {}).values()]

    def for_document(self, content_hash: str) -> list[dict]:
        """Corrections for this text and those for every briefing ("*"), in creation order."""
        return [c for c in self.all() if c.get("scope") in (content_hash, ALL_DOCUMENTS)]

    def add(self, scope: str, op: str, actor: str, value: str | None = None) -> dict:
        import uuid  # see _log

        if op not in OPS:
            raise ValueError(f"unknown correction {op!r}; expected one of {', '.join(OPS)}")
        if OPS[op] and not (isinstance(value, str) and value):
            raise ValueError(f"a {op!r} correction needs a value")
        if not OPS[op] and value is not None:
            raise ValueError(f"a {op!r} correction takes no value")
        if not scope or not actor:
            raise ValueError("a correction needs a scope (a content hash or '*') and an actor id")
        correction = {
            "id": uuid.uuid4().hex,
            "scope": scope,
            "op": op,
            "actor": actor,
            "value": value,
            "created": iso(self.clock()),
        }
        with locked(self.path, self.lock_timeout):
            data = self._read_or_set_aside()
            open_locked_database(self.path, data).table(TABLE).insert(correction)
        return dict(correction)

    def remove(self, correction_id: str) -> dict | None:
        """Remove a correction; returns it (for undo), or None if it was already gone."""
        from tinydb import where  # with TinyDB, on a write only: reading corrections never needs it

        with locked(self.path, self.lock_timeout):
            table = open_locked_database(self.path, self._read_or_set_aside()).table(TABLE)
            found = table.get(where("id") == correction_id)
            if found is None:
                return None
            table.remove(doc_ids=[found.doc_id])
        return dict(found)

    def _read_or_set_aside(self) -> dict | None:
        """Call under the lock: the file's data, or None once an unreadable file is set aside."""
        sweep_temp_files(self.path.parent, self.path.name + ".")
        try:
            return AtomicJSONStorage(self.path).read()
        except CorruptFile as error:
            kept = move_aside(self.path, "corrupt", self.clock())
            message = (
                f"Corrections file {self.path} was unreadable ({error.reason}); "
                f"kept as {kept.name}, starting empty"
            )
            self.warnings.append(message)
            _log().warning(message)
            return None
