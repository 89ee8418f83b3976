"""One long briefing tagged by this process and forked helpers, each taking the next batch.

spaCy's own `nlp.pipe(n_process=N)` starts N workers and keeps this process busy the whole time:
a thread feeding them texts, and every Doc they send back rebuilt here (`Doc.from_bytes`) before
its sentences and entities are read. On a 2-core machine that is three busy processes for two
cores, and the cold 430 KB briefing of bench (c) ran only 1.22x faster than one process.

Here, where the platform forks:
- the loaded model and the text reach the helpers by fork: nothing is pickled on the way there,
  and no model is loaded again;
- a helper sends back only what the analysis reads of a Doc (sentence bounds, entity spans), as
  tuples, a few kilobytes per batch;
- this process tags batches too, instead of waiting: `processes` in all, `processes - 1` helpers;
- the text is cut into batches handed out one at a time from a shared counter, so a core slowed
  by other work simply takes fewer; they start at spaCy's own batch size and shrink towards the
  text's end (guided self-scheduling), so the processes finish close together.

The output is `tag`'s: each paragraph's Doc read by `read_doc`, in the text's order.
"""

from __future__ import annotations

import gc
import queue
from collections import deque
from collections.abc import Callable
from typing import Any

from analysis.control_codes import Kept
from analysis.pipeline import BATCH_CHARS, AnalysisCancelled, Pipeline, Tagged, chunks, read_doc, shown_pieces
from analysis.types import Document, Mention, Span

# The largest batch: spaCy's own batch limit. Batches of a quarter of it cost 3-7% more CPU for
# the same text (430 KB of speeches, one process, three rounds: 9.5-10.7 s against 9.1-10.4 s);
# they were that small only so the processes would finish close together, which the shrinking
# batches at the end now see to.
SPLIT_CHARS = BATCH_CHARS
# Most texts per batch, as elsewhere (analysis.processes.BATCH_SIZE).
SPLIT_TEXTS = 64
# The smallest batch at the text's end: ~50 ms of tagging at ~20 KB a second. With every batch
# the same size, the processes finished up to a batch apart (0.4 s for 8,000 characters) with a
# core idle meanwhile: bench (c) kept 1.84 of 2 cores busy. Shrinking, they end within ~50 ms.
TAIL_CHARS = 1_000
# How often this process, once out of batches, checks that its helpers are alive and whether the
# user cancelled, while it waits for their last results.
WAIT_S = 0.1

# What one batch gives: its sentences, and its mentions as (text, label, start, end, sentence)
# with sentences numbered from the batch's first.
Compact = tuple[list[Span], list[tuple[str, str, int, int, int]]]


