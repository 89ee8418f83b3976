"""Child process: from process start to a briefing's text painted, in our app or a bare Textual app.

    python -m bench.app_child ours PATH    # BriefingApp (data from BRIEFING_HOME)
    python -m bench.app_child bare PATH    # an App whose only widget is Static(text)

Prints one JSON object. "Painted" is the first time the widget that shows the text renders lines
holding text (DocumentView.render_lines / Static.render_lines), timed from this process's first
line, so both sides pay for their imports.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import asyncio  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402

SIZE = (120, 36)
painted: dict[str, float] = {}


def watch_paint(widget_class: type) -> None:
    """Record when `widget_class` first renders a line with text in it."""
    original = widget_class.render_lines

    def render_lines(self, crop):
        strips = original(self, crop)
        if "first" not in painted and any(strip.text.strip() for strip in strips):
            painted["first"] = time.perf_counter()
            painted["cpu"] = time.process_time()  # this process's CPU to the paint: the load moves it less
        return strips

    widget_class.render_lines = render_lines


async def wait_for(pilot, condition, limit: float = 120.0) -> None:
    deadline = time.perf_counter() + limit
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the app did not get there")
        await pilot.pause(0.005)


async def ours(path: str, report: dict) -> None:
    from tui import startup_gc

    startup_gc.pause()  # as `briefing FILE` does first (tui/cli/open.py), until the first paint
    from analysis.documents import read_document
    from tui.app import BriefingApp
    from tui.widgets.document.view import DocumentView

    watch_paint(DocumentView)
    app = BriefingApp(read_document(path), started=STARTED)
    async with app.run_test(headless=True, size=SIZE) as pilot:
        await wait_for(pilot, lambda: "first" in painted and app.ready_ms is not None)
        report["painted_ms"] = (painted["first"] - STARTED) * 1000
        report["painted_cpu_ms"] = painted["cpu"] * 1000
        report["ready_ms"] = app.ready_ms


async def bare(path: str, report: dict) -> None:
    from textual.app import App, ComposeResult
    from textual.containers import VerticalScroll
    from textual.widgets import Static

    text = open(path, encoding="utf-8").read()
    watch_paint(Static)

    class Bare(App):
        def compose(self) -> ComposeResult:
            with VerticalScroll():
                yield Static(text, markup=False)

    app = Bare()
    async with app.run_test(headless=True, size=SIZE) as pilot:
        await wait_for(pilot, lambda: "first" in painted)
        report["painted_ms"] = (painted["first"] - STARTED) * 1000
        report["painted_cpu_ms"] = painted["cpu"] * 1000


def main() -> None:
    mode, path = sys.argv[1], sys.argv[2]
    report: dict = {}
    modes = {"ours": ours, "bare": bare}
    asyncio.run(modes[mode](path, report))
    report["spacy_imported"] = "spacy" in sys.modules
    print(json.dumps(report))


if __name__ == "__main__":
    main()
