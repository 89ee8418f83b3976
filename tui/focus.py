"""Focus moved at once, in the handler of the key that moves it.

`Widget.focus` waits a turn of the event loop (it posts the move to the app's queue), behind any
keys already read from the terminal. Typed in one read, as a fast typist, a key repeat or a paste
sends them, the keys after the one that moved the focus went to the widget being left:
"/Turkey" opened the find prompt and gave "Turkey" to the document pane, whose keys are commands
(`t` tags, `u` undoes); "aHello" opened the note editor empty (tests/tui/test_typeahead.py).
"""

from __future__ import annotations

from textual.dom import NoScreen
from textual.widget import Widget


def focus_now(widget: Widget) -> None:
    """Focus `widget` before the next key is handled (on its own screen, shown or about to be)."""
    try:
        screen = widget.screen
    except NoScreen:  # not on a screen yet: Textual's wait is all there is
        widget.focus()
        return
    widget.refresh()
    screen.set_focus(widget)
