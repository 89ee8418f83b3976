"""Quote selectors: making them and placing them again in a changed text."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.notes.anchors import (
    CONTEXT,
    THRESHOLD,
    Reanchored,
    find_quote,
    make_anchor,
    reanchor,
)
from analysis.notes.types import Anchor, Placement

BRIEFING = (
    "On April 10, President Volodymyr Zelensky travelled to Istanbul to meet Recep Tayyip "
    "Erdogan. The talks covered grain exports through the Black Sea and the exchange of "
    "prisoners.\n\n"
    "Ankara refuses to join the sanctions against Moscow, citing its dependence on Russian gas "
    "and tourism. Officials in Kyiv said they understood the position but hoped it would "
    "change.\n\n"
    "The two leaders also discussed drones. Turkey has supplied Bayraktar TB2 aircraft since "
    "2019, and a factory near Kyiv is planned for the coming years.\n"
)
QUOTE = "Ankara refuses to join the sanctions against Moscow"


def anchor_on(text: str, quote: str, nth: int = 0) -> Anchor:
    start = -1
    for _ in range(nth + 1):
        start = text.index(quote, start + 1)
    return make_anchor(text, start, start + len(quote))


def check_placement(placement: Reanchored, text: str) -> None:
    """What every placement promises, whatever happened to the text."""
    assert placement.status in set(Placement)
    assert 0.0 <= placement.score <= 1.0
    if placement.status == "orphan":
        assert placement.anchor is None
        return
    new = placement.anchor
    assert new is not None
    assert 0 <= new.start <= new.end <= len(text)
    assert new == make_anchor(text, new.start, new.end)
    assert placement.score >= THRESHOLD


# make_anchor / find_quote


def test_make_anchor_takes_up_to_32_characters_either_side():
    start = BRIEFING.index(QUOTE)
    anchor = make_anchor(BRIEFING, start, start + len(QUOTE))
    assert anchor.quote == QUOTE
    assert anchor.prefix == BRIEFING[start - CONTEXT : start]
    assert anchor.suffix == BRIEFING[start + len(QUOTE) : start + len(QUOTE) + CONTEXT]
    assert (anchor.start, anchor.end) == (start, start + len(QUOTE))


def test_make_anchor_at_the_edges_of_the_text():
    anchor = make_anchor("short text", 0, 5)
    assert (anchor.prefix, anchor.quote, anchor.suffix) == ("", "short", " text")
    anchor = make_anchor("short text", 6, 10)
    assert (anchor.prefix, anchor.quote, anchor.suffix) == ("short ", "text", "")


@pytest.mark.parametrize("start, end", [(-1, 3), (4, 2), (0, 11)])
def test_make_anchor_refuses_a_selection_outside_the_text(start, end):
    with pytest.raises(ValueError, match="bad selection"):
        make_anchor("short text", start, end)


def test_find_quote_is_the_first_exact_occurrence():
    assert find_quote("a cat, a cat", "cat") == (2, 5)
    assert find_quote("a cat", "dog") is None
    assert find_quote("a cat", "") is None


# properties


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200), st.data())
def test_on_unchanged_text_every_anchor_is_exact_and_identical(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    anchor = make_anchor(text, start, end)
    placement = reanchor(anchor, text)
    assert placement == Reanchored(anchor, Placement.EXACT, 1.0)


EDITS = st.tuples(st.integers(0, 400), st.integers(0, 60), st.text(max_size=40))


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=300), st.data(), st.lists(EDITS, max_size=4))
def test_reanchoring_never_raises_and_keeps_its_promises(text, data, edits):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    anchor = make_anchor(text, start, end)
    for at, cut, insert in edits:
        at = min(at, len(text))
        text = text[:at] + insert + text[at + cut :]
    placement = reanchor(anchor, text)
    check_placement(placement, text)
    if placement.status in ("exact", "moved"):
        assert placement.anchor.quote == anchor.quote


@settings(max_examples=60, deadline=None)
@given(
    st.text(max_size=120),
    st.builds(
        Anchor,
        quote=st.text(max_size=30),
        prefix=st.text(max_size=CONTEXT),
        suffix=st.text(max_size=CONTEXT),
        start=st.integers(-50, 500),
        end=st.integers(-50, 500),
    ),
)
def test_a_stored_anchor_with_any_values_never_raises(text, anchor):
    check_placement(reanchor(anchor, text), text)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(range(len(BRIEFING) - len(QUOTE))), st.text(min_size=1, max_size=80))
def test_text_inserted_before_moves_an_anchor_to_the_same_words(shift_at, inserted):
    anchor = anchor_on(BRIEFING, QUOTE)
    at = min(shift_at, anchor.start - CONTEXT)
    text = BRIEFING[:at] + inserted + BRIEFING[at:]
    placement = reanchor(anchor, text)
    assert placement.status in ("exact", "moved")
    assert placement.anchor.quote == QUOTE
    assert placement.anchor.start == anchor.start + len(inserted)


# cases


def test_unchanged():
    anchor = anchor_on(BRIEFING, QUOTE)
    assert reanchor(anchor, BRIEFING) == Reanchored(anchor, Placement.EXACT, 1.0)


def test_shifted_by_text_inserted_before():
    anchor = anchor_on(BRIEFING, QUOTE)
    text = "UPDATE: a new first paragraph.\n\n" + BRIEFING
    placement = reanchor(anchor, text)
    assert placement.status == "moved"
    assert placement.score == pytest.approx(1.0, abs=0.01)
    assert placement.anchor == make_anchor(text, anchor.start + 32, anchor.end + 32)


def test_a_word_changed_in_the_quote_is_fuzzy_and_covers_the_new_words():
    anchor = anchor_on(BRIEFING, QUOTE)
    text = BRIEFING.replace("refuses to join", "declines to join")
    placement = reanchor(anchor, text)
    assert placement.status == "fuzzy"
    assert placement.anchor.quote == "Ankara declines to join the sanctions against Moscow"
    assert THRESHOLD <= placement.score < 1.0


def test_a_longer_word_in_the_quote_is_covered_whole():
    anchor = anchor_on(BRIEFING, QUOTE)
    text = BRIEFING.replace("Moscow, citing", "the Russian Federation, citing")
    placement = reanchor(anchor, text)
    assert placement.status == "fuzzy"
    expected = "Ankara refuses to join the sanctions against the Russian Federation"
    assert placement.anchor.quote == expected


def test_a_duplicated_quote_is_placed_by_its_context():
    text = (
        "Turkey said the deal was final. Russia said the deal was final. "
        "Ukraine said nothing at all about it."
    )
    second = anchor_on(text, "the deal was final", nth=1)
    edited = "Breaking. " + text
    placement = reanchor(second, edited)
    assert placement.status == "moved"
    assert placement.anchor.prefix.endswith("Russia said ")
    assert placement.anchor.start == second.start + len("Breaking. ")


def test_a_duplicated_quote_with_the_same_context_goes_to_the_nearest():
    block = "x" * 40 + " the same words " + "y" * 40 + "\n"
    text = block * 3
    anchor = anchor_on(text, "the same words", nth=1)
    edited = "z" + text
    placement = reanchor(anchor, edited)
    assert placement.status == "moved"
    assert placement.anchor.start == anchor.start + 1


def test_a_deleted_passage_is_an_orphan():
    anchor = anchor_on(BRIEFING, QUOTE)
    paragraph_start = BRIEFING.index("Ankara")
    paragraph_end = BRIEFING.index("\n\n", paragraph_start) + 2
    text = BRIEFING[:paragraph_start] + BRIEFING[paragraph_end:]
    placement = reanchor(anchor, text)
    assert placement.status == "orphan"
    assert placement.anchor is None
    assert placement.score < THRESHOLD


def test_a_passage_rewritten_between_unchanged_neighbours_is_an_orphan():
    anchor = anchor_on(BRIEFING, QUOTE)
    text = BRIEFING.replace(QUOTE, "Turkish officials would not comment on trade")
    assert reanchor(anchor, text).status == "orphan"


def test_a_short_quote_is_not_kept_where_other_words_now_stand():
    text = "The minister met the envoy. Later the talks broke down over grain."
    anchor = anchor_on(text, "the", nth=1)  # "the talks"
    opening = ("Quite unrelated words stand in this spot, " * 2)[: anchor.start]
    rewritten = opening + "the" + " end of another story entirely."
    assert rewritten[anchor.start : anchor.end] == "the"
    assert reanchor(anchor, rewritten).status == "orphan"


def test_the_quote_at_its_offsets_with_its_context_edited_is_still_exact():
    anchor = anchor_on(BRIEFING, QUOTE)
    after = anchor.end + 2
    text = BRIEFING[:after] + "quoting" + BRIEFING[after + len("citing") :]
    placement = reanchor(anchor, text)
    assert placement.status == "exact"
    assert placement.anchor.suffix != anchor.suffix
    assert (placement.anchor.start, placement.anchor.end) == (anchor.start, anchor.end)


def test_empty_text():
    anchor = anchor_on(BRIEFING, QUOTE)
    assert reanchor(anchor, "") == Reanchored(None, Placement.ORPHAN, 0.0)
    empty = make_anchor("", 0, 0)
    assert reanchor(empty, "") == Reanchored(empty, Placement.EXACT, 1.0)
    assert reanchor(empty, "some text now").status == "orphan"


def test_a_stricter_threshold_orphans_a_fuzzy_match():
    anchor = anchor_on(BRIEFING, QUOTE)
    text = BRIEFING.replace("refuses to join", "declines to join")
    assert reanchor(anchor, text, threshold=0.99).status == "orphan"


# cost on a large text


def large_text(size: int = 4_000_000) -> str:
    rng = random.Random(7)
    vocabulary = [
        "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 11)))
        for _ in range(30_000)
    ]
    words = rng.choices(vocabulary, k=size // 6)
    text = " ".join(words)
    return "\n\n".join(text[i : i + 900] for i in range(0, len(text), 900))[:size]


def test_reanchoring_on_a_4_mb_text_stays_fast():
    text = large_text()
    start = 2_500_000
    sentence = make_anchor(text, start, start + 120)
    paragraph = make_anchor(text, 1_000_000, 1_002_000)
    middle = start + 60
    cases = [
        (sentence, "X" * 3000 + text, "moved"),
        (sentence, text[:middle] + "changed" + text[middle + 5 :], "fuzzy"),
        (sentence, text[: start - 10] + text[start + 130 :], "orphan"),
        (paragraph, text[:1_001_000] + "edited" + text[1_001_004:], "fuzzy"),
        (paragraph, text[:500_000] + paragraph.quote + text[500_000:1_000_000] + text[1_002_000:],
         "moved"),
    ]
    for anchor, new_text, status in cases:
        # Each takes about 0.01 to 0.12 s here; timing it is the bench's job, placing it is ours.
        assert reanchor(anchor, new_text).status == status
