"""One briefing tagged by this process and forked helpers gives what one process gives, whatever
happens to a helper, and a cancel leaves no helper running."""

from __future__ import annotations

import multiprocessing
import os
import signal

import pytest

from analysis.formats.text import from_text
from analysis.forked_tagging import SPLIT_CHARS, TAIL_CHARS, batches_of, can_fork, tag_forked
from analysis.pipeline import AnalysisCancelled, chunks, tag

pytestmark = pytest.mark.skipif(not can_fork(), reason="the helpers are forked")


@pytest.fixture(scope="module")
def long_document(seed_document):
    """A few copies of the seed, each opened by a line of its own: about ten batches for two."""
    copies = 3 * SPLIT_CHARS // len(seed_document.text) + 1
    return from_text("\n\n".join(f"Copy {n} of the briefing.\n\n{seed_document.text}" for n in range(copies)))


@pytest.fixture(scope="module")
def one_process(pipeline, long_document):
    return tag(pipeline, long_document.text, long_document.paragraphs)


@pytest.mark.parametrize("processes", [1, 2, 3])
def test_batches_keep_every_paragraph_in_order_and_shrink_towards_the_end(long_document, processes):
    spans = list(chunks(long_document.text, long_document.paragraphs))
    batches = batches_of(spans, processes)
    assert [span for batch in batches for span in batch] == spans
    sizes = [sum(end - start for start, end in batch) for batch in batches]
    assert len(batches) >= 8
    left = sum(sizes)
    for batch, size in zip(batches[:-1], sizes):
        share = max(TAIL_CHARS, min(SPLIT_CHARS, left // (2 * processes)))  # of what is left
        assert size >= share or len(batch) == 64
        assert size - (batch[-1][1] - batch[-1][0]) < share  # the last paragraph filled it
        left -= size
    assert max(sizes[-processes:]) < SPLIT_CHARS // 2  # the last to finish are short


@pytest.mark.parametrize("processes", [2, 3])
def test_helpers_tag_as_one_process(pipeline, long_document, one_process, processes):
    reported: list[tuple[int, int]] = []
    tagged = tag_forked(pipeline, long_document, processes, on_progress=lambda *done: reported.append(done))
    assert len(one_process.mentions) > 10
    assert tagged.sentences == one_process.sentences
    assert tagged.mentions == one_process.mentions
    assert [done for done, _ in reported] == sorted(done for done, _ in reported)
    assert reported[-1] == (len(long_document.text), len(long_document.text))
    assert not multiprocessing.active_children()


def test_a_killed_helper_costs_time_not_output(pipeline, long_document, one_process):
    killed = []

    def kill_a_helper(done: int, total: int) -> None:
        helpers = multiprocessing.active_children()
        if not killed and helpers:
            os.kill(helpers[0].pid, signal.SIGKILL)
            killed.append(helpers[0].pid)

    tagged = tag_forked(pipeline, long_document, 2, on_progress=kill_a_helper)
    assert killed
    assert tagged.sentences == one_process.sentences
    assert tagged.mentions == one_process.mentions


def test_cancelling_stops_every_helper(pipeline, long_document):
    seen = []
    with pytest.raises(AnalysisCancelled):
        tag_forked(pipeline, long_document, 3, on_progress=lambda *done: seen.append(done), cancelled=lambda: bool(seen))
    assert len(seen) < len(batches_of(list(chunks(long_document.text, long_document.paragraphs))))
    assert not multiprocessing.active_children()
