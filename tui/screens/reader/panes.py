"""The reader's widgets, handed to the handlers that update them (attributes down)."""

from __future__ import annotations

from typing import NamedTuple

from tui.widgets.actor_list import ActorList
from tui.widgets.document.view import DocumentView
from tui.widgets.notes_list import NotesList
from tui.widgets.prompt_bar import PromptBar
from tui.widgets.status_line import StatusLine


# Not a frozen dataclass: imported before the reader's first paint, where generating one cost
# ~0.5 ms (bench (b) counts the start-up against a bare Textual app's).
class Panes(NamedTuple):
    document: DocumentView
    actors: ActorList
    notes: NotesList
    prompt: PromptBar
    status: StatusLine
