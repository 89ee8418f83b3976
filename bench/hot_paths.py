"""(f) The hot paths a 4 MB briefing leans on, each timed on its own: wrapping, re-anchoring, gazetteer.

- Wrapping the whole text into lines is done on the UI thread for the first paint (later rewraps
  of a long text run in a worker), so it must fit in one stall budget.
- Re-anchoring runs for every note when a briefing's text changed; each case of the test suite's
  4 MB re-anchoring test, here on the Bible, must too.
- The place gazetteer is built on a cache miss, beside loading the model: its cost is shown as a
  ratio to that load, both in fresh processes of the same run.
"""

from __future__ import annotations

import statistics
import time

from bench.common import Result, child_env, run_child

STALL_MS = 200
WIDTH = 118  # the document pane's text width in a 120x36 terminal, the size bench (b) and (e) use


def best_of(rounds: int, work) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def wrapping(text: str, rounds: int) -> Result:
    from analysis.formats.text import paragraphs
    from tui.widgets.document.layout import DocumentLayout

    spans = paragraphs(text)
    layout = DocumentLayout(text, spans, WIDTH)
    wrap = best_of(rounds, lambda: DocumentLayout(text, spans, WIDTH))
    split = best_of(rounds, text.splitlines)
    return Result(
        "(f) wrap the 4 MB Bible for the pane (first paint)",
        f"{wrap * 1000:.0f} ms",
        f"< {STALL_MS} ms",
        wrap * 1000 < STALL_MS,
        [f"{len(layout):,} lines at {WIDTH} cells, best of {rounds}; {wrap / split:.0f}x str.splitlines() on the same text"],
    )


def reanchoring(text: str) -> Result:
    from analysis.notes.anchors import make_anchor, reanchor

    start = len(text) * 5 // 8
    sentence = make_anchor(text, start, start + 120)
    paragraph_at = len(text) // 4
    paragraph = make_anchor(text, paragraph_at, paragraph_at + 2000)
    middle = start + 60
    cases = [
        ("moved: 3,000 characters inserted before", sentence, "X" * 3000 + text),
        ("fuzzy: a word changed inside", sentence, text[:middle] + "changed" + text[middle + 5 :]),
        ("orphan: the passage deleted", sentence, text[: start - 10] + text[start + 130 :]),
        ("fuzzy: a 2,000-character quote edited", paragraph,
         text[: paragraph_at + 1000] + "edited" + text[paragraph_at + 1004 :]),
        ("moved: a paragraph moved up", paragraph,
         text[: paragraph_at // 2] + paragraph.quote + text[paragraph_at // 2 : paragraph_at] + text[paragraph_at + 2000 :]),
    ]
    reanchor(sentence, text)  # rapidfuzz imported outside the timing
    timings = []
    for label, anchor, new_text in cases:
        start_time = time.perf_counter()
        placement = reanchor(anchor, new_text)
        timings.append((time.perf_counter() - start_time, label, placement.status))
    slowest = max(seconds for seconds, _, _ in timings)
    return Result(
        "(f) re-anchor a note on the 4 MB Bible, slowest case",
        f"{slowest * 1000:.0f} ms",
        f"< {STALL_MS} ms",
        slowest * 1000 < STALL_MS,
        ["; ".join(f"{label} -> {status} {seconds * 1000:.0f} ms" for seconds, label, status in timings)],
    )


GAZETTEER = "import time; t = time.perf_counter(); from analysis.actors.places import gazetteer; gazetteer(); print(time.perf_counter() - t)"
MODEL = "import time; t = time.perf_counter(); from analysis.pipeline import load_pipeline; load_pipeline(); print(time.perf_counter() - t)"


def gazetteer_build(rounds: int) -> Result:
    env = child_env()
    built, loaded = [], []
    for _ in range(rounds):
        built.append(float(run_child(["-c", GAZETTEER], env).stdout.split()[-1]))
        loaded.append(float(run_child(["-c", MODEL], env).stdout.split()[-1]))
    gazetteer, model = statistics.median(built), statistics.median(loaded)
    ratio = gazetteer / model
    return Result(
        "(f) build the place gazetteer / load the model",
        f"{ratio:.2f}x",
        "<= 0.5x",
        ratio <= 0.5,
        [f"gazetteer {gazetteer * 1000:.0f} ms, model {model * 1000:.0f} ms (import spacy included), "
         f"medians of {rounds} fresh processes; both run only on a cache miss, in the analysis worker"],
    )


def hot_paths(*, quick: bool) -> list[Result]:
    from bench.texts import bible_text

    text = bible_text()
    return [wrapping(text, 2 if quick else 5), reanchoring(text), gazetteer_build(1 if quick else 3)]
