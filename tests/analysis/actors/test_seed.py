"""The actor layer on the seed briefing, tagged by the real model: the list an analyst would write."""

from __future__ import annotations

import pytest

from analysis.actors.build import build_actors
from analysis.types import KINDS


@pytest.fixture(scope="module")
def actors(seed_document, seed_tagged):
    return build_actors(seed_document.text, seed_tagged.mentions, seed_tagged.sentences)


@pytest.fixture(scope="module")
def unfolded(seed_document, seed_tagged):
    return build_actors(
        seed_document.text, seed_tagged.mentions, seed_tagged.sentences, fold_metonyms=False
    )


def by_name(actors):
    return {actor.name: actor for actor in actors}


def aliases(actor):
    return {alias.name: alias.folded for alias in actor.aliases}


# (name, kind) of every actor the seed names: one row each, nothing else.
EXPECTED = {
    ("Recep Tayyip Erdogan", "person"),
    ("Volodymyr Zelensky", "person"),
    ("Ruslan Khomchak", "person"),
    ("Konstantin Kosachev", "person"),
    ("Antony Blinken", "person"),
    ("Dmytro Kuleba", "person"),
    ("Putin", "person"),
    ("Biden", "person"),
    ("Turkey", "place"),
    ("Ukraine", "place"),
    ("Russia", "place"),
    ("United States", "place"),
    ("Crimea", "place"),
    ("Syria", "place"),
    ("Libya", "place"),
    ("Nagorno-Karabakh", "place"),
    ("Donbass", "place"),
    ("Donetsk", "place"),
    ("Luhansk", "place"),
    ("Sevastopol", "place"),
    ("Istanbul", "place"),
    ("Brussels", "place"),
    ("Azerbaijan", "place"),
    ("Georgia", "place"),
    ("Black Sea", "place"),
    ("West", "place"),
    ("Atlantic", "place"),
    ("NATO", "organization"),
    ("EU", "organization"),
    ("Pentagon", "organization"),
    ("Federal Council", "organization"),
    ("Al Jazeera", "organization"),
    ("USS Donald Cook", "thing"),
    ("USS Roosevelt", "thing"),
    ("Crimean Platform", "thing"),
    ("Bayraktar TB2", "thing"),  # "Kyiv bought 12 Bayraktar TB2 Unmanned Aerial Automobiles"
    ("Crimean Tatars", "group"),
}


def test_the_seed_reads_like_an_analysts_list(actors):
    assert {(actor.name, actor.kind) for actor in actors} == EXPECTED


def test_no_fragment_of_a_spun_phrase_is_an_actor(actors):
    names = {actor.name for actor in actors} | {a.name for actor in actors for a in actor.aliases}
    for fragment in ("Common Ruslan Khomchak", "Kyiv’s International", "International",
                     "post-Soviet", "Al Jazeera’s", "Common"):
        assert fragment not in names


def test_ids_are_stable_and_unique(actors, seed_document, seed_tagged):
    again = build_actors(seed_document.text, seed_tagged.mentions, seed_tagged.sentences)
    assert [a.id for a in actors] == [a.id for a in again]
    assert len({a.id for a in actors}) == len(actors)
    found = by_name(actors)
    assert found["Turkey"].id == "place:turkey"
    assert found["United States"].id == "place:united-states"
    assert found["Recep Tayyip Erdogan"].id == "person:recep-tayyip-erdogan"
    assert found["NATO"].id == "organization:nato"


def test_every_actor_is_well_formed(actors, seed_document):
    text = seed_document.text
    for actor in actors:
        assert actor.kind in KINDS
        assert actor.spans == sorted(actor.spans) and actor.spans
        assert actor.salience == 0
        for start, end in actor.spans:
            written = text[start:end]
            assert written == written.strip() and not written.endswith(("’s", "'s"))
    counts = [actor.mentions for actor in actors]
    assert counts == sorted(counts, reverse=True)


def test_people_with_roles_and_aliases(actors):
    found = by_name(actors)
    erdogan = found["Recep Tayyip Erdogan"]
    assert "Turkish President" in erdogan.role
    assert aliases(erdogan) == {"Erdogan": False}
    assert erdogan.mentions == 8
    zelensky = found["Volodymyr Zelensky"]
    assert zelensky.role == "President" and aliases(zelensky) == {"Zelensky": False}
    assert zelensky.mentions == 5
    assert "commander-in-chief of Ukraine’s armed forces" in found["Ruslan Khomchak"].role
    # "Common" (the spinner's word for "General") is cut from his name because the text also
    # writes "common" lowercase, a general rule; no title list holds it, so the role is the
    # apposition alone.
    assert found["Ruslan Khomchak"].role == "commander-in-chief of Ukraine’s armed forces"
    assert found["Konstantin Kosachev"].role == "deputy speaker on the Federal Council"
    assert found["Antony Blinken"].role == "US State Secretary"
    assert found["Dmytro Kuleba"].role == "Kyiv’s International Minister"
    assert found["Biden"].mentions == 3  # "the Biden administration", twice "Biden’s staff"
    assert found["Putin"].role is None


def test_one_state_however_written(actors, seed_document):
    us = by_name(actors)["United States"]
    assert aliases(us) == {"US": False, "America": False, "American": True, "Washington": True}
    written = {seed_document.text[s:e] for s, e in us.spans}
    assert written == {"US", "America", "america", "American", "Washington"}


def test_crimea_and_its_full_name_are_one_place(actors):
    crimea = by_name(actors)["Crimea"]
    assert crimea.kind == "place" and crimea.mentions == 4
    assert aliases(crimea) == {"Autonomous Republic of Crimea": False}


def test_capitals_and_demonyms_fold_into_their_state(actors):
    found = by_name(actors)
    assert aliases(found["Ukraine"]) == {"Kyiv": True, "Ukrainian": True}
    assert aliases(found["Turkey"]) == {"Turkish": True, "Ankara": True}
    assert aliases(found["Russia"]) == {"Russian": True, "Moscow": True, "Russians": True}
    for capital in ("Kyiv", "Ankara", "Moscow", "Washington"):
        assert capital not in found
    # Brussels is only where Blinken was: a place, not a stand-in for Belgium.
    assert found["Brussels"].aliases == [] and "Belgium" not in found


def test_without_folding_metonyms_are_rows_of_their_own(unfolded):
    found = by_name(unfolded)
    assert found["Kyiv"].kind == "place" and found["Kyiv"].mentions == 4
    for capital in ("Ankara", "Moscow", "Washington"):
        assert found[capital].kind == "place"
    assert found["Russians"].kind == "group" and aliases(found["Russians"]) == {"Russian": False}
    assert found["Turkish"].kind == "group"
    assert aliases(found["Ukraine"]) == {}
    assert aliases(found["United States"]) == {"US": False, "America": False}
    assert not any(alias.folded for actor in unfolded for alias in actor.aliases)


def test_company_counts_shared_sentences(actors):
    found = by_name(actors)
    erdogan = found["Recep Tayyip Erdogan"]
    company = {co.name: co.sentences for co in erdogan.co_actors}
    assert company["Volodymyr Zelensky"] == 2  # sentences 8 and 27
    assert company["Turkey"] >= 3
    counts = [co.sentences for co in erdogan.co_actors]
    assert counts == sorted(counts, reverse=True)
    # company is symmetric
    zelensky = {co.name: co.sentences for co in found["Volodymyr Zelensky"].co_actors}
    assert zelensky["Recep Tayyip Erdogan"] == 2
    assert erdogan.id not in {co.id for co in erdogan.co_actors}
