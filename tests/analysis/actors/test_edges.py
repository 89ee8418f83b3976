"""Each rule of the actor layer at its edges, on short texts with hand-made mentions (no model)."""

from __future__ import annotations

import pytest

from analysis.actors.build import build_actors, company
from tests.helpers.actors import actors_of, tagged


def aliases(actor):
    return {alias.name: alias.folded for alias in actor.aliases}


def written(text, actor):
    return [text[s:e] for s, e in actor.spans]


# -- people ------------------------------------------------------------------------------------


def test_two_people_with_one_surname_stay_two():
    text = (
        "President Joe Biden met his son Hunter Biden on Monday. Biden said the talks were "
        "private. Hunter Biden flew home."
    )
    found = actors_of(text, [("Joe Biden", "PERSON"), ("Hunter Biden", "PERSON"),
                             ("Biden", "PERSON"), ("Hunter Biden", "PERSON")])
    assert set(found) == {"Joe Biden", "Hunter Biden"}
    assert found["Hunter Biden"].mentions == 2
    # the lone surname goes to the one introduced first, never joins the two
    assert found["Joe Biden"].mentions == 2 and aliases(found["Joe Biden"]) == {"Biden": False}


def test_surname_possessives_and_both_apostrophes_join_the_full_name():
    text = "Recep Tayyip Erdogan spoke. Erdogan’s aides agreed. Erdogan's party too. Erdogan left."
    found = actors_of(text, [("Recep Tayyip Erdogan", "PERSON"), ("Erdogan’s", "PERSON"),
                             ("Erdogan", "ORG"), ("Erdogan", "PERSON")])
    assert list(found) == ["Recep Tayyip Erdogan"]
    erdogan = found["Recep Tayyip Erdogan"]
    assert written(text, erdogan) == ["Recep Tayyip Erdogan", "Erdogan", "Erdogan", "Erdogan"]
    assert aliases(erdogan) == {"Erdogan": False}
    assert erdogan.id == "person:recep-tayyip-erdogan"


def test_a_lone_first_name_joins_the_one_person_who_has_it():
    text = "Charlotte Brown, the mayor of the town, spoke first. Charlotte said it was late."
    found = actors_of(text, [("Charlotte Brown", "PERSON"), ("Charlotte", "PERSON")])
    assert list(found) == ["Charlotte Brown"] and found["Charlotte Brown"].mentions == 2


def test_titles_move_out_of_the_name_into_the_role():
    text = "General Ruslan Khomchak, the commander-in-chief of the army, spoke. Khomchak left."
    found = actors_of(text, [("General Ruslan Khomchak", "PERSON"), ("Khomchak", "PERSON")])
    khomchak = found["Ruslan Khomchak"]
    assert written(text, khomchak) == ["Ruslan Khomchak", "Khomchak"]
    assert khomchak.role == "General, commander-in-chief of the army"
    assert khomchak.id == "person:ruslan-khomchak"


def test_an_unlisted_title_shows_itself_as_a_word_the_text_also_writes_in_lowercase():
    garbled = "Common Ruslan Khomchak spoke. It was a common view."
    found = actors_of(garbled, [("Common Ruslan Khomchak", "PERSON")])
    assert list(found) == ["Ruslan Khomchak"] and found["Ruslan Khomchak"].role == "Common"
    # a first name the text never writes in lowercase stays part of the name
    named = "Recep Tayyip Erdogan spoke. It was a common view."
    assert list(actors_of(named, [("Recep Tayyip Erdogan", "PERSON")])) == ["Recep Tayyip Erdogan"]
    # and a two-word name never loses a word to this rule ("Will Smith")
    short = "Will Smith spoke. He will go."
    assert list(actors_of(short, [("Will Smith", "PERSON")])) == ["Will Smith"]


def test_a_possessive_person_before_a_common_noun_stays_a_person():
    text = "The Biden administration acted. Biden’s staff agreed. Biden’s team left."
    found = actors_of(text, [("Biden", "PERSON"), ("Biden", "ORG"), ("Biden", "ORG")])
    assert found["Biden"].kind == "person" and found["Biden"].mentions == 3


