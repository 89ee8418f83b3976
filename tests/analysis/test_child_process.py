"""The app's cold analysis in a child process: the same analysis, stored in the cache, cancellable."""

from __future__ import annotations

import pytest

from analysis.child_process import AnalysisFailed, analyse_apart
from analysis.pipeline import AnalysisCancelled, ModelNotInstalled
from analysis.service import AnalysisService, analyse
from store.cache import AnalysisCache

# Every test here starts a child that loads (or starts loading) the spaCy model.
pytestmark = pytest.mark.model


def test_the_child_stores_what_this_process_would_build(tmp_path, seed_document, pipeline):
    service = AnalysisService(AnalysisCache(tmp_path / "cache"))
    reported: list[tuple[int, int]] = []

    found = service.analysis(seed_document, apart=True, on_progress=lambda done, total: reported.append((done, total)))

    assert found.to_dict() == analyse(seed_document, pipeline).to_dict()
    assert service.cache.get(found.key) == found.to_dict()
    assert reported and reported[-1][0] == reported[-1][1]
    assert service._pipeline is None  # the model never loaded here


def test_cancelling_stops_the_child_and_stores_nothing(tmp_path, seed_document):
    cache = AnalysisCache(tmp_path / "cache")
    polls = []

    def cancelled() -> bool:
        polls.append(1)
        return len(polls) > 2  # after the child has started, before the model is loaded

    with pytest.raises(AnalysisCancelled):
        analyse_apart(seed_document, model_name=AnalysisService(cache).model_name, cache_root=cache.root, jobs=1, cancelled=cancelled)
    assert len(cache) == 0


def test_a_missing_model_is_reported_as_such(tmp_path, seed_document):
    with pytest.raises(ModelNotInstalled) as raised:
        analyse_apart(seed_document, model_name="no_such_pipeline_xyz", cache_root=tmp_path / "cache", jobs=1)
    assert raised.value.name == "no_such_pipeline_xyz"


def test_a_failing_child_says_why(tmp_path):
    # No document to analyse: the child fails before loading the model, and says how.
    with pytest.raises(AnalysisFailed) as raised:
        analyse_apart(None, model_name=AnalysisService(AnalysisCache(tmp_path)).model_name, cache_root=tmp_path, jobs=1)
    assert "Error" in str(raised.value)


def test_a_cache_the_child_cannot_write_still_gives_the_analysis(tmp_path, seed_document, pipeline):
    """As in this process (store.cache): a read-only or full disk keeps the analysis in memory
    only, with one warning; here a file stands where the cache folder should be."""
    blocker = tmp_path / "cache"
    blocker.write_text("not a folder")
    service = AnalysisService(AnalysisCache(blocker))

    found = service.analysis(seed_document, apart=True)

    assert found.to_dict() == analyse(seed_document, pipeline).to_dict()
    assert len(service.cache.warnings) == 1 and "cannot be written" in service.cache.warnings[0]
    assert service._pipeline is None  # the model never loaded here


def test_the_text_reaches_the_child_whole_a_piece_at_a_time():
    """Sent apart from the pickled request, in pieces: a character split by no piece, and what
    only pickle kept before (a lone surrogate, as `surrogateescape` leaves) kept too."""
    import io

    from analysis.child_process import TEXT_PIECE, receive_text, send_text

    text = "a" * (TEXT_PIECE - 1) + "é€😀" + "\udcff" + "b" * TEXT_PIECE + "Ankara"
    pipe = io.BytesIO()
    send_text(pipe, text)
    pipe.seek(0)
    assert receive_text(pipe) == text
