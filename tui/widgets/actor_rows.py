"""What one row of the actors pane shows: glyph, name (a short form where it is unambiguous, or
two lines), and the mention count flush right in a column only as wide as the largest count.

Plain Content, not a Rich table: the list measures every row, and a briefing as long as the Bible
has thousands of actors (a grid per row froze the app for over a second).
"""

from __future__ import annotations

from collections import Counter

from rich.cells import cell_len, set_cell_size
from textual.content import Content

from analysis.types import Actor
from tui.literal import literal
from tui.widgets.kinds import kind_look

ORDERS = ("importance", "mentions", "name")  # `S` cycles; importance is the analysis's salience


def sorted_actors(actors: list[Actor], order: str) -> list[Actor]:
    """The analysis lists actors by importance already; the other orders sort a copy."""
    if order == "mentions":
        return sorted(actors, key=lambda a: (-a.mentions, a.name.casefold()))
    if order == "name":
        return sorted(actors, key=lambda a: a.name.casefold())
    return list(actors)


def short_names(actors: list[Actor]) -> dict[str, str]:
    """A person's surname (the last word of the name) where no other actor shown is called by it
    too: a briefing names a person in full once and by surname after, so the surname is how the
    reader knows them. Anything else, or a surname two actors share, keeps its full name."""
    surname = {a.id: a.name.split()[-1] for a in actors if a.kind == "person" and len(a.name.split()) > 1}
    taken = Counter(surname.values())
    taken.update(a.name for a in actors if a.id not in surname)
    return {a.id: surname[a.id] if a.id in surname and taken[surname[a.id]] == 1 else a.name for a in actors}


def cut(text: str, room: int) -> str:
    """`text` in exactly `room` cells: padded, or cut with "…"."""
    if cell_len(text) > room:
        text = set_cell_size(text, max(0, room - 1)) + "…"
    return set_cell_size(text, room)


def name_lines(name: str, room: int) -> list[str]:
    """The name on one line if it fits, else on two, split at the last space (or after the last
    hyphen: "Nagorno-" / "Karabakh") that fits."""
    if cell_len(name) <= room:
        return [name]
    space, hyphen = name.rfind(" ", 0, room + 1), name.rfind("-", 0, room)
    if space <= 0 and hyphen <= 0:
        return [name]
    if space >= hyphen:
        return [name[:space], name[space + 1 :]]
    return [name[: hyphen + 1], name[hyphen + 1 :]]


def _name_room(actor: Actor, width: int, count_width: int) -> int:
    """Cells left for the name: the glyph and its space, the count and the space before it."""
    return max(3, width - 2 - max(count_width, len(str(actor.mentions))) - 1)


def row_height(actor: Actor, width: int, name: str, count_width: int = 0) -> int:
    """How many lines `actor_row` takes, without building it: the pane measures every row, and
    building thousands of rows to count their lines was the cost of a resize."""
    return len(name_lines(literal(name), _name_room(actor, width, count_width)))


def actor_row(actor: Actor, width: int, name: str | None = None, count_width: int = 0) -> Content:
    """The row in `width` cells (a second line for a long name); the count flush right."""
    count = str(actor.mentions).rjust(count_width)
    room = _name_room(actor, width, count_width)
    look = kind_look(actor.kind)
    style = "dim strike" if actor.hidden else ""
    lines = name_lines(literal(name if name is not None else actor.name), room)
    parts: list[tuple[str, str] | str] = [
        (look.glyph + " ", look.colour),
        (cut(lines[0], room), style),
        (" " + count, "dim"),
    ]
    if len(lines) > 1:
        parts += ["\n  ", (cut(lines[1], room), style), " " * (len(count) + 1)]
    return Content.assemble(*parts)

