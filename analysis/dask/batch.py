"""`briefing analyze --dask ADDRESS|local:N`: the batch's cache misses analysed on a Dask cluster.

The client (this process) plans as the local batch does (`analysis.batch.plan`), so cached
briefings are read back here and never sent. The misses are grouped, in the order given, into tasks
of about BATCH_CHARS characters (the bound spaCy's batches already keep): a million small briefings
make some thousands of tasks, not a million, and the scheduler's per-task cost stays small beside
the work. Each task carries the texts (or, with `--shared-fs`, only the paths) to
`analysis.dask.worker`, whose result is the analyses as the cache stores them.

Results are taken as they finish (`as_completed`) and written to the cache at once, through the
cache's own atomic writes; outcomes are yielded in the order given, like `batch.run`. Only a window
of characters is out on the cluster or waiting to be yielded at any time, so the client holds a
bounded number of texts and analyses however large the run. Stopping (Ctrl+C, or closing the
generator) cancels the tasks still out; everything already written stays.

A task that raises is retried once by Dask (`retries=1`); a task whose worker died is rescheduled
by the scheduler itself. A task that still fails is split into one task per briefing, so a single
bad briefing does not take its neighbours with it; a briefing that fails on its own too is that
briefing's error line, and the run goes on.
"""

from __future__ import annotations

import time
import uuid
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis import ANALYSER_VERSION
from analysis.batch import BatchProgress, Outcome, Planned, from_cache
from analysis.dask import worker
from analysis.dask.cluster import DaskUnavailable, connected
from analysis.documents import read_document
from analysis.formats import DocumentError
from analysis.pipeline import BATCH_CHARS, model_version
from analysis.service import AnalysisService
from analysis.stream_stop import StreamStop, interrupts_latched
from analysis.types import Analysis, Document

# Tasks out on the cluster or waiting to be yielded, per worker thread: enough that a worker has
# its next task queued when one finishes, few enough that the client holds little.
TASKS_PER_THREAD = 2
INTERRUPT_POLL_SECONDS = 0.05  # how soon a waiting run sees Ctrl+C: a task takes seconds


def tasks_of(items: Sequence[Planned], limit: int = BATCH_CHARS) -> Iterator[list[Planned]]:
    """Consecutive briefings grouped to hold about `limit` characters; a longer one is alone."""
    group: list[Planned] = []
    size = 0
    for item in items:
        if group and size + item.characters > limit:
            yield group
            group, size = [], 0
        group.append(item)
        size += item.characters
    if group:
        yield group


@dataclass
class _Task:
    items: list[Planned]
    documents: list[Document | None] = field(default_factory=list)  # None with --shared-fs


def run(
    service: AnalysisService,
    planned: Sequence[Planned],
    address: str,
    *,
    shared_fs: bool = False,
    on_progress: Callable[[BatchProgress], None] | None = None,
    on_notice: Callable[[str], None] | None = None,
) -> Iterator[Outcome]:
    """Outcomes in plan order, the misses analysed on the cluster at `address` (see the module)."""
    progress = BatchProgress(0, len(planned), 0, sum(p.characters for p in planned if not p.cached))

    def report() -> None:
        if on_progress is not None:
            on_progress(progress)

    misses = [p for p in planned if not p.cached and p.error is None]
    if misses:
        progress.loading_model = True  # the workers load it with their first task
        report()
    # Nothing to analyse, nothing to connect to: a cached run needs no cluster.
    with connected(address, on_notice) if misses else nullcontext() as client:
        runner = _Runner(client, service, misses, shared_fs, progress) if misses else None
        # Ctrl+C is latched, not raised where it lands: a LocalCluster's scheduler runs in this
        # process and installs a gc callback, and a KeyboardInterrupt raised inside one is printed
        # and dropped by the interpreter; the run then went on to the end and exited 0 (seen in CI,
        # 1 run in 7 of the Ctrl+C test). The flag is checked between outcomes and while waiting.
        stop = StreamStop()
        try:
            with interrupts_latched(stop, active=runner is not None):
                for item in planned:
                    if stop.requested:
                        raise KeyboardInterrupt
                    if item.error is not None:
                        outcome = Outcome(item.index, item.path, error=item.error)
                    elif item.cached:
                        outcome = from_cache(service, item)
                    else:
                        outcome = runner.wait_for(item, stop)
                    progress.briefings += 1
                    report()
                    yield outcome
        finally:
            if runner is not None:
                runner.cancel()


