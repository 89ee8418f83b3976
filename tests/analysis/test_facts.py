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
                 ("date", "2015-16"), ("number", "about\xa040,000"),
                 ("quantity", "12 Bayraktar")]:
        assert fact in found
    assert {kind for kind, _ in found} <= {"date", "time", "number", "quantity", "money", "percent", "age"}
    assert ("number", "one") not in found  # "the one energy" is no count
    assert ("number", "two") not in found  # a count without a unit or a figure is no fact (issue 16)
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


def facts_of(text, marks):
    mentions, position = [], 0
    for surface, label in marks:
        start = text.index(surface, position)
        position = start + len(surface)
        mentions.append(Mention(surface, label, start, position, 0))
    return extract_facts(text, mentions, [(0, len(text))])


def test_ages_are_ages_and_bare_counts_are_no_facts():
    text = "A 45-year-old, aged 61, waited hours on the day; two men and 300 others came."
    marks = [("45-year-old", "DATE"), ("61", "CARDINAL"), ("hours", "TIME"), ("the day", "DATE"),
             ("two", "CARDINAL"), ("300", "CARDINAL")]
    assert [(f.kind, f.text) for f in facts_of(text, marks)] == [
        ("age", "45-year-old"), ("age", "61"), ("number", "300"),
    ]


def test_a_number_word_in_a_name_is_no_fact_and_a_date_stops_before_a_name():
    text = "The Club of Ten Thousand met. Ten thousand came. The 2005 Varn accord held."
    marks = [("Ten Thousand", "CARDINAL"), ("Ten thousand", "CARDINAL"), ("2005 Varn", "DATE")]
    assert [(f.kind, f.text) for f in facts_of(text, marks)] == [("number", "Ten thousand"), ("date", "2005")]


def test_a_fact_written_again_is_one_row_with_its_occurrences():
    text = "In 2019 they met; in 2019 again, and in 2020."
    facts = facts_of(text, [("2019", "DATE"), ("2019", "DATE"), ("2020", "DATE")])
    assert [(f.text, f.occurrences) for f in facts] == [("2019", [(3, 7), (21, 25)]), ("2020", [(40, 44)])]
