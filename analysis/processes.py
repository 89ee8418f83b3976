"""How many spaCy processes an analysis gets, and one long briefing tagged over them.

`analysis.batch` owns the multi-process stream (`tag_many`); this module decides when it is worth
starting and runs one briefing through it, for the app's cold analysis (`AnalysisService`).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from analysis.control_codes import Kept, shown
from analysis.pipeline import BATCH_CHARS, AnalysisCancelled, Pipeline, Tagged, chunks, read_doc, tag
from analysis.stream_stop import StreamStop, interrupts_latched, wind_down
from analysis.types import Document, Mention, Span

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
# Measured again with the forked helpers (analysis.forked_tagging), one process against two, at
# loads of 3.7-5.6, wall-clock: 5 KB 0.92x, 20 KB 0.88x, 50 KB 0.90x, 100 KB 1.20x, 200 KB 0.87x;
# CPU seconds of both against one: +50% at 5 KB (the fork), +13% at 20 KB, +2-9% from 50 KB. With
# the cores taken they neither win nor lose much; the machine was never idle enough to measure
# free cores, so the crossover stays.
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

    Where the platform forks, this process and forked helpers take batches of it in turn
    (`analysis.forked_tagging`: no Doc crosses a pipe, and this process tags instead of waiting);
    elsewhere the same stream as a batch of many (`tag_many`, below). Either way each paragraph's
    Doc is read as one process reads it; a short text stays in this process
    (`analysis.pipeline.tag`).
    """
    processes = processes_for(len(document.text), jobs)
    if processes == 1:
        return tag(pipeline, document.text, document.paragraphs, on_progress=on_progress, cancelled=cancelled)
    from analysis.forked_tagging import can_fork, tag_forked

    if can_fork():
        return tag_forked(pipeline, document, processes, on_progress=on_progress, cancelled=cancelled)
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


def tag_many(
    pipeline: Pipeline,
    documents: Iterable[Any],
    *,
    n_process: int = 1,
    batch_size: int = BATCH_SIZE,
    on_chunk: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[tuple[Any, Document, Tagged]]:
    """(tag, document, tagged) for each (tag, document) given, in order, as soon as it is complete.

    The paragraphs (cut by `chunks`) of all documents go through one `nlp.pipe`, so batches span
    documents and `n_process` workers stay busy; each Doc is mapped back to its document with the
    paragraph's offset. Only plain strings cross to the workers: the bookkeeping stays here, in a
    queue consumed in the order spaCy returns Docs (its output order is its input order).

    With workers, stopping (cancelled, Ctrl+C, the caller closing this generator) never abandons
    spaCy's stream mid-way: its workers would block for ever writing results nobody reads (each
    holds its siblings' pipe ends, so no write ever fails). Instead no more text is fed and the
    batches already handed out are drained (a second or so), then the stop is raised. A second
    Ctrl+C while draining stops the workers at once.
    """
    stop = StreamStop()
    # Per piece: its document, offset, how far it advances through the text (blank lines
    # included, so a document's advances add up to its length), whether it is the last, and the
    # map back from what the model read (`analysis/control_codes.py`).
    pending: deque[tuple[Any, Document, int, int, bool, Kept | None]] = deque()

    def pieces() -> Iterator[str]:
        for tag, document in documents:
            spans = list(chunks(document.text, document.paragraphs)) or [(0, 0)]
            reached = 0
            for number, (start, end) in enumerate(spans):
                if stop.requested:
                    return
                last = number == len(spans) - 1
                advance = (len(document.text) if last else end) - reached
                reached += advance
                piece, kept = shown(document.text[start:end])
                pending.append((tag, document, start, advance, last, kept))
                yield piece

    workers = n_process > 1
    if workers:
        # multiprocessing costs ~7 ms to import (pickle, socket): only a run with workers pays it,
        # never a cached open, which imports this module for `plan` and `run` (bench (a)).
        import multiprocessing
    sentences: list[Span] = []
    mentions: list[Mention] = []
    with interrupts_latched(stop, active=workers):
        children = set(multiprocessing.active_children()) if workers else set()
        if workers:
            docs = pipeline.nlp.pipe(pieces(), batch_size=batch_size, n_process=n_process)
        else:
            docs = _pipe_by_characters(pipeline.nlp, pieces(), batch_size)
        try:
            for doc in docs:
                tag, document, start, advance, last, kept = pending.popleft()
                if stop.requested:
                    continue  # draining what the workers already hold
                read_doc(doc, start, sentences, mentions, kept)
                if on_chunk is not None:
                    on_chunk(advance)
                if last:
                    yield tag, document, Tagged(sentences=sentences, mentions=mentions)
                    sentences, mentions = [], []
                if cancelled is not None and cancelled():
                    if not workers:
                        raise AnalysisCancelled()
                    stop.request(AnalysisCancelled())
            if stop.error is not None:
                raise stop.error
        finally:
            stop.requested = True
            if workers:
                wind_down(docs, children, stop)
            docs.close()


def _pipe_by_characters(nlp: Any, texts: Iterator[str], most: int) -> Iterator[Any]:
    """`nlp.pipe` over batches of at most `most` texts holding about BATCH_CHARS characters.

    spaCy's own batching counts texts, and its memory grows with the characters in a batch.
    """
    group: list[str] = []
    size = 0
    for text in texts:
        group.append(text)
        size += len(text)
        if len(group) >= most or size >= BATCH_CHARS:
            yield from nlp.pipe(group, batch_size=len(group))
            group, size = [], 0
    if group:
        yield from nlp.pipe(group, batch_size=len(group))
