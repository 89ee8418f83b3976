"""Notes in the app, end to end with Pilot on the real app and real TinyDB files in tmp_path:
search over every briefing's notes, export, orphans and re-pinning, a notes file the app may not
write (with the backup offer), a lock held by another instance, tags, filter and undo."""

from __future__ import annotations

import json
from pathlib import Path

from analysis.notes.types import Anchor
from store.jsonfile import locked
from store.notes import SCHEMA_VERSION
from store.paths import notes_path
from tests.helpers.app import make_app, settle
from tests.helpers.notes_app import SIZE, notifications, paragraph_note, reader_parts, store_of, writes_landed
from tui.dialogs.backup_offer import BackupOffer
from tui.dialogs.note_editor import NoteEditor
from tui.dialogs.note_search import NoteSearchDialog
from tui.widgets.notes_list import ORPHANS_HEADING

def other_briefing_note(body: str) -> dict:
    return {
        "document_path": "/elsewhere/kyiv-report.md",
        "content_hash": "f" * 64,
        "anchor": {"quote": "grain corridor", "prefix": "the ", "suffix": " deal", "start": 4, "end": 18},
        "body": body,
        "tags": ["grain"],
        "placement": "exact",
    }


def shown_text(widget) -> list[str]:
    return [str(option.prompt) for option in widget.options]


# search over all notes


