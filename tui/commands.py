"""The one registry of user commands.

Bindings, the footer, the help screen and the command palette are all generated from `COMMANDS`,
so they cannot disagree. A command belongs to a scope: `app` (anywhere) or the pane whose key runs
it (`document`, `actors`, `notes`). Its `action` is what the key runs on that pane's widget; a
command without one is carried out by the screen: the pane posts `Requested` with the command's
id, and the screen's handler for that id runs it. So a command has one name, its id.
"""

from __future__ import annotations

from typing import NamedTuple

from textual.binding import Binding
from textual.keys import _character_to_key

SCOPES = {
    "app": "Anywhere",
    "document": "Document",
    "summary": "Summary",
    "actors": "Actors",
    "notes": "Notes",
    "library": "Library",
    "library_actors": "Actors across the library",
    "actor_briefings": "Briefings mentioning an actor",
    "search": "Search across the library",
}


# Not a frozen dataclass: imported before the reader's first paint, where generating one cost
# ~0.5 ms (bench (b) counts the start-up against a bare Textual app's).
class Command(NamedTuple):
    id: str
    scope: str
    keys: str  # textual key names, comma separated; the first is the one shown
    action: str | None  # the widget's own action; None: the screen carries it out, by `id`
    description: str
    footer: str = ""  # a short label shows the command in the footer while its pane has focus

    @property
    def binding_action(self) -> str:
        """What the key runs on its pane's widget."""
        return self.action if self.action is not None else f"request({self.id!r})"

    @property
    def key_names(self) -> list[str]:
        return [key.strip() for key in self.keys.split(",")]

    def keys_shown(self, keymap: dict[str, str] | None = None) -> str:
        """The keys as a user types them: `j / down`, `?`, `ctrl+p`; those of the user's keymap
        (command id -> keys, from the config file) where it rebinds this command."""
        keys = keymap.get(self.id, self.keys) if keymap else self.keys
        return " / ".join(KEY_LABELS.get(key.strip(), key.strip()) for key in keys.split(","))


KEY_LABELS = {
    "question_mark": "?",
    "slash": "/",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "left_curly_bracket": "{",
    "right_curly_bracket": "}",
    "space": "space",
    "enter": "enter",
    "escape": "esc",
    "shift+tab": "shift+tab",
    "asterisk": "*",
    "backspace": "backspace",
}

SCREEN = None  # the action of a command the screen carries out

