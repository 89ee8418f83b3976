"""Child process: from process start to a library's first rows painted, ours or a bare DataTable.

    python -m bench.library_child ours FOLDER HOME   # BriefingApp on the library (data in HOME)
    python -m bench.library_child bare ROWS.json     # an App whose only widget is a DataTable
    python -m bench.library_child lag FOLDER HOME    # worst event-loop lag while it analyses

Prints one JSON object. "Painted" is the first time the table renders lines while it holds rows,
timed from this process's first line, so both sides pay for their imports.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import asyncio  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402

SIZE = (120, 36)
painted: dict[str, float] = {}


def watch_paint(table_class: type) -> None:
    original = table_class.render_lines

    def render_lines(self, crop):
        strips = original(self, crop)
        if "first" not in painted and self.row_count and any(strip.text.strip() for strip in strips):
            painted["first"] = time.perf_counter()
        return strips

    table_class.render_lines = render_lines


async def wait_for(pilot, condition, limit: float = 300.0) -> None:
    deadline = time.perf_counter() + limit
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the app did not get there")
        await pilot.pause(0.005)


async def ours(folder: str, home: str, report: dict) -> None:
    from analysis.library.folder import Library
    from tui.app import BriefingApp
    from tui.widgets.library_table import LibraryTable

    watch_paint(LibraryTable)
    app = BriefingApp(library=Library(folder, data_dir=home), data_dir=home, jobs=1, started=STARTED)
    async with app.run_test(headless=True, size=SIZE) as pilot:
        await wait_for(pilot, lambda: "first" in painted)
        report["painted_ms"] = (painted["first"] - STARTED) * 1000
        report["rows"] = app.screen.table.row_count
        report["pending"] = sum(row.state == "pending" for row in app.screen.rows.values())


async def bare(rows_path: str, report: dict) -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable

    watch_paint(DataTable)

    class Bare(App):
        def compose(self) -> ComposeResult:
            yield DataTable(cursor_type="row")

        def on_mount(self) -> None:
            with open(rows_path, encoding="utf-8") as handle:
                header, *rows = json.load(handle)
            table = self.query_one(DataTable)
            table.add_columns(*header)
            table.add_rows(rows)

    app = Bare()
    async with app.run_test(headless=True, size=SIZE) as pilot:
        await wait_for(pilot, lambda: "first" in painted)
        report["painted_ms"] = (painted["first"] - STARTED) * 1000
        report["rows"] = app.query_one(DataTable).row_count


async def lag(folder: str, home: str, report: dict) -> None:
    """The library over briefings not analysed yet: the event loop's worst lag (what any key
    would wait) while the background analysis runs, sampled every 10 ms until it is done."""
    from analysis.library.folder import Library
    from tui.app import BriefingApp

    app = BriefingApp(library=Library(folder, data_dir=home), data_dir=home, started=STARTED)
    async with app.run_test(headless=True, size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.ready_ms is not None)
        lags: list[float] = []
        stalls: list[tuple[float, int]] = []  # (seconds in, ms) of each lag over 50 ms
        started = time.perf_counter()
        await pilot.pause(0.05)
        while app.screen.scanning or app.screen.progress is not None:
            before = time.perf_counter()
            await asyncio.sleep(0.01)
            lags.append(time.perf_counter() - before - 0.01)
            if lags[-1] > 0.05:
                stalls.append((round(before - started, 2), round(lags[-1] * 1000)))
            if time.perf_counter() - started > 1800:
                raise TimeoutError("the background analysis did not finish")
        lags.sort()
        report["seconds"] = time.perf_counter() - started
        report["worst_ms"] = lags[-1] * 1000 if lags else 0.0
        report["p99_ms"] = lags[int(len(lags) * 0.99)] * 1000 if lags else 0.0
        report["stalls"] = stalls[:20]
        report["analysed"] = sum(row.indexed for row in app.screen.rows.values())


def main() -> None:
    mode, *args = sys.argv[1:]
    report: dict = {"mode": mode}
    runs = {"ours": ours, "bare": bare, "lag": lag}
    asyncio.run(runs[mode](*args, report))
    print(json.dumps(report))


if __name__ == "__main__":
    main()
