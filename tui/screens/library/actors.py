"""Actors across the library, and the briefings that mention one of them.

`LibraryActorsScreen`: every actor over the library's briefings (name, kind, briefings, mentions,
latest date), built from the index in a worker. `enter` lists the briefings mentioning it, each
with its first mention in context (`ActorBriefingsScreen`); `enter` there opens the reader with
that actor selected at that mention. From the reader, `o` on an actor opens the second list.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from analysis.library.actors import LibraryActor
from tui.commands import bindings_for
from tui.focus import focus_now
from tui.literal import literal
from tui.quit_safe import skip_if_quitting
from tui.screens.resized_once import ResizedOnce
from tui.widgets.kinds import kind_look

# The columns after the actor's name, at widths that fit their longest value ("organization",
# "Briefings", a date); the name takes what is left, so the table never scrolls sideways.
ACTOR_COLUMNS = (("name", "Actor", 0), ("kind", "Kind", 12), ("briefings", "Briefings", 9),
                 ("mentions", "Mentions", 8), ("latest", "Latest", 10))
NAME_WIDTHS = (12, 40)  # narrower tells too few names apart; wider is only blank cells


def name_width(table_width: int) -> int:
    """The name column's width in a table `table_width` cells wide inside its border and scrollbar
    (every column has a cell of padding each side)."""
    rest = sum(width + 2 for _key, _label, width in ACTOR_COLUMNS[1:]) + 2
    return max(NAME_WIDTHS[0], min(NAME_WIDTHS[1], table_width - rest))


def name_cell(actor: LibraryActor, style: str, width: int) -> Text:
    cell = Text(kind_look(actor.kind).glyph + " " + literal(actor.name), style=style, no_wrap=True)
    cell.truncate(width, overflow="ellipsis")
    return cell


class LibraryActorsTable(DataTable):
    BINDINGS = bindings_for("library_actors")
    name_width = NAME_WIDTHS[1]

    def on_resize(self) -> None:
        width = name_width(self.size.width - self.styles.scrollbar_size_vertical)
        if width != self.name_width:
            self.name_width = width
            self.screen.lay_out()

    def action_open_actor(self) -> None:
        self.screen.open_actor()

    def action_filter(self) -> None:
        box = self.screen.query_one("#library-actors-filter", Input)
        box.display = True
        focus_now(box)


class LibraryActorsScreen(ResizedOnce):
    def __init__(self, library, rows=None) -> None:
        """`rows`: the library's rows as listed (else the folder is scanned for them)."""
        super().__init__()
        self.library = library
        self.rows = rows
        self.actors: list[LibraryActor] = []
        self.shown: list[LibraryActor] = []
        self.gathered = False

    def compose(self) -> ComposeResult:
        yield Input(placeholder="filter actors by name (as you type; enter: back to the list)", id="library-actors-filter")
        yield LibraryActorsTable(id="library-actors-table", cursor_type="row", zebra_stripes=True)
        yield Static("gathering the actors of every briefing…", id="library-actors-status")
        yield Footer()

    @skip_if_quitting
    def on_mount(self) -> None:
        table = self.query_one(LibraryActorsTable)
        table.border_title = "Actors across " + literal(self.library.folder.name or str(self.library.folder))
        self.add_columns(table)
        self.query_one("#library-actors-filter", Input).display = False
        focus_now(table)
        self.gather()

    def add_columns(self, table: LibraryActorsTable) -> None:
        """The table's columns for its width (a resize can come before or after the mount)."""
        table.clear(columns=True)
        for key, label, width in ACTOR_COLUMNS:
            table.add_column(label, key=key, width=width or table.name_width)

    def lay_out(self) -> None:
        """The columns again for the table's new width, and the rows cut to them."""
        table = self.query_one(LibraryActorsTable)
        cursor = table.cursor_row
        self.add_columns(table)
        if self.gathered:
            self.refill(self.query_one("#library-actors-filter", Input).value)
            table.move_cursor(row=cursor, animate=False)

    @work(thread=True, exclusive=True, exit_on_error=False, group="library-actors", description="library actors")
    def gather(self) -> None:
        actors = self.library.actors(self.rows)
        self.app.call_from_thread(self.show, actors)

    def show(self, actors: list[LibraryActor]) -> None:
        self.actors = actors
        self.gathered = True
        self.refill(self.query_one("#library-actors-filter", Input).value)

    def refill(self, needle: str = "") -> None:
        needle = needle.casefold()
        self.shown = [
            actor for actor in self.actors
            if not needle or needle in actor.name.casefold() or any(needle in alias.casefold() for alias in actor.aliases)
        ]
        table = self.query_one(LibraryActorsTable)
        table.clear()
        colours = self.app.get_css_variables()  # the theme's own colours: readable on its background

        def kind_style(kind: str) -> str:
            look = kind_look(kind)
            colour = colours.get(look.colour.lstrip("$"), "")
            return f"{colour} italic" if look.italic else colour

        for number, actor in enumerate(self.shown):
            table.add_row(
                name_cell(actor, kind_style(actor.kind), table.name_width),
                Text(actor.kind),
                Text(str(len(actor.briefings)), justify="right"),
                Text(str(actor.mentions), justify="right"),
                Text(actor.latest[:10]),
                key=str(number),
            )
        filtered = f" · showing {len(self.shown)} matching “{needle}”" if needle else ""
        self.query_one("#library-actors-status", Static).update(
            Text(literal(f"{len(self.actors)} actors across the library{filtered} · enter: the briefings mentioning one"))
        )

    @on(Input.Changed, "#library-actors-filter")
    def filter_as_you_type(self, event: Input.Changed) -> None:
        self.refill(event.value)

    @on(Input.Submitted, "#library-actors-filter")
    def filter_done(self) -> None:
        focus_now(self.query_one(LibraryActorsTable))

    def open_actor(self) -> None:
        table = self.query_one(LibraryActorsTable)
        if not self.shown or not table.row_count:
            return
        actor = self.shown[table.cursor_row]
        self.app.push_screen(ActorBriefingsScreen(self.library, actor))