COMMANDS: tuple[Command, ...] = (
    # anywhere
    Command("app.quit", "app", "q", "quit", "Quit", footer="Quit"),
    Command("app.help", "app", "question_mark,f1", "help", "Help: every key", footer="Help"),
    Command("app.palette", "app", "ctrl+p", "command_palette", "Command palette"),
    Command("app.next_pane", "app", "tab", "focus_next", "Next pane"),
    Command("app.previous_pane", "app", "shift+tab", "focus_previous", "Previous pane"),
    # 1 2 3: the panes as they stand, left to right
    Command("app.focus_actors", "app", "1", "focus_pane('actors')", "Focus the actors"),
    Command("app.focus_document", "app", "2", "focus_pane('document')", "Focus the document"),
    Command("app.focus_notes", "app", "3", "focus_pane('notes')", "Focus the notes"),
    Command("app.analysis", "app", "ctrl+k", "cancel_analysis", "Cancel the running analysis, or run it again"),
    Command(
        "app.search_notes", "app", "ctrl+f", "search_notes", "Search all notes (in the library: the text of every briefing)"
    ),
    Command("app.back", "app", "escape,backspace", "back", "Back to the library (or the list before)"),
    # document
    Command("document.down", "document", "j,down", "scroll_line(1)", "Scroll down"),
    Command("document.up", "document", "k,up", "scroll_line(-1)", "Scroll up"),
    Command("document.page_down", "document", "space,pagedown", "page(1)", "Page down"),
    Command("document.page_up", "document", "b,pageup", "page(-1)", "Page up"),
    Command("document.top", "document", "g,home", "top", "Top"),
    Command("document.bottom", "document", "G,end", "bottom", "Bottom"),
    Command("document.next_paragraph", "document", "right_curly_bracket", "paragraph(1)", "Next paragraph"),
    Command("document.previous_paragraph", "document", "left_curly_bracket", "paragraph(-1)", "Previous paragraph"),
    Command("document.find", "document", "slash", "find", "Find", footer="Find"),
    Command("document.next_match", "document", "n", "match(1)", "Next match"),
    Command("document.previous_match", "document", "N", "match(-1)", "Previous match"),
    Command("document.next_mention", "document", "right_square_bracket", "mention(1)", "Next mention", footer="Mention"),
    Command("document.previous_mention", "document", "left_square_bracket", "mention(-1)", "Previous mention"),
    Command("document.note", "document", "a", "add_note", "Note on this paragraph", footer="Note"),
    Command("document.facts", "document", "D", "facts", "Key facts: dates and numbers"),
    Command("document.summary", "document", "s", "toggle_summary", "Summary: show it and go to it, s again hides it", footer="Summary"),
    # summary
    Command("summary.down", "summary", "j,down", "scroll(1)", "Scroll the summary down"),
    Command("summary.up", "summary", "k,up", "scroll(-1)", "Scroll the summary up"),
    Command("summary.hide", "summary", "s", "hide", "Hide the summary", footer="Hide"),
    # actors
    Command("actors.down", "actors", "j,down", "cursor_down", "Next actor"),
    Command("actors.up", "actors", "k,up", "cursor_up", "Previous actor"),
    Command("actors.select", "actors", "enter", "select_actor", "Select and jump", footer="Select"),
    Command("actors.details", "actors", "i", SCREEN, "Actor details", footer="Details"),
    Command("actors.next_mention", "actors", "right_square_bracket", SCREEN, "Next mention"),
    Command("actors.previous_mention", "actors", "left_square_bracket", SCREEN, "Previous mention"),
    Command("actors.filter_kind", "actors", "f", "filter_kind", "Filter by kind", footer="Kind"),
    Command("actors.filter_name", "actors", "slash", SCREEN, "Filter by name"),
    Command("actors.sort", "actors", "S", "sort", "Sort by importance, mentions or name"),
    Command("actors.note", "actors", "A", SCREEN, "Note on this actor"),
    Command("actors.fold", "actors", "F", SCREEN, "Fold capitals/demonyms into states"),
    Command("actors.merge", "actors", "m", SCREEN, "Merge into another actor"),
    Command("actors.rename", "actors", "r", SCREEN, "Rename"),
    Command("actors.kind", "actors", "K", SCREEN, "Change kind"),
    Command("actors.hide", "actors", "h", SCREEN, "Hide (or unhide) a false positive"),
    Command("actors.show_hidden", "actors", "H", SCREEN, "Show/hide hidden actors"),
    Command("actors.other_briefings", "actors", "o", SCREEN, "Other briefings with this actor"),
    # notes
    Command("notes.down", "notes", "j,down", "cursor_down", "Next note"),
    Command("notes.up", "notes", "k,up", "cursor_up", "Previous note"),
    Command("notes.jump", "notes", "enter", SCREEN, "Jump to passage", footer="Jump"),
    Command("notes.edit", "notes", "e", SCREEN, "Edit note", footer="Edit"),
    Command("notes.delete", "notes", "d", SCREEN, "Delete note", footer="Delete"),
    Command("notes.undo", "notes", "u", SCREEN, "Undo delete"),
    Command("notes.tags", "notes", "t", SCREEN, "Edit tags"),
    Command("notes.filter", "notes", "slash", SCREEN, "Filter notes"),
    Command("notes.export", "notes", "x", SCREEN, "Export notes"),
    Command("notes.repin", "notes", "p", SCREEN, "Re-pin to cursor paragraph"),
    # library
    Command("library.down", "library", "j,down", "cursor_down", "Next briefing"),
    Command("library.up", "library", "k,up", "cursor_up", "Previous briefing"),
    Command("library.top", "library", "g,home", "scroll_top", "First briefing"),
    Command("library.bottom", "library", "G,end", "scroll_bottom", "Last briefing"),
    Command("library.open", "library", "enter", "open_briefing", "Open in the reader", footer="Open"),
    Command("library.filter", "library", "slash", "filter", "Filter by title or path as you type", footer="Filter"),
    Command("library.unread", "library", "u", "toggle_only('unread')", "Show only unread (or all)", footer="Unread"),
    Command("library.starred", "library", "s", "toggle_only('starred')", "Show only starred (or all)"),
    Command("library.actor", "library", "a", "filter_actor", "Show only briefings with an actor"),
    Command("library.tag", "library", "t", "filter_tag", "Show only briefings with a note tag"),
    Command("library.clear", "library", "c", "clear_filters", "Clear every filter"),
    Command("library.star", "library", "asterisk", "star", "Star (or unstar)", footer="Star"),
    Command("library.mark_unread", "library", "U", "mark_unread", "Mark unread"),
    Command("library.sort", "library", "S", "sort_next", "Sort by the next column", footer="Sort"),
    Command("library.reverse", "library", "R", "sort_reverse", "Reverse the sort"),
    Command("library.actors", "library", "A", "library_actors", "Actors across the library", footer="Actors"),
    # actors across the library
    Command("library_actors.down", "library_actors", "j,down", "cursor_down", "Next actor"),
    Command("library_actors.up", "library_actors", "k,up", "cursor_up", "Previous actor"),
    Command("library_actors.top", "library_actors", "g,home", "scroll_top", "First actor"),
    Command("library_actors.bottom", "library_actors", "G,end", "scroll_bottom", "Last actor"),
    Command("library_actors.open", "library_actors", "enter", "open_actor", "Briefings mentioning it", footer="Briefings"),
    Command("library_actors.filter", "library_actors", "slash", "filter", "Filter actors by name as you type", footer="Filter"),
    # briefings mentioning one actor, and search results
    Command("actor_briefings.down", "actor_briefings", "j,down", "cursor_down", "Next briefing"),
    Command("actor_briefings.up", "actor_briefings", "k,up", "cursor_up", "Previous briefing"),
    Command("actor_briefings.open", "actor_briefings", "enter", "select", "Open at the mention", footer="Open"),
    Command("search.down", "search", "j,down", "cursor_down", "Next result"),
    Command("search.up", "search", "k,up", "cursor_up", "Previous result"),
    Command("search.open", "search", "enter", "select", "Open at the match", footer="Open"),
    Command("search.query", "search", "slash", "edit_query", "Edit the query", footer="Query"),
)


