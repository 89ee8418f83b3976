"""The notes pane: the user's notes on this briefing, each with its passage, body and tags."""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from analysis.model import Document, Note
from tui.actions import bindings_for
from tui.literal import literal

PLACEMENT_LABELS = {"moved": "moved", "fuzzy": "moved, text changed", "orphan": "orphaned"}
QUOTE_CHARS = 60
EMPTY_HINT = "No notes yet.\n\na in the document pins one to the cursor paragraph; A in the actors pane, to an actor."


def note_label(note: Note, document: Document, actor_names: dict[str, str]) -> Text:
    label = Text()
    if note.anchor is not None and note.placement != "orphan":
        paragraph = document.paragraph_at(note.anchor.start) + 1
        label.append(f"¶{paragraph} ", style="bold")
    elif note.actor_id:
        label.append(f"@{literal(actor_names.get(note.actor_id, note.actor_id))} ", style="bold")
    if note.placement in PLACEMENT_LABELS:
        label.append(f"[{PLACEMENT_LABELS[note.placement]}] ", style="italic yellow")
    if note.anchor is not None:
        quote = " ".join(literal(note.anchor.quote).split())
        if len(quote) > QUOTE_CHARS:
            quote = quote[: QUOTE_CHARS - 1] + "…"
        label.append(f"“{quote}”", style="italic dim")
    body = literal(note.body.strip()) or "(empty note)"
    label.append("\n" + body)
    if note.tags:
        label.append("\n" + " ".join(f"#{tag}" for tag in note.tags), style="cyan")
    return label


class NotesList(OptionList):
    BINDINGS = bindings_for("notes")

    class Requested(Message):
        """A command on the highlighted note, carried out by the screen."""

        def __init__(self, what: str, note: Note | None) -> None:
            super().__init__()
            self.what = what
            self.note = note

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.notes: list[Note] = []

    def show(self, notes: list[Note], document: Document, actor_names: dict[str, str]) -> None:
        """List notes in reading order (actor notes and orphans last), keeping the highlight."""
        current = self.highlighted_note
        self.notes = sorted(
            notes,
            key=lambda n: (
                n.anchor is None or n.placement == "orphan",
                n.anchor.start if n.anchor else 0,
                n.created,
            ),
        )
        self.clear_options()
        self.add_options(
            [Option(note_label(note, document, actor_names), id=note.id) for note in self.notes]
        )
        if not self.notes:
            self.add_option(Option(Text(EMPTY_HINT, style="dim italic"), disabled=True))
        else:
            ids = [note.id for note in self.notes]
            self.highlighted = ids.index(current.id) if current and current.id in ids else 0
        self.border_subtitle = f"{len(self.notes)} note{'s' if len(self.notes) != 1 else ''}"

    def highlight_note(self, note_id: str) -> None:
        ids = [note.id for note in self.notes]
        if note_id in ids:
            self.highlighted = ids.index(note_id)

    @property
    def highlighted_note(self) -> Note | None:
        if self.highlighted is None or not self.notes or self.highlighted >= len(self.notes):
            return None
        return self.notes[self.highlighted]

    def _request(self, what: str) -> None:
        self.post_message(self.Requested(what, self.highlighted_note))

    def action_jump(self) -> None:
        self._request("jump")

    def action_edit_note(self) -> None:
        self._request("edit")

    def action_delete_note(self) -> None:
        self._request("delete")

    def action_undo_delete(self) -> None:
        self._request("undo")

    def action_edit_tags(self) -> None:
        self._request("tags")

    def action_filter_notes(self) -> None:
        self._request("filter")

    def action_export_notes(self) -> None:
        self._request("export")
