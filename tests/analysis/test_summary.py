"""Key sentences and salience."""

from __future__ import annotations

import pytest

from analysis.actors.build import build_actors
from analysis.types import Actor
from analysis.salience import rank
from analysis.summary import summarise, summary_size


@pytest.fixture(scope="module")
def seed(seed_document, seed_tagged):
    text, sentences = seed_document.text, seed_tagged.sentences
    actors = build_actors(text, seed_tagged.mentions, sentences)
    return text, sentences, actors


def test_the_seed_summary(seed):
    text, sentences, actors = seed
    summary = summarise(text, sentences, actors)
    assert len(summary) == 5
    assert summary == sorted(summary)
    assert all(span in sentences for span in summary)
    chosen = [text[s:e] for s, e in summary]
    assert chosen[0].startswith("On April 10, President Volodymyr Zelensky")
    assert any("Recep Tayyip Erdogan" in sentence for sentence in chosen)
    assert not any("views expressed" in sentence for sentence in chosen)


def test_sizes_and_short_texts():
    assert [summary_size(n) for n in (0, 1, 2, 5, 14, 15, 29, 30, 200)] == [0, 1, 2, 3, 3, 4, 4, 5, 5]
    assert summary_size(200, max_sentences=2) == 2
    text = "Turkey and Russia met in Ankara today. They agreed on a deal about grain exports."
    sentences = [(0, 38), (39, len(text))]
    actors = [Actor("place:turkey", "Turkey", "place", [(0, 6)]),
              Actor("place:russia", "Russia", "place", [(11, 17)])]
    assert summarise(text, sentences, actors) == sentences
    assert summarise("", [], []) == []


def test_boilerplate_and_fragments_are_never_chosen():
    text = (
        "Turkey and Russia met. The views expressed in this article are the author's own. "
        "Turkey, Russia and Ukraine signed a grain deal in Istanbul on Friday."
    )
    sentences = [(0, 22), (23, 82), (83, len(text))]
    actors = [Actor("place:turkey", "Turkey", "place", [(0, 6), (83, 89)]),
              Actor("place:russia", "Russia", "place", [(11, 17), (91, 97)])]
    assert summarise(text, sentences, actors) == [(83, len(text))]


def test_salience_ranks_the_briefings_subjects_first(seed):
    text, sentences, actors = seed
    summary = summarise(text, sentences, actors)
    ranked = rank(actors, summary, len(text))
    assert [a.salience for a in ranked] == sorted((a.salience for a in ranked), reverse=True)
    assert all(0 <= a.salience <= 1 for a in ranked)
    top = [a.name for a in ranked[:5]]
    assert {"Turkey", "Russia", "Ukraine", "Recep Tayyip Erdogan"} <= set(top)
    assert ranked[-1].name not in top


def test_salience_counts_mentions_position_and_the_summary():
    early = Actor("a", "Early", "place", [(0, 5)])
    late = Actor("b", "Late", "place", [(90, 94)])
    often = Actor("c", "Often", "place", [(50, 55), (60, 65), (70, 75)])
    ranked = rank([late, early, often], [(0, 10)], 100)
    assert [a.name for a in ranked] == ["Often", "Early", "Late"]
    assert early.salience > late.salience
    assert rank([], [], 0) == []


def test_the_seed_summary_covers_the_whole_text(seed):
    text, sentences, actors = seed
    summary = summarise(text, sentences, actors)
    assert any(start > len(text) // 2 for start, _ in summary)  # not only the lead
    assert summary[-1][0] > len(text) * 3 // 4  # the conclusion is in


def test_titles_headings_stage_directions_and_lists_are_never_chosen():
    text = (
        "Turkey and Russia Sign a Long Grain Deal in Istanbul Today\n\n"
        "Turkey and Russia met in Istanbul to sign a grain deal on Friday.\n\n"
        "(Applause from the Turkish and Russian delegations in the hall.)\n\n"
        "Turkey Russia Ukraine grain\nTurkey Russia Ukraine ports\nTurkey Russia Ukraine ships\n\n"
        "Turkey said Russia would keep the Black Sea corridor open for ships."
    )
    starts = [0, 60, 127, 193, 281]
    sentences = [(a, text.index("\n", a) if "\n" in text[a:] else len(text)) for a in starts]
    sentences[3] = (193, 279)
    mentions = [(m.start(), m.end()) for m in __import__("re").finditer("Turkey", text)]
    actors = [Actor("place:turkey", "Turkey", "place", mentions)]
    chosen = [text[s:e] for s, e in summarise(text, sentences, actors)]
    assert chosen == [text[s:e] for s, e in (sentences[1], sentences[4])]


def _sentences(text):
    import re

    starts = [0] + [m.end() for m in re.finditer(r"(?<=[.!?])\s+|\n", text)]
    return [(a, b - 1 if text[b - 1 : b] in " \n" else b) for a, b in zip(starts, starts[1:] + [len(text) + 1])]


def _actor(text, name, kind="organization"):
    import re

    spans = [(m.start(), m.end()) for m in re.finditer(re.escape(name), text)]
    return Actor(f"{kind}:{name.lower()}", name, kind, spans)


def test_a_lead_that_repeats_the_title_and_sentences_that_repeat_each_other_are_left_out():
    text = (
        "Varn Front wins the Korn vote after a long count\n"
        "The Varn Front wins the Korn vote after a long count, officials said on Sunday. "
        "Dana Roe of the Varn Front thanked voters in Korn for their patience at the polls. "
        "Lee Poe conceded defeat to the Varn Front late on Sunday evening in Korn. "
        "Lee Poe of Korn conceded defeat to the Varn Front late on Sunday evening."
    )
    sentences = _sentences(text)
    actors = [_actor(text, "Varn Front"), _actor(text, "Korn", "place"), _actor(text, "Dana Roe", "person"),
              _actor(text, "Lee Poe", "person")]
    chosen = [text[s:e] for s, e in summarise(text, sentences, actors)]
    assert chosen[0].startswith("Dana Roe")
    assert not any(sentence.startswith("The Varn Front wins") for sentence in chosen)
    assert sum(sentence.startswith("Lee Poe") for sentence in chosen) == 1


def test_a_news_sites_call_to_its_readers_is_no_summary_sentence():
    text = "Snow hit Korn and Varn overnight, closing roads. Please share your videos and stories with Korn News today."
    sentences = _sentences(text)
    actors = [_actor(text, "Korn", "place"), _actor(text, "Varn", "place")]
    chosen = [text[s:e] for s, e in summarise(text, sentences, actors)]
    assert chosen == ["Snow hit Korn and Varn overnight, closing roads."]
