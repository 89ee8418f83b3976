"""Organisation names found by their head noun, and names the text defines as one (no model)."""

from __future__ import annotations

from analysis.actors.untagged_names import add_untagged
from tests.helpers.actors import actors_of


def forms(actors, name):
    """The names of the one row that holds `name` (a row is named by its most used form)."""
    rows = [a for a in actors.values() if name == a.name or name in {x.name for x in a.aliases}]
    assert len(rows) == 1, rows
    return {rows[0].name, *(alias.name for alias in rows[0].aliases)}


def found(text: str, spans=()) -> list[str]:
    return [text[a:b] for a, b, _, _ in add_untagged(text, sorted(spans))]


def test_capitalised_words_ending_in_an_organisation_noun_are_a_name():
    text = "Parties\n\nNorthern Farmers Party\nGreen Renewal Movement or GRM\nUnion for Reform and Work\n"
    assert found(text) == ["Northern Farmers Party", "Green Renewal Movement", "GRM"]


def test_a_name_going_on_past_the_noun_or_already_tagged_is_left_alone():
    text = "The Front Line Watch said the Vale Party had lost. The party split."
    tagged = (text.index("Vale"), text.index("Vale") + 10, "ORG", 0)
    assert found(text, [tagged]) == ["Vale Party"]  # "Front Line Watch": no head at its end


def test_a_sentence_opener_is_not_part_of_the_name():
    assert found("In Coastal Defence Forces, pay rose.") == ["Coastal Defence Forces"]


def test_an_acronym_in_brackets_or_after_or_joins_the_name_it_defines():
    text = ("The Harbour Armed Forces (HAF) and the Harbour Air Fleet patrol the coast. "
            "Later HAF ships left. The Karst Union Party or KUP and the Karst Unity Party or KUnP met.")
    marks = [("Harbour Armed Forces", "ORG"), ("HAF", "ORG"), ("Harbour Air Fleet", "ORG"),
             ("HAF", "ORG"), ("Karst Union Party", "ORG"), ("KUP", "ORG"),
             ("Karst Unity Party", "ORG"), ("KUnP", "ORG")]
    actors = actors_of(text, marks)
    assert forms(actors, "Harbour Armed Forces") == {"Harbour Armed Forces", "HAF"}
    assert forms(actors, "Harbour Air Fleet") == {"Harbour Air Fleet"}  # same initials, given away
    assert forms(actors, "Karst Union Party") == {"Karst Union Party", "KUP"}
    assert forms(actors, "Karst Unity Party") == {"Karst Unity Party", "KUnP"}


def test_a_second_name_in_brackets_is_an_alias_but_a_persons_party_is_not():
    text = "Al-Wafa (Society of Mutual Aid) or SMA runs clinics. Rena VOSK (SMA) won a seat."
    marks = [("Al-Wafa", "PERSON"), ("Society of Mutual Aid", "ORG"), ("SMA", "ORG"),
             ("Rena VOSK", "PERSON"), ("SMA", "ORG")]
    actors = actors_of(text, marks)
    assert forms(actors, "Al-Wafa") == {"Al-Wafa", "Society of Mutual Aid", "SMA"}
    assert {a.kind for a in actors.values() if a.name != "Rena VOSK"} == {"organization"}
    assert actors["Rena VOSK"].kind == "person" and actors["Rena VOSK"].aliases == []


def test_a_treaty_the_model_missed_is_found_by_its_head():
    text = "Talks led to the Varn Peace Agreement in 2020."
    assert found(text) == ["Varn Peace Agreement"]
    assert add_untagged(text, [])[0][2] == "LAW"


def test_a_short_name_and_its_long_form_are_one_organisation():
    text = "Acme said so. An Acme Holdings filing and a Varn Magazine story differ."
    actors = actors_of(text, [("Acme", "ORG"), ("Acme Holdings", "ORG"), ("Varn Magazine", "ORG")])
    assert forms(actors, "Acme") == {"Acme", "Acme Holdings"}
    assert forms(actors, "Varn Magazine") == {"Varn Magazine"}


def test_an_acronym_in_brackets_after_a_tagged_name_is_found():
    text = "the Relief Force for Varn (RFV) left"
    tagged = (4, 25, "ORG", 0)
    assert found(text, [tagged]) == ["Relief Force for Varn", "RFV"]


def test_a_name_replaces_a_word_of_it_the_model_tagged_alone():
    text = "Social Democrat Varn Party\n"
    assert found(text, [(7, 15, "NORP", 0)]) == ["Social Democrat Varn Party"]


def test_a_name_does_not_reach_back_past_a_sentence_end_or_a_possessive():
    assert found("They fled Orm. Our Forces stayed. Varn’s Border Council met.") == ["Border Council"]


def test_people_the_model_called_organisations_in_a_list_of_people_are_people():
    text = "Jon Ardo, Bea Lind, Cal Moro and Dee Sato contributed."
    marks = [("Jon Ardo", "PERSON"), ("Bea Lind", "ORG"), ("Cal Moro", "PERSON"), ("Dee Sato", "PERSON")]
    actors = actors_of(text, marks)
    assert {a.kind for a in actors.values()} == {"person"}


def test_a_name_does_not_reach_back_across_a_line_ending_in_spaces():
    assert found("Grand Hope Party or GHP   \nUnity Party or UP\n") == [
        "Grand Hope Party", "GHP", "Unity Party", "UP",
    ]


def test_letters_the_text_defines_for_a_name_are_no_states_code():
    text = "Chama Cha Varo or CCK won. Later CCK lost. Japan, or JP, is far."
    marks = [("Chama Cha Varo", "ORG"), ("CCK", "GPE"), ("CCK", "GPE"), ("Japan", "GPE"), ("JP", "GPE")]
    actors = actors_of(text, marks)
    assert forms(actors, "CCK") == {"Chama Cha Varo", "CCK"}
    assert "Cocos Islands" not in actors
