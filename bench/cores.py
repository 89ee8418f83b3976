"""(c) Every core on a cold analysis: one long briefing through the app's service / one raw `nlp.pipe`.

The briefing is ~400 KB of real speeches (twice the crossover of `analysis.processes`), its analysis not
cached. "Ours" is what opening it in the app runs: `AnalysisService.analysis`, which tags it over
every core and then builds actors, summary and facts; "raw" is one `nlp.pipe` process over the same
paragraphs with the same components, iterating the Docs only. Wall-clock, since the point is using
more than one core; the CPU seconds of both sides (ours: this process and its helpers) are in
the details, since on a shared machine the wall-clock ratio also says how free the cores were.
Alternated raw-then-ours, ours-then-raw; medians.
"""

from __future__ import annotations

import resource
import statistics
import tempfile
import time
from pathlib import Path

from bench.common import Result

TARGET = 1.7


def cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended (the tagging helpers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def cold_analysis(limit_chars: int = 400_000, rounds: int = 2) -> Result:
    from analysis import processes
    from analysis.formats.text import from_text
    from analysis.pipeline import chunks, load_pipeline
    from analysis.service import AnalysisService
    from bench.texts import speeches
    from store.cache import AnalysisCache

    pipeline = load_pipeline()
    document = from_text("\n\n".join(text for _, text in speeches(limit_chars)))
    pieces = [document.text[s:e] for s, e in chunks(document.text, document.paragraphs)]
    jobs = processes.cores()

    cpu: dict[str, list[float]] = {"raw": [], "ours": []}

    def raw() -> float:
        start, used = time.perf_counter(), cpu_seconds()
        for _ in pipeline.nlp.pipe(pieces, batch_size=64):
            pass
        cpu["raw"].append(cpu_seconds() - used)
        return time.perf_counter() - start

    def ours() -> float:
        with tempfile.TemporaryDirectory(prefix="briefing-bench-cold-") as folder:
            service = AnalysisService(AnalysisCache(Path(folder)))
            service._pipeline = pipeline  # loaded once, as raw's is
            start, used = time.perf_counter(), cpu_seconds()
            service.analysis(document)
            cpu["ours"].append(cpu_seconds() - used)
            return time.perf_counter() - start

    raw_s, ours_s = [], []
    for number in range(rounds):
        order = ((raw_s, raw), (ours_s, ours))
        for times, work in order if number % 2 == 0 else reversed(order):
            times.append(work())
    ratio = statistics.median(raw_s) / statistics.median(ours_s)
    return Result(
        f"(c) cold {len(document.text) / 1e3:.0f} KB briefing, {jobs} cores / raw nlp.pipe",
        f"{ratio:.2f}x faster",
        f">= {TARGET}x (2 cores)",
        ratio >= TARGET,
        [
            (
                f"ours (AnalysisService, {processes.processes_for(len(document.text), jobs)} spaCy processes, "
                f"actors and summary included) {statistics.median(ours_s):.1f} s, raw one-process "
                f"nlp.pipe {statistics.median(raw_s):.1f} s wall, medians of {rounds}; "
                f"{len(pieces)} paragraphs, crossover {processes.MIN_CHARS_PER_PROCESS:,} characters"
            ),
            (
                f"CPU seconds: ours {statistics.median(cpu['ours']):.1f} (all processes), raw "
                f"{statistics.median(cpu['raw']):.1f}; ours kept "
                f"{statistics.median(cpu['ours']) / statistics.median(ours_s):.2f} cores busy on average, raw "
                f"{statistics.median(cpu['raw']) / statistics.median(raw_s):.2f}"
            ),
        ],
    )
