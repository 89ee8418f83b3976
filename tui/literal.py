"""Text from outside (a briefing, a note, a file name, a config value), made safe to show.

Shown literally, never interpreted:
- Rich/Textual markup: text is wrapped in `rich.text.Text` (never `Text.from_markup`), or escaped
  with `literal_markup` where Textual only takes a markup string (border titles, the app's title);
- control characters: swapped for their visible Unicode "control picture", one character for
  one, so character offsets into the text stay valid. An escape sequence in a briefing would
  otherwise recolour, move, clear or retitle the user's terminal;
- bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): shown as U+FFFD, since
  they reorder what follows them on the line and can make a name or a path read as another.

This is the one mapping the app uses: the document pane, every list, dialog, status line and
toast, and the inputs (`tui/widgets/literal_inputs.py`), which show what they hold through it
while keeping the value exactly as typed.

`for_stream` applies it only where a person reads: on a terminal. A file or a pipe gets the
exact text (Markdown stays the user's words, JSON escapes what it must itself). Importing this
module imports neither textual nor rich (the CLI's error lines use it).
"""

from __future__ import annotations

import re
TYPE_CHECKING = False  # typing's constant without importing typing: ~3 ms of a cached `briefing analyze`
if TYPE_CHECKING:
    from typing import TextIO

    from rich.text import Text

_C0 = {code: 0x2400 + code for code in range(0x20) if chr(code) not in "\n"}
_C0[0x09] = ord(" ")  # a tab is whitespace to a reader: keep the wrap, not a symbol
_C0[0x7F] = 0x2421  # DEL
_C1 = {code: 0xFFFD for code in range(0x80, 0xA0)}
BIDI_CONTROLS = (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
_BIDI = {code: 0xFFFD for code in BIDI_CONTROLS}
_TABLE = {**_C0, **_C1, **_BIDI}
_UNSAFE = re.compile("[" + "".join(re.escape(chr(code)) for code in _TABLE) + "]")


def literal(text: str) -> str:
    """`text` with control and bidi characters replaced one-for-one by visible symbols."""
    # A scan is ~13x faster than translate on clean text, and nearly all text is clean.
    return text.translate(_TABLE) if _UNSAFE.search(text) else text


def literal_line(text: str) -> str:
    """One line for a terminal: like `literal`, and a newline shown as ⏎ (a line stays a line)."""
    return literal(text).replace("\n", "\u23ce")


def is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed, or a stand-in without isatty
        return False


def for_stream(text: str, stream: TextIO) -> str:
    """`text` made safe when `stream` is a terminal; exactly `text` for a file or a pipe."""
    return literal(text) if is_terminal(stream) else text


def literal_text(text: str, style: str = "") -> Text:
    """A Rich Text that shows `text` exactly as written: no markup, no escape sequences."""
    from rich.text import Text

    return Text(literal(text), style=style, no_wrap=False, end="")


def literal_markup(text: str) -> str:
    """`text` for a place that only takes a markup string (a border title, the app's title):
    escaped, so `[b]` or `[link=…]` in it is shown, not parsed; on one line."""
    from rich.markup import escape

    return escape(literal_line(text))


def toast(target, message: str, *, title: str = "", severity: str = "information", timeout: float = 15) -> None:
    """`target.notify` (an app, screen or widget) with the message and title shown literally."""
    target.notify(literal(message), title=literal_line(title), severity=severity, timeout=timeout, markup=False)
