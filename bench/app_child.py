"""Child process: from process start to a briefing's text painted, in our app or a bare Textual app.

    python -m bench.app_child ours PATH    # BriefingApp (data from BRIEFING_HOME)
    python -m bench.app_child bare PATH    # an App whose only widget is Static(text)
    python -m bench.app_child big PATH     # ours, then scroll to the end, page, find; then quit
    python -m bench.app_child big-wait PATH  # the same, then wait for the analysis to finish

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
from functools import partial  # noqa: E402

SIZE = (120, 36)
painted: dict[str, float] = {}


def watch_paint(widget_class: type) -> None:
    """Record when `widget_class` first renders a line with text in it."""
    original = widget_class.render_lines

    def render_lines(self, crop):
        strips = original(self, crop)
        if "first" not in painted and any(strip.text.strip() for strip in strips):
            painted["first"] = time.perf_counter()
        return strips

    widget_class.render_lines = render_lines


async def wait_for(pilot, condition, limit: float = 120.0) -> None:
    deadline = time.perf_counter() + limit
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the app did not get there")
        await pilot.pause(0.005)


async def ours(path: str, report: dict) -> None:
    from analysis.documents import read_document
    from tui.app import BriefingApp
    from tui.widgets.document.view import DocumentView

    watch_paint(DocumentView)
    app = BriefingApp(read_document(path), started=STARTED)
    async with app.run_test(headless=True, size=SIZE) as pilot:
        await wait_for(pilot, lambda: "first" in painted and app.ready_ms is not None)
        report["painted_ms"] = (painted["first"] - STARTED) * 1000
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


async def big(path: str, report: dict, *, wait: bool = False) -> None:
    """Open a large briefing, then move around it as a reader would: each key timed to its repaint.

    Keys go to the driver as a terminal's would; the time is taken until the document view has
    painted the new position. (Pilot's `press` waits for the process to go idle, which never
    happens while the analysis runs in the background, so it is not used for timing.) A ticker
    records the event loop's worst lag meanwhile: any stall, whatever its cause.
    """
    from textual import events

    from analysis.documents import read_document
    from tui.app import BriefingApp
    from tui.widgets.document.view import DocumentView

    renders: list[tuple[float, float]] = []  # (time, scroll_y) of each document paint
    original = DocumentView.render_lines

    def render_lines(self, crop):
        strips = original(self, crop)
        renders.append((time.perf_counter(), self.scroll_y))
        if "first" not in painted and any(strip.text.strip() for strip in strips):
            painted["first"] = time.perf_counter()
        return strips

    DocumentView.render_lines = render_lines
    document = read_document(path)
    app = BriefingApp(document, started=STARTED)
    async with app.run_test(headless=True, size=SIZE) as pilot:
        await wait_for(pilot, lambda: "first" in painted and app.ready_ms is not None)
        report["painted_ms"] = (painted["first"] - STARTED) * 1000
        view = app.screen.query_one(DocumentView)
        await wait_for(pilot, lambda: view.layout is not None)
        lags: list[float] = []

        async def ticker() -> None:
            while True:
                before = time.perf_counter()
                await asyncio.sleep(0.01)
                lags.append(time.perf_counter() - before - 0.01)

        ticking = asyncio.create_task(ticker())

        async def key(name: str, character: str | None) -> float:
            before_y = view.scroll_y
            start = time.perf_counter()
            event = events.Key(name, character)
            event.set_sender(app)
            app._driver.send_message(event)
            deadline = start + 60
            while time.perf_counter() < deadline:
                await asyncio.sleep(0.001)
                if view.scroll_y != before_y and any(
                    t > start and y == view.scroll_y for t, y in renders[-50:]
                ):
                    break
            return (time.perf_counter() - start) * 1000

        report["end_ms"] = await key("G", "G")
        report["at_end"] = view.scroll_y >= view.max_scroll_y - 1
        report["page_ms"] = max([await key("b", "b") for _ in range(10)])
        report["line_ms"] = max([await key("k", "k") for _ in range(10)])
        report["top_ms"] = await key("g", "g")
        start = time.perf_counter()
        report["find_matches"] = view.find("Jesus wept")
        await asyncio.sleep(0)
        while not any(t > start for t, _ in renders[-5:]):
            await asyncio.sleep(0.001)
        report["find_ms"] = (time.perf_counter() - start) * 1000
        report["max_lag_ms"] = max(lags) * 1000 if lags else 0.0
        screen = app.screen
        if wait:
            # The ticker keeps running: the analysis arriving must not stall the loop either.
            lags.clear()
            started = time.perf_counter()
            await wait_for(
                pilot,
                lambda: screen.analysis is not None or "fail" in str(screen.status.analysis_state),
                limit=3600,
            )
            report["analysis_wait_s"] = time.perf_counter() - started
            await asyncio.sleep(0.5)
            report["analysis_lag_ms"] = max(lags) * 1000 if lags else 0.0
            report["end_after_analysis_ms"] = await key("G", "G")
        ticking.cancel()
        report["analysis_state"] = str(screen.status.analysis_state)
        quitting = time.perf_counter()
    report["quit_ms"] = (time.perf_counter() - quitting) * 1000


def main() -> None:
    mode, path = sys.argv[1], sys.argv[2]
    report: dict = {}
    modes = {"ours": ours, "bare": bare, "big": big, "big-wait": partial(big, wait=True)}
    asyncio.run(modes[mode](path, report))
    report["spacy_imported"] = "spacy" in sys.modules
    print(json.dumps(report))


if __name__ == "__main__":
    main()
