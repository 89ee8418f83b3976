"""Words the model glues to names on unseen texts (verse numbers, verbs, function words) are cut."""

from __future__ import annotations

from tests.helpers.actors import actors_of


def test_references_and_numbers_never_start_or_end_a_name():
    text = (
        "24:14 Thou shalt go, for thou art wise. 24:15 David went down to the river. And David wept.\n"
        "3. Paris is where she lives. They met Miriam Cole 2 days later."
    )
    found = actors_of(text, [("24:14 Thou", "PERSON"), ("24:15 David", "PERSON"),
                             ("David", "PERSON"), ("3. Paris", "GPE"), ("Miriam Cole 2", "PERSON")])
    assert set(found) == {"David", "Paris", "Miriam Cole"}  # a lone "Thou" is no name
    assert found["David"].mentions == 2


def test_a_word_capitalised_only_where_a_verse_opens_is_no_name():
    text = "4:14 Behold, the camels came. And behold, David saw them. So David went."
    found = actors_of(text, [("4:14 Behold", "PERSON"), ("David", "PERSON"), ("David", "PERSON")])
    assert set(found) == {"David"}


def test_glued_function_words_and_verbs_are_cut():
    text = (
        "Let David go up. And David said unto them, let us go. Shall Saul reign over us? "
        "The people said Saul shall not. Joseph hath a dream. And slayeth Cain his brother. "
        "Then Joseph spoke. Cain fled. And Jacob kissed Rachel. Rachel wept; Jacob left."
    )
    marks = [("Let David", "PERSON"), ("David", "PERSON"), ("Shall Saul", "PERSON"),
             ("Saul", "PERSON"), ("Joseph hath", "PERSON"), ("slayeth Cain", "PERSON"),
             ("Joseph", "PERSON"), ("Cain", "PERSON"), ("Jacob kissed Rachel", "PERSON"),
             ("Rachel", "PERSON"), ("Jacob", "PERSON")]
    found = actors_of(text, marks)
    assert set(found) == {"David", "Saul", "Joseph", "Cain", "Jacob", "Rachel"}
    assert found["David"].mentions == 2 and found["Saul"].mentions == 2
    assert found["Jacob"].mentions == 2 and found["Rachel"].mentions == 2


def test_names_opening_with_a_common_word_keep_it():
    # "mark" and "hope" are content words, never cut, even where the text writes them lowercase
    text = "Mark Rutte spoke. Hope Hicks agreed. They mark the day with hope. Rutte left. Hicks too."
    found = actors_of(text, [("Mark Rutte", "PERSON"), ("Hope Hicks", "PERSON"),
                             ("Rutte", "PERSON"), ("Hicks", "PERSON")])
    assert set(found) == {"Mark Rutte", "Hope Hicks"}
    # "Will" is a function word, but the text writes "Will" after a lowercase word: a name here
    text = "Will Smith spoke. The actor Will Smith said he will return. Smith left."
    found = actors_of(text, [("Will Smith", "PERSON"), ("Will Smith", "PERSON"), ("Smith", "PERSON")])
    assert set(found) == {"Will Smith"} and found["Will Smith"].mentions == 3


def test_particles_and_titles_are_not_glued_words():
    text = (
        "Ursula von der Leyen spoke. Mohammed bin Salman listened. Let King Charles speak, "
        "they said, and let us hear him."
    )
    found = actors_of(text, [("Ursula von der Leyen", "PERSON"), ("Mohammed bin Salman", "PERSON"),
                             ("Let King", "PERSON")])
    # "Let King": what would be left is a lone title, so nothing is cut (and a title alone is
    # dropped as before); particles inside names stay
    assert "Ursula von der Leyen" in found and "Mohammed bin Salman" in found
    assert "King" not in found


def test_a_work_keeps_its_number_but_loses_a_verse_mark_and_people_are_parted_at_and():
    text = "He read 1984 twice. 21:24 Eye for eye. Jacob called Rachel and Leah to the field."
    found = actors_of(text, [("1984", "WORK_OF_ART"), ("21:24 Eye", "WORK_OF_ART"),
                             ("Rachel and Leah", "PERSON")])
    assert {"Rachel", "Leah"} <= set(found)
    assert "21:24 Eye" not in found and "Eye" not in found


def test_two_names_the_model_joined_are_parted_but_a_full_name_is_not():
    text = ("Rachel wept. Rachel slept. Rachel sang. Jacob ran. Jacob hid. Jacob came. "
            "The sons of Rachel Jacob's wife were born.")
    marks = [("Rachel", "PERSON")] * 3 + [("Jacob", "PERSON")] * 3 + [("Rachel Jacob", "PERSON")]
    found = actors_of(text, marks)
    assert set(found) == {"Rachel", "Jacob"} and found["Rachel"].mentions == 4
    text = "Charlotte Brown spoke. Brown said no. Brown left. Brown won. Charlotte smiled."
    marks = [("Charlotte Brown", "PERSON")] + [("Brown", "PERSON")] * 3 + [("Charlotte", "PERSON")]
    assert list(actors_of(text, marks)) == ["Charlotte Brown"]


def test_a_word_that_opens_many_sentences_is_cut_though_once_a_name():
    # "So" is a king's name once, after a lowercase word; it opens twenty sentences
    text = "He sent messengers to So king of Egypt. " + "So David went. And so it was. " * 20 + "David wept."
    found = actors_of(text, [("So David", "PERSON")] * 20 + [("David", "PERSON")])
    assert set(found) == {"David"} and found["David"].mentions == 21


def test_imperatives_and_adverbs_opening_a_verse_are_cut_from_a_person():
    text = (
        "Command Aaron and his sons. They command it; we command them. Aaron went. "
        "Concerning Jesus, they spoke concerning him and concerning us. Jesus wept."
    )
    found = actors_of(text, [("Command Aaron", "PERSON"), ("Aaron", "PERSON"),
                             ("Concerning Jesus", "PERSON"), ("Jesus", "PERSON")])
    assert set(found) == {"Aaron", "Jesus"}
    # a campaign or a law keeps its words: only a person's name loses an opener
    text = "Made in America is a plan. It was made here and made there. America wins."
    found = actors_of(text, [("Made in America", "WORK_OF_ART"), ("America", "GPE")])
    assert "Made in America" in found


def test_a_person_is_named_by_a_full_form_the_text_really_uses():
    # "Merab Saul" once against sixty "Saul": two names the model ran together, not Saul's name
    text = "The time came when Merab Saul's daughter was given. " + "Saul spoke. " * 60
    found = actors_of(text, [("Merab Saul", "PERSON")] + [("Saul", "PERSON")] * 60)
    assert "Saul" in found and "Merab Saul" not in found
    assert "Merab Saul" in [alias.name for alias in found["Saul"].aliases]
    # a full name written once in a short report names its person
    text = "Recep Tayyip Erdogan spoke. " + "Erdogan said more. " * 9
    found = actors_of(text, [("Recep Tayyip Erdogan", "PERSON")] + [("Erdogan", "PERSON")] * 9)
    assert set(found) == {"Recep Tayyip Erdogan"}


def test_a_title_followed_by_of_is_the_name_itself():
    text = "The Duke of Edinburgh arrived. The Duke of Edinburgh left. Then the King of Jacob spoke."
    found = actors_of(text, [("Duke of Edinburgh", "PERSON"), ("Duke of Edinburgh", "PERSON"),
                             ("the King of Jacob", "PERSON")])
    assert "of Edinburgh" not in found and "of Jacob" not in found
    assert "Duke of Edinburgh" in found
