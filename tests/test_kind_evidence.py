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
