"""The footer of the reader: Textual's `Footer`, its keys updated in place when the focus moves.

Textual's footer composes its keys again each time the bindings change, which is every time the
focus moves (document, actors, notes, the prompt): thirteen new widgets mounted and styled, and the
screen laid out again, 75-150 ms of the UI thread on the 4 MB Bible, added to the key that moved
the focus (`/`, enter in the prompt, closing a dialog, `]` after choosing an actor;
bench/reader_keys.py). Here the keys already shown take the new bindings, and only a change in
their number mounts or removes the difference. What is shown is the same as `Footer` shows.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

PALETTE_CLASS = "-command-palette"


class KeyFooter(Footer):
    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            first = not any(isinstance(child, FooterKey) for child in self.children)
            # The first keys are composed as Footer composes them, in the same turn it would.
            self.call_after_refresh(self.recompose if first else self._update_keys)

    def _wanted(self) -> list[tuple[str, str, str, str, bool, str]]:
        """(key, key shown, description, action, disabled, tooltip) of each key, as `compose`
        makes them, without the command palette's (docked right, and the same on every pane)."""
        seen: set[str] = set()
        wanted = []
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            # One key per action, the first binding's, as Footer groups them.
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            wanted.append(
                (binding.key, self.app.get_key_display(binding), binding.description, binding.action, not enabled, tooltip)
            )
        return wanted

    def _update_keys(self) -> None:
        if not self.is_attached:
            return
        keys = [child for child in self.children if isinstance(child, FooterKey)]
        palette = [key for key in keys if key.has_class(PALETTE_CLASS)]
        shown = [key for key in keys if not key.has_class(PALETTE_CLASS)]
        if not keys or len(keys) != len(self.children) or any(
            binding.group is not None for _n, binding, _e, _t in self.screen.active_bindings.values() if binding.show
        ):
            self.call_later(self.recompose)  # the first keys, groups, labels: made as Footer makes them
            return
        wanted = self._wanted()
        for widget, spec in zip(shown, wanted):
            self._set_key(widget, *spec)
        for widget in shown[len(wanted) :]:
            widget.remove()
        new = [
            FooterKey(key, shown_as, description, action, disabled=disabled, tooltip=tooltip)
            for key, shown_as, description, action, disabled, tooltip in wanted[len(shown) :]
        ]
        for widget in new:
            # What compose's `data_bind(compact=Footer.compact)` gives (bound only from compose).
            widget.set_reactive(FooterKey.compact, self.compact)
            widget.set_class(self.compact, "-compact")
        if new:
            self.mount_all(new, before=palette[0] if palette else None)

    @staticmethod
    def _set_key(widget: FooterKey, key: str, shown_as: str, description: str, action: str, disabled: bool, tooltip: str) -> None:
        resized = (widget.key_display, widget.description) != (shown_as, description)
        if (widget.key, widget.action, widget._disabled, widget.tooltip or "") == (key, action, disabled, tooltip or "") and not resized:
            return
        widget.key, widget.key_display, widget.description, widget.action = key, shown_as, description, action
        widget._disabled = disabled
        widget.set_class(disabled, "-disabled")
        widget.tooltip = tooltip or None
        widget.refresh(layout=resized)
