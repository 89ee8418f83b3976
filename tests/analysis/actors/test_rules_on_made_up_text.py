"""Rules of issue 16 on made-up sentences with hand-made mentions (no model): one test per rule."""

from __future__ import annotations

from tests.helpers.actors import actors_of


def aliases(actor):
    return {alias.name: alias.folded for alias in actor.aliases}


def test_a_capital_named_as_the_capital_is_a_place_not_its_state():
    text = "Fighting reached the capital, Lusaka, at night. Zambia sent troops."
    found = actors_of(text, [("Lusaka", "GPE"), ("Zambia", "GPE")])
    assert found["Lusaka"].kind == "place" and aliases(found["Zambia"]) == {}


def test_a_people_whose_state_the_text_never_names_is_a_group():
    text = "The Kurds marched. Kurdish leaders and Turkish officials met. Turks watched."
    marks = [("Kurds", "NORP"), ("Kurdish", "NORP"), ("Turkish", "NORP"), ("Turks", "NORP")]
    found = actors_of(text, marks)
    assert found["Turks"].kind == "group"  # no "Turkey" row invented for the people
    assert found["Turkey"].kind == "place" and aliases(found["Turkey"]) == {"Turkish": True}


def test_a_word_in_capitals_is_the_surname_a_lone_mention_joins():
    text = "Premier Dana KOVAL Petrenko took office. Later KOVAL resigned."
    found = actors_of(text, [("Dana KOVAL Petrenko", "PERSON"), ("KOVAL", "PERSON")])
    assert aliases(found["Dana KOVAL Petrenko"]) == {"KOVAL": False}


def test_two_spellings_of_one_long_name_are_one_person_but_two_short_names_are_not():
    text = "Omar Abd-al-Fatah Rahim spoke. Omar Abd-al-Fattah Rahim left. Dan Ross met Don Ross."
    marks = [("Omar Abd-al-Fatah Rahim", "PERSON"), ("Omar Abd-al-Fattah Rahim", "PERSON"),
             ("Dan Ross", "PERSON"), ("Don Ross", "PERSON")]
    found = actors_of(text, marks)
    assert found["Omar Abd-al-Fatah Rahim"].mentions == 2
    assert "Dan Ross" in found and "Don Ross" in found


def test_an_adjective_of_a_religion_or_ideology_is_no_actor_but_a_people_is():
    text = "Three Varnic kingdoms stood. Democrat and Republican members met. Democrats won."
    marks = [("Varnic", "NORP"), ("Democrat", "NORP"), ("Republican", "NORP"), ("Democrats", "NORP")]
    found = actors_of(text, marks)
    assert "Varnic" not in found and "Republican" not in found
    assert found["Democrats"].kind == "group"


def test_the_indefinite_article_is_not_part_of_a_name():
    text = "It set up a Constitutional Court. The Constitutional Court sat."
    found = actors_of(text, [("a Constitutional Court", "ORG"), ("The Constitutional Court", "ORG")])
    assert list(found) == ["Constitutional Court"] and found["Constitutional Court"].mentions == 2


def test_a_people_written_in_the_singular_and_the_plural_is_one_group():
    text = "Every Varnite voted. The Varnites won."
    found = actors_of(text, [("Varnite", "NORP"), ("Varnites", "NORP")])
    assert list(found) == ["Varnites"] and found["Varnites"].mentions == 2


def test_a_full_name_followed_by_who_is_a_person_and_so_is_its_surname_alone():
    text = "according to Mara Velt, who leads the lab. Later Velt told us more."
    found = actors_of(text, [("Mara Velt", "ORG"), ("Velt", "WORK_OF_ART")])
    assert found["Mara Velt"].kind == "person" and found["Mara Velt"].mentions == 2


def test_an_organisation_followed_by_who_stays_one():
    text = "the Harbour Council, who met on Monday, agreed."
    found = actors_of(text, [("the Harbour Council", "ORG")])
    assert found["Harbour Council"].kind == "organization"


def test_a_lone_nickname_joins_the_one_person_with_that_given_name():
    text = "James Orwin spoke. Much of Jim's work stands. Bill left."
    found = actors_of(text, [("James Orwin", "PERSON"), ("Jim", "PERSON"), ("Bill", "PERSON")])
    assert found["James Orwin"].mentions == 2 and "Bill" in found


def test_a_comma_alone_is_no_list_but_semicolons_are():
    text = "At Varn Air, Tod Lemar spoke. Groups: Orm Brigades; Asbat Orm; Kiro Front."
    marks = [("Varn Air", "ORG"), ("Tod Lemar", "PERSON"), ("Orm Brigades", "ORG"),
             ("Asbat Orm", "PERSON"), ("Kiro Front", "ORG")]
    found = actors_of(text, marks)
    assert found["Tod Lemar"].kind == "person" and found["Asbat Orm"].kind == "organization"


def test_a_things_noun_after_a_name_makes_it_a_thing_only_where_most_mentions_have_it():
    text = "The Varnco machine beat Orm. Varnco said so. Varnco grew. The Delta Nine supercomputer won."
    marks = [("Varnco", "ORG"), ("Varnco", "ORG"), ("Varnco", "ORG"), ("Delta Nine", "ORG")]
    found = actors_of(text, marks)
    assert found["Varnco"].kind == "organization" and found["Delta Nine"].kind == "thing"


def test_a_capital_of_a_state_the_text_names_is_no_person():
    text = "Zambia braced. Troops may circle Lusaka with tanks."
    found = actors_of(text, [("Zambia", "GPE"), ("Lusaka", "PERSON")], fold_metonyms=False)
    assert found["Lusaka"].kind == "place"


def test_a_hyphenated_name_is_split_only_into_names_the_text_writes_or_states():
    text = "Flights left Newark and Newark-Liberty. The Kenya-Uganda border. Ana met Ivo at the Ana-Ivo talks."
    marks = [("Newark", "GPE"), ("Newark-Liberty", "ORG"), ("Kenya-Uganda", "GPE"),
             ("Ana", "PERSON"), ("Ivo", "PERSON"), ("Ana-Ivo", "PERSON")]
    found = actors_of(text, marks)
    assert "Newark-Liberty" in found and "Liberty" not in found
    assert {"Kenya", "Uganda"} <= set(found) and found["Ana"].mentions == 2


def test_a_plural_listed_among_peoples_is_a_people():
    text = "We meet as Varnites, Ormians, and Independents tonight."
    marks = [("Varnites", "NORP"), ("Ormians", "NORP"), ("Independents", "ORG")]
    assert actors_of(text, marks)["Independents"].kind == "group"
