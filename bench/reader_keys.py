"""Child process: every reader key of issue 14 on a large briefing, each timed to its repaint.

    python -m bench.reader_keys PATH           # keys while the analysis runs (or is read back)
    python -m bench.reader_keys PATH --wait    # then wait for it, and the keys again, with actors

Prints one JSON object: per phase, the slowest time of each key (from the key reaching the app to
the first screen update after what it does is done), and the event loop's worst lag (a ticker
sleeping 10 ms), which catches any stall whatever its cause: a key, a worker holding the GIL, the
analysis arriving. Keys are sent to the driver as a terminal's would be; Pilot's `press` waits for
the app to go idle, which never happens while the analysis runs in the background.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import asyncio
import json
import sys
from pathlib import Path

SIZE = (120, 36)
REPEATS = 5  # of each key that moves (j, space, ]); the worst one is reported


class Clock:
    """When the app last wrote a screen update, and the ticker's lags."""

    def __init__(self) -> None:
        self.displays: list[float] = []
        self.lags: list[float] = []

    def install(self) -> None:
        from textual.app import App

        original = App._display
        clock = self

        def _display(app, screen, renderable):
            original(app, screen, renderable)
            clock.displays.append(time.perf_counter())

        App._display = _display

    sampler: StallSampler | None = None

    async def tick(self) -> None:
        while True:
            before = time.perf_counter()
            await asyncio.sleep(0.01)
            now = time.perf_counter()
            self.lags.append(now - before - 0.01)
            if self.sampler is not None:
                self.sampler.last_tick = now


class StallSampler:
    """A thread that, while the event loop has not ticked for STALL_S, samples every thread's stack:
    what the UI thread is doing then, and what the worker holding the GIL is. Printed to stderr."""

    STALL_S = 0.05

    def __init__(self, clock: Clock) -> None:
        import collections
        import threading

        self.clock = clock
        self.last_tick = time.perf_counter()
        self.samples: collections.Counter = collections.Counter()
        self.main = threading.main_thread().ident
        self.stopped = False
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import traceback

        while not self.stopped:
            time.sleep(0.01)
            if time.perf_counter() - self.last_tick < self.STALL_S:
                continue
            for ident, frame in sys._current_frames().items():
                stack = traceback.extract_stack(frame)
                ours = [
                    f"{Path(f.filename).name}:{f.lineno} {f.name}"
                    for f in stack
                    if not any(part in f.filename for part in ("asyncio", "threading.py", "runpy", "reader_keys"))
                ][-7:]
                who = "UI" if ident == self.main else "worker"
                if ours:
                    self.samples[(who, " < ".join(reversed(ours)))] += 1

    def report(self) -> None:
        for (who, stack), count in self.samples.most_common(25):
            print(f"{count:5d} x10ms {who}: {stack}", file=sys.stderr)


async def settle(condition, limit: float) -> float | None:
    """Wait for `condition()`; the time of the last check at which it was still false (or None if
    it never held): what it waits for happened after that, so did the screen update showing it."""
    deadline = time.perf_counter() + limit
    last_false = time.perf_counter()
    while not condition():
        if time.perf_counter() > deadline:
            return None
        last_false = time.perf_counter()
        await asyncio.sleep(0.002)
    return last_false


async def timed_key(app, clock: Clock, name: str, character: str | None, done, limit: float = 30.0) -> float:
    """ms from sending key `name` to the first screen update after `done()` holds.

    Also recorded in CPU_MS: the UI thread's own CPU time over the same span, which a busy shared
    machine does not inflate (a wall time far above it is the machine, or another thread)."""
    from textual import events

    cpu = time.thread_time()
    ticks = len(clock.lags)
    start = time.perf_counter()
    event = events.Key(name, character)
    event.set_sender(app)
    app._driver.send_message(event)
    reached = await settle(done, limit)
    if reached is None:
        return limit * 1000
    await settle(lambda: clock.displays and clock.displays[-1] >= reached, limit)
    CPU_MS[name] = max(CPU_MS.get(name, 0.0), (time.thread_time() - cpu) * 1000)
    LAG_MS[name] = max([LAG_MS.get(name, 0.0), *(lag * 1000 for lag in clock.lags[ticks:])])
    return (time.perf_counter() - start) * 1000