def can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def batches_of(
    spans: list[Span], processes: int = 1, most_chars: int = SPLIT_CHARS, most_texts: int = SPLIT_TEXTS
) -> list[list[Span]]:
    """Consecutive paragraphs grouped to about `most_chars` characters (and `most_texts` texts).

    Guided self-scheduling (Polychronopoulos and Kuck, 1987): a batch holds at most a share of
    what is left, `left / (2 * processes)` characters, but not less than `TAIL_CHARS`, so the
    batches shrink towards the end and the last ones to finish are short."""
    left = sum(end - start for start, end in spans)
    groups: list[list[Span]] = []
    group: list[Span] = []
    size = 0
    for span in spans:
        if not group:
            limit = max(TAIL_CHARS, min(most_chars, left // (2 * processes)))
        group.append(span)
        size += span[1] - span[0]
        if size >= limit or len(group) >= most_texts:
            groups.append(group)
            left -= size
            group, size = [], 0
    if group:
        groups.append(group)
    return groups


def tag_batch(nlp: Any, text: str, spans: list[Span]) -> Compact:
    sentences: list[Span] = []
    mentions: list[Mention] = []
    maps: deque[Kept | None] = deque()
    for (start, _), doc in zip(spans, nlp.pipe(shown_pieces(text, spans, maps), batch_size=len(spans))):
        read_doc(doc, start, sentences, mentions, maps.popleft())
    return sentences, [(m.text, m.label, m.start, m.end, m.sentence) for m in mentions]


def tag_forked(
    pipeline: Pipeline,
    document: Document,
    processes: int,
    *,
    on_progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Tagged:
    """`document`'s sentences and mentions, tagged here and in `processes - 1` forked helpers."""
    import multiprocessing

    text = document.text
    batches = batches_of(list(chunks(text, document.paragraphs)), processes)
    # Each batch advances the progress from the previous batch's end to its own (the last to the
    # text's end), so the advances add up to the text's length whatever order they arrive in.
    ends = [batch[-1][1] for batch in batches]
    if ends:
        ends[-1] = len(text)
    advances = [end - previous for end, previous in zip(ends, [0, *ends[:-1]])]
    total = len(text) or 1
    reached = 0
    found: dict[int, Compact] = {}

    def record(number: int, result: Compact) -> None:
        nonlocal reached
        if number in found:
            return
        found[number] = result
        reached += advances[number]
        if on_progress is not None:
            on_progress(reached, total)

    context = multiprocessing.get_context("fork")
    counter = context.Value("i", 0)
    results = context.Queue()
    helpers = [
        context.Process(target=_help, args=(pipeline.nlp, text, batches, counter, results), daemon=True)
        for _ in range(processes - 1)
    ]
    for helper in helpers:
        helper.start()
    try:
        while True:
            _collect(results, record)
            if cancelled is not None and cancelled():
                raise AnalysisCancelled()
            number = _claim(counter)
            if number >= len(batches):
                break
            record(number, tag_batch(pipeline.nlp, text, batches[number]))
        while len(found) < len(batches):
            try:
                record(*results.get(timeout=WAIT_S))
                continue
            except queue.Empty:
                pass
            if cancelled is not None and cancelled():
                raise AnalysisCancelled()
            if not any(helper.is_alive() for helper in helpers):
                # Everything they sent is in the pipe before they exit; what a helper took and
                # never sent (it was killed) is tagged here.
                _collect(results, record, wait=WAIT_S)
                for number in range(len(batches)):
                    if number not in found:
                        record(number, tag_batch(pipeline.nlp, text, batches[number]))
    finally:
        with counter.get_lock():
            counter.value = len(batches)  # no helper takes another batch
        for helper in helpers:
            if helper.is_alive() and len(found) < len(batches):
                helper.terminate()
            helper.join(timeout=5)
        results.close()
    return _assembled(found, len(batches))


def _claim(counter) -> int:
    with counter.get_lock():
        number = counter.value
        counter.value = number + 1
    return number


def _collect(results, record: Callable[[int, Compact], None], wait: float = 0.0) -> None:
    """Record every result already sent (waiting up to `wait` for each further one)."""
    while True:
        try:
            record(*(results.get(timeout=wait) if wait else results.get_nowait()))
        except queue.Empty:
            return


def _help(nlp: Any, text: str, batches: list[list[Span]], counter, results) -> None:
    """A helper's life: take the next batch until none is left, send back what it gives."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle; it stops us
    # What came with the fork stays out of this process's collections: walking it would also
    # write to every page it shares with the parent.
    gc.freeze()
    while True:
        number = _claim(counter)
        if number >= len(batches):
            break
        results.put((number, tag_batch(nlp, text, batches[number])))
    results.close()
    results.join_thread()  # sent before exiting: the parent reads the pipe until we are gone


def _assembled(found: dict[int, Compact], count: int) -> Tagged:
    sentences: list[Span] = []
    mentions: list[Mention] = []
    for number in range(count):
        batch_sentences, batch_mentions = found[number]
        first = len(sentences)
        sentences.extend(batch_sentences)
        mentions.extend(
            Mention(text=text, label=label, start=start, end=end, sentence=first + sentence)
            for text, label, start, end, sentence in batch_mentions
        )
    return Tagged(sentences=sentences, mentions=mentions)
