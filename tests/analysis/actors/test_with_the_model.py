"""Rule edges on short texts of our own, tagged by the real model (not the seed)."""

from __future__ import annotations

import pytest

from analysis.actors.build import build_actors


@pytest.fixture(scope="module")
def analyse(pipeline):
    from analysis.pipeline import tag

    def run(text: str, **options):
        tagged = tag(pipeline, text, [(0, len(text))])
        return {a.name: a for a in build_actors(text, tagged.mentions, tagged.sentences, **options)}

    return run


def test_two_people_with_one_surname(analyse):
    found = analyse(
        "President Joe Biden met his son Hunter Biden at the White House on Monday. Biden said the "
        "talks were private. Later, Hunter Biden flew to Delaware, where Biden had lived for decades."
    )
    assert found["Joe Biden"].kind == found["Hunter Biden"].kind == "person"
    assert found["Joe Biden"].role == "President"
    assert found["Joe Biden"].mentions == 3 and found["Hunter Biden"].mentions == 2
    assert "Biden" not in found


def test_a_state_written_four_ways(analyse):
    found = analyse(
        "The US and the U.S. Treasury disagreed. America has long argued that the United States "
        "must lead. Officials in the United States of America and the USA said so."
    )
    us = found["United States"]
    assert {a.name for a in us.aliases} == {"US", "America", "United States of America", "USA"}
    assert found["U.S. Treasury"].kind == "organization"


def test_a_city_that_is_also_a_persons_name(analyse):
    found = analyse(
        "Charlotte Brown, the mayor of a small town, travelled to Charlotte on Tuesday. "
        "Charlotte said the trip to Charlotte was worth it."
    )
    assert found["Charlotte Brown"].role == "mayor of a small town"
    assert found["Charlotte Brown"].mentions == 2
    assert found["Charlotte"].kind == "place" and found["Charlotte"].mentions == 2


def test_leaders_with_titles_and_metonyms(analyse):
    text = (
        "German Chancellor Olaf Scholz and French President Emmanuel Macron met in Berlin on Friday "
        "to discuss the war in Ukraine. Scholz said Germany would deliver more air-defence systems. "
        "NATO Secretary General Jens Stoltenberg welcomed the move. Russia's Foreign Ministry "
        "spokeswoman Maria Zakharova called it provocative. The Kremlin said President Vladimir "
        "Putin had no plans to talk to Scholz."
    )
    found = analyse(text)
    assert found["Olaf Scholz"].role == "German Chancellor" and found["Olaf Scholz"].mentions == 3
    assert found["Emmanuel Macron"].role == "French President"
    assert found["Jens Stoltenberg"].role == "NATO Secretary General"
    assert found["Maria Zakharova"].role == "Russia's Foreign Ministry spokeswoman"
    assert found["Vladimir Putin"].role == "President"
    assert {a.name: a.folded for a in found["Germany"].aliases} == {"German": True}
    assert found["Berlin"].kind == "place"  # only where they met: not folded into Germany


def test_middle_east_briefing(analyse):
    found = analyse(
        "Israeli Prime Minister Benjamin Netanyahu said on Sunday that Israel would continue its "
        "operations in Gaza. Hamas, which controls the Gaza Strip, rejected the proposal. Egypt and "
        "Qatar have mediated talks in Cairo and Doha. The Israeli military said it had struck "
        "targets in Rafah and Khan Younis."
    )
    assert found["Benjamin Netanyahu"].role == "Israeli Prime Minister"
    assert found["Hamas"].kind == "organization"
    for place in ("Israel", "Gaza", "Gaza Strip", "Egypt", "Qatar", "Cairo", "Doha", "Rafah", "Khan Younis"):
        assert found[place].kind == "place", place
    assert {a.name for a in found["Israel"].aliases} == {"Israeli"}
