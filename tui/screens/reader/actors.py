"""The reader's actor commands: details, fold, filter, show hidden, and the corrections (merge,
rename, change kind, hide).

`ActorsHandler` is owned by `ReaderScreen` and given what it works on: the session (the
corrections store and the folding choice), the panes, the screen it opens dialogs on, and
`rederive`, which derives the actors again off the UI thread. Corrections are stored (this
briefing, or every briefing) and the actor list is derived again from the cached mentions, so
they stick across re-analyses.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.screen import Screen

from analysis.types import KINDS, Actor
from tui.counts import counted
from tui.focus import focus_now
from tui.literal import toast
from tui.screens.reader.panes import Panes
from tui.session import Session

if TYPE_CHECKING:
    from tui.dialogs.correction import Correction


class ActorsHandler:
    def __init__(self, session: Session, panes: Panes, screen: Screen, rederive: Callable[[], None]) -> None:
        self.session = session
        self.panes = panes
        self.screen = screen  # opens the dialogs, shows the notifications
        self.rederive = rederive

    @property
    def commands(self) -> dict[str, Callable[[Actor | None], None]]:
        """What this handler carries out, by registry command id, on the highlighted actor."""
        on_actor = self._on_actor
        return {
            "actors.next_mention": lambda _: self.panes.document.action_mention(1),
            "actors.previous_mention": lambda _: self.panes.document.action_mention(-1),
            "actors.filter_name": lambda _: self.ask_name_filter(),
            "actors.fold": lambda _: self.toggle_fold(),
            "actors.show_hidden": lambda _: self.toggle_show_hidden(),
            "actors.details": on_actor(self.show_details),
            "actors.merge": on_actor(lambda actor: self.correct_actor("merge", actor)),
            "actors.rename": on_actor(lambda actor: self.correct_actor("rename", actor)),
            "actors.kind": on_actor(lambda actor: self.correct_actor("kind", actor)),
            "actors.hide": on_actor(self.toggle_hidden),
        }

    @property
    def answers(self) -> dict[str, Callable[[str | None], None]]:
        """What this handler does with the prompt's answer, by the command id that asked."""
        return {"actors.filter_name": self.name_filter_answered}

    @staticmethod
    def _on_actor(run: Callable[[Actor], None]) -> Callable[[Actor | None], None]:
        return lambda actor: None if actor is None else run(actor)

    def ask_name_filter(self) -> None:
        self.panes.prompt.ask("actors.filter_name", "filter actors by name", self.panes.actors.name_filter)

    def name_filter_answered(self, value: str | None) -> None:
        focus_now(self.panes.actors)
        if value is not None:
            self.panes.actors.set_name_filter(value)

    def toggle_fold(self) -> None:
        self.session.fold_metonyms = not self.session.fold_metonyms
        self.rederive()
        state = "folded into their states" if self.session.fold_metonyms else "shown as their own actors"
        self.panes.status.say(f"Capitals and demonyms {state}")

    def show_details(self, actor: Actor) -> None:
        from tui.dialogs.actor_details import ActorDetails

        document = self.panes.document

        def jump(offset: int | None) -> None:
            if offset is None:
                return
            span = next((s for s in actor.spans if s[0] == offset), None)
            self.panes.actors.selected_id = actor.id
            document.set_selected(actor.spans)
            document.go_to_offset(offset, span)
            focus_now(document)

        self.screen.app.push_screen(ActorDetails(self.session, actor), jump)

    def correct_actor(self, op: str, actor: Actor) -> None:
        # Imported when first asked for: its inputs (Textual's TextArea and Input) were ~30 ms of
        # the app's start, before the text was on screen.
        from tui.dialogs.correction import CorrectionDialog

        if op == "merge":
            others = [a for a in self.panes.actors.actors if a.id != actor.id and not a.hidden]
            dialog = CorrectionDialog(
                f"Merge “{actor.name}” into…",
                choices=[(a.id, f"{a.name}  ({a.kind}, {a.mentions})") for a in others],
            )
        elif op == "rename":
            dialog = CorrectionDialog(f"Rename “{actor.name}” to", value=actor.name)
        else:
            dialog = CorrectionDialog(
                f"“{actor.name}” is a…", choices=[(kind, kind) for kind in KINDS if kind != actor.kind]
            )

        def chosen(answer: Correction | None) -> None:
            if answer is None:
                return
            if self.store_correction(op, actor, answer.value, answer.everywhere):
                scope = "every briefing" if answer.everywhere else "this briefing"
                self.panes.status.say(f"{op.capitalize()} of {actor.name} saved for {scope}")

        self.screen.app.push_screen(dialog, chosen)

    def store_correction(self, op: str, actor: Actor, value: str | None, everywhere: bool = False) -> bool:
        try:
            self.session.add_correction(op, actor.id, value, everywhere=everywhere)
        except Exception as error:  # locked or unwritable: say so, keep going
            toast(self.screen, str(error), title="Correction not saved", severity="error")
            return False
        if op == "merge":
            self.panes.actors.selected_id = value
        self.rederive()
        return True

    def toggle_hidden(self, actor: Actor) -> None:
        if actor.hidden:
            self.session.remove_corrections(actor.id, "hide")
            self.rederive()
            self.panes.status.say(f"{actor.name} shown again")
        elif self.store_correction("hide", actor, None):
            hint = "" if self.panes.actors.show_hidden else " · H shows hidden actors"
            self.panes.status.say(f"{actor.name} hidden{hint}")

    def toggle_show_hidden(self) -> None:
        actors = self.panes.actors
        actors.show_hidden = not actors.show_hidden
        actors.show(actors.actors)
        hidden = counted(sum(actor.hidden for actor in actors.actors), "hidden actor")
        state = "shown (struck through; h unhides)" if actors.show_hidden else "not shown"
        self.panes.status.say(f"{hidden} {state}")
