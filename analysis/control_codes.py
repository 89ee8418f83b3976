"""Terminal control codes taken out of a text before it is tagged, and offsets mapped back.

Text copied from a terminal (a log, `script` output, a page scraped with its colours) carries
ECMA-48 sequences: `ESC [ 31 m` colours what follows, `ESC ] 0 ; title BEL` retitles the window.
The app shows them literally (`tui/literal.py`), but the model read them as text: a coloured "RED"
became the person "31mRED", and a sentence ended inside `ESC [ 0 m`. Blanked to spaces they still
cost names: "met ESC[4mAntony Blinken" read as "met      Antony Blinken" is no person to the small
English model, "met Antony Blinken" is (tests/analysis/test_control_codes.py). So the model reads
the text as a terminal shows it, the codes gone, and `Kept` maps its offsets back to the text as
written, where the app shows and anchors them. The actor layer reads the text as written with
each code `blanked`, one space per character: its rules slice the text at the model's offsets,
and a name read through a code ("RED ESC[0m The") was cut at the code's bracket into "0m The".
"""

from __future__ import annotations

import bisect
import re

from analysis.record import Record

# ECMA-48 § 5.4: CSI, parameter bytes 0x30-0x3F, intermediate bytes 0x20-0x2F, a final 0x40-0x7E;
# 8-bit CSI is U+009B.
_CSI = r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
# § 5.6: a control string (OSC, DCS, SOS, PM, APC: ESC ] P X ^ _, or their 8-bit forms) runs to the
# string terminator (ESC \ or U+009C); xterm also ends OSC at BEL. Unterminated, it runs to the line end.
_STRING = r"(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"
# Any other escape: intermediates, then one final byte (ESC ( B, ESC 7, ESC c).
_OTHER_ESCAPE = r"\x1b[ -/]*[0-~]?"
# What is left: the C0 and C1 controls that are not whitespace to a reader (tab, line feed,
# carriage return and form feed are).
_CONTROL = r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]"
# Compiled on first use, by `re`'s own cache: a cached open imports this module (through
# analysis.pipeline) and never tags, and compiling both took 0.5 ms of it (python -X importtime).
_CODES = "|".join((_CSI, _STRING, _OTHER_ESCAPE, _CONTROL))
_ANY_CONTROL = _CONTROL + r"|\x1b"


class Kept(Record):
    """Where each run of a piece's shown text starts, there and in the piece as written."""

    __slots__ = ("shown_starts", "written_starts")

    def __init__(self, shown_starts: list[int], written_starts: list[int]) -> None:
        self.shown_starts = shown_starts
        self.written_starts = written_starts

    def start(self, shown: int) -> int:
        """Where a span starting at `shown` starts as written: after any codes before it."""
        run = bisect.bisect_right(self.shown_starts, shown) - 1
        return self.written_starts[run] + shown - self.shown_starts[run]

    def end(self, shown: int) -> int:
        """Where a span ending at `shown` ends as written: before any codes after it."""
        run = max(0, bisect.bisect_left(self.shown_starts, shown) - 1)
        return self.written_starts[run] + shown - self.shown_starts[run]


def shown(piece: str) -> tuple[str, Kept | None]:
    """`piece` without its control codes, and the map back; (`piece`, None) when it has none."""
    if re.search(_ANY_CONTROL, piece) is None:  # nearly every piece: one scan, no copy
        return piece, None
    runs: list[str] = []
    shown_starts: list[int] = []
    written_starts: list[int] = []
    length = written = 0
    for code in re.finditer(_CODES, piece):
        if code.start() > written:
            shown_starts.append(length)
            written_starts.append(written)
            runs.append(piece[written:code.start()])
            length += code.start() - written
        written = code.end()
    shown_starts.append(length)  # the run after the last code, empty when the piece ends in one
    written_starts.append(written)
    runs.append(piece[written:])
    return "".join(runs), Kept(shown_starts, written_starts)


def blanked(text: str) -> str:
    """`text` with each control code replaced by as many spaces: the same offsets, no codes."""
    if re.search(_ANY_CONTROL, text) is None:
        return text
    return re.sub(_CODES, lambda code: " " * len(code.group()), text)
