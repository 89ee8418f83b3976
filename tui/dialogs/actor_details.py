"""Actor details: kind, role, aliases (folded metonyms marked), company, every mention in context,
and the notes on the actor. Enter on a mention jumps to it in the document."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from analysis.types import Actor
from tui.counts import counted
from tui.dialogs.jump_list import JumpList, as_written, close_binding
from tui.literal import literal
from tui.widgets.kinds import kind_look

CONTEXT_CHARS = 40


def keyword_in_context(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> Text:
    before = as_written(literal(text[max(0, start - width) : start]))
    after = as_written(literal(text[end : end + width]))
    line = Text(no_wrap=True, overflow="ellipsis")
    line.append(("…" + before[-width:]).rjust(width + 1), style="dim")
    line.append(literal(text[start:end]), style="bold reverse")
    line.append(after[:width] + "…", style="dim")
    return line


def actor_summary(actor: Actor, notes_count: int) -> Content:
    """Content, not a Rich Text: its kind's colour is a theme variable, resolved by the app."""
    look = kind_look(actor.kind)
    parts: list[tuple[str, str] | str] = [
        (f"{look.glyph} {literal(actor.name)}", f"bold {look.colour}"),
        (f"  {actor.kind} · {counted(actor.mentions, 'mention')} · {counted(notes_count, 'note')}\n", "dim"),
    ]
    if actor.role:
        parts += [("Role: ", "bold"), literal(actor.role) + "\n"]
    plain = [literal(a.name) for a in actor.aliases if not a.folded]
    folded = [literal(a.name) for a in actor.aliases if a.folded]
    if plain:
        parts += [("Also written: ", "bold"), ", ".join(plain) + "\n"]
    if folded:
        parts += [
            ("Folded in (capital or demonym standing for it): ", "bold"),
            ", ".join(folded) + "   F in the actors pane unfolds\n",
        ]
    if actor.co_actors:
        parts += [
            ("Appears with: ", "bold"),
            ", ".join(f"{literal(co.name)} ({co.sentences})" for co in actor.co_actors[:12]) + "\n",
        ]
    return Content.assemble(*parts)


class ActorDetails(JumpList):
    """Dismisses with the character offset of the chosen mention, or None."""

    BINDINGS = [close_binding("i", "actor_details.close")]

    def __init__(self, session, actor: Actor) -> None:
        super().__init__()
        self.session = session
        self.actor = actor
        self.notes = [note for note in session.notes() if note.actor_id == actor.id]

    def compose(self) -> ComposeResult:
        text = self.session.document.text
        with Vertical(id="actor-details"):
            yield Static(actor_summary(self.actor, len(self.notes)), id="actor-details-summary")
            for note in self.notes:
                yield Static(Text("✎ " + literal(note.body.strip()), style="italic"), classes="actor-note")
            yield Label(f"Mentions ({self.actor.mentions}): enter jumps to one", id="actor-details-heading")
            yield OptionList(
                *[
                    Option(keyword_in_context(text, start, end), id=str(start))
                    for start, end in self.actor.spans
                ],
                id="actor-mentions",
            )
