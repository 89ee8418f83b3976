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