CPU_MS: dict[str, float] = {}
LAG_MS: dict[str, float] = {}  # the loop's worst lag while each key was handled
BACKGROUND_MS: dict[str, float] = {}  # what a key started and a thread finished after its screen update


async def timed_resize(app, clock: Clock, view, size: tuple[int, int]) -> float:
    from textual import events
    from textual.geometry import Size

    ticks = len(clock.lags)
    before = view.wrap_width
    start = time.perf_counter()
    app._driver.process_message(events.Resize(Size(*size), Size(*size)))
    # The pane's width must have changed first: the old layout matches the old width, and the
    # check held before the resize was even handled (a resize of the 4 MB text timed at 7 ms).
    reached = await settle(
        lambda: view.wrap_width != before and view.layout is not None and view.layout.width == view.wrap_width, 30
    )
    if reached is None:
        return 30_000
    await settle(lambda: clock.displays and clock.displays[-1] >= reached, 30)
    shown = (time.perf_counter() - start) * 1000
    # A long text shows its viewport rewrapped first and the rest follows from a thread: the lag
    # counted runs until that whole layout is in, and its time is reported beside the key's.
    await settle(lambda: view.layout.complete and view.layout.width == view.wrap_width, 30)
    BACKGROUND_MS["whole text rewrapped"] = max(
        BACKGROUND_MS.get("whole text rewrapped", 0.0), (time.perf_counter() - start) * 1000
    )
    LAG_MS["resize"] = max([LAG_MS.get("resize", 0.0), *(lag * 1000 for lag in clock.lags[ticks:])])
    return shown


async def document_keys(app, clock: Clock, screen, report: dict) -> None:
    from tui.widgets.prompt_bar import PromptBar

    view = screen.document_view
    view.focus()
    await settle(lambda: app.focused is view, 5)

    def moved():
        before = view.scroll_y
        return lambda: view.scroll_y != before

    await timed_key(app, clock, "g", "g", lambda: view.scroll_y == 0)
    report["j"] = max([await timed_key(app, clock, "j", "j", moved()) for _ in range(REPEATS)])
    report["space"] = max([await timed_key(app, clock, "space", " ", moved()) for _ in range(REPEATS)])
    report["G"] = await timed_key(app, clock, "G", "G", lambda: view.scroll_y >= view.max_scroll_y - 1)
    report["g"] = await timed_key(app, clock, "g", "g", lambda: view.scroll_y == 0)
    prompt = screen.query_one(PromptBar)
    report["/"] = await timed_key(app, clock, "slash", "/", lambda: prompt.display and app.focused is prompt)
    for character in "Jesus wept":
        await timed_key(app, clock, "space" if character == " " else character, character, lambda: True)
    report["/ enter"] = await timed_key(app, clock, "enter", "\r", lambda: view.match_count > 0 and view.scroll_y > 0)
    report["a"] = await timed_key(app, clock, "a", "a", lambda: app.screen is not screen)
    await timed_key(app, clock, "escape", None, lambda: app.screen is screen)
    view.focus()
    narrow = await timed_resize(app, clock, view, (SIZE[0] - 20, SIZE[1]))
    wide = await timed_resize(app, clock, view, (SIZE[0] + 1, SIZE[1]))
    report["resize"] = max(narrow, wide)


