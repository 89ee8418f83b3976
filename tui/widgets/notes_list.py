"""The notes pane: the user's notes on this briefing, each with its passage, body and tags.

Passage notes come in reading order, then notes on actors, then an "Orphaned" group of notes whose
passage is gone from this version of the text. A notes file the app may not write is announced in
a line at the top that stays until the file is fixed.
"""

from __future__ import annotations

from functools import lru_cache

from rich.console import Console
from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from analysis.notes.editing import parse_tags
from analysis.notes.export import actor_name
from analysis.notes.placing import is_placed
from analysis.notes.types import Note, Placement
from analysis.types import Document
from tui.commands import bindings_for
from tui.literal import literal

PLACEMENT_LABELS = {Placement.MOVED: "moved", Placement.FUZZY: "moved, text changed", Placement.ORPHAN: "orphaned"}
QUOTE_CHARS = 60
EMPTY_HINT = "No notes yet.\n\na in the document pins one to the cursor paragraph; A in the actors pane, to an actor."
ORPHANS_HEADING = "Orphaned: passage gone · p re-pins"
# A note other than the highlighted one: its heading on one line, its text on this many, then "…".
FOLDED_LINES = 3


def note_label(note: Note, document: Document, actor_names: dict[str, str]) -> tuple[Text, Text]:
    """The note's heading (where it is, its quote) and its text (body, then tags set with `t`)."""
    head = Text()
    if is_placed(note):
        paragraph = document.paragraph_at(note.anchor.start) + 1
        page = document.page_at(note.anchor.start) if document.format == "pdf" else None
        head.append(f"p. {page} ¶{paragraph} " if page else f"¶{paragraph} ", style="bold")
    elif note.actor_id:
        head.append(f"@{literal(actor_name(note.actor_id, actor_names))} ", style="bold")
    if note.placement in PLACEMENT_LABELS:
        head.append(f"[{PLACEMENT_LABELS[note.placement]}] ", style="italic yellow")
    if note.anchor is not None:
        head.append(f"“{short_quote(note.anchor.quote)}”", style="italic dim")
    body = Text(literal(note.body.strip()) or "(empty note)")
    # Tags written as #tag in the body are already on screen; list only those set with `t`.
    in_body = set(parse_tags(note.body))
    extra = [tag for tag in note.tags if tag not in in_body]
    if extra:
        body.append("\n" + " ".join(f"#{literal(tag)}" for tag in extra), style="cyan")
    return head, body


@lru_cache(maxsize=8)
def _measuring_console(width: int) -> Console:
    """What `Text.wrap` measures cells with; one per width (the pane's, the editor's): making one
    per label was a third of the notes pane's rebuild."""
    return Console(width=width, legacy_windows=False)


def fit_label(label: Text, width: int, max_lines: int | None = None) -> Text:
    """`label` wrapped at words to `width` cells. Folded (`max_lines` given): a word too long for
    a line is cut with "…" and the lines past `max_lines` become "…". Whole (no `max_lines`):
    nothing is left out, so a word too long for a line goes on over the next."""
    width = max(2, width)
    overflow = "fold" if max_lines is None else "ellipsis"
    lines = label.wrap(_measuring_console(width), width, overflow=overflow)
    cut = max_lines is not None and len(lines) > max_lines
    if cut:
        lines = lines[:max_lines]
    for line in lines:
        line.rstrip()
    if cut:
        last = lines[-1]
        last.truncate(width - 1)
        last.append("…")
    fitted = Text("\n").join(lines)
    fitted.no_wrap = True
    return fitted


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
        self.document: Document | None = None
        self.actor_names: dict[str, str] = {}
        self.label_width = 0
        self.empty = EMPTY_HINT
        self.whole_index: int | None = None  # the option shown whole: the highlighted note

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
        self.document, self.actor_names, self.empty = document, actor_names, empty
        self.label_width = self.note_width()
        self.whole_index = None
        self.clear_options()
        # Added at once: one by one, the list measured itself again after each (500 notes: 0.4 s).
        options = []
        if problem:
            warning = Text("⚠ Notes are read-only\n", style="bold red")
            warning.append(literal(problem), style="red")
            options.append(Option(warning, disabled=True))
        orphans_started = False
        for note in self.notes:
            if note.placement == Placement.ORPHAN and not orphans_started:
                orphans_started = True
                options.append(Option(Text(ORPHANS_HEADING, style="bold yellow"), disabled=True))
            options.append(Option(self.label(note, whole=False), id=note.id))
        if not self.notes:
            options.append(Option(Text(empty, style="dim italic"), disabled=True))
        self.add_options(options)
        if self.notes:
            ids = [note.id for note in self.notes]
            self.highlight_note(current.id if current and current.id in ids else ids[0])
        self.border_subtitle = f"{len(self.notes)} note{'s' if len(self.notes) != 1 else ''}"

    def note_width(self) -> int:
        """Cells a label may use: room for the scrollbar is kept whether or not it shows (it
        appears only once the labels are in, too late to wrap them)."""
        padding = self.get_component_styles("option-list--option").padding
        return self.content_region.width - self.styles.scrollbar_size_vertical - padding.width

    def label(self, note: Note, whole: bool) -> Text:
        assert self.document is not None
        head, body = note_label(note, self.document, self.actor_names)
        width = self.label_width
        if whole:
            return Text("\n").join([fit_label(head, width), fit_label(body, width)]) if head else fit_label(body, width)
        parts = [fit_label(head, width, 1)] if head else []
        return Text("\n").join([*parts, fit_label(body, width, FOLDED_LINES)])

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """The highlighted note is shown whole; the one before folds back."""
        self._show_whole(event.option_index)

    def _show_whole(self, index: int | None) -> None:
        if index == self.whole_index:
            return
        for at, whole in ((self.whole_index, False), (index, True)):
            if at is None or at >= self.option_count:
                continue
            option = self.get_option_at_index(at)
            note = next((n for n in self.notes if n.id == option.id), None) if option.id else None
            if note is not None:
                self.replace_option_prompt_at_index(at, self.label(note, whole))
        self.whole_index = index

    def on_resize(self) -> None:
        # Only the notes' labels are cut to the width; the hint and a problem wrap themselves.
        if self.document is not None and self.notes and self.note_width() != self.label_width:
            self.show(self.notes, self.document, self.actor_names, problem=self.problem, empty=self.empty)

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
