"""Keys read together land one after another: each after what the key before it set off.

Textual hands every key of a read from the terminal to the focused widget's queue at once, and a
key that widget does not take travels back up to the app, whose queue runs its binding behind the
keys read with it. Keys typed together (a fast typist, a key repeat, a paste) therefore all went
to the widget the first one left: "/Turkey" opened the find prompt and gave "Turkey" to the
document pane, where `t` tags and `u` undoes; "aHello" opened the note editor empty
(tests/tui/test_typeahead.py). So while more input waits behind a key, the app waits for that
key to land: handled by a widget, or back at the app and its binding run at once, and then what
it set off (a message to the screen, a prompt shown, a dialog pushed and mounted, the focus
moved, `tui/focus.py`), before it hands on the next key. A key typed alone waits for nothing.
The queues are Textual's own (textual is pinned <9).
"""

from __future__ import annotations

import asyncio
import time

from textual import events
from textual.app import App
from textual.dom import NoScreen

# A guard for a screen that is never quiet, not a budget: a key waits only for the one before it,
# which it could not overtake anyway (a dialog mounted for the first time takes 20-40 ms, the
# note editor on the Bible, bench (e)). At 60 ms, keys overtook under a CPU hog on both cores.
LANDING_LIMIT_S = 0.5


async def let_the_key_land(app: App, key: events.Key) -> None:
    if not app.message_queue_size:  # nothing typed behind this key
        return
    queue = app._message_queue  # the app's own, which this coroutine is serving
    deadline = time.monotonic() + LANDING_LIMIT_S
    while time.monotonic() < deadline:
        await asyncio.sleep(0)  # each widget with messages handles one
        if key in queue.values:  # back from the widgets untaken: its binding now, not behind the rest
            queue.values.remove(key)
            if not queue.values:
                queue.ready_event.clear()
            await app._dispatch_message(key)
            continue
        try:
            nodes = app.screen.walk_children(with_self=True)
        except NoScreen:
            return
        if not any(node.message_queue_size for node in nodes):
            return
