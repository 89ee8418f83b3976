"""Notes without storage or UI: tags, making, editing, placing again, searching."""

from __future__ import annotations

import copy
import re
from dataclasses import replace

import pytest

from analysis.formats.text import content_hash, paragraphs
from analysis.notes.editing import (
    clean_tag,
    edit_note,
    filter_notes,
    new_note,
    note_on_actor,
    parse_tags,
)
from analysis.notes.placing import place_notes
from analysis.notes.types import Note
from analysis.types import Document

TEXT = (
    "# Turkey and Ukraine\n\n"
    "Ankara refuses to join the sanctions against Moscow, citing its dependence on Russian gas.\n\n"
    "The two leaders also discussed drones and a factory near Kyiv.\n"
)


def document(text: str = TEXT, path: str = "briefings/turkey.md") -> Document:
    return Document(
        path=path,
        title="Turkey and Ukraine",
        text=text,
        paragraphs=paragraphs(text),
        content_hash=content_hash(text),
    )


def note_on(doc: Document, quote: str, body: str = "", **kwargs) -> Note:
    start = doc.text.index(quote)
    return new_note(doc, start, start + len(quote), body, **kwargs)


# tags


@pytest.mark.parametrize(
    "body, tags",
    [
        ("Check this #Turkey #sanctions", ["turkey", "sanctions"]),
        ("#a then #A and #a again", ["a"]),
        ("#energy/gas #follow-up #to_do", ["energy/gas", "follow-up", "to_do"]),
        ("ends a sentence with #tag. Or #tag2, then #end!", ["tag", "tag2", "end"]),
        ("trailing marks #dash- #slash/", ["dash", "slash"]),
        ("in a word: page#part, C#", []),
        ("URLs: https://example.org/#top and https://x.org/a?b=1#frag", []),
        ("# Heading\n## Sub heading\nbody #real", ["real"]),
        ("issue #566 and #2024 are numbers, #v2 is a tag", ["v2"]),
        ("##double and &#39; are not tags", []),
        ("(#paren) [#bracket] \"#quoted\"", ["paren", "bracket", "quoted"]),
        ("#Café #Ankara", ["café", "ankara"]),
        ("[bold]#rich[/bold] \x1b[31m #escape \x1b[0m#glued", ["rich", "escape"]),
        ("", []),
    ],
)
def test_parse_tags(body, tags):
    assert parse_tags(body) == tags


def test_clean_tag():
    assert clean_tag(" #Turkey ") == "turkey"
    assert clean_tag("energy/gas") == "energy/gas"
    for bad in ("", "#", "two words", "#12", "a.b"):
        with pytest.raises(ValueError, match="not a tag"):
            clean_tag(bad)


# making notes


def test_new_note_quotes_the_selection_and_merges_tags():
    doc = document()
    body = "Check the 2020 statement. #tr #Sanctions"
    note = note_on(doc, "Ankara refuses", body, tags=["#Key", "tr"])
    assert note.anchor.quote == "Ankara refuses"
    assert note.anchor.suffix == " to join the sanctions against M"
    assert note.tags == ["key", "tr", "sanctions"]
    assert (note.document_path, note.content_hash) == (doc.path, doc.content_hash)
    assert re.fullmatch(r"[0-9a-f]{32}", note.id)
    assert note.created == note.updated == "", "the store stamps a note when it writes it"
    assert note.placement == "exact" and note.actor_id is None


def test_new_notes_have_different_ids():
    doc = document()
    assert note_on(doc, "Ankara").id != note_on(doc, "Ankara").id


def test_new_note_refuses_a_selection_outside_the_text_and_bad_tags():
    doc = document()
    with pytest.raises(ValueError):
        new_note(doc, 10, len(doc.text) + 1, "body")
    with pytest.raises(ValueError, match="not a tag"):
        new_note(doc, 0, 5, "body", tags=["two words"])


def test_rich_markup_and_escapes_are_just_text():
    doc = document()
    body = "[bold red]not markup[/] \x1b[2J and a \\ backslash"
    note = note_on(doc, "Ankara", body)
    assert note.body == body


