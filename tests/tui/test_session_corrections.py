"""The reader's session keeps a briefing's actors as corrected in the cache: reopened, they are
read back, not derived again; any new correction is applied at once."""

from __future__ import annotations

import pytest

from analysis import service
from analysis.documents import read_document
from tui.session import Session


def test_a_reopened_briefing_reads_its_corrected_actors_back(warm_home, seed_path, monkeypatch):
    document = read_document(seed_path)
    first = Session(document, data_dir=str(warm_home))
    actors = first.cached_analysis().actors
    first.add_correction("hide", actors[0].id, None)
    first.add_correction("rename", actors[1].id, "Renamed Here")
    corrected = first.view()
    assert actors[0].id in {actor.id for actor in corrected.actors if actor.hidden}
    assert "Renamed Here" in {actor.name for actor in corrected.actors}

    derive = service.derive
    monkeypatch.setattr(service, "derive", lambda *args, **kwargs: pytest.fail("derived again"))
    reopened = Session(read_document(seed_path), data_dir=str(warm_home))
    assert reopened.cached_analysis() is not None
    view = reopened.view()
    assert [actor.to_dict() for actor in view.actors] == [actor.to_dict() for actor in corrected.actors]
    assert view.summary == corrected.summary

    monkeypatch.setattr(service, "derive", derive)
    reopened.remove_corrections(actors[1].id, "rename")
    assert "Renamed Here" not in {actor.name for actor in reopened.view().actors}
