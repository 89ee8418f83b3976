"""A name's kind from its head noun and from the noun the text describes it with (analysis.kind_evidence)."""

from __future__ import annotations

import pytest

from analysis.actors.kind_evidence import described_kind, head_kind


@pytest.mark.parametrize("name, label, kind", [
    ("Omar Karim Brigades", "PERSON", "organization"),   # a person's words, then a force
    ("Coast Guards", "PERSON", "organization"),
    ("Umma Party for Renewal", "ORG", "organization"),
    ("Court of Appeals", "PERSON", None),                # "court" may be a surname: the label stands
    ("Velda Court", "PERSON", None),
    ("North Bank", "GPE", None),                      # the model saw a place: "bank" does not outrank it
    ("Ravi Nair Airport", "PERSON", "place"),
    ("Eastbrook Hospital", "ORG", "place"),
    ("Northern Rescue Plan", "ORG", "thing"),
    ("Treaty of Varn", "ORG", "thing"),
    ("the Lakeland Accords", "ORG", None),             # not capitalised as written: no name
    ("Airport", "FAC", None),                          # one word: a head alone says nothing
])
def test_head_kind(name, label, kind):
    assert head_kind(name, label) == kind


@pytest.mark.parametrize("text, name, kind", [
    ("Police blamed the armed group Korvath for the raid.", "Korvath", "organization"),
    ("Rights NGOs such as Al-Mizan and Dera Watch were shut.", "Dera Watch", "organization"),
    ("Makers of drones like Orlin, Vesk, and Tarro grew.", "Tarro", "organization"),
    ("Velmora -- a small separatist party -- won two seats.", "Velmora", "organization"),
    ("Quill Labs, the Berlin research lab, said so.", "Quill Labs", "organization"),
    ("Soldiers use Grey Hound, a tracking app, at every gate.", "Grey Hound", "thing"),
    ("Mara Velt, a nurse, said the ward was full.", "Mara Velt", None),
    ("He met Tarro in Lisbon.", "Tarro", None),
])
def test_described_kind(text, name, kind):
    start = text.index(name)
    assert described_kind(text, start, start + len(name)) == kind


@pytest.mark.parametrize("text, name, kind", [
    ("They live in Varo, a section of the old city.", "Varo", "place"),
    ("Torres, a town councillor, objected.", "Torres", None),
    ("Ana Reyes, the mayor of the town, spoke.", "Ana Reyes", None),
    ("One strand of this software, known as Grey Fox, scans faces.", "Grey Fox", "thing"),
    ("A network of cameras dubbed Safe Port watches the quay.", "Safe Port", "thing"),
    ("Orvan, an NGO made up of former soldiers, disagreed.", "Orvan", "organization"),
])
def test_described_kind_places_and_names_given(text, name, kind):
    start = text.index(name)
    assert described_kind(text, start, start + len(name)) == kind


def test_a_name_listed_among_organisations_takes_their_kind():
    from analysis.actors.kind_evidence import listed_kind
    from analysis.actors.mentions import Ref

    text = "Groups: Varn Brigades; Asbat Orm; HAMAS; Tiro"
    refs = []
    for name, kind in (("Varn Brigades", "organization"), ("Asbat Orm", ""), ("HAMAS", "organization"), ("Tiro", "")):
        start = text.index(name)
        refs.append(Ref(start, start + len(name), name, name.lower(), "PERSON", 0, kind=kind))
    index = {id(ref): i for i, ref in enumerate(refs)}
    assert listed_kind(text, refs, index, [refs[1]]) == "organization"
    assert listed_kind(text, refs, index, [refs[3]]) == "organization"
    lone = "He met Tiro."
    ref = Ref(7, 11, "Tiro", "tiro", "PERSON", 0)
    assert listed_kind(lone, [ref], {id(ref): 0}, [ref]) is None


@pytest.mark.parametrize("text, name, kind", [
    ("The Varn machine, known as Orbit, won.", "Orbit", "thing"),
    ("all three airports -- Lakeby, Orm Field and Tarrow -- closed", "Tarrow", "place"),
    ("in the busiest airport\n\nVarnrail reported delays", "Varnrail", None),  # another line
    ("IBM's Deep Pine supercomputer won.", "Deep Pine", None),  # only weak evidence
])
def test_described_kind_lists_lines_and_a_noun_after_the_name(text, name, kind):
    start = text.index(name)
    assert described_kind(text, start, start + len(name)) == kind


def test_a_things_noun_after_the_name_is_weak_evidence_on_its_own():
    from analysis.actors.kind_evidence import thing_noun_after

    text = "IBM's Deep Pine supercomputer won. Deep Pine\nsupercomputer"
    assert thing_noun_after(text, text.index(" super")) and not thing_noun_after(text, len(text) - 14)


def test_the_quick_noun_test_knows_every_noun_the_patterns_match():
    import re

    from analysis.actors import kind_evidence

    patterns = [re.compile(rf"(?:{nouns})", re.I) for _, nouns in kind_evidence._NOUNS]
    for word in kind_evidence._NOUN_WORDS - {"think", "startup", "startups"}:
        assert any(p.fullmatch(word) for p in patterns), word
    alternatives = "|".join(nouns for _, nouns in kind_evidence._NOUNS).split("|")
    plain = [a for a in alternatives if a.isalpha()]  # the alternatives written as plain words
    assert plain and set(plain) <= kind_evidence._NOUN_WORDS
