"""The reader's actor corrections: merge, rename, change kind, hide and show hidden.

A mixin of `ReaderScreen`. Corrections are stored (this briefing, or every briefing) and the
actor list is derived again from the cached mentions, so they stick across re-analyses.
"""

from __future__ import annotations

from analysis.types import KINDS, Actor
from tui.dialogs.correction import Correction, CorrectionDialog


class ActorActions:
    def correct_actor(self, what: str, actor: Actor) -> None:
        if what == "hide":
            self.toggle_hidden(actor)
            return
        if what == "merge":
            others = [a for a in self.analysis.actors if a.id != actor.id and not a.hidden]
            dialog = CorrectionDialog(
                f"Merge “{actor.name}” into…",
                choices=[(a.id, f"{a.name}  ({a.kind}, {a.mentions})") for a in others],
            )
        elif what == "rename":
            dialog = CorrectionDialog(f"Rename “{actor.name}” to", value=actor.name)
        else:
            dialog = CorrectionDialog(
                f"“{actor.name}” is a…", choices=[(kind, kind) for kind in KINDS if kind != actor.kind]
            )

        def chosen(answer: Correction | None) -> None:
            if answer is None:
                return
            op = "kind" if what == "kind" else what
            if self.store_correction(op, actor, answer.value, answer.everywhere):
                scope = "every briefing" if answer.everywhere else "this briefing"
                self.status.say(f"{what.capitalize()} of {actor.name} saved for {scope}")

        self.app.push_screen(dialog, chosen)

    def store_correction(self, op: str, actor: Actor, value: str | None, everywhere: bool = False) -> bool:
        try:
            self.session.add_correction(op, actor.id, value, everywhere=everywhere)
        except Exception as error:  # locked or unwritable: say so, keep going
            self.notify(str(error), title="Correction not saved", severity="error", timeout=15)
            return False
        if op == "merge":
            self.actor_list.selected_id = value
        self.refresh_analysis()
        return True

    def toggle_hidden(self, actor: Actor) -> None:
        if actor.hidden:
            self.session.remove_corrections(actor.id, "hide")
            self.refresh_analysis()
            self.status.say(f"{actor.name} shown again")
        elif self.store_correction("hide", actor, None):
            hint = "" if self.actor_list.show_hidden else " · H shows hidden actors"
            self.status.say(f"{actor.name} hidden{hint}")

    def toggle_show_hidden(self) -> None:
        self.actor_list.show_hidden = not self.actor_list.show_hidden
        self.actor_list.show(self.actor_list.actors)
        hidden = sum(actor.hidden for actor in self.actor_list.actors)
        state = "shown (struck through; h unhides)" if self.actor_list.show_hidden else "not shown"
        self.status.say(f"{hidden} hidden actors {state}")