def test_note_on_actor():
    doc = document()
    note = note_on_actor(doc, "actor-7", "Recep Tayyip Erdogan", "Watch his #rhetoric")
    assert note.anchor is None
    assert note.actor_id == "actor-7"
    assert note.tags == ["rhetoric"]
    assert note.document_path == doc.path
    with pytest.raises(ValueError, match="Erdogan"):
        note_on_actor(doc, "", "Erdogan", "body")


def test_edit_note_keeps_hand_tags_and_follows_the_body():
    doc = document()
    note = note_on(doc, "Ankara", "first #draft #gas", tags=["key"])
    edited = edit_note(note, body="second #gas #final")
    assert edited.tags == ["key", "gas", "final"]
    assert edited.body == "second #gas #final"
    assert edited.created == note.created and edited.id == note.id
    assert edit_note(note, tags=["#Other"]).tags == ["other", "draft", "gas"]


# placing again


def test_notes_on_an_unchanged_briefing_stay_exact():
    doc = document()
    notes = [note_on(doc, "Ankara refuses"), note_on_actor(doc, "a1", "Erdogan", "x")]
    assert place_notes(notes, doc) == notes


def test_a_stale_placement_on_the_same_text_is_reset_to_exact():
    doc = document()
    note = replace(note_on(doc, "Ankara refuses"), placement="moved")
    assert place_notes([note], doc)[0].placement == "exact"


def test_notes_follow_their_passages_through_edits():
    doc = document()
    notes = [
        note_on(doc, "Ankara refuses to join the sanctions against Moscow", "moves"),
        note_on(doc, "The two leaders also discussed drones", "gets edited"),
        note_on(doc, "citing its dependence on Russian gas", "gets deleted"),
        note_on_actor(doc, "a1", "Erdogan", "on an actor"),
    ]
    before = copy.deepcopy(notes)
    text = (
        "# Turkey and Ukraine\n\nA new opening paragraph, added later.\n\n"
        "Ankara refuses to join the sanctions against Moscow.\n\n"
        "The two presidents also discussed drones and a factory near Kyiv.\n"
    )
    placed = place_notes(notes, document(text))
    assert notes == before, "the notes passed in are not changed"
    assert [n.id for n in placed] == [n.id for n in notes], "never drops or reorders a note"
    moved, edited, deleted, actor = placed

    assert moved.placement == "moved"
    assert text[moved.anchor.start : moved.anchor.end] == moved.anchor.quote

    assert edited.placement == "fuzzy"
    assert edited.anchor.quote == "The two leaders also discussed drones", "keeps the words quoted"
    now_reads = text[edited.anchor.start : edited.anchor.end]
    assert now_reads == "The two presidents also discussed drones"

    assert deleted.placement == "orphan"
    assert deleted.anchor == notes[2].anchor, "an orphan keeps its anchor to show and retry"

    assert actor == notes[3]
    assert all(n.content_hash == doc.content_hash for n in placed), "hash of the writing time"

    again = place_notes(placed, document(text))
    assert [n.placement for n in again] == ["exact", "fuzzy", "orphan", "exact"]
    assert [n.anchor for n in again] == [n.anchor for n in placed]


def test_an_orphan_comes_back_when_its_passage_does():
    doc = document()
    note = note_on(doc, "citing its dependence on Russian gas")
    gone = document(TEXT.replace("citing its dependence on Russian gas", "for reasons"))
    orphan = place_notes([note], gone)[0]
    assert orphan.placement == "orphan"
    assert place_notes([orphan], doc)[0].placement == "exact"


# search


def test_filter_notes():
    doc = document()
    gas = note_on(doc, "Ankara refuses", "Energy leverage #gas #turkey")
    drones = note_on(doc, "drones", "Bayraktar deliveries #military")
    actor = note_on_actor(doc, "a1", "Erdogan", "Speech on #turkey policy")
    notes = [gas, drones, actor]
    assert filter_notes(notes, "") == notes
    assert filter_notes(notes, "ENERGY") == [gas]
    assert filter_notes(notes, "ankara") == [gas], "the quote is searched"
    assert filter_notes(notes, "milit") == [drones], "words match inside tags"
    assert filter_notes(notes, "#turkey") == [gas, actor]
    assert filter_notes(notes, "#Turkey speech") == [actor]
    assert filter_notes(notes, "#tur") == [], "a #tag must match a whole tag"
    assert filter_notes(notes, "energy drones") == [], "every word must match"
    assert filter_notes(notes, "#1") == []
