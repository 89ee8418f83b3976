"""Child process: from process start to a library's first rows painted, ours or a bare DataTable.

    python -m bench.library_child ours FOLDER HOME   # BriefingApp on the library (data in HOME)
    python -m bench.library_child bare ROWS.json     # an App whose only widget is a DataTable

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
    from analysis.library import Library
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


def main() -> None:
    mode, *args = sys.argv[1:]
    report: dict = {"mode": mode}
    asyncio.run(ours(*args, report) if mode == "ours" else bare(*args, report))
    print(json.dumps(report))


if __name__ == "__main__":
    main()