def commands_for(scope: str) -> list[Command]:
    return [command for command in COMMANDS if command.scope == scope]


def bindings_for(scope: str) -> list[Binding]:
    """Textual bindings for a scope, with ids so a user keymap can rebind them."""
    return [
        Binding(
            command.keys,
            command.binding_action,
            command.footer or command.description,
            show=bool(command.footer),
            tooltip=command.description,
            id=command.id,
        )
        for command in commands_for(scope)
    ]


def command(command_id: str) -> Command:
    return next(c for c in COMMANDS if c.id == command_id)


def key_clashes(keymap: dict[str, str]) -> list[tuple[str, str, str]]:
    """(rebound command id, key, other command id) for each key of the user's keymap that another
    command already answers where the rebound one would: in the same pane, or anywhere for an
    `app` command (a pane's key shadows it there). One of the two would never run."""
    # As Textual compares them: a single character by its key name ("?" is "question_mark").
    def names(keys: str) -> list[str]:
        return [key if len(key) > 1 else _character_to_key(key) for key in (k.strip() for k in keys.split(","))]

    keys = {c.id: names(keymap.get(c.id, c.keys)) for c in COMMANDS}
    clashes = []
    for command_id in keymap:
        mine = next((c for c in COMMANDS if c.id == command_id), None)
        if mine is None:
            continue
        for other in COMMANDS:
            if other.id == mine.id:
                continue
            if not (other.scope == mine.scope or "app" in (other.scope, mine.scope)):
                continue
            for key in keys[mine.id]:
                if key in keys[other.id]:
                    clashes.append((mine.id, key, other.id))
    return clashes