def test_an_organisation_label_on_a_titled_name_is_a_person():
    text = "UN envoy Ramtane Lamamra urged talks."
    found = actors_of(text, [("UN", "ORG"), ("Ramtane Lamamra", "ORG")])
    assert found["Ramtane Lamamra"].kind == "person"
    assert found["Ramtane Lamamra"].role == "UN envoy"


def test_arabic_article_does_not_hide_a_surname():
    text = "Abdel Fattah al-Burhan met envoys. Burhan said no."
    found = actors_of(text, [("Abdel Fattah al-Burhan", "PERSON"), ("Burhan", "ORG")])
    assert list(found) == ["Abdel Fattah al-Burhan"] and found["Abdel Fattah al-Burhan"].mentions == 2


# -- places ------------------------------------------------------------------------------------


def test_a_state_written_four_ways_is_one_row():
    text = (
        "The US objected. The U.S. said so. The United States of America agreed. "
        "America disagreed. The USA voted. The United States left."
    )
    found = actors_of(text, [("US", "GPE"), ("U.S.", "GPE"), ("The United States of America", "GPE"),
                             ("America", "GPE"), ("USA", "ORG"), ("The United States", "GPE")])
    assert list(found) == ["United States"]
    us = found["United States"]
    assert us.kind == "place" and us.id == "place:united-states" and us.mentions == 6
    assert set(aliases(us)) == {"US", "America", "United States of America", "USA"}
    assert not any(aliases(us).values())


def test_gazetteer_places_override_the_models_label():
    text = "According to Kyiv, troops massed. Kyiv bought drones. It happened in Donetsk and Luhansk areas."
    found = actors_of(text, [("Kyiv", "PERSON"), ("Kyiv", "ORG"), ("Donetsk", "GPE"), ("Luhansk", "PERSON")])
    assert found["Kyiv"].kind == "place" and found["Kyiv"].mentions == 2
    assert found["Luhansk"].kind == "place"


def test_a_city_that_is_also_a_persons_name():
    text = (
        "Charlotte Brown travelled to Charlotte on Tuesday. Charlotte said the trip was worth it. "
        "Lincoln spoke next. Riots broke out in Jackson and Memphis."
    )
    found = actors_of(text, [("Charlotte Brown", "PERSON"), ("Charlotte", "GPE"), ("Charlotte", "PERSON"),
                             ("Lincoln", "PERSON"), ("Jackson", "PERSON"), ("Memphis", "GPE")])
    assert found["Charlotte Brown"].mentions == 2  # "Charlotte said": the woman
    assert found["Charlotte"].kind == "place" and found["Charlotte"].mentions == 1  # the city
    assert found["Lincoln"].kind == "person"  # a city's name, but nothing says place here
    assert found["Jackson"].kind == "place"  # "in Jackson and Memphis"


def test_a_person_labelled_name_with_an_article_is_no_person():
    text = "Fighting went on within the Donbass, and the Houthis fired missiles."
    found = actors_of(text, [("Donbass", "PERSON"), ("Houthis", "PERSON")])
    assert found["Donbass"].kind == "place"
    assert found["Houthis"].kind == "group"
    # but "the Biden administration": the article belongs to the noun after the name
    text = "It was backed by the Biden administration."
    assert actors_of(text, [("Biden", "PERSON")])["Biden"].kind == "person"


def test_an_organisation_label_on_a_name_listed_with_places():
    text = "Drones fought in Syria, Libya, and Nagorno-Karabakh. The US and the U.S. Treasury differ."
    found = actors_of(text, [("Syria", "GPE"), ("Libya", "GPE"), ("Nagorno-Karabakh", "ORG"),
                             ("US", "GPE"), ("the U.S. Treasury", "ORG")])
    assert found["Nagorno-Karabakh"].kind == "place"
    assert found["U.S. Treasury"].kind == "organization"
    # a bare comma before an apposition is no list
    text = "Ships sailed in the Red Sea, the Pentagon said."
    found = actors_of(text, [("the Red Sea", "LOC"), ("Pentagon", "ORG")])
    assert found["Pentagon"].kind == "organization" and found["Red Sea"].kind == "place"


