"""Batch analysis: one spaCy stream across briefings gives what one briefing at a time gives."""

from __future__ import annotations


import pytest

from analysis import batch, processes
from analysis.documents import read_document
from analysis.formats.text import from_text
from analysis.pipeline import AnalysisCancelled
from analysis.service import AnalysisService, analyse
from store.cache import AnalysisCache, decode_entry


def write_briefings(folder, seed_document, count: int = 4) -> list:
    """Small briefings cut from the seed, each with a line of its own so every text differs."""
    paragraphs = [seed_document.text[s:e] for s, e in seed_document.paragraphs]
    paths = []
    for number in range(count):
        chosen = paragraphs[number::count] or paragraphs[:1]
        text = f"Briefing {number} from Ankara\n\n" + "\n\n".join(chosen) + "\n"
        path = folder / f"b{number}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture
def service(tmp_path, pipeline):
    service = AnalysisService(AnalysisCache(tmp_path / "cache"))
    service._pipeline = pipeline  # loaded once per session
    return service


def test_batch_equals_analysing_each_briefing(tmp_path, seed_document, pipeline, service):
    paths = write_briefings(tmp_path, seed_document)
    outcomes = list(batch.run(service, batch.plan(service, paths)))

    assert [o.path for o in outcomes] == paths
    for outcome in outcomes:
        assert outcome.error is None and not outcome.cached
        alone = analyse(read_document(outcome.path), pipeline)
        assert outcome.analysis.to_dict() == alone.to_dict()
        assert service.cache.get(alone.key) == alone.to_dict()


def test_worker_processes_give_the_same_analyses(tmp_path, seed_document, pipeline, service, monkeypatch):
    monkeypatch.setattr(processes, "MIN_CHARS_PER_PROCESS", 0)  # fork even for small texts
    paths = write_briefings(tmp_path, seed_document, count=3)
    outcomes = list(batch.run(service, batch.plan(service, paths), jobs=2))

    for outcome in outcomes:
        assert outcome.analysis.to_dict() == analyse(read_document(outcome.path), pipeline).to_dict()


def test_cached_briefings_are_read_back_without_the_model(tmp_path, seed_document, service):
    paths = write_briefings(tmp_path, seed_document, count=2)
    first = list(batch.run(service, batch.plan(service, paths)))

    fresh = AnalysisService(AnalysisCache(service.cache.root))  # no pipeline: loading would fail here
    fresh.pipeline = lambda: pytest.fail("a cached batch must not load spaCy")
    planned = batch.plan(fresh, paths)
    assert all(p.cached for p in planned)
    again = list(batch.run(fresh, planned))
    assert [o.analysis.to_dict() for o in again] == [o.analysis.to_dict() for o in first]
    assert all(o.cached for o in again)


def test_unreadable_briefings_are_reported_in_place(tmp_path, seed_document, service):
    good = write_briefings(tmp_path, seed_document, count=2)
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x01")
    paths = [good[0], tmp_path / "missing.txt", empty, binary, good[1]]

    outcomes = list(batch.run(service, batch.plan(service, paths)))

    assert [o.path for o in outcomes] == paths
    assert [o.error is None for o in outcomes] == [True, False, False, False, True]
    assert "no such file" in outcomes[1].error
    assert "empty" in outcomes[2].error
    assert "binary" in outcomes[3].error


def test_the_same_text_twice_is_analysed_once(tmp_path, seed_document, service):
    [path] = write_briefings(tmp_path, seed_document, count=1)
    copy = tmp_path / "copy.txt"
    copy.write_bytes(path.read_bytes())
    seen = []
    outcomes = list(batch.run(service, batch.plan(service, [path, copy]), on_progress=seen.append))

    assert [o.cached for o in outcomes] == [False, True]
    assert outcomes[0].analysis.to_dict() == outcomes[1].analysis.to_dict()
    assert seen[-1].analysed == 1 and seen[-1].briefings == 2


def test_progress_counts_up_to_the_totals(tmp_path, seed_document, service):
    paths = write_briefings(tmp_path, seed_document, count=3)
    reports = []
    list(
        batch.run(
            service,
            batch.plan(service, paths),
            on_progress=lambda p: reports.append((p.briefings, p.characters, p.total_characters)),
        )
    )
    total = sum(len(read_document(p).text) for p in paths)
    assert reports[-1] == (3, total, total)
    assert [r[1] for r in reports] == sorted(r[1] for r in reports)


def test_a_cancelled_batch_keeps_what_it_finished(tmp_path, seed_document, service):
    paths = write_briefings(tmp_path, seed_document, count=4)
    planned = batch.plan(service, paths)
    keys = [p.key for p in planned]
    stored = lambda: sum(key in service.cache for key in keys)  # noqa: E731

    got = []
    with pytest.raises(AnalysisCancelled):
        for outcome in batch.run(service, planned, cancelled=lambda: stored() >= 2):
            got.append(outcome)

    assert len(got) == 2
    assert [key in service.cache for key in keys] == [True, True, False, False]
    for key, outcome in zip(keys, got):
        assert service.cache.get(key) == outcome.analysis.to_dict()
    leftovers = [p for p in service.cache.root.rglob("*") if p.is_file() and not p.name.endswith(".jsonl")]
    assert leftovers == []
    for entry in service.cache.root.rglob("*.jsonl"):
        decode_entry(entry.read_bytes())

    replanned = batch.plan(service, paths)
    assert [p.cached for p in replanned] == [True, True, False, False]
    rest = list(batch.run(service, replanned))
    assert all(o.error is None for o in rest) and [o.cached for o in rest] == [True, True, False, False]


