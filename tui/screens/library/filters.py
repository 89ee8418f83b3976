"""What the library table shows: the filters (text, unread/starred, actor, tag) and the sort.

Plain state and functions, no widget: the screen keeps one and asks it for the rows to show.
"""

from __future__ import annotations

from dataclasses import dataclass

from analysis.actors.keys import slug
from analysis.library.rows import Row
from tui.widgets.library_cells import COLUMNS, SORT_KEYS


@dataclass
class LibraryFilters:
    text: str = ""
    only: str | None = None  # "unread" or "starred"
    actor: str = ""
    tag: str = ""
    sort_column: str | None = None  # None: newest first, as scanned
    reverse: bool = False

    def clear(self) -> None:
        self.text = self.actor = self.tag = ""
        self.only = None

    def next_sort(self) -> None:
        keys = [key for key, _label in COLUMNS]
        self.sort_column = keys[(keys.index(self.sort_column) + 1) % len(keys)] if self.sort_column else keys[0]

    def apply(self, rows: list[Row]) -> list[Row]:
        """`rows` (newest first) filtered and sorted as asked."""
        needle = self.text.casefold()
        # Actor ids are "kind:slug-of-the-name": a name typed is compared as a slug, so case,
        # accents and punctuation do not matter, and "erdogan" finds "Recep Tayyip Erdogan".
        actor = slug(self.actor) if self.actor else ""
        tag = self.tag.lstrip("#").casefold()
        shown = []
        for row in rows:
            if needle and needle not in row.title.casefold() and needle not in row.relative.casefold():
                continue
            if self.only == "unread" and (row.read or row.state in ("pending", "broken")):
                continue
            if self.only == "starred" and not row.starred:
                continue
            if actor and not any(actor in actor_id.partition(":")[2] for actor_id in row.actor_ids):
                continue
            if tag and not any(tag == found.lstrip("#").casefold() for found in row.tags):
                continue
            shown.append(row)
        if self.sort_column is not None:
            shown.sort(key=SORT_KEYS[self.sort_column], reverse=self.reverse)
        elif self.reverse:
            shown.reverse()
        return shown

    def described(self) -> list[str]:
        found = []
        if self.text:
            found.append(f"“{self.text}”")
        if self.only:
            found.append(f"only {self.only}")
        if self.actor:
            found.append(f"actor “{self.actor}”")
        if self.tag:
            found.append(f"tag #{self.tag.lstrip('#')}")
        return found

    def sort_label(self) -> str:
        label = dict(COLUMNS)[self.sort_column] if self.sort_column else "newest first"
        return f"sorted by {label}{' (reversed)' if self.reverse else ''}"