def test_a_place_and_its_full_name_are_one():
    text = "Russia annexed Crimea. The de-occupation of the Autonomous Republic of Crimea is the aim."
    found = actors_of(text, [("Russia", "GPE"), ("Crimea", "ORG"), ("the Autonomous Republic of Crimea", "GPE")])
    crimea = found["Crimea"]
    assert crimea.kind == "place" and crimea.mentions == 2
    assert aliases(crimea) == {"Autonomous Republic of Crimea": False}
    assert written(text, crimea) == ["Crimea", "Autonomous Republic of Crimea"]


def test_articles_are_not_part_of_a_name():
    text = "Ships sailed to the Black Sea. The Pentagon watched the Black Sea."
    found = actors_of(text, [("the Black Sea", "LOC"), ("Pentagon", "ORG"), ("the Black Sea", "LOC")])
    assert set(found) == {"Black Sea", "Pentagon"} and found["Black Sea"].mentions == 2


def test_joined_names_are_split():
    text = "The Ukraine-Turkey relationship grew. Ukraine and Turkey agreed."
    found = actors_of(text, [("Ukraine-Turkey", "GPE"), ("Ukraine", "GPE"), ("Turkey", "GPE")])
    assert found["Ukraine"].mentions == 2 and found["Turkey"].mentions == 2
    assert "Ukraine-Turkey" not in found
    text = "Fighting in Nagorno-Karabakh went on."
    assert "Nagorno-Karabakh" in actors_of(text, [("Nagorno-Karabakh", "GPE")])


# -- metonyms ----------------------------------------------------------------------------------

METONYMS = (
    "Russia massed troops. Moscow has refused to talk. Blinken was in Brussels. "
    "Russians and Turkish officials met. Beijing said nothing."
)
METONYM_MARKS = [("Russia", "GPE"), ("Moscow", "GPE"), ("Blinken", "PERSON"), ("Brussels", "GPE"),
                 ("Russians", "NORP"), ("Turkish", "NORP"), ("Beijing", "GPE")]


def test_capitals_and_demonyms_fold_into_their_state():
    found = actors_of(METONYMS, METONYM_MARKS)
    assert aliases(found["Russia"]) == {"Moscow": True, "Russians": True}
    assert found["Russia"].mentions == 3
    assert aliases(found["Turkey"]) == {"Turkish": True}  # the state, through its demonym
    # a capital only where someone was is a place; so is one whose state the text never names
    assert found["Brussels"].kind == "place" and "Belgium" not in found
    assert found["Beijing"].kind == "place" and "China" not in found
    assert "Moscow" not in found


def test_without_folding_metonyms_are_their_own_rows():
    found = actors_of(METONYMS, METONYM_MARKS, fold_metonyms=False)
    assert found["Moscow"].kind == "place" and found["Moscow"].id == "place:moscow"
    assert found["Russians"].kind == "group" and found["Turkish"].kind == "group"
    assert found["Russia"].mentions == 1 and not found["Russia"].aliases
    assert "Turkey" not in found


# -- groups, things, fragments -----------------------------------------------------------------


def test_vessels_are_things_and_demonym_peoples_are_groups():
    text = "USS Donald Cook and HMS Queen Elizabeth sailed. Aid went to Crimean Tatars in Crimea."
    found = actors_of(text, [("USS Donald Cook", "PERSON"), ("HMS Queen Elizabeth", "ORG"),
                             ("Crimean Tatars", "WORK_OF_ART"), ("Crimea", "GPE")])
    assert found["USS Donald Cook"].kind == "thing"
    assert found["HMS Queen Elizabeth"].kind == "thing"
    assert found["Crimean Tatars"].kind == "group"
    # an adjective of no place is no demonym: "Khan Younis" is a name
    text = "Khan Younis was hit."
    assert actors_of(text, [("Khan Younis", "PERSON")])["Khan Younis"].kind == "person"


