"""The reader's widgets, handed to the handlers that update them (attributes down)."""

from __future__ import annotations

from dataclasses import dataclass

from tui.widgets.actor_list import ActorList
from tui.widgets.document.view import DocumentView
from tui.widgets.notes_list import NotesList
from tui.widgets.prompt_bar import PromptBar
from tui.widgets.status_line import StatusLine


@dataclass(frozen=True)
class Panes:
    document: DocumentView
    actors: ActorList
    notes: NotesList
    prompt: PromptBar
    status: StatusLine
