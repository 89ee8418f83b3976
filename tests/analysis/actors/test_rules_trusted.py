"""Rules added for actors an analyst can trust (issue 16, second round), each on made-up
sentences with hand-made mentions (no model): one test per rule, with its counter-case."""

from __future__ import annotations

from tests.helpers.actors import actors_of


def aliases(actor):
    return {alias.name: alias.folded for alias in actor.aliases}


def test_a_capital_a_verb_acts_on_is_a_place_not_its_state():
    text = "Rebels may circle Lusaka with tanks. Zambia sent troops."
    found = actors_of(text, [("Lusaka", "GPE"), ("Zambia", "GPE")])
    assert found["Lusaka"].kind == "place" and aliases(found["Zambia"]) == {}


def test_a_capital_that_acts_still_folds_into_its_state():
    text = "Lusaka refused the deal. Zambia sent troops."
    found = actors_of(text, [("Lusaka", "GPE"), ("Zambia", "GPE")])
    assert "Lusaka" not in found and aliases(found["Zambia"]) == {"Lusaka": True}


def test_a_people_the_text_names_as_a_people_is_a_group_of_its_own():
    text = "We stand with the Zambian people. The Zambians are fighting back. Zambia holds."
    marks = [("Zambian", "NORP"), ("Zambians", "NORP"), ("Zambia", "GPE")]
    found = actors_of(text, marks)
    assert found["Zambians"].kind == "group"
    assert aliases(found["Zambia"]) == {"Zambian": True}


def test_a_people_used_for_its_state_still_folds():
    text = "A showdown with the Zambians was near. Zambian troops massed. Zambia waited."
    marks = [("Zambians", "NORP"), ("Zambian", "NORP"), ("Zambia", "GPE")]
    found = actors_of(text, marks)
    assert "Zambians" not in found
    assert aliases(found["Zambia"]) == {"Zambians": True, "Zambian": True}


def test_a_cross_reference_to_a_part_of_the_document_is_no_actor():
    text = "Rebels hold the north (see Armed Groups in Annexes). The Varn Front holds the south."
    found = actors_of(text, [("Armed Groups in Annexes", "ORG"), ("Varn Front", "ORG")])
    assert list(found) == ["Varn Front"]


def test_a_process_noun_is_no_place():
    text = "Centuries of Varnization followed. Zambia grew."
    found = actors_of(text, [("Varnization", "GPE"), ("Zambia", "GPE")])
    assert list(found) == ["Zambia"]


def test_a_lone_exclamation_is_no_person_but_a_name_used_elsewhere_stays():
    text = "The crowd jeered. Hiss! Then Zambia spoke. The crowd cheered. Zambia!"
    found = actors_of(text, [("Hiss", "PERSON"), ("Zambia", "GPE"), ("Zambia", "GPE")])
    assert list(found) == ["Zambia"] and found["Zambia"].mentions == 2


def test_words_only_a_title_case_headline_capitalises_are_no_name():
    text = ("Ports reopened on Monday, officials said.\n"
            "Read more: Inside a Bold Startup's Daring Plan to Rebuild Our Harbours\n"
            "Dana Roe, who runs the port, said ships were back.")
    marks = [("Daring Plan", "PERSON"), ("Rebuild Our Harbours", "ORG"), ("Dana Roe", "PERSON")]
    found = actors_of(text, marks)
    assert list(found) == ["Dana Roe"]


def test_a_line_listing_names_is_no_headline():
    text = "Armed forces\nGround Force (Varn Army), Varn Navy, Varn Air Force\nThe navy is small."
    marks = [("Varn Army", "ORG"), ("Varn Navy", "ORG"), ("Varn Air Force", "ORG")]
    found = actors_of(text, marks)
    assert {"Varn Army", "Varn Navy", "Varn Air Force"} <= set(found)


def test_a_list_line_name_or_other_name_is_one_organisation_but_a_sentence_is_not():
    text = "Political parties\nVarnaq or Varn Revolutionary Federation\nKorn Party\nThe Korn Party or the Varn Front will win."
    marks = [("Varnaq", "ORG"), ("Varn Revolutionary Federation", "ORG"), ("Korn Party", "ORG"),
             ("Korn Party", "ORG"), ("Varn Front", "ORG")]
    found = actors_of(text, marks)
    assert aliases(found["Varn Revolutionary Federation"]) == {"Varnaq": False}
    assert "Varn Front" in found and aliases(found["Korn Party"]) == {}


