"""A screen's mount (or resume) handler that reaches into what the screen composed, kept from a
quit.

A quit in the same turn as a push (`a` then ctrl+q in one read from the terminal) has Textual
close the new screen before its composed widgets mount, and still send the screen its Mount (and
ScreenResume): a `query_one` there found nothing and the exit printed a traceback, on ten of the
thirteen screens (`tests/tui/test_hostile_input.py::test_quitting_as_each_screen_opens_raises_nothing`).
Textual's `is_attached` turns False as `App.exit` is called, which is the moment that matters.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

from textual.dom import DOMNode

Node = TypeVar("Node", bound=DOMNode)


def skip_if_quitting(handler: Callable[[Node], None]) -> Callable[[Node], None]:
    @functools.wraps(handler)
    def unless_quitting(node: Node) -> None:
        if node.is_attached:
            handler(node)

    return unless_quitting
