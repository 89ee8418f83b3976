"""Notes out: Markdown grouped by briefing with path:line links, JSON that round-trips."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.formats.text import content_hash, paragraphs
from analysis.notes.editing import new_note, note_on_actor
from analysis.notes.export import from_json, group_notes, line_of, to_json, to_markdown
from analysis.notes.types import Anchor, Note
from analysis.types import Document

TEXT = (
    "# Turkey and Ukraine\n\n"
    "Ankara refuses to join the sanctions\nagainst Moscow.\n\n"
    "The two leaders also discussed drones.\n"
)
PATH = "briefings/turkey.md"


def document(text: str = TEXT, path: str = PATH, title: str = "Turkey and Ukraine") -> Document:
    return Document(path, title, text, paragraphs(text), content_hash(text))


def note_on(doc: Document, quote: str, body: str = "", **kwargs) -> Note:
    start = doc.text.index(quote)
    note = new_note(doc, start, start + len(quote), body, **kwargs)
    return replace(note, created="2024-05-01T12:30:00+00:00", updated="2024-05-01T12:30:00+00:00")


def sample_notes() -> list[Note]:
    doc = document()
    drones = note_on(doc, "drones", "Bayraktar TB2? #military")
    sanctions = note_on(doc, "Ankara refuses to join the sanctions\nagainst Moscow", "Check #tr")
    actor = replace(
        note_on_actor(doc, "a-1", "Erdogan", "Watch his speeches"),
        created="2024-05-02T08:00:00+00:00",
        updated="2024-05-03T09:15:00+00:00",
    )
    orphan = replace(note_on(doc, "two leaders", "Lost passage #gone"), placement="orphan")
    return [drones, sanctions, actor, orphan]


def test_line_of():
    text = "one\ntwo\n\nfour"
    assert [line_of(text, offset) for offset in (0, 3, 4, 7, 8, 9)] == [1, 1, 2, 2, 3, 4]
    assert line_of(text, -5) == 1
    assert line_of(text, 999) == 4
    assert line_of("", 0) == 1


def test_markdown_groups_notes_by_briefing_with_quotes_and_path_line():
    doc = document()
    names = {"a-1": "Recep Tayyip Erdogan"}
    markdown = to_markdown([(doc, PATH, sample_notes())], actor_names=names)
    lines = markdown.splitlines()
    assert lines[0] == "# Briefing notes"
    assert "## Turkey and Ukraine" in lines
    assert f"`{PATH}` · 4 notes" in lines

    # passage notes in text order, each linked to its line
    sanctions = lines.index(f"**`{PATH}:3`**")
    drones = lines.index(f"**`{PATH}:6`**")
    assert sanctions < drones
    assert lines[sanctions + 2 : sanctions + 4] == [
        "> Ankara refuses to join the sanctions",
        "> against Moscow",
    ]
    assert "Check #tr" in lines
    assert "2024-05-01 12:30 UTC · #tr" in lines
    assert "> drones" in lines

    # actor notes say which actor
    assert f"**On Recep Tayyip Erdogan** · `{PATH}`" in lines
    assert "2024-05-02 08:00 UTC · edited 2024-05-03 09:15 UTC" in lines

    # orphans under their own subheading, after the others
    orphaned = lines.index("### Orphaned")
    assert orphaned > drones
    assert lines.index("> two leaders") > orphaned
    assert "2024-05-01 12:30 UTC · #gone" in lines
    assert markdown.endswith("\n") and not markdown.endswith("\n\n")


def test_markdown_without_the_document_omits_line_numbers_and_names_actors_from_their_id():
    markdown = to_markdown([(None, PATH, sample_notes())])
    assert "## turkey.md" in markdown
    assert f"**`{PATH}`**" in markdown
    assert f"`{PATH}:" not in markdown
    assert "**On A 1**" in markdown  # the id's words, not the id: it has no name to hand


def test_markdown_marks_fuzzy_notes_and_blockquotes_every_line():
    doc = document()
    quote = "Ankara refuses to join the sanctions\nagainst Moscow.\n\nThe two"
    note = replace(note_on(doc, quote), placement="fuzzy")
    markdown = to_markdown([(doc, PATH, [note])])
    assert "> Ankara refuses to join the sanctions\n> against Moscow.\n>\n> The two\n" in markdown
    assert "placed by similarity" in markdown


def test_markdown_keeps_rich_markup_and_escapes_as_text():
    doc = document()
    body = "[bold]not markup[/bold] and \\[escaped\\]"
    markdown = to_markdown([(doc, PATH, [note_on(doc, "drones", body)])])
    assert body in markdown


def test_markdown_of_no_notes():
    assert to_markdown([]) == "# Briefing notes\n\nNo notes.\n"
    assert to_markdown([(document(), PATH, [])]) == "# Briefing notes\n\nNo notes.\n"


def test_group_notes_by_path():
    first, second = document(path="b.md"), document(path="a.md")
    notes = [note_on(first, "drones"), note_on(second, "drones"), note_on(first, "Ankara")]
    groups = group_notes(notes, {"a.md": second})
    assert [(doc, path, [n.id for n in group]) for doc, path, group in groups] == [
        (second, "a.md", [notes[1].id]),
        (None, "b.md", [notes[0].id, notes[2].id]),
    ]


# JSON


def test_json_shape_and_round_trip():
    notes = sample_notes()
    body = "Ünïcödé ✓ [bold]x[/bold] \x1b[0m \"quoted\"\nsecond line"
    notes[0] = replace(notes[0], body=body)
    notes[1] = replace(notes[1], placement="fuzzy")
    text = to_json(notes)
    data = json.loads(text)
    assert data["format"] == "briefing-notes" and data["version"] == 1
    assert [raw["id"] for raw in data["notes"]] == [note.id for note in notes]
    assert data["notes"][2]["anchor"] is None
    assert from_json(text) == notes


# Any note the app can write: free text where the user types (body, quote, context, the path of a
# briefing), the shapes the app produces elsewhere (tags as clean_tag makes them, hex ids and hashes).
PLAIN = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=40)
ANCHORS = st.builds(
    Anchor,
    quote=st.text(max_size=200),
    prefix=st.text(max_size=32),
    suffix=st.text(max_size=32),
    start=st.integers(0, 10**9),
    end=st.just(10**9),
)
NOTES = st.builds(
    Note,
    id=st.uuids().map(lambda u: u.hex),
    document_path=st.text(st.characters(blacklist_characters="\x00"), min_size=1),
    content_hash=st.binary(min_size=1, max_size=8).map(bytes.hex),
    anchor=st.none() | ANCHORS,
    body=st.text(),
    tags=st.lists(st.from_regex(r"[a-z][a-z0-9_/-]{0,20}", fullmatch=True), max_size=5),
    actor_id=st.none() | PLAIN,
    created=PLAIN,
    updated=PLAIN,
    placement=st.sampled_from(["exact", "moved", "fuzzy", "orphan"]),
    revision=st.integers(0, 10**6),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(NOTES, max_size=5, unique_by=lambda note: note.id))
def test_json_round_trip_is_lossless(notes):
    assert from_json(to_json(notes)) == notes


def valid() -> dict:
    return json.loads(to_json(sample_notes()))


def broken(change) -> str:
    data = valid()
    change(data)
    return json.dumps(data)


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "not JSON"),
        ("{\"format\": ", "not JSON: .* line 1"),
        ("[]", "expected a JSON object"),
        (json.dumps({"format": "other", "version": 1, "notes": []}), "not a notes export"),
        (json.dumps({"format": "briefing-notes", "version": 2, "notes": []}), "newer briefing"),
        (json.dumps({"format": "briefing-notes", "version": "1", "notes": []}), "'version'"),
        (json.dumps({"format": "briefing-notes", "version": 1}), "'notes' must be a list"),
        (broken(lambda d: d["notes"].append(3)), "note 5: expected an object"),
        (broken(lambda d: d["notes"][0].pop("id")), "note 1: 'id' is missing"),
        (broken(lambda d: d["notes"][0].update(id="")), "note 1: 'id' is empty"),
        (broken(lambda d: d["notes"][1].update(body=None)), "note 2 .*'body' must be a string"),
        (broken(lambda d: d["notes"][0].update(tags="a,b")), "'tags' must be a list of strings"),
        (broken(lambda d: d["notes"][0].update(placement="lost")), "'placement' must be one of"),
        (broken(lambda d: d["notes"][0].update(anchor=[1, 2])), "anchor: expected an object"),
        (broken(lambda d: d["notes"][0]["anchor"].update(start=True)), "'start' must be a whole"),
        (broken(lambda d: d["notes"][0]["anchor"].update(start=9, end=2)), "0 <= start <= end"),
        (broken(lambda d: d["notes"][0]["anchor"].pop("quote")), "anchor: 'quote' is missing"),
        (broken(lambda d: d["notes"][1].update(id=d["notes"][0]["id"])), "appears twice"),
    ],
)
def test_from_json_rejects_bad_input_clearly(text, message):
    with pytest.raises(ValueError, match=message):
        from_json(text)


def test_from_json_ignores_keys_it_does_not_know():
    data = valid()
    data["exported"] = "2024-05-01"
    data["notes"][0]["colour"] = "red"
    assert from_json(json.dumps(data)) == [Note.from_dict(raw) for raw in data["notes"]]