def test_a_transliterated_arabic_name_opened_by_movement_or_army_is_an_organisation():
    text = "Harakat Sawt al-Varn claimed the attack. Jaysh al-Korn denied it. Omar Varni spoke."
    marks = [("Harakat Sawt al-Varn", "PERSON"), ("Jaysh al-Korn", "PERSON"), ("Omar Varni", "PERSON")]
    found = actors_of(text, marks)
    assert found["Harakat Sawt al-Varn"].kind == "organization"
    assert found["Jaysh al-Korn"].kind == "organization" and found["Omar Varni"].kind == "person"


def test_a_quoted_name_after_a_naming_phrase_is_one_things_name():
    text = "Guards run cameras dubbed “Korn Safe City.” The network is known as “Grey Fox.” It works."
    marks = [("Korn", "GPE"), ("Safe City", "GPE"), ("Grey Fox", "PERSON")]
    found = actors_of(text, marks)
    assert found["Korn Safe City"].kind == "thing" and "Safe City" not in found
    assert found["Grey Fox"].kind == "thing"


def test_a_persons_quoted_nickname_and_a_quoted_phrase_keep_the_models_reading():
    text = "Omar Varni, known as “Grey Fox,” fled. The plan was called “a gift for Korn and Varn” by critics."
    marks = [("Omar Varni", "PERSON"), ("Grey Fox", "PERSON"), ("Korn", "GPE"), ("Varn", "GPE")]
    found = actors_of(text, marks)
    assert found["Omar Varni"].kind == "person" and "Korn" in found and "Varn" in found
    assert all(actor.kind != "thing" for actor in found.values())


def test_a_place_name_joined_by_a_hyphenated_preposition_is_a_place():
    text = "Guests met at Korn-on-Sea and then at Mar-a-Varn. Omar Abd-al-Varn spoke."
    marks = [("Korn-on-Sea", "PERSON"), ("Mar-a-Varn", "PERSON"), ("Omar Abd-al-Varn", "PERSON")]
    found = actors_of(text, marks)
    assert found["Korn-on-Sea"].kind == "place" and found["Mar-a-Varn"].kind == "place"
    assert found["Omar Abd-al-Varn"].kind == "person"


def test_a_given_name_and_a_surname_in_capitals_is_a_person_where_the_text_writes_names_so():
    text = ("President Dana KORVAL took office.\n2019: Omar VARNI elected president; "
            "the Varn Popular Front (VPF) won. After HAMAS left, Lee VPF spoke.")
    marks = [("Dana KORVAL", "PERSON"), ("Varn Popular Front", "ORG"), ("VPF", "ORG"), ("HAMAS", "ORG")]
    found = actors_of(text, marks)
    assert found["Omar VARNI"].kind == "person"
    assert not any(name.startswith(("After", "Lee")) for name in found)


def test_a_surname_in_capitals_is_no_name_where_the_text_does_not_write_names_so():
    text = "Omar VARNI elected president. Dana Korval took office."
    found = actors_of(text, [("Dana Korval", "PERSON")])
    assert list(found) == ["Dana Korval"]


def test_a_ministers_portfolio_before_the_title_and_name_is_no_organisation():
    text = "Former Defense Secretary Dana Roe spoke. The Varn Army and NATO Secretary General Lee Poe listened."
    marks = [("Defense", "ORG"), ("Dana Roe", "PERSON"), ("Varn Army", "ORG"), ("NATO", "ORG"), ("Lee Poe", "PERSON")]
    found = actors_of(text, marks)
    assert "Defense" not in found and "NATO" in found and "Varn Army" in found


def test_a_generic_noun_does_not_join_an_organisation_whose_head_is_another_noun():
    text = "They coach Little League on Sundays. Our Union is strong. NATO met. The Alliance agreed."
    marks = [("Little League", "ORG"), ("Union", "ORG"), ("NATO", "ORG"), ("Alliance", "ORG")]
    found = actors_of(text, marks)
    assert aliases(found["Little League"]) == {} and "Union" in found
    assert aliases(found["NATO"]) == {"Alliance": False}


def test_a_capital_in_a_based_adjective_is_where_something_is():
    text = "A Lusaka-based charity helped. Zambia sent troops."
    found = actors_of(text, [("Lusaka", "GPE"), ("Zambia", "GPE")])
    assert found["Lusaka"].kind == "place" and aliases(found["Zambia"]) == {}


def test_a_sentence_opening_noun_with_of_and_a_lowercase_word_is_no_name():
    text = "Crowds filled Korn. Groups of citizens blocked tanks. The Bank of Varn closed."
    found = actors_of(text, [("Korn", "GPE"), ("Groups", "ORG"), ("Bank of Varn", "ORG")])
    assert "Groups" not in found and "Bank of Varn" in found and "Korn" in found