def test_a_keyboard_interrupt_leaves_the_cache_valid(tmp_path, seed_document, service):
    paths = write_briefings(tmp_path, seed_document, count=3)
    planned = batch.plan(service, paths)

    def interrupt():
        if planned[0].key in service.cache:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        list(batch.run(service, planned, cancelled=interrupt))

    assert service.cache.get(planned[0].key) is not None
    assert planned[1].key not in service.cache


def test_a_failure_in_our_layer_is_one_briefings_error(tmp_path, seed_document, service, monkeypatch):
    paths = write_briefings(tmp_path, seed_document, count=3)
    import analysis.service as service_module

    real = service_module.derive

    def derive(text, sentences, mentions, **options):
        if text.startswith("Briefing 1 "):
            raise IndexError("list index out of range")
        return real(text, sentences, mentions, **options)

    monkeypatch.setattr(service_module, "derive", derive)
    outcomes = list(batch.run(service, batch.plan(service, paths)))

    assert [o.error is None for o in outcomes] == [True, False, True]
    assert str(paths[1]) in outcomes[1].error and "IndexError" in outcomes[1].error
    assert batch.plan(service, paths)[1].cached is False  # nothing stored for it


@pytest.mark.parametrize("where", ["last", "middle"])
def test_a_briefing_that_vanishes_or_empties_mid_batch_lets_the_batch_go_on(tmp_path, seed_document, service, where):
    paths = write_briefings(tmp_path, seed_document, count=3)
    planned = batch.plan(service, paths)
    gone, emptied = (paths[2], paths[1]) if where == "last" else (paths[1], paths[2])
    gone.unlink()
    emptied.write_text("")

    outcomes = list(batch.run(service, planned))

    assert [o.path for o in outcomes] == paths
    assert outcomes[0].error is None and outcomes[0].analysis is not None
    assert "no such file" in outcomes[paths.index(gone)].error
    assert "empty" in outcomes[paths.index(emptied)].error


@pytest.mark.parametrize("change", ["delete", "empty"])
def test_a_batch_whose_only_briefing_changes_after_the_plan_says_so(tmp_path, seed_document, service, change):
    """Also what `<(cat seed)` does: the plan reads the pipe, and the run finds nothing left."""
    [path] = write_briefings(tmp_path, seed_document, count=1)
    planned = batch.plan(service, [path])
    path.unlink() if change == "delete" else path.write_text("")

    [outcome] = list(batch.run(service, planned))

    assert outcome.analysis is None and ("no such file" in outcome.error or "empty" in outcome.error)


def test_a_cache_that_cannot_be_written_warns_once_and_keeps_the_analyses(tmp_path, seed_document, pipeline):
    # A file where the cache folder should be: no write can succeed, whoever runs the test
    # (permission bits do not stop root; this is what a read-only or full disk looks like to us).
    (tmp_path / "in-the-way").write_text("")
    cache = AnalysisCache(tmp_path / "in-the-way" / "cache")
    service = AnalysisService(cache)
    service._pipeline = pipeline
    paths = write_briefings(tmp_path, seed_document, count=2)
    outcomes = list(batch.run(service, batch.plan(service, paths)))
    assert all(o.error is None and o.analysis.actors for o in outcomes)
    assert len(cache.warnings) == 1 and "cannot be written" in cache.warnings[0]
    assert service.analysis(read_document(paths[0])).actors  # one document, the same way
    assert len(cache.warnings) == 1


def test_a_long_briefing_over_two_processes_tags_as_one(pipeline, seed_document):
    """Just above the crossover, one briefing split across two spaCy processes gives exactly the
    sentences and mentions of one process, and reports its progress to the end."""
    copies = processes.MIN_CHARS_PER_PROCESS // len(seed_document.text) + 1
    document = from_text("\n\n".join(f"Copy {n} of the briefing.\n\n{seed_document.text}" for n in range(copies)))
    assert processes.processes_for(len(document.text), 2) == 2 > processes.processes_for(len(seed_document.text), 2)
    reported: list[tuple[int, int]] = []

    one = processes.tag_document(pipeline, document, jobs=1)
    two = processes.tag_document(pipeline, document, jobs=2, on_progress=lambda done, total: reported.append((done, total)))

    assert len(one.mentions) > copies  # the seed names many actors in every copy
    assert two.sentences == one.sentences
    assert two.mentions == one.mentions
    assert reported[-1] == (len(document.text), len(document.text))


def test_the_service_analyses_with_every_core_unless_told(service, seed_document):
    assert service.jobs is None
    service.analysis(seed_document)
    assert service.jobs == processes.cores()
