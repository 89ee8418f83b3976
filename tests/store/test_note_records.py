"""The one reader of note records, its limits, and the bounded quote of a note on a huge paragraph."""

from __future__ import annotations

import pytest

from analysis.notes.anchors import make_anchor
from analysis.formats.text import from_text
from analysis.notes.editing import new_note
from analysis.notes.placing import place_notes
from store.note_records import MAX_BODY, MAX_QUOTE, MAX_TAGS, BadNote, check_note

GOOD = {"id": "n1", "document_path": "a.txt", "content_hash": "h1", "body": "b", "anchor": None}


def test_a_good_record_gets_its_defaults():
    record = check_note(GOOD)
    assert record["tags"] == [] and record["placement"] == "exact" and record["revision"] == 0
    assert record["actor_id"] is None and record["conflict_of"] is None


@pytest.mark.parametrize(
    "change, words",
    [
        ({"body": 123}, "'body' must be a string"),
        ({"tags": "x"}, "'tags' must be a list"),
        ({"anchor": "bad"}, "anchor: expected an object"),
        ({"anchor": {"quote": "q", "prefix": "", "suffix": "", "start": 5, "end": 2}}, "start <= end"),
        ({"revision": "2"}, "'revision'"),
        ({"placement": "lost"}, "'placement'"),
        ({"id": ""}, "'id' is empty"),
    ],
)
def test_bad_records_say_which_field(change, words):
    with pytest.raises(BadNote, match=words):
        check_note({**GOOD, **change})


def test_missing_required_fields_are_named():
    for key in ("id", "document_path", "content_hash", "body"):
        with pytest.raises(BadNote, match=f"'{key}' is missing"):
            check_note({k: v for k, v in GOOD.items() if k != key})


@pytest.mark.parametrize(
    "change, words",
    [
        ({"body": "x" * (MAX_BODY + 1)}, "the body has"),
        ({"tags": [f"t{n}" for n in range(MAX_TAGS + 1)]}, "tags \\(the limit"),
        ({"tags": [""]}, "is not a tag"),
        ({"tags": ["two words"]}, "is not a tag"),
        ({"tags": ["a\nb"]}, "is not a tag"),
        ({"tags": ["\x1b[2J"]}, "is not a tag"),
        ({"tags": ["[bold]x[/bold]"]}, "is not a tag"),
        ({"id": "a\x1bb"}, "'id' must be"),
        ({"document_path": "a\x00b"}, "NUL"),
        ({"anchor": {"quote": "q" * (MAX_QUOTE + 1), "prefix": "", "suffix": "", "start": 0, "end": 1}}, "the quote has"),
    ],
)
def test_strict_reading_enforces_limits_and_shapes(change, words):
    check_note({**GOOD, **change})  # the user's own store stays readable
    with pytest.raises(BadNote, match=words):
        check_note({**GOOD, **change}, strict=True)


def test_a_note_on_a_2_mb_paragraph_keeps_a_bounded_quote_and_its_place():
    paragraph = " ".join(f"word{n % 997}" for n in range(300_000))
    document = from_text("Title\n\n" + paragraph + "\n\nAfter.\n", "big.txt")
    start, end = document.paragraphs[1]
    note = new_note(document, start, end, "on the whole paragraph")
    assert len(note.anchor.quote) <= MAX_QUOTE and note.anchor.start == start
    assert document.text.startswith(note.anchor.quote, start)
    check_note(note.to_dict(), strict=True)
    [placed] = place_notes([note], document)
    assert placed.placement == "exact" and placed.anchor.start == start


def test_a_short_selection_is_kept_whole():
    anchor = make_anchor("Ankara refuses the offer.", 0, 14)
    assert anchor.quote == "Ankara refuses" and anchor.end == 14
