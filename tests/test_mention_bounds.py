"""Mention boundaries corrected from how names are written (analysis.mention_bounds), on made-up text."""

from __future__ import annotations

from analysis.actors.mention_bounds import correct


def names(text: str, *found: tuple[str, str]) -> list[str]:
    """The names `correct` gives for the model's (mention text, label) pairs, found in order."""
    spans, position = [], 0
    for written, label in found:
        start = text.index(written, position)
        spans.append((start, start + len(written), label, 0))
        position = start + 1
    return [text[a:b] for a, b, _, _ in correct(text, spans)]


def test_a_name_never_runs_across_a_line_break():
    text = "Parties\n\nNorth Party or NP\nFree Union\nGreen League\n"
    assert names(text, ("NP\nFree Union\nGreen League", "ORG")) == ["NP", "Free Union", "Green League"]


def test_a_colon_a_dash_or_brackets_end_a_name():
    text = "Ministry of Trade: Port Police (PP). The Senate—[laughter]—I agree; Mars Bank; Sun Bank"
    found = ("Ministry of Trade: Port Police", "ORG"), ("Senate—[laughter]—I", "ORG"), ("Mars Bank; Sun Bank", "ORG")
    assert names(text, *found) == ["Ministry of Trade", "Port Police", "Senate", "laughter", "I", "Mars Bank", "Sun Bank"]


def test_an_alias_in_brackets_and_an_unclosed_bracket_are_their_own_names():
    text = "the Harbour Guard (HG) and Mara VOSS (FLP won."
    assert names(text, ("Harbour Guard (HG)", "ORG"), ("Mara VOSS (FLP", "PERSON")) == [
        "Harbour Guard", "HG", "Mara VOSS", "FLP",
    ]


def test_a_capitalised_hyphenated_word_is_taken_whole():
    text = "he flew from Dover-Lakeside to Cap-a-Mare, a UN-backed and US-designated plan"
    assert names(text, ("Lakeside", "GPE"), ("Cap", "PERSON"), ("US", "GPE")) == [
        "Dover-Lakeside", "Cap-a-Mare", "US",
    ]


def test_a_treaty_head_takes_the_capitalised_words_before_it():
    text = "Leaders signed the Northern Fisheries Accord. Accord was reached later."
    assert names(text, ("Accord", "PRODUCT"), ("Accord", "PRODUCT")) == ["Northern Fisheries Accord", "Accord"]


def test_a_mention_inside_a_widened_one_goes():
    text = "in Old-Harbour today"
    assert names(text, ("Old", "GPE"), ("Harbour", "GPE")) == ["Old-Harbour"]


def test_two_names_joined_by_a_hyphen_stay_as_the_model_cut_them():
    text = "Vance met Orlo. At the Vance-Orlo summit they spoke."
    assert names(text, ("Vance", "PERSON"), ("Orlo", "PERSON"), ("Vance", "PERSON")) == ["Vance", "Orlo", "Vance"]
