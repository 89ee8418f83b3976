"""`briefing analyze --dask`: the same JSON as a local run, cached briefings never sent, failures.

A real LocalCluster of two worker processes on 127.0.0.1, one for the module (this machine's two
cores are shared), and the real model on the workers.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from analysis import batch
from analysis.dask import batch as dask_batch
from analysis.dask import worker
from analysis.service import AnalysisService
from store.cache import AnalysisCache
from tui.cli import main
from tests.helpers.interrupt import interrupt_analyze
from tui.cli.analyze import print_outcomes

ROOT = Path(__file__).resolve().parents[3]
pytestmark = pytest.mark.model  # the workers analyse with the real model


@pytest.fixture(scope="module")
def scheduler():
    """The address of a LocalCluster shared by this module's tests, and a client to inspect it."""
    from distributed import Client, LocalCluster

    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
        silence_logs=logging.ERROR,
    ) as cluster, Client(cluster) as client:
        yield cluster.scheduler_address, client


def received(client) -> dict[str, int]:
    """Briefings handed to the workers' task functions so far, and pipelines loaded, summed."""
    counts = client.run(worker.received).values()
    return {name: sum(count[name] for count in counts) for name in ("briefings", "pipelines loaded")}


def briefings(folder: Path, seed_document, count: int) -> list[Path]:
    """`count` different briefings of the seed's length (its paragraphs rotated, a line of their own)."""
    folder.mkdir(parents=True, exist_ok=True)
    paragraphs = [seed_document.text[s:e] for s, e in seed_document.paragraphs]
    paths = []
    for number in range(count):
        turned = paragraphs[number:] + paragraphs[:number]
        path = folder / f"b{number:02}.txt"
        path.write_text(f"Briefing {number} from Ankara\n\n" + "\n\n".join(turned) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def analyze(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["analyze", "--json", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_local_cluster_json_is_byte_identical_to_jobs_1(tmp_path, seed_path, seed_document, capsys):
    from spacy.lang.en.examples import sentences

    paths = briefings(tmp_path / "in", seed_document, 10)  # ~70,000 characters: several tasks
    examples = tmp_path / "in" / "examples.txt"
    examples.write_text("\n\n".join(sentences) + "\n", encoding="utf-8")
    empty = tmp_path / "in" / "empty.txt"
    empty.write_text("", encoding="utf-8")
    given = [str(seed_path), *map(str, paths), str(examples), str(paths[3]), str(empty)]

    local = analyze(capsys, "--jobs", "1", "--data-dir", str(tmp_path / "local"), *given)
    on_dask = analyze(capsys, "--dask", "local:2", "--data-dir", str(tmp_path / "dask"), *given)

    assert local[0] == on_dask[0] == 1  # the empty file
    assert on_dask[1] == local[1]
    assert len(on_dask[1].splitlines()) == len(given) - 1
    assert f"{empty}: is empty" in on_dask[2] and "Dask dashboard: http://127.0.0.1:" in on_dask[2]


def test_cached_briefings_are_never_sent(tmp_path, seed_document, scheduler, capsys):
    address, client = scheduler
    first, second, third = briefings(tmp_path / "in", seed_document, 3)
    before = received(client)

    code, out, _ = analyze(capsys, "--dask", address, str(first), str(second))
    assert code == 0 and len(out.splitlines()) == 2
    assert received(client)["briefings"] == before["briefings"] + 2

    code, out, _ = analyze(capsys, "--dask", address, str(first), str(second), str(third))
    assert code == 0 and [json.loads(line)["document"]["path"] for line in out.splitlines()] == [
        str(first), str(second), str(third)
    ]
    assert received(client)["briefings"] == before["briefings"] + 3  # only the third went out

    code, out, err = analyze(capsys, "--dask", address, str(third), str(first))
    assert code == 0 and len(out.splitlines()) == 2 and "dashboard" not in err  # no cluster needed
    after = received(client)
    assert after["briefings"] == before["briefings"] + 3
    assert after["pipelines loaded"] <= 2  # once per worker process, whatever the number of tasks


def test_a_briefing_failing_on_the_workers_is_reported_and_the_run_goes_on(
    tmp_path, seed_document, scheduler, capsys
):
    address, _ = scheduler
    paths = briefings(tmp_path / "in", seed_document, 3)
    service = AnalysisService(AnalysisCache(tmp_path / "cache"))
    planned = batch.plan(service, paths)
    paths[1].unlink()  # gone before the workers read it: they see the same files (--shared-fs)

    outcomes = dask_batch.run(service, planned, address, shared_fs=True)
    code = print_outcomes(outcomes, _no_corrections(tmp_path), as_json=True, service=service)

    out, err = capsys.readouterr()
    assert code == 1
    printed = [json.loads(line)["document"]["path"] for line in out.splitlines()]
    assert printed == [str(paths[0]), str(paths[2])]
    assert err.splitlines() == [f"briefing: {paths[1].resolve()}: no such file"]
    again = batch.plan(service, paths)
    assert again[0].cached and again[2].cached


def test_closing_the_run_cancels_what_is_out_and_keeps_what_finished(tmp_path, seed_document, scheduler):
    address, client = scheduler
    paths = briefings(tmp_path / "in", seed_document, 26)  # more than the client lets out at once
    service = AnalysisService(AnalysisCache(tmp_path / "cache"))
    planned = batch.plan(service, paths)

    outcomes = dask_batch.run(service, planned, address)
    first = next(outcomes)
    outcomes.close()  # what Ctrl+C does in `briefing analyze`

    assert first.error is None and first.analysis.key in service.cache
    deadline = time.monotonic() + 30
    while _tasks_on(client) and time.monotonic() < deadline:
        client.run_on_scheduler(_idle)  # a round trip: lets the scheduler release cancelled tasks
    assert _tasks_on(client) == 0
    kept = [p.index for p in batch.plan(service, paths) if p.cached]
    assert 0 in kept and len(kept) < len(paths)


def test_a_worker_killed_mid_task_has_its_task_run_elsewhere(tmp_path, seed_document, scheduler):
    address, client = scheduler
    # More characters than the client lets out at once (two tasks per worker thread), so tasks are
    # still being sent, and run, while the first outcomes are read.
    paths = briefings(tmp_path / "in", seed_document, 26)
    service = AnalysisService(AnalysisCache(tmp_path / "cache"))
    outcomes = dask_batch.run(service, batch.plan(service, paths), address)
    got, killed = [], False
    try:
        for outcome in outcomes:
            got.append(outcome)
            busy = [] if killed else [worker for worker, keys in client.processing().items() if keys]
            if busy:
                (pid,) = client.run(os.getpid, workers=busy[:1]).values()
                os.kill(pid, signal.SIGKILL)  # a worker process this module's cluster started
                killed = True
    finally:
        outcomes.close()

    assert killed
    assert [o.error for o in got] == [None] * len(paths)
    assert all(p.cached for p in batch.plan(service, paths))


def test_ctrl_c_cancels_the_cluster_run_and_keeps_what_finished(tmp_path, seed_document):
    """Ctrl+C as a terminal sends it: SIGINT to the whole process group, Dask's workers included."""
    paths = briefings(tmp_path / "in", seed_document, 40)  # several tasks for the one worker
    run = interrupt_analyze(["--dask", "local:1"], tmp_path / "in", tmp_path / "home", wait=180)

    assert run.returncode == 130, run.err
    assert "Traceback" not in run.err and "interrupted" in run.err and "kept in the cache" in run.err
    assert 1 <= len(run.entries) < len(paths) and len(run.out.splitlines()) <= len(run.entries)


def test_without_the_extra_dask_says_what_to_install_and_exits_2(tmp_path, seed_path):
    """A real interpreter in which `import distributed` fails, as where the extra is not installed."""
    program = f"""
import sys

class NoDistributed:
    def find_spec(self, name, path=None, target=None):
        if name == "distributed" or name.startswith("distributed."):
            raise ImportError("No module named 'distributed'")
        return None

sys.meta_path.insert(0, NoDistributed())
from tui.cli import main
sys.exit(main(["analyze", "--json", "--dask", "local:2", {str(seed_path)!r}]))
"""
    result = subprocess.run(
        [sys.executable, "-c", program],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={"BRIEFING_HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 2, result.stderr
    assert "pip install 'briefing[dask]'" in result.stderr
    assert result.stdout == "" and "Traceback" not in result.stderr


def _no_corrections(tmp_path):
    from store.corrections import CorrectionsStore

    return CorrectionsStore(tmp_path / "corrections.json")


def _tasks_on(client) -> int:
    return client.run_on_scheduler(_task_count)


def _task_count(dask_scheduler=None) -> int:
    return len(dask_scheduler.tasks)


def _idle(dask_scheduler=None) -> None:
    return None
