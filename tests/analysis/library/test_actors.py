"""Actors across the library: one row per real actor, the identity rules, every-briefing corrections."""

from __future__ import annotations

from analysis.library.actors import library_actors


def actor(actor_id, name, kind="person", aliases=(), mentions=2, first=(0, 5)):
    return {"id": actor_id, "name": name, "kind": kind, "aliases": list(aliases), "role": None,
            "mentions": mentions, "first": list(first), "snippet": {"before": "", "match": name, "after": ""}}


def record(path, date, *actors):
    return {"path": path, "title": path, "date": date, "actors": list(actors)}


RECORDS = [
    record("/a.txt", "2024-01-01", actor("person:recep-tayyip-erdogan", "Recep Tayyip Erdogan", aliases=["Erdogan"], mentions=5),
           actor("organization:nato", "NATO", "organization", aliases=["North Atlantic Treaty Organization"]),
           actor("person:john-smith", "John Smith", aliases=["Smith"])),
    record("/b.txt", "2024-02-01", actor("person:erdogan", "Erdogan", mentions=3),
           actor("organization:north-atlantic-treaty-organization", "North Atlantic Treaty Organization", "organization"),
           actor("person:jane-smith", "Jane Smith", aliases=["Smith"])),
    record("/c.txt", "2024-03-01", actor("person:smith", "Smith", mentions=1), actor("place:turkey", "Turkey", "place")),
]


def by_name(actors):
    return {a.name: a for a in actors}


def test_one_row_per_real_actor_across_briefings():
    actors = by_name(library_actors(RECORDS))
    erdogan = actors["Recep Tayyip Erdogan"]
    assert {a.path for a in erdogan.briefings} == {"/a.txt", "/b.txt"} and erdogan.mentions == 8
    assert erdogan.latest == "2024-02-01"
    # The id the reader selects stays the one of each briefing.
    assert {a.actor_id for a in erdogan.briefings} == {"person:recep-tayyip-erdogan", "person:erdogan"}
    assert "Erdogan" not in actors
    assert len(actors["NATO"].briefings) == 2


def test_a_surname_two_people_share_stays_apart():
    actors = by_name(library_actors(RECORDS))
    assert "Smith" in actors and len(actors["John Smith"].briefings) == 1 and len(actors["Jane Smith"].briefings) == 1


def test_every_briefing_corrections_apply():
    corrections = [
        {"scope": "*", "op": "hide", "actor": "place:turkey"},
        {"scope": "*", "op": "rename", "actor": "person:smith", "value": "Mr Smith"},
        {"scope": "somehash", "op": "hide", "actor": "organization:nato"},  # one briefing's: not here
    ]
    actors = by_name(library_actors(RECORDS, corrections))
    assert "Turkey" not in actors and "Mr Smith" in actors and "NATO" in actors
