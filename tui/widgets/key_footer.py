"""The footer of the reader: the keys Textual's `Footer` shows, drawn as one line.

Textual's footer is a row of widgets sized to their text, so a change of keys lays the whole
screen out again, twice (once for the keys, once more because their sizes changed). The keys
change every time the focus moves (document, actors, notes, the prompt, a dialog closing): on the
4 MB Bible at 160x48 those two layouts and their redraws were 45 ms of the 124 ms a focus move took
on the UI thread (median of 8 moves, bench/reader_keys.py's select-an-actor row pays it). This
footer is one widget of a fixed size: new keys are a repaint of its line, and they land in the same
frame as the focus move. It shows what `Footer` shows, in its colours: each binding marked `show`,
one per action (the first binding's), a group's keys side by side before the group's label, the
command palette's key on the right; a key can be clicked or hovered, a disabled one is dim.
"""

from __future__ import annotations

from itertools import groupby
from typing import NamedTuple

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget


# Not a frozen dataclass: imported before the reader's first paint, where generating one cost
# ~0.5 ms (bench (b) counts the start-up against a bare Textual app's).
class ShownKey(NamedTuple):
    key: str  # what a click presses
    shown_as: str
    description: str  # "" for a key of a group, which shows the group's label after its keys
    action: str
    disabled: bool
    tooltip: str


class Spot(NamedTuple):
    """Where a key is drawn on the line: columns start (inclusive) to end (exclusive)."""

    start: int
    end: int
    key: ShownKey


def _shown(app, binding, enabled: bool, tooltip: str) -> ShownKey:
    display = app.get_key_display(binding)
    return ShownKey(binding.key, display, binding.description, binding.action, not enabled, tooltip)


SEPARATOR = "▏"  # what Footer's `border-left: vkey` draws before the palette's key


class KeyFooter(Widget, can_focus=False):
    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "footer-key--key",
        "footer-key--description",
        "footer-key--separator",
        "footer-key--hover",
    }
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
        text-overflow: clip;
        & > .footer-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .footer-key--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .footer-key--separator {
            color: $foreground 20%;
        }
        & > .footer-key--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self.groups: list[tuple[list[ShownKey], str]] = []  # runs of keys, with a group's label or ""
        self.palette: ShownKey | None = None
        self.spots: list[Spot] = []  # as last drawn, for the mouse
        self.hovered: ShownKey | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self.bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen) -> None:
        # As Footer: while the terminal has lost focus the bindings are left as they were shown.
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        groups, palette = self._wanted(screen)
        if (groups, palette) != (self.groups, self.palette):
            self.groups, self.palette = groups, palette
            self.refresh()

    @property
    def keys(self) -> list[ShownKey]:
        """Every key shown, left to right, the palette's last."""
        return [key for run, _label in self.groups for key in run] + ([self.palette] if self.palette else [])

    def _wanted(self, screen: Screen) -> tuple[list[tuple[list[ShownKey], str]], ShownKey | None]:
        app = screen.app
        first: dict[str, ShownKey] = {}  # action -> its first shown binding, in the bindings' order
        group_of: dict[str, object] = {}
        for _node, binding, enabled, tooltip in screen.active_bindings.values():
            if not binding.show or binding.action in first:
                continue
            first[binding.action] = _shown(app, binding, enabled, tooltip or "")
            group_of[binding.action] = binding.group
        groups: list[tuple[list[ShownKey], str]] = []
        for group, actions in groupby(first, key=group_of.__getitem__):
            keys = [first[action] for action in actions]
            if group is not None and len(keys) > 1:
                tooltip = lambda key: key.tooltip or key.description  # noqa: E731 (Footer's choice)
                run = [ShownKey(k.key, k.shown_as, "", k.action, k.disabled, tooltip(k)) for k in keys]
                groups.append((run, group.description))
            else:
                groups.extend(([key], "") for key in keys)
        palette = None
        if app.ENABLE_COMMAND_PALETTE:
            entry = screen.active_bindings.get(app.COMMAND_PALETTE_BINDING)
            if entry is not None:
                _node, binding, enabled, _tooltip = entry
                palette = _shown(app, binding, enabled, binding.tooltip or binding.description)
        return groups, palette

    def render(self) -> Text:
        key_style = self.get_component_rich_style("footer-key--key")
        description_style = self.get_component_rich_style("footer-key--description")
        hover_style = self.get_component_rich_style("footer-key--hover")
        dim = Style(dim=True)
        width = self.size.width
        line = Text(no_wrap=True, overflow="crop")
        spots: list[Spot] = []

        def add(key: ShownKey, pieces: list[tuple[str, Style]]) -> None:
            start = line.cell_len
            for text, style in pieces:
                if key is self.hovered:
                    style = style + hover_style
                line.append(text, style + dim if key.disabled else style)
            spots.append(Spot(start, line.cell_len, key))

        for run, label in self.groups:
            if label:  # Footer's grouped keys: "k1 k2 label", the label in the description's colour
                for key in run:
                    add(key, [(f" {key.shown_as}", key_style)])
                line.append(f" {label} ", description_style)
            else:
                key = run[0]
                if key.description:
                    add(key, [(f" {key.shown_as} ", key_style), (f"{key.description} ", description_style)])
                else:
                    add(key, [(key.shown_as, key_style)])
        if self.palette is not None:
            right_width = 1 + cell_len(self.palette.shown_as) + cell_len(self.palette.description) + 2
            line.truncate(max(0, width - right_width), overflow="crop")
            spots = [spot for spot in spots if spot.end <= line.cell_len]
            line.pad_right(max(0, width - right_width - line.cell_len))
            line.append(SEPARATOR, self.get_component_rich_style("footer-key--separator"))
            palette = self.palette
            add(palette, [(palette.shown_as, key_style), (f" {palette.description}", description_style)])
            line.append(" ")
        self.spots = spots
        return line

    def _spot_at(self, x: int) -> Spot | None:
        return next((spot for spot in self.spots if spot.start <= x < spot.end), None)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        spot = self._spot_at(event.x)
        if spot is None:
            return
        if spot.key.disabled:
            self.app.bell()
        else:
            self.app.simulate_key(spot.key.key)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        spot = self._spot_at(event.x)
        self._hover(spot.key if spot else None)

    def on_leave(self, _event: events.Leave) -> None:
        self._hover(None)

    def _hover(self, key: ShownKey | None) -> None:
        if key is not self.hovered:
            self.hovered = key
            self.tooltip = key.tooltip or None if key else None
            self.refresh()
