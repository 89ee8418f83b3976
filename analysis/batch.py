"""Many briefings at once: cached ones read back, the rest through one spaCy stream.

`plan` reads every briefing once (hash, cache hit or miss, characters to analyse) without spaCy.
`run` then yields one `Outcome` per briefing in the order given: hits straight from the cache; the
misses' paragraphs piped through a single `nlp.pipe` across documents (`n_process=jobs`), mapped
back to their briefing, and each analysis stored the moment its last paragraph is tagged, so an
interruption keeps everything finished so far. spaCy is imported only when the first miss is
reached: a run over cached briefings never loads it.

Briefings are read a second time in `run` rather than kept from `plan`, so a folder of thousands
holds one text in memory at a time, not all of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from analysis.formats import DocumentError
from analysis.pipeline import Tagged, chunks, model_version
from analysis.reading import read_briefing  # a file, or standard input for "-"
from analysis.record import Record
from analysis.service import AnalysisService, build_analysis, cache_key
from analysis.types import Analysis, Document

# The spaCy stream (`analysis.processes`, with the stream's stop and its batch sizes) is imported
# by the first miss: a batch of cache hits never needs it, and it was ~4 ms of a cached `briefing
# analyze` (bench (a)).


class Planned(Record):
    """One briefing of a batch before analysis: its cache key, or why it cannot be read."""

    __slots__ = ("index", "path", "key", "cached", "characters", "words", "pieces", "error")

    def __init__(
        self,
        index: int,
        path: Path,
        key: str | None = None,
        cached: bool = False,
        characters: int = 0,
        words: int = 0,  # of the text to analyse: the progress bar's words per second
        pieces: int = 0,  # texts handed to spaCy (paragraphs, long ones cut)
        error: str | None = None,
    ) -> None:
        self.index = index
        self.path = path
        self.key = key
        self.cached = cached
        self.characters = characters
        self.words = words
        self.pieces = pieces
        self.error = error


class Outcome(Record):
    """One briefing's result, yielded in the order given; `analysis` is None when `error` is set."""

    __slots__ = ("index", "path", "document", "analysis", "cached", "error")

    def __init__(
        self,
        index: int,
        path: Path,
        document: Document | None = None,
        analysis: Analysis | None = None,
        cached: bool = False,
        error: str | None = None,
    ) -> None:
        self.index = index
        self.path = path
        self.document = document
        self.analysis = analysis
        self.cached = cached
        self.error = error


class BatchProgress(Record):
    __slots__ = (
        "briefings", "total_briefings", "characters", "total_characters", "analysed", "loading_model",
    )

    def __init__(
        self,
        briefings: int,  # finished, whether read from the cache, analysed or failed
        total_briefings: int,
        characters: int,  # analysed so far
        total_characters: int,  # to analyse (the cache misses)
        analysed: int = 0,  # analyses stored in the cache by this run
        loading_model: bool = False,
    ) -> None:
        self.briefings = briefings
        self.total_briefings = total_briefings
        self.characters = characters
        self.total_characters = total_characters
        self.analysed = analysed
        self.loading_model = loading_model


def plan(service: AnalysisService, paths: Sequence[Path]) -> list[Planned]:
    """Read each briefing once: its key, whether the cache holds it, or the one-line reason it fails.

    A text that appears twice is analysed once: the second copy is marked cached, since the first
    is stored before the second is reached.
    """
    version = model_version(service.model_name)
    planned: list[Planned] = []
    to_analyse: set[str] = set()
    for index, path in enumerate(paths):
        item = Planned(index=index, path=Path(path))
        try:
            document = read_briefing(path, data_dir=service.data_dir)
        except DocumentError as error:
            item.error = str(error)
        else:
            item.key = cache_key(document.content_hash, service.model_name, version, extractor=document.extractor)
            item.cached = item.key in service.cache or item.key in to_analyse
            if not item.cached:
                to_analyse.add(item.key)
                item.characters = len(document.text)
                item.words = len(document.text.split())
                item.pieces = sum(1 for _ in chunks(document.text, document.paragraphs))
        planned.append(item)
    return planned


