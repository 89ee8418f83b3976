"""The user's corrections: merge, rename, kind, hide; applied in order, never raising, inside the
actor pass so the company of every row is counted once, on the corrected rows."""

from __future__ import annotations

from analysis.actors.build import build_actors
from analysis.actors.corrections import apply_corrections
from analysis.types import Alias, Mention

TEXT = "Erdogan met Zelensky. Recep Erdogan and Turkey agreed. The Ankara government and Erdogan spoke."


def actors(corrections=None):
    marks = [("Erdogan", "PERSON"), ("Zelensky", "PERSON"), ("Recep Erdogan", "ORG"),
             ("Turkey", "GPE"), ("Ankara", "GPE"), ("Erdogan", "PERSON")]
    mentions, position = [], 0
    sentences = [(0, 21), (22, 54), (55, len(TEXT))]
    for surface, label in marks:
        start = TEXT.index(surface, position)
        position = start + len(surface)
        sentence = max(i for i, (a, _) in enumerate(sentences) if a <= start)
        mentions.append(Mention(surface, label, start, position, sentence))
    return build_actors(TEXT, mentions, sentences, fold_metonyms=False, corrections=corrections), sentences


def by_id(found):
    return {actor.id: actor for actor in found}


def test_merge_unites_spans_and_aliases_and_keeps_the_target():
    before, _ = actors()
    ids = by_id(before)
    assert {"person:erdogan", "organization:recep-erdogan", "place:turkey", "place:ankara"} <= set(ids)
    after, _ = actors([
        {"op": "merge", "actor": "organization:recep-erdogan", "value": "person:erdogan"},
        {"op": "merge", "actor": "place:ankara", "value": "place:turkey"},
    ])
    found = by_id(after)
    assert "organization:recep-erdogan" not in found and "place:ankara" not in found
    erdogan = found["person:erdogan"]
    assert erdogan.mentions == 3 and erdogan.spans == sorted(erdogan.spans)
    assert erdogan.kind == "person" and Alias("Recep Erdogan") in erdogan.aliases
    assert Alias("Ankara") in found["place:turkey"].aliases
    # nobody keeps company with an actor that is gone, nor with themselves
    for actor in after:
        assert not {co.id for co in actor.co_actors} & {"organization:recep-erdogan", "place:ankara", actor.id}
    # exact counts: a sentence naming Erdogan twice (once as "Recep Erdogan") counts once
    assert {co.name: co.sentences for co in found["person:erdogan"].co_actors} == {
        "Zelensky": 1, "Turkey": 2}
    corrected = apply_corrections(before, [{"op": "hide", "actor": "place:ankara"}])
    assert not by_id(before)["place:ankara"].hidden and by_id(corrected)["place:ankara"].hidden, (
        "apply_corrections leaves its input untouched")


def test_rename_kind_and_hide():
    after = by_id(actors([
        {"op": "rename", "actor": "person:erdogan", "value": "Recep Tayyip Erdogan"},
        {"op": "kind", "actor": "organization:recep-erdogan", "value": "person"},
        {"op": "hide", "actor": "place:ankara", "value": None},
    ])[0])
    erdogan = after["person:erdogan"]  # the id survives the rename
    assert erdogan.name == "Recep Tayyip Erdogan" and Alias("Erdogan") in erdogan.aliases
    assert after["organization:recep-erdogan"].kind == "person"
    assert after["place:ankara"].hidden
    named = {co.id: co.name for actor in after.values() for co in actor.co_actors}
    assert named["person:erdogan"] == "Recep Tayyip Erdogan", "company names the renamed actor"
    assert "place:ankara" not in named, "a hidden actor keeps nobody company"


def test_corrections_that_no_longer_fit_are_skipped():
    before, _ = actors()
    corrections = [
        {"op": "merge", "actor": "person:nobody", "value": "place:turkey"},
        {"op": "merge", "actor": "place:turkey", "value": "place:gone"},
        {"op": "merge", "actor": "place:turkey", "value": "place:turkey"},
        {"op": "kind", "actor": "place:turkey", "value": "planet"},
        {"op": "rename", "actor": "place:turkey", "value": "  "},
        {"op": "explode", "actor": "place:turkey"},
        {"actor": "place:turkey"},
        "not a dict",
        {"op": "hide", "actor": "person:nobody"},
    ]
    after = apply_corrections(before, corrections)
    assert [a.to_dict() for a in after] == [a.to_dict() for a in before]


def test_corrections_apply_in_order():
    before, _ = actors()
    after = by_id(apply_corrections(before, [
        {"op": "merge", "actor": "place:ankara", "value": "place:turkey"},
        {"op": "hide", "actor": "place:ankara"},  # gone by now: skipped
        {"op": "rename", "actor": "place:turkey", "value": "Türkiye"},
    ]))
    assert not after["place:turkey"].hidden and after["place:turkey"].name == "Türkiye"
    assert {a.name for a in after["place:turkey"].aliases} == {"Ankara", "Turkey"}