async def actor_keys(app, clock: Clock, screen, report: dict) -> None:
    """`]` on the actor whose mentions are nearest 1,000, and `f` in the actor list."""
    actors = [a for a in screen.analysis.actors if not a.hidden]
    actor = min(actors, key=lambda a: abs(a.mentions - 1000))
    report["actor"] = f"{actor.name} ({actor.mentions} mentions)"
    actor_list = screen.actor_list
    view = screen.document_view
    await settle(lambda: actor_list.option_count == len(actors), 30)
    # Each key on its own, as a user presses them: `1` to the actors, then (the highlight moved
    # here, not by keys: the actor may be far down the list) enter once that is on screen.
    report["1 (to the actors)"] = await timed_key(app, clock, "1", "1", lambda: app.focused is actor_list)
    moved = time.perf_counter()
    actor_list.highlighted = actor_list.get_option_index(actor.id)
    await settle(lambda: clock.displays and clock.displays[-1] >= moved, 5)
    report["enter (select actor)"] = await timed_key(
        app, clock, "enter", "\r", lambda: view._marks.current_span == actor.spans[0]
    )
    view.focus()
    await settle(lambda: app.focused is view, 5)
    slowest = 0.0
    for _ in range(REPEATS):
        before = view._marks.current_span
        slowest = max(slowest, await timed_key(app, clock, "right_square_bracket", "]", lambda before=before: view._marks.current_span != before))
    report["]"] = slowest
    actor_list.focus()
    await settle(lambda: app.focused is actor_list, 5)
    report["f"] = await timed_key(app, clock, "f", "f", lambda: actor_list.kind_filter is not None)
    report["f again"] = await timed_key(app, clock, "f", "f", lambda: actor_list.kind_filter != "person")


async def run(path: str, wait: bool, report: dict) -> None:
    from analysis.documents import read_document
    from tui.app import BriefingApp

    clock = Clock()
    clock.install()
    if "--stacks" in sys.argv:
        clock.sampler = StallSampler(clock)
        clock.sampler.thread.start()
    app = BriefingApp(read_document(path), started=STARTED)
    async with app.run_test(headless=True, size=SIZE):
        await settle(lambda: clock.displays and app.ready_ms is not None, 120)
        report["painted_ms"] = (clock.displays[0] - STARTED) * 1000
        screen = app.screen
        ticking = asyncio.create_task(clock.tick())
        phase: dict = {}
        await document_keys(app, clock, screen, phase)
        phase["analysed"] = screen.analysis is not None
        phase["lag"] = max(clock.lags) * 1000
        phase["ui_cpu_ms"] = dict(CPU_MS)
        phase["key_lag_ms"] = dict(LAG_MS)
        phase["background_ms"] = dict(BACKGROUND_MS)
        CPU_MS.clear()
        LAG_MS.clear()
        BACKGROUND_MS.clear()
        report["opening"] = phase
        if wait:
            clock.lags.clear()
            started = time.perf_counter()
            await settle(lambda: screen.analysis is not None or "fail" in str(screen.status.analysis_state), 3600)
            report["analysis_wait_s"] = time.perf_counter() - started
            await asyncio.sleep(1.0)  # the rows and highlights arriving
            report["arrival_lag"] = max(clock.lags) * 1000
            clock.lags.clear()
            phase = {}
            await document_keys(app, clock, screen, phase)
            await actor_keys(app, clock, screen, phase)
            phase["lag"] = max(clock.lags) * 1000
            phase["ui_cpu_ms"] = dict(CPU_MS)
            phase["key_lag_ms"] = dict(LAG_MS)
            phase["background_ms"] = dict(BACKGROUND_MS)
            report["analysed"] = phase
        ticking.cancel()
        report["analysis_state"] = str(screen.status.analysis_state)
        if clock.sampler is not None:
            clock.sampler.stopped = True
            clock.sampler.report()


def main() -> None:
    report: dict = {}
    asyncio.run(run(sys.argv[1], "--wait" in sys.argv[2:], report))
    report["spacy_imported"] = "spacy" in sys.modules
    print(json.dumps(report))


if __name__ == "__main__":
    main()