def run(
    service: AnalysisService,
    planned: Sequence[Planned],
    *,
    jobs: int | None = 1,  # spaCy processes for the misses; None: every core
    on_progress: Callable[[BatchProgress], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    batch_size: int | None = None,  # most texts per spaCy batch: analysis.processes.BATCH_SIZE
) -> Iterator[Outcome]:
    """Outcomes in plan order; misses analysed in one stream and cached as each one completes.

    `cancelled()` is polled after every paragraph and stops the run with `AnalysisCancelled`;
    KeyboardInterrupt stops it the same way. Entries already stored stay valid (atomic writes).
    """
    progress = BatchProgress(0, len(planned), 0, sum(p.characters for p in planned if not p.cached))

    def report() -> None:
        if on_progress is not None:
            on_progress(progress)

    def counted(characters: int) -> None:
        progress.characters += characters
        report()

    # Misses come back from the stream in plan order; a miss that cannot be read again is
    # reported when its turn comes. `ready` holds the stream's results until then.
    misses = [p for p in planned if not p.cached and p.error is None]
    failed: dict[int, str] = {}
    ready: dict[int, Outcome] = {}
    stream: Iterator[tuple[Planned, Document, Tagged]] | None = None

    def reread() -> Iterator[tuple[Planned, Document]]:
        for item in misses:
            try:
                yield item, read_briefing(item.path, data_dir=service.data_dir)
            except DocumentError as error:
                failed[item.index] = str(error)

    def open_stream() -> Iterator[tuple[Planned, Document, Tagged]]:
        from analysis.processes import BATCH_SIZE, cores, processes_for, tag_many, worker_batch_size

        progress.loading_model = True
        report()
        pipeline = service.pipeline()
        progress.loading_model = False
        report()
        pieces = sum(p.pieces for p in misses)
        return tag_many(
            pipeline,
            reread(),
            n_process=processes_for(progress.total_characters, cores() if jobs is None else jobs),
            batch_size=worker_batch_size(pieces, progress.total_characters, batch_size or BATCH_SIZE),
            on_chunk=counted,
            cancelled=cancelled,
        )

    try:
        for item in planned:
            if item.error is not None:
                outcome = Outcome(item.index, item.path, error=item.error)
            elif item.cached:
                outcome = from_cache(service, item)
            else:
                if stream is None:
                    stream = open_stream()
                while item.index not in ready and item.index not in failed:
                    # The stream ends early when the last misses vanished or were emptied since
                    # the plan: reread() has recorded why in `failed` by then.
                    found = next(stream, None)
                    if found is None:
                        failed.setdefault(item.index, f"{item.path}: changed while the batch ran; not analysed")
                        break
                    done, document, tagged = found
                    ready[done.index] = _finish(service, done, document, tagged, progress)
                if item.index in failed:
                    outcome = Outcome(item.index, item.path, error=failed.pop(item.index))
                else:
                    outcome = ready.pop(item.index)
            progress.briefings += 1
            report()
            yield outcome
    finally:
        if stream is not None:
            stream.close()  # stops spaCy's worker processes, if any


def _finish(
    service: AnalysisService, item: Planned, document: Document, tagged: Tagged, progress: BatchProgress
) -> Outcome:
    """Build and store one analysis. A failure of our own layer on one briefing is that briefing's
    error line, not the end of a batch of thousands."""
    try:
        analysis = build_analysis(document, service.pipeline(), tagged)
    except Exception as error:  # noqa: BLE001 - reported per briefing, the batch goes on
        return Outcome(item.index, item.path, error=f"{item.path}: analysis failed ({type(error).__name__}: {error})")
    service.cache.put(analysis.key, analysis.to_dict())
    progress.analysed += 1
    return Outcome(item.index, item.path, document, analysis)


def from_cache(service: AnalysisService, item: Planned) -> Outcome:
    """A planned hit: read again and look up (analysed on its own if the entry has gone since)."""
    try:
        document = read_briefing(item.path, data_dir=service.data_dir)
    except DocumentError as error:
        return Outcome(item.index, item.path, error=str(error))
    analysis = service.cached(document)
    if analysis is None:
        # Deleted or set aside as corrupt since the plan, or the file changed under us.
        return Outcome(item.index, item.path, document, service.analysis(document))
    return Outcome(item.index, item.path, document, analysis, cached=True)