class _Runner:
    """The tasks out on the cluster and the outcomes that came back before their turn."""

    def __init__(
        self,
        client: Any,
        service: AnalysisService,
        misses: Sequence[Planned],
        shared_fs: bool,
        progress: BatchProgress,
    ) -> None:
        from distributed import as_completed

        self.client = client
        self.service = service
        self.shared_fs = shared_fs
        self.progress = progress
        self.out: dict[Any, _Task] = {}  # future -> its task
        self.ready: dict[int, Outcome] = {}
        self.held = 0  # characters submitted and not yet yielded
        self.finished = as_completed()
        self.asked: float | None = None  # when the scheduler was last asked for its worker threads
        self.known_threads = 1
        self.versions = (model_version(service.model_name), ANALYSER_VERSION)
        # A run smaller than the window is cut finer, so every worker gets a share of it: 200 short
        # notes would otherwise be one task on one worker. Large runs keep the BATCH_CHARS bound.
        total = sum(p.characters for p in misses)
        share = -(-total // (TASKS_PER_THREAD * self.threads()))
        self.pending: deque[list[Planned]] = deque(tasks_of(misses, max(1, min(BATCH_CHARS, share))))

    def wait_for(self, item: Planned, stop: StreamStop) -> Outcome:
        """`item`'s outcome, taking (and storing) whatever finishes before it; KeyboardInterrupt
        within INTERRUPT_POLL_SECONDS of a latched Ctrl+C."""
        self.top_up()
        while item.index not in self.ready:
            while not self.finished.has_ready():
                if stop.requested:
                    raise KeyboardInterrupt
                time.sleep(INTERRUPT_POLL_SECONDS)
            future = next(self.finished)
            self.take(future, self.out.pop(future))
            self.top_up()
        self.held -= item.characters
        outcome = self.ready.pop(item.index)
        if outcome.error is None and outcome.document is None:
            outcome = self.reread(outcome)
        return outcome

    def top_up(self) -> None:
        """Submit tasks in order while the window has room (always one when nothing is held)."""
        while self.pending and (self.held == 0 or self.held < self.window()):
            items = self.pending.popleft()
            self.held += sum(p.characters for p in items)
            self.submit(items)

    def window(self) -> int:
        """Characters the client lets out on the cluster or hold before their turn."""
        return BATCH_CHARS * TASKS_PER_THREAD * self.threads()

    def threads(self) -> int:
        """Worker threads on the cluster, asked of the scheduler at most once a second: workers
        that join during the run get work, and a run of a million briefings is not a million
        round trips."""
        now = time.monotonic()
        if self.asked is None or now - self.asked >= 1.0:
            self.asked = now
            self.known_threads = max(1, sum(self.client.nthreads().values()))
        return self.known_threads

    def submit(self, items: list[Planned], retries: int = 1) -> None:
        task = _Task([])
        for item in items:
            if self.shared_fs:
                task.items.append(item)
                task.documents.append(None)
                continue
            try:
                document = read_document(item.path)
            except DocumentError as error:  # gone or changed since the plan
                self.ready[item.index] = Outcome(item.index, item.path, error=str(error))
                continue
            task.items.append(item)
            task.documents.append(document)
        if not task.items:
            return
        if self.shared_fs:
            function, payload = worker.analyse_files, [str(Path(p.path).resolve()) for p in task.items]
        else:
            function, payload = worker.analyse_documents, task.documents
        future = self.client.submit(
            function,
            payload,
            self.service.model_name,
            key=f"briefing-analyse-{uuid.uuid4().hex}",  # a fresh key: no hashing of the texts
            retries=retries,
        )
        self.out[future] = task
        self.finished.add(future)

    def take(self, future: Any, task: _Task) -> None:
        """Store a finished task's analyses, or split a failed one, or report its one briefing."""
        self.progress.loading_model = False
        try:
            results = future.result()
        except worker.WorkerCannotAnalyse as error:
            raise DaskUnavailable(str(error)) from None
        except ImportError as error:
            raise DaskUnavailable(
                f"a Dask worker cannot run the analysis ({error}); install briefing with the same "
                "spaCy model on every worker"
            ) from None
        except Exception as error:  # noqa: BLE001 - reported per briefing, the run goes on
            if len(task.items) > 1:
                for item in task.items:
                    self.submit([item])
                return
            item = task.items[0]
            message = str(error) if isinstance(error, DocumentError) else (
                f"{item.path}: analysis failed on the cluster ({type(error).__name__}: {error})"
            )
            self.ready[item.index] = Outcome(item.index, item.path, error=message)
            self.progress.characters += item.characters
            return
        for item, document, raw in zip(task.items, task.documents, results):
            if (raw["model_version"], raw["analyser_version"]) != self.versions:
                # Stored under the workers' key, it would never be found by this machine's runs.
                raise DaskUnavailable(
                    f"the workers analyse with {raw['model_name']} {raw['model_version']} (analyser "
                    f"{raw['analyser_version']}), this machine with {self.service.model_name} "
                    f"{self.versions[0]} (analyser {self.versions[1]}): install the same versions everywhere"
                )
            self.service.cache.put(raw["key"], raw)
            self.progress.analysed += 1
            self.progress.characters += item.characters
            self.ready[item.index] = Outcome(item.index, item.path, document, Analysis.from_dict(raw))

    def reread(self, outcome: Outcome) -> Outcome:
        """With --shared-fs: the client's own reading of a file a worker analysed, checked."""
        try:
            document = read_document(outcome.path)
        except DocumentError as error:
            return Outcome(outcome.index, outcome.path, error=str(error))
        if document.content_hash != outcome.analysis.content_hash:
            return Outcome(
                outcome.index,
                outcome.path,
                error=f"{outcome.path}: the workers read a different text (changed during the run, "
                "or --shared-fs does not hold for this file)",
            )
        return Outcome(outcome.index, outcome.path, document, outcome.analysis)

    def cancel(self) -> None:
        """Cancel what is still out: kept results are in the cache, the rest is not wanted."""
        if self.out:
            try:
                self.client.cancel(list(self.out))
            except Exception:  # noqa: BLE001 - connection gone: the scheduler drops a lost client's tasks
                pass
            self.out.clear()
