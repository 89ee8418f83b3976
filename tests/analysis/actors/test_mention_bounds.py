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


def test_an_office_holders_title_around_an_organisation_is_cut():
    text = "said the Chair of the Harbour Council. The Harbour Council Chair agreed."
    assert names(text, ("the Chair of the Harbour Council", "ORG"), ("Harbour Council Chair", "ORG")) == [
        "Harbour Council", "Harbour Council",
    ]


def test_a_title_of_a_place_or_a_person_is_kept():
    text = "the Kingdom of Varn and the Duke of Orm"
    assert names(text, ("the Kingdom of Varn", "GPE"), ("Duke of Orm", "PERSON")) == [
        "the Kingdom of Varn", "Duke of Orm",
    ]


def test_a_heading_word_is_no_name_but_a_list_entry_is():
    text = "Background\n\nThe Varn League met.\n\nParties\n\nTashnar or Free Union\nKULP\n"
    found = ("Background", "GPE"), ("Varn League", "ORG"), ("Tashnar", "PERSON"), ("KULP", "ORG")
    assert names(text, *found) == ["Varn League", "Tashnar", "KULP"]


def test_organisations_listed_with_commas_are_each_a_name():
    text = "Army Command, Naval Forces, Air Forces; and Smith, Jones Party"
    assert names(text, ("Naval Forces, Air Forces", "ORG"), ("Smith, Jones Party", "ORG")) == [
        "Naval Forces", "Air Forces", "Smith, Jones Party",
    ]


def test_an_acronym_in_brackets_spells_out_the_name_the_model_cut():
    text = "the UN Relief Mission in Varn (UNRMV) and the Islamic Front of Orm and ash-Shamal (IFOS)"
    found = ("UN Relief Mission", "ORG"), ("Varn", "GPE"), ("Islamic Front of Orm", "ORG")
    assert names(text, *found) == ["UN Relief Mission in Varn", "Islamic Front of Orm and ash-Shamal"]


def test_an_office_for_another_name_is_one_name():
    text = "the Regional Office for the Relief of Refugees said"
    assert names(text, ("Regional Office", "ORG"), ("the Relief of Refugees", "ORG")) == [
        "Regional Office for the Relief of Refugees",
    ]


def test_an_organisers_possessive_before_an_event_is_the_events_name():
    text = "crowds at Varnco's Harvest Day Parade and Ana's Spring Gala"
    found = ("Varnco", "ORG"), ("Harvest Day Parade", "EVENT"), ("Ana", "PERSON"), ("Spring Gala", "WORK_OF_ART")
    assert names(text, *found) == ["Varnco's Harvest Day Parade", "Ana", "Spring Gala"]


def test_a_title_then_a_name_the_model_called_a_thing_is_a_person():
    text = "said Harbour Chief Tomas Reyes Vidal and the Prince Albert Hotel"
    hotel = text.index("Prince")
    spans = [(5, 36, "WORK_OF_ART", 0), (hotel, len(text), "FAC", 0)]
    result = correct(text, spans)
    assert [(text[a:b], label) for a, b, label, _ in result] == [
        ("Tomas Reyes Vidal", "PERSON"), ("Prince Albert Hotel", "FAC"),
    ]


def test_a_sentence_case_heading_opened_by_an_adjective_is_no_name():
    text = "Judicial branch\n\nThe Supreme Judicial Council sat.\n"
    assert names(text, ("Judicial", "ORG"), ("Supreme Judicial Council", "ORG")) == ["Supreme Judicial Council"]


def test_an_eras_mark_after_a_year_is_no_name():
    text = "the Kingdom of Orm (ca. 2500-1500 B.C.) and the B.C. Lions"
    spans = [(4, 18, "GPE", 0), (text.index("B.C."), text.index("B.C.") + 4, "GPE", 0)]
    assert [text[a:b] for a, b, _, _ in correct(text, spans)] == ["Kingdom of Orm"]


def test_a_placeholder_for_a_missing_value_is_no_name():
    text = "election results: NA\nNA member states"
    spans = [(18, 20, "ORG", 0), (21, 23, "ORG", 0)]
    assert [text[a:b] for a, b, _, _ in correct(text, spans)] == ["NA"]  # the second is not after a colon
