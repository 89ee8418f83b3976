"""Key facts: dates, numbers and amounts with their sentence, in document order."""

from __future__ import annotations

from analysis.facts import extract_facts
from analysis.types import Mention


def test_the_seeds_facts(seed_document, seed_tagged):
    facts = extract_facts(seed_document.text, seed_tagged.mentions, seed_tagged.sentences)
    assert [f.start for f in facts] == sorted(f.start for f in facts)
    found = [(f.kind, f.text) for f in facts]
    for fact in [("date", "April 10"), ("date", "latest weeks"), ("date", "2014"),
                 ("date", "October 2020"), ("date", "April 12"), ("date", "June 1"),
                 ("date", "2015-16"), ("number", "about\xa040,000"), ("number", "two"),
                 ("quantity", "12 Bayraktar")]:
        assert fact in found
    assert {kind for kind, _ in found} <= {"date", "time", "number", "quantity", "money", "percent"}
    assert ("number", "one") not in found  # "the one energy" is no count
    text = seed_document.text
    for fact in facts:
        assert text[fact.start : fact.end] == fact.text
        start, end = seed_tagged.sentences[fact.sentence]
        assert start <= fact.start < end


def test_kinds_relative_dates_and_ordinals():
    text = "Last week 5% of the $3 billion went. At 6 pm, 40 tonnes arrived. He was first. Yesterday it rained."
    marks = [("Last week", "DATE"), ("5%", "PERCENT"), ("$3 billion", "MONEY"), ("6 pm", "TIME"),
             ("40 tonnes", "QUANTITY"), ("first", "ORDINAL")]
    mentions, position = [], 0
    for surface, label in marks:
        start = text.index(surface, position)
        position = start + len(surface)
        mentions.append(Mention(surface, label, start, position, 0))
    sentences = [(0, 32), (33, 64), (65, 78), (79, len(text))]
    facts = extract_facts(text, mentions, sentences)
    assert [(f.kind, f.text) for f in facts] == [
        ("date", "Last week"), ("percent", "5%"), ("money", "$3 billion"), ("time", "6 pm"),
        ("quantity", "40 tonnes"), ("date", "Yesterday"),
    ]
    assert facts[-1].sentence == 3  # found by pattern, placed in its sentence