def test_fragments_are_not_actors():
    text = (
        "He met Kyiv’s International Minister Dmytro Kuleba in the post-Soviet space. "
        "Iran's Supreme Leader Ali Khamenei spoke. U.S. Secretary of State Antony Blinken came. "
        "It is Al Jazeera’s view. Russia’s Defence Ministry denied it."
    )
    found = actors_of(text, [("Kyiv’s International", "ORG"), ("Dmytro Kuleba", "PERSON"),
                             ("post-Soviet", "NORP"), ("Iran", "GPE"), ("Supreme", "ORG"),
                             ("Ali Khamenei", "PERSON"), ("U.S.", "GPE"), ("State", "ORG"),
                             ("Antony Blinken", "PERSON"), ("Al Jazeera’s", "ORG"),
                             ("Russia’s Defence Ministry", "ORG")])
    assert set(found) == {"Kyiv", "Dmytro Kuleba", "Iran", "Ali Khamenei", "United States",
                          "Antony Blinken", "Al Jazeera", "Russia", "Defence Ministry"}
    assert found["Dmytro Kuleba"].role == "Kyiv’s International Minister"
    assert found["Ali Khamenei"].role == "Iran's Supreme Leader"
    assert found["Antony Blinken"].role == "U.S. Secretary of State"
    assert found["Defence Ministry"].kind == "organization"


def test_acronyms_and_generic_nouns_join_their_organisation():
    text = (
        "The European Union met. The EU agreed. NATO met in Brussels. The Alliance would act. "
        "The Federal Council voted. The Council adjourned."
    )
    found = actors_of(text, [("The European Union", "ORG"), ("EU", "ORG"), ("NATO", "ORG"),
                             ("Brussels", "GPE"), ("Alliance", "ORG"), ("The Federal Council", "ORG"),
                             ("Council", "ORG")])
    assert found["European Union"].mentions == 2 and aliases(found["European Union"]) == {"EU": False}
    assert aliases(found["NATO"]) == {"Alliance": False}
    assert found["Federal Council"].mentions == 2


# -- rows --------------------------------------------------------------------------------------


def test_rows_are_sorted_by_mentions_and_ids_are_unique():
    text = "Turkey and Russia met. Turkey agreed. Putin spoke. Turkey left."
    mentions, sentences = tagged(text, [("Turkey", "GPE"), ("Russia", "GPE"), ("Turkey", "GPE"),
                                        ("Putin", "PERSON"), ("Turkey", "GPE")])
    actors = build_actors(text, mentions, sentences)
    assert [a.name for a in actors] == ["Turkey", "Russia", "Putin"]
    assert [a.id for a in actors] == ["place:turkey", "place:russia", "person:putin"]
    assert build_actors("", [], []) == []


def test_facts_are_not_actors():
    text = "On April 10, 40,000 troops massed, costing $5 million."
    found = actors_of(text, [("April 10", "DATE"), ("40,000", "CARDINAL"), ("$5 million", "MONEY")])
    assert found == {}


def test_company_counts_sentences_shared_and_skips_hidden_actors():
    text = "Turkey and Russia met. Turkey and Russia agreed with Putin. Putin left."
    mentions, sentences = tagged(text, [("Turkey", "GPE"), ("Russia", "GPE"), ("Turkey", "GPE"),
                                        ("Russia", "GPE"), ("Putin", "PERSON"), ("Putin", "PERSON")])
    actors = {a.name: a for a in build_actors(text, mentions, sentences)}
    turkey = {co.name: co.sentences for co in actors["Turkey"].co_actors}
    assert turkey == {"Russia": 2, "Putin": 1}
    assert [co.name for co in actors["Turkey"].co_actors] == ["Russia", "Putin"]
    actors["Putin"].hidden = True
    company(list(actors.values()), sentences)
    assert {co.name for co in actors["Turkey"].co_actors} == {"Russia"}


