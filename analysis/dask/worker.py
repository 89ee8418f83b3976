"""What a Dask worker runs for `briefing analyze --dask`: a batch of briefings in, plain dicts out.

The task functions are pure functions of (documents or paths, model name): the worker's own spaCy
pipeline, loaded once per worker process and kept here by model name, runs them through the local
batch's code (`tag_many` with one stream across the batch, then `build_analysis`), so an analysis
made on a cluster is the one `briefing analyze --jobs 1` makes. What comes back is each analysis's
`to_dict()`, the very dict the cache stores.

This module imports neither Dask nor spaCy at import time: the client imports it to name the task
functions, and a worker unpickling a task imports it by name (so every worker needs `briefing`
installed, with the same model).
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Sequence

from analysis.types import Document

_pipelines: dict = {}
# One analysis at a time per worker process: spaCy does not promise that one pipeline may be used
# by several threads at once, and a worker started with --nthreads > 1 runs tasks in threads.
_one_at_a_time = threading.Lock()
# Briefings handed to this process by tasks, for tests and the bench (`client.run(received)`).
_received: Counter = Counter()


class WorkerCannotAnalyse(RuntimeError):
    """A worker lacks what every task needs (the model): no retry elsewhere will help the run.

    Raised instead of `ModelNotInstalled`, whose constructor takes a model name and so does not
    survive the round trip through pickle with its message intact.
    """


def received() -> dict[str, int]:
    """This worker process's counts: briefings received by tasks, pipelines loaded."""
    return {"briefings": _received["briefings"], "pipelines loaded": _received["pipelines"]}


def _pipeline(model_name: str):
    from analysis.pipeline import ModelNotInstalled, load_pipeline

    if model_name not in _pipelines:
        try:
            _pipelines[model_name] = load_pipeline(model_name)
        except ModelNotInstalled as error:
            raise WorkerCannotAnalyse(f"on a worker: {error}") from None
        _received["pipelines"] += 1
    return _pipelines[model_name]


def analyse_documents(documents: Sequence[Document], model_name: str) -> list[dict]:
    """The analysis dict of each document, in order (the texts were sent by the client)."""
    from analysis.processes import tag_many
    from analysis.service import build_analysis

    with _one_at_a_time:
        _received["briefings"] += len(documents)
        pipeline = _pipeline(model_name)
        return [
            build_analysis(document, pipeline, tagged).to_dict()
            for _, document, tagged in tag_many(pipeline, enumerate(documents))
        ]


def analyse_files(paths: Sequence[str], model_name: str) -> list[dict]:
    """As `analyse_documents`, each briefing read by the worker itself (`--shared-fs`).

    An unreadable file raises its DocumentError: the task fails and is retried like any other.
    """
    from analysis.documents import read_document

    return analyse_documents([read_document(path) for path in paths], model_name)
