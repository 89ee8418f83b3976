"""The messages the document view posts (attributes down, messages up).

Each is also an attribute of `DocumentView` (`DocumentView.CursorMoved`, …), and the namespace
keeps Textual's handler names those of messages nested in the view: `on_document_view_cursor_moved`.
Kept apart only so the view's module stays readable in one sitting.
"""

from __future__ import annotations

from textual.message import Message
from textual.widget import Widget


class ViewMessage(Message):
    """What every message of the view carries: the view that sent it, as `control`."""

    view: Widget | None = None

    @property
    def control(self) -> Widget | None:
        return self.view

    def can_replace(self, message: Message) -> bool:
        return type(message) is type(self) and getattr(message, "view", None) is self.view


class CursorMoved(ViewMessage, namespace="document_view"):
    """The cursor paragraph (or the spot in it) changed. Coalesces."""

    def __init__(self, paragraph: int, offset: int) -> None:
        super().__init__()
        self.paragraph = paragraph
        self.offset = offset


class FindStatus(ViewMessage, namespace="document_view"):
    """After a find or a move between matches: `index` (0-based) of `count`; count 0: none."""

    def __init__(self, index: int, count: int, query: str) -> None:
        super().__init__()
        self.index = index
        self.count = count
        self.query = query


class MentionStatus(ViewMessage, namespace="document_view"):
    """After a move between the selected mentions: `index` (0-based) of `count`; 0 selected: (0, 0)."""

    def __init__(self, index: int, count: int) -> None:
        super().__init__()
        self.index = index
        self.count = count


class FindRequested(ViewMessage, namespace="document_view"):
    """The user pressed `/`: the screen should ask for a query and call `find()`."""

    def can_replace(self, message: Message) -> bool:
        return False


class NoteRequested(ViewMessage, namespace="document_view"):
    """The user asked for a note on `paragraph`."""

    def __init__(self, paragraph: int) -> None:
        super().__init__()
        self.paragraph = paragraph

    def can_replace(self, message: Message) -> bool:
        return False


class SummaryToggleRequested(ViewMessage, namespace="document_view"):
    """The user asked for the summary: shown and focused."""

    def can_replace(self, message: Message) -> bool:
        return False


class FactsRequested(ViewMessage, namespace="document_view"):
    """The user asked for the key facts (dates and numbers) of the briefing."""

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, FactsRequested)