@pytest.mark.parametrize("fold", [True, False])
def test_spans_never_overlap_between_actors(fold):
    text = "Moscow and Kyiv’s International Minister met. Russia’s Defence Ministry and Russia agreed."
    found = actors_of(text, [("Moscow", "GPE"), ("Kyiv’s International", "ORG"),
                             ("Russia’s Defence Ministry", "ORG"), ("Russia", "GPE")], fold_metonyms=fold)
    spans = sorted(span for actor in found.values() for span in actor.spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_a_name_cut_at_a_particle_is_one_name():
    text = "Ursula von der Leyen spoke. Von der Leyen left. Prince Abdulaziz bin Salman agreed."
    found = actors_of(text, [("Ursula von der", "PERSON"), ("Leyen", "GPE"), ("Von der Leyen", "PERSON"),
                             ("Prince Abdulaziz", "PERSON"), ("bin Salman", "PERSON")])
    assert set(found) == {"Ursula von der Leyen", "Abdulaziz bin Salman"}
    assert found["Ursula von der Leyen"].mentions == 2  # "Von" is no title here
    assert found["Abdulaziz bin Salman"].role == "Prince"


def test_a_surname_that_is_a_title_word_is_kept():
    text = "Martin Luther King marched. King spoke. President said nothing."
    found = actors_of(text, [("Martin Luther King", "PERSON"), ("King", "PERSON"), ("President", "PERSON")])
    assert set(found) == {"Martin Luther King"} and found["Martin Luther King"].mentions == 2


def test_codes_institutions_and_generic_state_nouns():
    text = (
        "The G7 met. According to the Pentagon, ships sailed. The White House said no. "
        "Saudi Arabia refused. The Kingdom would not move."
    )
    found = actors_of(text, [("G7", "GPE"), ("Pentagon", "FAC"), ("The White House", "FAC"),
                             ("Saudi Arabia", "GPE"), ("Kingdom", "GPE")])
    assert found["G7"].kind == "organization"
    assert found["Pentagon"].kind == "organization" and found["White House"].kind == "organization"
    assert aliases(found["Saudi Arabia"]) == {"Kingdom": False}
    # with no state whose name holds the noun before it, it stays as written
    text = "The US agreed. The Kingdom would not move."
    assert "Kingdom" in actors_of(text, [("US", "GPE"), ("Kingdom", "GPE")])


def test_roles_keep_their_owner_and_modifiers_but_not_sentence_openers():
    text = (
        "Energy Minister Prince Abdulaziz spoke. Former Prime Minister Boris Johnson wrote. "
        "Yesterday President Joe Biden left. Sudan's army chief Abdel Fattah al-Burhan met "
        "Egyptian President Abdel Fattah el-Sisi."
    )
    found = actors_of(text, [("Prince Abdulaziz", "PERSON"), ("Boris Johnson", "PERSON"),
                             ("Joe Biden", "PERSON"), ("Sudan", "GPE"), ("Abdel Fattah al-Burhan", "PERSON"),
                             ("Egyptian", "NORP"), ("Abdel Fattah el-Sisi", "PERSON")])
    assert found["Abdulaziz"].role == "Energy Minister Prince"
    assert found["Boris Johnson"].role == "Former Prime Minister"
    assert found["Joe Biden"].role == "President"
    assert found["Abdel Fattah al-Burhan"].role == "Sudan's army chief"
    assert found["Abdel Fattah el-Sisi"].role == "Egyptian President"  # not "…al-Burhan met …"


def test_a_person_the_model_first_called_a_place_joins_their_full_name():
    """Found on the King James Bible: a name tagged GPE once and PERSON after used to crash the
    merging of people (its name words had never been read)."""
    from analysis.actors.build import build_actors
    from analysis.types import Mention

    text = "Eleazar Aaron went up. Then Eleazar Aaron spoke to them. Eleazar Aaron said so."
    labels = ["GPE", "PERSON", "PERSON"]
    starts = [i for i in range(len(text)) if text.startswith("Eleazar Aaron", i)]
    mentions = [Mention("Eleazar Aaron", label, s, s + 13, n) for n, (label, s) in enumerate(zip(labels, starts))]
    actors = build_actors(text, mentions, [(0, 22), (23, 56), (57, len(text))])
    assert [(a.name, a.kind, a.mentions) for a in actors] == [("Eleazar Aaron", "person", 3)]
