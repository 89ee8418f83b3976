"""What the library screen's workers post back: the scan, each briefing indexed, the end."""

from __future__ import annotations

from textual.message import Message

from analysis.library.rows import Row


class RowIndexed(Message):
    """The background analysis indexed one briefing."""

    def __init__(self, row: Row, done: int, total: int) -> None:
        super().__init__()
        self.row = row
        self.done = done
        self.total = total


class Scanned(Message):
    """The folder as a scan found it (what the index alone could not tell)."""

    def __init__(self, rows: list[Row]) -> None:
        super().__init__()
        self.rows = {row.key: row for row in rows}
        self.order = [row.key for row in rows]


class FolderChanged(Message):
    """Files under the library's folder changed (the watcher saw it): time to rescan."""


class AnalysisDone(Message):
    def __init__(self, error: str | None = None) -> None:
        super().__init__()
        self.error = error


class Rescanned(Message):
    def __init__(self, added: list[Row], removed: list[str], changed: list[Row]) -> None:
        super().__init__()
        self.added = added
        self.removed = removed
        self.changed = changed