def test_words_only_the_title_capitalises_are_no_name_but_the_titles_actors_stay():
    text = ("Dana Roe Backs Korn Over Bold Harbour Plans in the South\n"
            "Dana Roe said on Monday that Korn should rebuild its port.")
    marks = [("Dana Roe", "PERSON"), ("Korn", "GPE"), ("Bold Harbour Plans", "ORG"), ("Dana Roe", "PERSON"),
             ("Korn", "GPE")]
    found = actors_of(text, marks)
    assert set(found) == {"Dana Roe", "Korn"} and found["Dana Roe"].mentions == 2


def test_initials_of_a_three_word_name_are_that_name():
    text = "We flew into Dana F. Korvan airport. Later DFK was shut. Then Lee Poe met Jo Roe."
    marks = [("Dana F. Korvan", "FAC"), ("DFK", "PERSON"), ("Lee Poe", "PERSON"), ("Jo Roe", "PERSON")]
    found = actors_of(text, marks)
    assert len([a for a in found.values() if a.kind == "place"]) == 1
    assert "DFK" not in found or {alias.name for alias in found["DFK"].aliases} == {"Dana F. Korvan"}


def test_a_labelled_fields_name_or_other_name_is_one_organisation():
    text = "highest court(s): Varn Court of Appeal or High Court (five chambers)\nThe High Court sat."
    marks = [("Varn Court of Appeal", "ORG"), ("High Court", "ORG"), ("High Court", "ORG")]
    found = actors_of(text, marks)
    assert len(found) == 1 and next(iter(found.values())).mentions == 3


def test_a_maker_and_a_model_code_is_a_thing_but_a_bare_number_or_a_place_is_not():
    text = "Korn bought 12 Varnak TB3 drones and an Airvan A330. Route 66 runs past Korn. In May B2 fell."
    found = actors_of(text, [("Korn", "GPE"), ("Korn", "GPE")])
    assert found["Varnak TB3"].kind == "thing" and found["Airvan A330"].kind == "thing"
    assert set(found) == {"Korn", "Varnak TB3", "Airvan A330"}


def test_a_surname_that_is_a_month_is_the_persons_after_a_given_name():
    text = "Dana May met Lee Poe in Korn in May. May said the talks went well. Since May little moved."
    marks = [("Lee Poe", "PERSON"), ("Korn", "GPE"), ("May", "DATE")]
    found = actors_of(text, marks)
    assert found["Dana May"].kind == "person" and found["Dana May"].mentions == 2
    assert {alias.name for alias in found["Dana May"].aliases} == {"May"}


def test_a_transcripts_speaker_label_is_the_person_it_names():
    text = "DANA ROE: Good evening.\nSenator Dana Roe spoke in Korn.\nDANA ROE: Thank you.\nLEE POE: Hello."
    marks = [("Dana Roe", "PERSON"), ("Korn", "GPE")]
    found = actors_of(text, marks)
    assert found["Dana Roe"].mentions == 3 and "LEE POE" not in found


def test_a_name_after_the_and_an_organisations_noun_is_that_organisation():
    text = "Data came from the NGO Clear Water Watch in Korn. The group said more."
    found = actors_of(text, [("Korn", "GPE")])
    assert found["Clear Water Watch"].kind == "organization"


def test_a_name_between_the_and_a_things_noun_is_that_thing_but_a_people_is_not():
    text = "Phones were hacked with the Varnak spyware. Korn bought the Zambian drones."
    found = actors_of(text, [("Korn", "GPE")])
    assert found["Varnak"].kind == "thing"
    assert "Zambian" not in found and all(actor.kind != "thing" or actor.name == "Varnak" for actor in found.values())


def test_a_peoples_adjective_before_another_peoples_plural_is_one_people():
    text = "To our fellow Zambian Americans: thank you. Zambia thanks you."
    found = actors_of(text, [("Zambian", "NORP"), ("Americans", "NORP"), ("Zambia", "GPE")])
    assert found["Zambian Americans"].kind == "group" and "Americans" not in found


def test_no_product_at_a_gate_no_person_in_a_date_and_a_place_opening_a_sentence_stays():
    text = ("Flights left Gate A12 late. On Memorial Day May 25 the parade ran. "
            "Philippines of old traded here. Korn of course agreed.")
    found = actors_of(text, [("Memorial Day May 25", "DATE"), ("Philippines", "GPE"), ("Korn", "GPE")])
    assert "Gate A12" not in found and not any("May" in name for name in found)
    assert "Philippines" in found and "Korn" in found
