"""A screen that draws itself once per resize, not two or three times.

Textual lays a resized screen out and draws every line of it at the new size in one full update.
Then the same lines were drawn again, whole, once or twice: each widget whose size changed had
asked to be drawn again meanwhile (`Widget._size_updated` marks it dirty, and its virtual size, a
layout reactive, refreshes it), and the app's blank first screen, under this one, was resized too
and asked for its whole area to be drawn again on top, though an opaque screen hides it. On the
reader with the 4 MB Bible at 120x36 that was a second full update of 30-53 ms in a resize of
100-140 ms of UI-thread time (one run each way, a probe logging the compositor's updates). What a
widget asks for once the resize is handled (the document rewrapping on its Resize event, a list
counting its rows) is drawn as before.

Private parts of Textual (the compositor, `_repaint_regions`, `_batch_count`): textual is pinned
`<9`, and the reader's snapshot and resize tests cover what this changes.
"""

from __future__ import annotations

from textual import events
from textual.screen import Screen


class ResizedOnce(Screen):
    async def _on_resize(self, event: events.Resize) -> None:
        new_size = event.size != self._compositor.size
        await super()._on_resize(event)
        # Drawn whole at the new size just now: Textual lays out and draws the current screen at
        # once outside a batch, and nothing below an opaque screen shows through it.
        drawn_whole = (
            new_size
            and self._compositor.size == event.size
            and self.is_current
            and not self.app._batch_count
            and self.styles.background.a == 1
        )
        if not drawn_whole:
            return
        for widget in self._compositor.visible_widgets:
            widget._repaint_regions.clear()
        for hidden in self.app._background_screens:
            # Resized too: drawn again when it is the top screen (Textual repaints a resumed one).
            hidden._compositor._dirty_regions.clear()
            hidden._repaint_regions.clear()
