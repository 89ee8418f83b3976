"""What a library row shows, cell by cell, and how each column sorts; no textual, so
`briefing library` prints the same cells without importing it."""

from __future__ import annotations

from rich.text import Text

from analysis.library.rows import Row
from tui.literal import literal

COLUMNS = (("state", "State"), ("title", "Title"), ("file", "File"), ("date", "Date"), ("words", "Words"),
           ("actors", "Top actors"), ("notes", "Notes"))
# Every column has a fixed width, its cells cut to it with …: a 300-character title would push the
# other columns off screen, and a table that measures 10,000 cells is slow to appear. These are the
# widths at 120 columns; `column_widths` fits them to the table's own width.
WIDTHS = {"state": 6, "title": 32, "file": 20, "date": 10, "words": 7, "actors": 24, "notes": 5}
FLEXIBLE = ("title", "file", "actors")  # these share what the fixed columns leave, in WIDTHS' ratio
CELL_PADDING = 2  # DataTable's one cell of padding on each side of every column
# Below this many cells the Words column goes and the state shows as its glyph alone: at 80
# columns the seven columns at their 120-column widths overflowed by 40 cells, and the table
# scrolled sideways with the top actors and the notes off screen.
NARROW = 100
MIN_FLEXIBLE = 8  # a title or a path cut shorter than this no longer tells two rows apart
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


def column_widths(width: int) -> dict[str, int]:
    """The columns to show, with their widths, in a table `width` cells wide inside its border and
    scrollbar; at 118 (a 120-column terminal) they are WIDTHS."""
    widths = dict(WIDTHS)
    if width < NARROW:
        del widths["words"]
        widths["state"] = 1
    fixed = sum(w for key, w in widths.items() if key not in FLEXIBLE) + CELL_PADDING * len(widths)
    share = sum(WIDTHS[key] for key in FLEXIBLE)
    room = max(width - fixed, MIN_FLEXIBLE * len(FLEXIBLE))
    for key in FLEXIBLE:
        widths[key] = max(MIN_FLEXIBLE, room * WIDTHS[key] // share)
    widths["title"] += max(0, room - sum(widths[key] for key in FLEXIBLE))  # the rounding's cells
    return widths


def cut(text: str, width: int) -> str:
    text = " ".join(literal(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def cut_left(text: str, width: int) -> str:
    """A path cut from the left: its file name is what tells two briefings apart."""
    text = literal(text)
    return text if len(text) <= width else "…" + text[-(width - 1) :]


def cells(row: Row, widths: dict[str, int] = WIDTHS) -> list[Text]:
    """The row's cells for the columns in `widths`, in COLUMNS' order, every one literal text
    (titles and paths come from outside)."""
    state = row.state
    style = {"unread": "bold", "starred": "bold yellow", "broken": "red", "pending": "dim"}.get(state, "")
    title = row.title if not row.error else f"{row.title}: {row.error}"
    every = {
        "state": Text(STATE_LABELS[state][: widths.get("state", 0)], style=style),
        "title": Text(cut(title, widths.get("title", 0)), style="bold" if state == "unread" else ""),
        "file": Text(cut_left(row.relative, widths.get("file", 0)), style="dim"),
        "date": Text((row.date or "")[:10]),
        "words": Text(f"{row.words:,}" if row.words else "", justify="right"),
        "actors": Text(cut(", ".join(row.top), widths.get("actors", 0))),
        "notes": Text(str(row.notes) if row.notes else "", justify="right"),
    }
    return [every[key] for key, _label in COLUMNS if key in widths]
