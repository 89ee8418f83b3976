"""How many spaCy processes an analysis gets, and one long briefing tagged over them.

`analysis.batch` owns the multi-process stream (`tag_many`); this module decides when it is worth
starting and runs one briefing through it, for the app's cold analysis (`AnalysisService`).
"""

from __future__ import annotations

import os
from collections.abc import Callable

from analysis.pipeline import BATCH_CHARS, Pipeline, Tagged, chunks, tag
from analysis.types import Document

# Most texts per spaCy batch; batches also hold about BATCH_CHARS characters at most, since
# spaCy's memory grows with the text in a batch (see analysis.pipeline).
BATCH_SIZE = 64
# Below this many characters to analyse, one process. Measured on this 2-core machine (speeches,
# `tag` against `tag_many` with 2 workers, identical output): forking and feeding the workers
# costs ~0.1 s fixed (500 characters: 0.04 s alone, 0.13 s with two), so with both cores free they
# would pay from ~10,000 characters; but the machine is shared, and at a load of 7 two processes
# lost at every size tried: 10 KB 0.66 s vs 0.95 s, 100 KB 4.4 vs 4.6 s, 200 KB 14.5 vs 18.5 s.
# 200,000 keeps a short briefing off the workers whatever the load and splits a long one (bench
# (c): 430 KB in 17.1 s on 2 processes against 20.9 s for one raw nlp.pipe, at load 2.4).
MIN_CHARS_PER_PROCESS = 200_000


def cores() -> int:
    """The cores this process may run on (its affinity, which a container or taskset narrows)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def processes_for(characters: int, jobs: int) -> int:
    """spaCy processes worth starting for `characters` of text: `jobs`, or 1 below the crossover."""
    return jobs if jobs > 1 and characters >= MIN_CHARS_PER_PROCESS else 1


def worker_batch_size(pieces: int, characters: int, most: int = BATCH_SIZE) -> int:
    """Texts per batch for spaCy's workers, which batch by count only: sized by the average text
    to hold about BATCH_CHARS characters."""
    return max(1, min(most, BATCH_CHARS * pieces // max(1, characters)))


def tag_document(
    pipeline: Pipeline,
    document: Document,
    *,
    jobs: int = 1,
    on_progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Tagged:
    """One briefing's sentences and mentions, over `jobs` spaCy processes when it is long enough.

    The same stream as a batch of many (`analysis.batch.tag_many`), so the output is the same Docs
    mapped back the same way; a short text stays in this process (`analysis.pipeline.tag`).
    """
    processes = processes_for(len(document.text), jobs)
    if processes == 1:
        return tag(pipeline, document.text, document.paragraphs, on_progress=on_progress, cancelled=cancelled)
    from analysis.batch import tag_many  # which imports this module

    total = len(document.text) or 1
    done = 0

    def counted(advance: int) -> None:
        nonlocal done
        done += advance
        if on_progress is not None:
            on_progress(done, total)

    pieces = sum(1 for _ in chunks(document.text, document.paragraphs))
    stream = tag_many(
        pipeline,
        [(None, document)],
        n_process=processes,
        batch_size=worker_batch_size(pieces, total),
        on_chunk=counted,
        cancelled=cancelled,
    )
    try:
        for _, _, tagged in stream:
            return tagged
    finally:
        stream.close()
    raise AssertionError("tag_many yields every document it is given")
