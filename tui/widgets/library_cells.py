"""What a library row shows, cell by cell, and how each column sorts; no textual, so
`briefing library` prints the same cells without importing it."""

from __future__ import annotations

from rich.text import Text

from analysis.library.rows import Row
from tui.literal import literal

COLUMNS = (("state", "State"), ("title", "Title"), ("file", "File"), ("date", "Date"), ("words", "Words"),
           ("actors", "Top actors"), ("notes", "Notes"))
# Every column has a fixed width, its cells cut to it with …: a 300-character title would push the
# other columns off screen, and a table that measures 10,000 cells is slow to appear. Together
# they fill 120 columns (with the cells' padding and the border).
WIDTHS = {"state": 6, "title": 32, "file": 20, "date": 10, "words": 7, "actors": 24, "notes": 5}
STATE_LABELS = {"unread": "● new", "read": "  read", "starred": "★ star", "pending": "… wait", "broken": "✗ bad", "missing": "? gone"}
STATE_ORDER = {"unread": 0, "starred": 1, "read": 2, "pending": 3, "broken": 4, "missing": 5}
SORT_KEYS = {
    "state": lambda row: STATE_ORDER[row.state],
    "title": lambda row: row.title.casefold(),
    "file": lambda row: row.relative.casefold(),
    "date": lambda row: row.date or "",
    "words": lambda row: row.words,
    "actors": lambda row: ", ".join(row.top).casefold(),
    "notes": lambda row: row.notes,
}


def cut(text: str, width: int) -> str:
    text = " ".join(literal(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def cut_left(text: str, width: int) -> str:
    """A path cut from the left: its file name is what tells two briefings apart."""
    text = literal(text)
    return text if len(text) <= width else "…" + text[-(width - 1) :]


def cells(row: Row) -> list[Text]:
    """The row's cells, every one literal text (titles and paths come from outside)."""
    state = row.state
    style = {"unread": "bold", "starred": "bold yellow", "broken": "red", "pending": "dim"}.get(state, "")
    title = row.title if not row.error else f"{row.title}: {row.error}"
    return [
        Text(STATE_LABELS[state], style=style),
        Text(cut(title, WIDTHS["title"]), style="bold" if state == "unread" else ""),
        Text(cut_left(row.relative, WIDTHS["file"]), style="dim"),
        Text((row.date or "")[:10]),
        Text(f"{row.words:,}" if row.words else "", justify="right"),
        Text(cut(", ".join(row.top), WIDTHS["actors"])),
        Text(str(row.notes) if row.notes else "", justify="right"),
    ]