def appearance_label(appearance, root: str) -> Text:
    relative = appearance.path[len(root) + 1 :] if appearance.path.startswith(root + "/") else appearance.path
    label = Text()
    label.append(literal(appearance.title) or relative, style="bold")
    label.append(f"  {(appearance.date or '')[:10]}  {literal(relative)}  {appearance.mentions} mentions\n", style="dim")
    if appearance.snippet:
        label.append(literal(appearance.snippet["before"]))
        label.append(literal(appearance.snippet["match"]), style="reverse bold")
        label.append(literal(appearance.snippet["after"]))
    return label


class ActorBriefings(OptionList):
    BINDINGS = bindings_for("actor_briefings")


class ActorBriefingsScreen(ResizedOnce):
    def __init__(self, library, actor: LibraryActor | None, *, title: str | None = None, excluding: str | None = None) -> None:
        super().__init__()
        self.library = library
        self.actor = actor
        self.title_text = title
        appearances = actor.briefings if actor is not None else []
        self.appearances = sorted(
            (a for a in appearances if a.path != excluding), key=lambda a: (a.date or "", a.path), reverse=True
        )

    @classmethod
    def for_reader(cls, app, actor, key: str | None) -> ActorBriefingsScreen:
        """The other briefings of the reader's library (or of its file's folder) with this actor.

        Reads the index (and, outside a library, scans the file's folder): call it in a worker."""
        library = app.library
        if library is None:
            from analysis.library.folder import Library

            folder = Path(key).parent if key else Path.cwd()
            library = Library(folder, data_dir=app.session.data_dir)
        found = next(
            (
                row for row in library.actors()
                if row.id == actor.id or any(a.path == key and a.actor_id == actor.id for a in row.briefings)
            ),
            None,
        )
        return cls(library, found, title=actor.name, excluding=key)

    def compose(self) -> ComposeResult:
        yield ActorBriefings(id="actor-briefings")
        yield Static(id="library-actors-status")
        yield Footer()

    @skip_if_quitting
    def on_mount(self) -> None:
        listing = self.query_one(ActorBriefings)
        name = self.actor.name if self.actor is not None else self.title_text or "this actor"
        listing.border_title = literal(f"Briefings mentioning {name}")
        root = str(self.library.root)
        listing.add_options(Option(appearance_label(a, root), id=str(n)) for n, a in enumerate(self.appearances))
        if self.appearances:
            listing.highlighted = 0
        count = len(self.appearances)
        hint = "enter opens it at the mention · esc back" if count else "no other analysed briefing mentions it · esc back"
        self.query_one(Static).update(Text(literal(f"{count} briefing{'s' if count != 1 else ''} · {hint}")))
        focus_now(listing)

    @on(OptionList.OptionSelected, "#actor-briefings")
    def open_appearance(self, event: OptionList.OptionSelected) -> None:
        from tui.screens.library.open import open_in_reader

        appearance = self.appearances[int(event.option.id)]
        at = appearance.first[0] if appearance.first else None
        open_in_reader(self.app, self.library, appearance.path, at=at, actor_id=appearance.actor_id)