async def test_search_all_notes_live_and_jump(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    document = app.session.document
    store = store_of(warm_home)
    near = store.add(paragraph_note(document, 1, "Ankara's stance #turkey").to_dict())
    far = store.add(paragraph_note(document, 6, "Look at the drones later #turkey #arms").to_dict())
    store.add(other_briefing_note("Grain exports through Odesa #grain"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+f")
        await pilot.pause()
        search = app.screen
        assert isinstance(search, NoteSearchDialog)
        assert len(search.shown) == 3
        # this briefing's notes first, then the others, each with where it is
        labels = shown_text(search.results)
        assert "this briefing" in labels[0] and "/elsewhere/kyiv-report.md" in labels[2]
        assert "“grain corridor”" in labels[2] and "Grain exports through Odesa" in labels[2]

        await pilot.press(*"#turkey")
        assert [n.id for n in search.shown] == [near["id"], far["id"]]
        await pilot.press("ctrl+u", *"drones")
        assert [n.id for n in search.shown] == [far["id"]]
        await pilot.press("ctrl+u", *"#tur")  # a tag matches exactly, not as a prefix
        assert search.shown == []
        await pilot.press("ctrl+u", *"odesa", "enter")
        await pilot.pause()
        assert app.screen is search  # another briefing: it says where, and stays open
        status = str(search.query_one("#note-search-status").render())
        assert "/elsewhere/kyiv-report.md" in status

        await pilot.press("tab", "ctrl+f")  # from the list, ctrl+f returns to the query
        assert search.query_one("#note-search-input").has_focus and app.screen is search
        await pilot.press("ctrl+u", *"turkey", "down", "enter")
        await pilot.pause()
        await pilot.pause()
        assert not isinstance(app.screen, NoteSearchDialog)
        notes, view, _ = reader_parts(app)
        assert notes.highlighted_note.id == far["id"]
        assert notes.has_focus
        assert view.cursor_paragraph == 6


async def test_search_from_the_palette_and_escape(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"search all notes")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, NoteSearchDialog)
        assert "No notes yet." in shown_text(app.screen.results)[0]
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, NoteSearchDialog)


async def test_markup_and_escapes_in_notes_show_literally(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    hostile = "[bold]Ankara[/] [link=http://evil]x[/link] \x1b[31mred\x1b[0m"
    store_of(warm_home).add(paragraph_note(app.session.document, 0, hostile, ["red"]).to_dict())
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        notes, _, _ = reader_parts(app)
        label = shown_text(notes)[0]
        # wrapped to the pane: a word too long for a line goes on over the next
        assert "[bold]Ankara[/]" in label and "[link=http://evil]x[/link]" in label.replace("\n", "")
        assert "\x1b" not in label and "␛[31mred" in label
        await pilot.press("ctrl+f")
        await pilot.pause()
        found = shown_text(app.screen.results)[0]
        assert "[bold]Ankara[/]" in found and "␛[31mred" in found and "\x1b" not in found


# export


async def test_export_writes_markdown_with_path_and_line(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    document = app.session.document
    store = store_of(warm_home)
    store.add(paragraph_note(document, 2, "Check the 2020 statement #turkey").to_dict())
    store.add(other_briefing_note("not this briefing's"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("3", "x")
        await pilot.pause()
        exports = sorted((warm_home / "data" / "exports").glob("turkey-ukraine-notes-*.md"))
        assert len(exports) == 1
        _, _, status = reader_parts(app)
        assert str(exports[0]) in status.message
        assert any(str(exports[0]) in n.message for n in notifications(app))
        folder = str(exports[0].parent.resolve())
        assert any(f"The exports folder: {folder}" in n.message for n in notifications(app))
        markdown = exports[0].read_text()
        start = document.paragraphs[2][0]
        line = document.text.count("\n", 0, start) + 1
        assert f"`{document.path}:{line}`" in markdown
        assert "> Whereas Zelensky" in markdown
        assert "Check the 2020 statement #turkey" in markdown
        assert "not this briefing's" not in markdown
        assert not list(exports[0].parent.glob(".*.tmp"))  # written atomically, nothing left over


async def test_export_with_no_notes_says_so(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("3", "x")
        await pilot.pause()
        assert reader_parts(app)[2].message == "No notes to export"
        assert not (warm_home / "data" / "exports").exists()


# orphans and moved notes


def orphan_record(document) -> dict:
    quote = "This sentence about the Montreux Convention was cut from the briefing."
    return {
        "document_path": document.path,
        "content_hash": "0" * 64,  # written on an earlier version of the text
        "anchor": {"quote": quote, "prefix": "Ankara reminded everyone. ", "suffix": " Then came",
                   "start": 500, "end": 500 + len(quote)},
        "body": "Where did this go? #montreux",
        "tags": ["montreux"],
        "placement": "exact",
    }


def moved_record(document) -> dict:
    start, end = document.paragraphs[3]
    anchor = Anchor.from_dict(paragraph_note(document, 3, "x").anchor.to_dict())
    shifted = {**anchor.to_dict(), "start": start + 40, "end": end + 40}
    return {
        "document_path": document.path,
        "content_hash": "1" * 64,
        "anchor": shifted,
        "body": "This passage moved",
        "tags": [],
        "placement": "exact",
    }


async def test_orphans_listed_last_and_repinned_to_the_cursor(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    document = app.session.document
    store = store_of(warm_home)
    orphan = store.add(orphan_record(document))
    store.add(paragraph_note(document, 1, "placed note").to_dict())
    store.add(moved_record(document))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        notes, view, status = reader_parts(app)
        labels = shown_text(notes)
        assert labels[-2] == ORPHANS_HEADING
        assert "[orphaned]" in labels[-1] and "[moved]" in labels[1]
        for note_id, quote in ((orphan["id"], "Montreux Convention was cut"), (notes.notes[1].id, "This passage moved")):
            notes.highlight_note(note_id)  # the highlighted note shows whole, its quote too
            await pilot.pause()
            assert quote in " ".join(str(notes.get_option(note_id).prompt).split())
        notes.highlighted = 0
        assert [n.placement for n in notes.notes] == ["exact", "moved", "orphan"]
        assert app.session.document.paragraph_at(notes.notes[1].anchor.start) == 3

        await pilot.press("right_curly_bracket", "right_curly_bracket", "right_curly_bracket",
                          "right_curly_bracket")
        assert view.cursor_paragraph == 4
        await pilot.press("3", "j", "j")  # the heading is skipped: j lands on the orphan
        assert notes.highlighted_note.id == orphan["id"]
        await pilot.press("enter")
        assert "Orphaned" in status.message and notes.has_focus
        await pilot.press("p")
        await writes_landed(app, pilot)
        assert "re-pinned to ¶5" in status.message
        repinned = next(n for n in notes.notes if n.id == orphan["id"])
        assert repinned.placement == "exact"
        start, end = document.paragraphs[4]
        assert (repinned.anchor.start, repinned.anchor.end) == (start, end)
        assert ORPHANS_HEADING not in shown_text(notes)
        stored = store.get(orphan["id"])
        assert stored["content_hash"] == document.content_hash
        assert stored["anchor"]["quote"] == document.text[start:end]
        assert stored["body"] == "Where did this go? #montreux"

        # a placed note is moved only after a yes
        await pilot.press("k")
        moved_id = notes.highlighted_note.id
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert store.get(moved_id)["content_hash"] == "1" * 64

    app = make_app(warm_home, seed_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        notes, _, _ = reader_parts(app)
        assert next(n for n in notes.notes if n.id == orphan["id"]).placement == "exact"


# a notes file the app must not write


def good_backup(home: Path, document) -> Path:
    """A backup holding one note, where the store keeps its dated backups."""
    backup = home / "data" / "backups" / "notes-2024-01-01.json"
    backup.parent.mkdir(parents=True, exist_ok=True)
    record = {**paragraph_note(document, 2, "from the backup").to_dict(), "revision": 1}
    backup.write_text(json.dumps({"meta": {"1": {"schema_version": 1}}, "notes": {"1": record}}))
    return backup


async def test_corrupt_notes_file_offers_the_backup_and_restores_it(warm_home, seed_path):
    from analysis.documents import read_document

    path = notes_path(str(warm_home))
    good_backup(warm_home, read_document(seed_path))
    path.write_text('{"notes": {"1": {"id": "a", "body": "half a note')  # torn by another program
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.pause()
        offer = app.screen
        assert isinstance(offer, BackupOffer)
        assert offer.backup.name == "notes-2024-01-01.json" and offer.notes == 1
        await pilot.press("r")
        await writes_landed(app, pilot)
        notes, _, status = reader_parts(app)
        assert [n.body for n in notes.notes] == ["from the backup"]
        assert notes.border_title == "Notes"
        assert "restored" in status.message
        kept = list(path.parent.glob("notes.json.bad-*"))
        assert len(kept) == 1 and "half a note" in kept[0].read_text()
        assert not app.session.notes_store.read_only


async def test_read_only_notes_warn_and_keep_typed_text(warm_home, seed_path):
    from analysis.documents import read_document

    good_backup(warm_home, read_document(seed_path))
    path = notes_path(str(warm_home))
    path.write_text("this is not JSON")
    before = path.read_bytes()
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.pause()
        assert isinstance(app.screen, BackupOffer)
        await pilot.press("k")
        await pilot.pause()
        notes, view, status = reader_parts(app)
        warning = shown_text(notes)[0]
        assert "read-only" in warning and str(path) in warning and "not valid JSON" in warning
        assert notes.border_title == "Notes · read-only"

        await pilot.press("2", "a")
        await pilot.pause()
        assert "read-only" in str(app.screen.query_one("#note-editor-heading").render())
        await pilot.press(*"precious words", "ctrl+s")
        await writes_landed(app, pilot)
        assert isinstance(app.screen, NoteEditor)  # reopened with the text: nothing lost
        assert app.screen.query_one("#note-editor-body").text == "precious words"
        assert any(n.severity == "error" and "read-only" in n.title for n in notifications(app))
        assert path.read_bytes() == before
        await pilot.press("escape")
        await pilot.pause()
        # the warning is still there, and the offer is not repeated
        assert "read-only" in shown_text(reader_parts(app)[0])[0]
        assert not isinstance(app.screen, BackupOffer)


async def test_newer_schema_without_backup_is_read_only_and_named(warm_home, seed_path):
    path = notes_path(str(warm_home))
    note = {"id": "n1", "document_path": str(seed_path), "content_hash": "x", "anchor": None,
            "body": "written by a future version", "tags": [], "created": "2030-01-01T00:00:00+00:00"}
    path.write_text(json.dumps({"meta": {"1": {"schema_version": SCHEMA_VERSION + 1}},
                                "notes": {"1": note}}))
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.pause()
        assert not isinstance(app.screen, BackupOffer)
        notes, _, _ = reader_parts(app)
        assert "newer briefing" in shown_text(notes)[0]
        assert [n.body for n in notes.notes] == ["written by a future version"]  # still readable
        assert any("no good backup" in n.message for n in notifications(app))
        await pilot.press("3", "d", "y")  # a delete is a write too: refused, the note stays
        await writes_landed(app, pilot)
        assert [n.body for n in notes.notes] == ["written by a future version"]
        assert any("read-only" in n.title for n in notifications(app))
        assert json.loads(path.read_text())["notes"]["1"]["body"] == "written by a future version"


# another instance holding the lock


async def test_locked_notes_file_says_so_and_keeps_the_text(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.session.notes_store.lock_timeout = 0.1
        with locked(app.session.notes_store.root):  # another instance, hung in a write
            await pilot.press("a", *"while locked", "ctrl+s")
            await writes_landed(app, pilot)
            assert isinstance(app.screen, NoteEditor)
            assert app.screen.query_one("#note-editor-body").text == "while locked"
            locked_notes = [n for n in notifications(app) if "locked" in n.title]
            assert locked_notes and "another briefing process" in locked_notes[0].message
        await pilot.press("ctrl+s")  # the other instance is gone: saving now works
        await writes_landed(app, pilot)
        assert [n.body for n in reader_parts(app)[0].notes] == ["while locked"]
        assert [n["body"] for n in store_of(warm_home).all()] == ["while locked"]


# tags, filter, undo


async def test_tags_edit_and_bad_tag(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    store = store_of(warm_home)
    saved = store.add(paragraph_note(app.session.document, 2, "Ankara's line #turkey").to_dict())
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        notes, _, status = reader_parts(app)
        await pilot.press("3", "t")
        await pilot.pause()
        prompt = app.screen.query_one("#prompt")
        assert prompt.has_focus and prompt.value == "turkey"
        await pilot.press("end", *" #Black-Sea nato", "enter")
        await writes_landed(app, pilot)
        assert notes.notes[0].tags == ["turkey", "black-sea", "nato"]
        assert store.get(saved["id"])["tags"] == ["turkey", "black-sea", "nato"]
        shown = shown_text(notes)[0]
        # tags set with t are listed; one already written in the body is not shown twice
        assert "#black-sea #nato" in shown and shown.count("#turkey") == 1
        assert notes.has_focus

        await pilot.press("t", "end", *" #3", "enter")  # an issue number, not a tag
        await pilot.pause()
        assert "Tags not saved" in status.message
        assert prompt.has_focus and prompt.value.endswith("#3")  # asked again, text kept
        await pilot.press("escape")
        assert store.get(saved["id"])["tags"] == ["turkey", "black-sea", "nato"]


async def test_filter_by_tag_and_words(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    document = app.session.document
    store = store_of(warm_home)
    for paragraph, body in [(1, "Ankara and Kyiv #turkey"), (3, "Moscow's answer #russia"),
                            (5, "drones again #turkey #arms")]:
        store.add(paragraph_note(document, paragraph, body).to_dict())
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        notes, _, _ = reader_parts(app)
        await pilot.press("3", "slash", *"#turkey", "enter")
        await pilot.pause()
        assert [n.body for n in notes.notes] == ["Ankara and Kyiv #turkey", "drones again #turkey #arms"]
        assert "filter “#turkey”" in notes.border_subtitle
        assert reader_parts(app)[2].notes == 3  # the status still counts all of them
        await pilot.press("slash", "ctrl+u", *"DRONES", "enter")
        await pilot.pause()
        assert [n.body for n in notes.notes] == ["drones again #turkey #arms"]
        await pilot.press("slash", "ctrl+u", *"#nothing", "enter")
        await pilot.pause()
        assert notes.notes == [] and "No note matches" in shown_text(notes)[0]
        await pilot.press("slash", "ctrl+u", "enter")
        await pilot.pause()
        assert len(notes.notes) == 3 and "filter" not in notes.border_subtitle


async def test_delete_and_undo(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    store = store_of(warm_home)
    document = app.session.document
    first = store.add(paragraph_note(document, 1, "first").to_dict())
    store.add(paragraph_note(document, 4, "second").to_dict())
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        notes, _, status = reader_parts(app)
        await pilot.press("3", "d", "y")
        await writes_landed(app, pilot)
        assert [n.body for n in notes.notes] == ["second"]
        assert [n["body"] for n in store.all()] == ["second"]
        await pilot.press("u")
        await writes_landed(app, pilot)
        assert [n.body for n in notes.notes] == ["first", "second"]
        assert store.get(first["id"])["created"] == first["created"]  # the same note, not a copy
        assert notes.highlighted_note.id == first["id"]
        await pilot.press("u")
        assert status.message == "Nothing to undo"
        await pilot.press("d", "n")  # declined: nothing happens
        await pilot.pause()
        assert len(store.all()) == 2
