"""(g) The library at scale: the four ratios of issue 13, each printed with both sides.

    python -m bench.library [--quick] [--count N]

g1  first rows of a 10,000-briefing library on screen / a bare Textual DataTable app, same rows
g2  one index update with 10,000 records / with 10
g3  a search (first page) over 10,000 briefings (~60 MB) / over the 10 that hold that page, and its
    absolute latency
g4  background analysis of a library (words/s, the batch path with every core) / `briefing
    analyze --jobs 1`
g5  the event loop's worst lag while a library is analysed in the background (keys <= 100 ms)
g6  the 10 s rescan of a 10,000-file library: its time, its share of a core, the lag it causes

The 10,000 briefings are built from the seed's and the speeches' real sentences (bench.library_fixture).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import Result, child_env, child_json, interleaved, median, ms, run_child  # noqa: E402

# A name, a phrase, a prefix, two common words, a phrase with a prefix: all words the texts hold.
QUERIES = ("Erdogan", '"Black Sea"', "sanction*", "President Congress", '"American people" tax*')


def first_rows(big: Path, home: Path, rows_file: Path, rounds: int) -> Result:
    env = child_env(BRIEFING_HOME=str(home))
    ours_runs: list[dict] = []
    bare_runs: list[dict] = []

    def ours() -> float:
        ours_runs.append(child_json(["-m", "bench.library_child", "ours", str(big), str(home)], env))
        return ours_runs[-1]["painted_ms"]

    def bare() -> float:
        bare_runs.append(child_json(["-m", "bench.library_child", "bare", str(rows_file)], env))
        return bare_runs[-1]["painted_ms"]

    ours_ms, bare_ms = interleaved(ours, bare, rounds)
    ratio = median(ours_ms) / median(bare_ms)
    return Result(
        "(g1) first rows, library of 10,000 / bare DataTable", f"{ratio:.2f}x", "<= 1.5x", ratio <= 1.5,
        [f"library {median(ours_ms):.0f} ms ({ours_runs[-1]['rows']} rows, {ours_runs[-1]['pending']} pending) "
         f"vs bare DataTable {median(bare_ms):.0f} ms ({bare_runs[-1]['rows']} rows), medians of {rounds}"],
    )


def index_update(big_home: Path, big_keys: list[str], small_home: Path, small_keys: list[str], puts: int, rounds: int) -> Result:
    from store.index import LibraryIndex
    from store.paths import library_index_dir

    big, small = LibraryIndex(library_index_dir(str(big_home))), LibraryIndex(library_index_dir(str(small_home)))
    chooser = random.Random(7)

    def per_put(index: LibraryIndex, keys: list[str]) -> float:
        records = [index.get(chooser.choice(keys)) for _ in range(puts)]
        start = time.perf_counter()
        for record in records:
            index.put({**record, "words": record["words"] + 1})
        return (time.perf_counter() - start) / puts

    big_times, small_times = interleaved(lambda: per_put(big, big_keys), lambda: per_put(small, small_keys), rounds)
    ratio = median(big_times) / median(small_times)
    return Result(
        "(g2) index update, 10,000 records / 10", f"{ratio:.2f}x", "<= 1.5x", ratio <= 1.5,
        [f"{median(big_times) * 1000:.2f} ms vs {median(small_times) * 1000:.2f} ms per update "
         "(one shard rewritten atomically + one manifest line, both fsynced)"],
    )


def search(big_home: Path, small_home: Path, work: Path, rounds: int) -> list[Result]:
    """Each query's first page over 10,000 briefings against the same query over 10 briefings that
    hold that very page: the 10 are the big library's hits, so both sides rank, fetch and mark
    10 hits and the ratio is what 9,990 more briefings cost. Over the 10 generated briefings (the
    small library of g2) a query may match none, and "0 hits in 0.03 ms" measures no search: those
    are printed too, as they are, without a verdict."""
    from store import search_rank
    from store.paths import search_index_path
    from store.search import PAGE, SearchIndex, parse

    big, small = SearchIndex(search_index_path(str(big_home))), SearchIndex(search_index_path(str(small_home)))
    folder = search_index_path(str(big_home))
    size = sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())

    def timed(index: SearchIndex, query: str) -> float:
        start = time.perf_counter()
        index.search(query)
        return time.perf_counter() - start

    def way(index: SearchIndex, query: str) -> str:
        """How store.search_rank found the page: the full ranking scores every match."""
        searcher, ranking = index.ranking(parse(query))
        if ranking.fewest < search_rank.FEW_MATCHES:
            return "by the full ranking"
        return "by the title search alone" if search_rank.page(searcher, ranking, PAGE)[1] else "by the title search and the merge"

    ratios, worst, lines, plain = [], 0.0, [], []
    for number, query in enumerate(QUERIES):
        page = big.search(query)
        same = SearchIndex(search_index_path(str(work / f"page-home-{number}")))
        same.put_many([(hit.path, "", hit.title, hit.date, Path(hit.path).read_text(encoding="utf-8")) for hit in page])
        big_times, same_times = interleaved(lambda: timed(big, query), lambda: timed(same, query), rounds)
        small_times = [timed(small, query) for _ in range(rounds)]
        ratios.append(median(big_times) / median(same_times))
        worst = max(worst, median(big_times))
        lines.append(f"{query}: {median(big_times) * 1000:.2f} ms vs {median(same_times) * 1000:.2f} ms "
                     f"({ratios[-1]:.2f}x), {len(page)} hits each; {big.count(query):,} of 10,000 match; "
                     f"page found {way(big, query)} vs {way(same, query)}")
        plain.append(f"{query} {median(small_times) * 1000:.2f} ms ({small.count(query)} of 10 match)")
    ratio = max(ratios)
    segments = big.ranking(parse("x"))[0].num_segments
    return [
        Result("(g3) search first page, 10,000 briefings / 10 holding it (worst query)", f"{ratio:.2f}x", "<= 1.5x",
               ratio <= 1.5, [f"index {size / 1e6:.0f} MB (tantivy + texts), {segments} segments", *lines,
                              "over the 10 generated briefings instead: " + "; ".join(plain)]),
        Result("(g3) search first page over 10,000 briefings (worst query)", ms(worst), "<= 100 ms", worst <= 0.1),
    ]


def rescan(big: Path, home: Path, rounds: int) -> Result:
    """The 10 s rescan (how the library sees files added, changed or removed) on 10,000 files: its
    time in its thread, and the worst lag it causes meanwhile on a main thread that ticks every
    millisecond (as the app's event loop would, minus the app): the interpreter lock it takes."""
    import threading

    from analysis.library.folder import Library
    from tui.screens.library.watch import RESCAN_SECONDS

    library = Library(big, data_dir=str(home))
    known = {row.key: row for row in library.indexed_rows()}
    library.rescan(known)  # the first scan sets what the next compares with (the app does this)
    times, lags = [], []
    for _ in range(rounds):
        done = threading.Event()
        took: list[float] = []

        def scan() -> None:
            start = time.perf_counter()
            library.rescan(known)
            took.append(time.perf_counter() - start)
            done.set()

        worst = 0.0
        thread = threading.Thread(target=scan)
        thread.start()
        while not done.is_set():
            before = time.perf_counter()
            time.sleep(0.001)
            worst = max(worst, time.perf_counter() - before - 0.001)
        thread.join()
        times.append(took[0])
        lags.append(worst)
    share = median(times) / RESCAN_SECONDS
    seen_after, idle_cpu = watched(big)
    return Result(
        f"(g6) rescan of {len(known):,} files every {RESCAN_SECONDS:.0f} s, the lag it causes", f"{max(lags) * 1000:.0f} ms",
        "<= 100 ms", max(lags) <= 0.1,
        [f"{median(times) * 1000:.0f} ms in its thread (median of {rounds}), {share:.1%} of one core; worst lag "
         f"of a 1 ms ticker on the main thread meanwhile {median(lags) * 1000:.1f} ms median, "
         f"{max(lags) * 1000:.1f} ms at most",
         f"watching instead (what the library does): a new file seen {seen_after * 1000:.0f} ms after it is "
         f"written (debounce included), {idle_cpu * 1000:.0f} ms of CPU in 2 s while nothing changes"],
    )


def watched(big: Path) -> tuple[float, float]:
    """The watcher on the same 10,000 files: how soon a new file is seen, and its CPU time idle."""
    import threading

    from tui.screens.library.watch import folder_changes

    stop, seen = threading.Event(), threading.Event()

    def watch() -> None:
        for _count in folder_changes(big, stop):
            seen.set()

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    time.sleep(1.0)  # the watcher sets up its watches
    cpu = time.process_time()
    time.sleep(2.0)
    idle = time.process_time() - cpu
    start = time.perf_counter()
    (big / "part-000" / "watched-new.md").write_text("# New\n\nA briefing added while watched.\n", encoding="utf-8")
    seen.wait(10)
    after = time.perf_counter() - start
    stop.set()
    thread.join(2)
    return after, idle


_LIBRARY_RUN = """
import json, os, sys, threading, time
start = time.perf_counter()
from analysis.library.folder import Library
from analysis.library.worker import analyse_apart
library = Library(sys.argv[1])
rows = library.rows()
done = []
def work():  # the app's path: the misses analysed in a child process, every core
    done.extend(analyse_apart(library, [r.key for r in library.pending(rows)], jobs=os.cpu_count() or 1))
worker = threading.Thread(target=work)  # off the main thread, as the app's worker runs it
worker.start(); worker.join()
print(json.dumps({"seconds": time.perf_counter() - start, "briefings": len(done)}))
"""


def throughput(texts: list[tuple[str, str]], work: Path) -> Result:
    folder = work / "speeches"
    folder.mkdir()
    words = 0
    for name, text in texts:
        (folder / f"{Path(name).stem}.txt").write_text(text, encoding="utf-8")
        words += len(text.split())
    library_home, analyze_home = work / "library-home", work / "analyze-home"
    library_run = child_json(["-c", _LIBRARY_RUN, str(folder)], child_env(BRIEFING_HOME=str(library_home)), timeout=3600)
    start = time.perf_counter()
    run_child(["-m", "tui.cli", "analyze", str(folder), "--jobs", "1", "--json"], child_env(BRIEFING_HOME=str(analyze_home)), timeout=3600)
    analyze_seconds = time.perf_counter() - start
    ours, theirs = words / library_run["seconds"], words / analyze_seconds
    ratio = ours / theirs
    return Result(
        f"(g4) background analysis / analyze --jobs 1 ({os.cpu_count()} cores)", f"{ratio:.2f}x", ">= 1x",
        ratio >= 1.0,
        [f"library {ours:,.0f} words/s ({library_run['seconds']:.1f} s) vs analyze --jobs 1 {theirs:,.0f} words/s "
         f"({analyze_seconds:.1f} s), {words:,} words in {len(texts)} speeches, model load included on both sides"],
    )


def background_lag(texts: list[tuple[str, str]], work: Path) -> Result:
    folder = work / "lag-speeches"
    folder.mkdir()
    for name, text in texts:
        (folder / f"{Path(name).stem}.txt").write_text(text, encoding="utf-8")
    home = work / "lag-home"
    report = child_json(["-m", "bench.library_child", "lag", str(folder), str(home)], child_env(BRIEFING_HOME=str(home)), timeout=3600)
    worst = report["worst_ms"]
    return Result(
        "(g5) worst event-loop lag while the library analyses", f"{worst:.0f} ms", "<= 100 ms", worst <= 100,
        [f"p99 {report['p99_ms']:.0f} ms over {report['seconds']:.0f} s, {report['analysed']} of {len(texts)} "
         "speeches analysed in the background (what a key waits at most)",
         "stalls over 50 ms (s in, ms): " + (", ".join(f"{at}: {lag}" for at, lag in report["stalls"]) or "none")],
    )


def main(argv: list[str] | None = None) -> int:
    from bench.library_fixture import build, real_actors, real_sentences, rows_for_bare_table
    from bench.run import show
    from bench.texts import speeches

    parser = argparse.ArgumentParser(prog="python -m bench.library", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds, a smaller analysis throughput run")
    parser.add_argument("--count", type=int, default=10_000, help="briefings in the large library (default 10,000)")
    parser.add_argument("--only", default="123456", help="which of g1-g6, e.g. '23'")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="briefing-bench-library-"))
    try:
        if set(args.only) & set("1236"):
            started = time.perf_counter()
            sentences = real_sentences()
            actors = real_actors(work / "actors-home")
            big_home, small_home = work / "big-home", work / "small-home"
            big_keys = build(work / "big", big_home, args.count, sentences, actors)
            small_keys = build(work / "small", small_home, 10, sentences, actors)
            rows_file = work / "rows.json"
            rows_for_bare_table(big_home, rows_file)
            print(f"built {args.count:,} + 10 briefings from {len(sentences):,} real sentences in {time.perf_counter() - started:.0f} s")
        if "1" in args.only:
            show(first_rows(work / "big", big_home, rows_file, rounds=3 if args.quick else 5))
        if "2" in args.only:
            show(index_update(big_home, big_keys, small_home, small_keys, puts=30 if args.quick else 100, rounds=5 if args.quick else 9))
        if "3" in args.only:
            # 51 rounds, not 11: a query is ~0.5 ms, and medians of 11 moved one query from 1.18x
            # to 1.50x between two runs of the same code (load 1.5); 51 cost half a second.
            for result in search(big_home, small_home, work, rounds=15 if args.quick else 51):
                show(result)
        if "6" in args.only:
            show(rescan(work / "big", big_home, rounds=3 if args.quick else 7))
        if "5" in args.only:
            show(background_lag(speeches(100_000 if args.quick else 300_000), work))
        if "4" in args.only:
            show(throughput(speeches(150_000 if args.quick else 600_000), work))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
