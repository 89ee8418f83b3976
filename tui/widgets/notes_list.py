"""The notes pane: the user's notes on this briefing, each with its passage, body and tags.

Passage notes come in reading order, then notes on actors, then an "Orphaned" group of notes whose
passage is gone from this version of the text. A notes file the app may not write is announced in
a line at the top that stays until the file is fixed.
"""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from analysis.notes.editing import parse_tags
from analysis.notes.placing import is_placed
from analysis.notes.types import Note, Placement
from analysis.types import Document
from tui.commands import bindings_for
from tui.literal import literal

PLACEMENT_LABELS = {Placement.MOVED: "moved", Placement.FUZZY: "moved, text changed", Placement.ORPHAN: "orphaned"}
QUOTE_CHARS = 60
EMPTY_HINT = "No notes yet.\n\na in the document pins one to the cursor paragraph; A in the actors pane, to an actor."
ORPHANS_HEADING = "Orphaned: passage gone · p re-pins"


def note_label(note: Note, document: Document, actor_names: dict[str, str]) -> Text:
    label = Text()
    if is_placed(note):
        paragraph = document.paragraph_at(note.anchor.start) + 1
        page = document.page_at(note.anchor.start) if document.format == "pdf" else None
        label.append(f"p. {page} ¶{paragraph} " if page else f"¶{paragraph} ", style="bold")
    elif note.actor_id:
        label.append(f"@{literal(actor_names.get(note.actor_id, note.actor_id))} ", style="bold")
    if note.placement in PLACEMENT_LABELS:
        label.append(f"[{PLACEMENT_LABELS[note.placement]}] ", style="italic yellow")
    if note.anchor is not None:
        label.append(f"“{short_quote(note.anchor.quote)}”", style="italic dim")
    body = literal(note.body.strip()) or "(empty note)"
    label.append("\n" + body)
    # Tags written as #tag in the body are already on screen; list only those set with `t`.
    in_body = set(parse_tags(note.body))
    extra = [tag for tag in note.tags if tag not in in_body]
    if extra:
        label.append("\n" + " ".join(f"#{literal(tag)}" for tag in extra), style="cyan")
    return label


def short_quote(quote: str, limit: int = QUOTE_CHARS) -> str:
    """A quote on one line, control characters made visible, cut to `limit` characters."""
    quote = " ".join(literal(quote).split())
    return quote if len(quote) <= limit else quote[: limit - 1] + "…"


def reading_order(notes: list[Note]) -> list[Note]:
    """Passage notes by position, then notes on actors, then orphans (oldest first)."""

    def key(note: Note) -> tuple:
        if note.placement == Placement.ORPHAN:
            return (2, 0, note.created)
        if note.anchor is None:
            return (1, 0, note.created)
        return (0, note.anchor.start, note.created)

    return sorted(notes, key=key)


class NotesList(OptionList):
    BINDINGS = bindings_for("notes")

    class Requested(Message):
        """A registry command on the highlighted note (None: there is none), carried out by the
        screen; `command` is the command's id."""

        def __init__(self, command: str, note: Note | None) -> None:
            super().__init__()
            self.command = command
            self.note = note

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.notes: list[Note] = []
        self.problem: str | None = None

    def show(
        self,
        notes: list[Note],
        document: Document,
        actor_names: dict[str, str],
        *,
        problem: str | None = None,
        empty: str = EMPTY_HINT,
    ) -> None:
        """List notes in reading order, keeping the highlight; `problem` heads the list."""
        current = self.highlighted_note
        self.notes = reading_order(notes)
        self.problem = problem
        self.clear_options()
        if problem:
            warning = Text("⚠ Notes are read-only\n", style="bold red")
            warning.append(literal(problem), style="red")
            self.add_option(Option(warning, disabled=True))
        orphans_started = False
        for note in self.notes:
            if note.placement == Placement.ORPHAN and not orphans_started:
                orphans_started = True
                self.add_option(Option(Text(ORPHANS_HEADING, style="bold yellow"), disabled=True))
            self.add_option(Option(note_label(note, document, actor_names), id=note.id))
        if not self.notes:
            self.add_option(Option(Text(empty, style="dim italic"), disabled=True))
        else:
            ids = [note.id for note in self.notes]
            self.highlight_note(current.id if current and current.id in ids else ids[0])
        self.border_subtitle = f"{len(self.notes)} note{'s' if len(self.notes) != 1 else ''}"

    def highlight_note(self, note_id: str) -> None:
        if any(note.id == note_id for note in self.notes):
            self.highlighted = self.get_option_index(note_id)

    @property
    def highlighted_note(self) -> Note | None:
        option = self.highlighted_option
        if option is None or option.id is None:
            return None
        return next((note for note in self.notes if note.id == option.id), None)

    def action_request(self, command: str) -> None:
        self.post_message(self.Requested(command, self.highlighted_note))
