"""Notes writes run off the UI thread, one at a time and in order; quitting waits for them; the old
single notes file moves into the new store in a worker, with the pane saying so.

Another instance holding the store's lock (mid-write, or hung) is what makes a write wait: the
test holds the real lock on the real files. Before writes left the UI thread, the app froze for
the whole lock timeout on ctrl+s (the test itself could not run meanwhile), then gave up with the
editor reopened, so every "while locked" step below failed.
"""

from __future__ import annotations

import json
import os
from contextlib import ExitStack

import pytest

from store.jsonfile import locked
from store.note_shards import read_shard, shard_name
from store.paths import notes_path
from tests.helpers.app import make_app, settle, until
from tests.helpers.notes_app import SIZE, notifications, paragraph_note, reader_parts, store_of, writes_landed
from tui.dialogs.backup_offer import BackupOffer
from tui.dialogs.note_editor import NoteEditor
from tui.screens.reader import ReaderScreen
from tui.screens.reader.notes import MOVING, STILL_SAVING

# How long a write waits for the test's lock: longer than all the steps taken while it is held,
# together. A write that gives up reopens its editor, so at 20 s a loaded CI run (two editors
# composed and typed into) failed twice with an editor still open. Passing runs release the lock
# long before: a longer wait costs them nothing.
LOCK_WAIT = 120.0


def bodies_in_shard(home, document) -> list[str]:
    """The notes of this briefing's file, in the order they were written (TinyDB's document ids)."""
    shard = read_shard(store_of(home).root, shard_name(document.path))
    return [record["body"] for _, record in sorted(shard.data["notes"].items(), key=lambda item: int(item[0]))]


async def test_a_save_lands_from_its_worker_and_keys_answer_meanwhile(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        store = app.session.notes_store
        store.lock_timeout = LOCK_WAIT
        notes, view, status = reader_parts(app)
        with locked(store.root):  # another instance mid-write: this save waits for the lock
            await pilot.press("a", *"written while locked", "ctrl+s")
            await pilot.pause()
            assert not isinstance(app.screen, NoteEditor)
            assert notes.notes == [] and status.message == "Saving the note on ¶1…"  # not "saved" yet
            await pilot.press("right_curly_bracket", "right_curly_bracket")  # the keys answer meanwhile
            assert view.cursor_paragraph == 2
        await writes_landed(app, pilot)
        assert [n.body for n in notes.notes] == ["written while locked"]
        assert status.message == "Note saved on ¶1"
        assert [n["body"] for n in store_of(warm_home).all()] == ["written while locked"]


async def test_two_saves_in_quick_succession_land_in_order(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    document = app.session.document
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        store = app.session.notes_store
        store.lock_timeout = LOCK_WAIT
        notes, _, status = reader_parts(app)
        with locked(store.root):
            # Each editor on screen before its keys (the first is composed, slow under load: the
            # keys typed meanwhile went to the reader), and gone before the next.
            await pilot.press("right_curly_bracket", "right_curly_bracket", "a")
            await until(pilot, lambda: isinstance(app.screen, NoteEditor))
            await pilot.press(*"first", "ctrl+s")
            await until(pilot, lambda: not isinstance(app.screen, NoteEditor))
            await pilot.press("left_curly_bracket", "left_curly_bracket", "a")  # sorts first
            await until(pilot, lambda: isinstance(app.screen, NoteEditor))
            await pilot.press(*"second", "ctrl+s")
            await until(pilot, lambda: not isinstance(app.screen, NoteEditor))
            assert app.screen.notes.writes.pending == 2 and notes.notes == []
        await writes_landed(app, pilot)
        assert bodies_in_shard(warm_home, document) == ["first", "second"]  # written in the order saved
        first, second = (store_of(warm_home).get(n.id) for n in sorted(notes.notes, key=lambda n: n.body))
        assert first["created"] <= second["created"]
        assert [n.body for n in notes.notes] == ["second", "first"]  # the pane: in reading order
        assert status.message == "Note saved on ¶1"  # the last one to land says so


async def test_a_note_with_a_write_pending_is_not_edited_over_it(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    saved = store_of(warm_home).add(paragraph_note(app.session.document, 2, "draft").to_dict())
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        store = app.session.notes_store
        store.lock_timeout = LOCK_WAIT
        _, _, status = reader_parts(app)
        with locked(store.root):
            await pilot.press("3", "e", "end", *" one", "ctrl+s")
            await pilot.press("e")  # the same note again, before the first edit is stored
            assert status.message == STILL_SAVING and not isinstance(app.screen, NoteEditor)
        await writes_landed(app, pilot)
        await pilot.press("e", "end", *" two", "ctrl+s")  # once it landed: an edit of the new text
        await writes_landed(app, pilot)
        assert [note["body"] for note in store_of(warm_home).all()] == ["draft one two"]
        assert store_of(warm_home).get(saved["id"])["revision"] == 3


async def test_a_failing_write_reopens_the_editor_with_the_text(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    document = app.session.document
    store_of(warm_home).add(paragraph_note(document, 2, "there before").to_dict())
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        shard = read_shard(store_of(warm_home).root, shard_name(document.path)).file
        shard.write_text("{ torn by another program")  # after the app read it
        app.screen.notes.check_notes_on_disk()  # what the pane's timer does: it offers the backup
        await pilot.pause()
        assert isinstance(app.screen, BackupOffer)
        await pilot.press("k")  # keep the file as it is
        await pilot.pause()
        await pilot.press("2", "a", *"precious words", "ctrl+s")
        await writes_landed(app, pilot)
        assert isinstance(app.screen, NoteEditor)  # reopened with the text: nothing lost
        assert app.screen.query_one("#note-editor-body").text == "precious words"
        assert any(n.severity == "error" and "read-only" in n.title for n in notifications(app))
        assert shard.read_text() == "{ torn by another program"


async def test_quit_waits_for_a_pending_write_and_keeps_the_note(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        store = app.session.notes_store
        store.lock_timeout = LOCK_WAIT
        _, _, status = reader_parts(app)
        with locked(store.root):
            await pilot.press("a", *"saved on the way out", "ctrl+s", "q")
            await pilot.pause()
            assert app.return_code is None  # still running: waiting for the write
            assert status.message == "Saving notes before quitting…"
        await writes_landed(app, pilot)
        assert app.return_code == 0
    assert [n["body"] for n in store_of(warm_home).all()] == ["saved on the way out"]


async def test_quit_is_called_off_when_the_pending_write_fails(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        store = app.session.notes_store
        # Longer than the app's 1.5 s, so that `q` comes while the write still waits for the lock
        # even under the load of a full run; within the 10 s a quit waits for pending writes.
        store.lock_timeout = 6.0
        reader = app.screen
        _, _, status = reader_parts(app)
        with locked(store.root):  # held past the lock timeout: the write gives up
            await pilot.press("a")
            await until(pilot, lambda: isinstance(app.screen, NoteEditor))  # composed before the keys
            await pilot.press(*"not lost", "ctrl+s")
            await until(pilot, lambda: app.screen is reader and reader.notes.writes.pending)
            await pilot.press("q")
            await writes_landed(app, pilot)
        assert app.return_code is None
        assert isinstance(app.screen, NoteEditor) and app.screen.query_one("#note-editor-body").text == "not lost"
        assert "Not quitting: a note could not be saved" in status.message


def legacy_file(home, document, bodies: list[str]):
    """The single notes file of an earlier version (schema 1), holding a note per body."""
    path = notes_path(str(home))
    path.parent.mkdir(parents=True, exist_ok=True)
    count = len(document.paragraphs)
    records = {str(n): {**paragraph_note(document, n % count, body).to_dict(), "id": f"old{n}"}
               for n, body in enumerate(bodies, 1)}
    for record in records.values():
        record.pop("revision", None)  # schema 1 had none
    path.write_text(json.dumps({"meta": {"1": {"schema_version": 1}}, "notes": records}))
    return path


async def test_the_old_notes_file_moves_in_a_worker_while_the_pane_says_so(warm_home, seed_path, monkeypatch):
    import tui.session

    monkeypatch.setattr(tui.session, "NOTES_LOCK_TIMEOUT", LOCK_WAIT)
    app = make_app(warm_home, seed_path)
    old = legacy_file(warm_home, app.session.document, ["from the old file", "and another"])
    root = old.parent / old.stem
    held = ExitStack()
    held.enter_context(locked(root))  # another instance mid-write, from before the app opens
    async with app.run_test(size=SIZE) as pilot:
        with held:  # the move waits for the lock
            await pilot.pause()
            notes, view, status = reader_parts(app)
            assert MOVING in " ".join(str(option.prompt) for option in notes.options)
            assert notes.border_title == "Notes · moving"
            await pilot.press("right_curly_bracket")  # the document answers meanwhile
            assert view.cursor_paragraph == 1
            await pilot.press("3", "x")  # and the notes commands say why they wait
            assert status.message == MOVING
            actors = app.screen.actor_list
            for _ in range(200):  # bounded: the seed's cached analysis arrives within a few turns
                if actors.option_count:
                    break
                await pilot.pause()
            await pilot.press("1", "i")  # an actor's details, which list its notes, too
            assert status.message == MOVING and isinstance(app.screen, ReaderScreen)  # no details dialog
            assert old.exists()
        await writes_landed(app, pilot)
        await settle(app, pilot)
        assert sorted(n.body for n in notes.notes) == ["and another", "from the old file"]
        assert notes.border_title == "Notes"
        assert not old.exists() and list((root / "backups").glob("notes-v1-*.json"))


def kill_mid_move(home, seed_path, files_first: int) -> None:
    """Run the app's move of the old notes file in a process of its own and SIGKILL it once it
    has written `files_first` per-briefing files (0: as it starts), bounded by a deadline."""
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    mover = Path(__file__).resolve().parents[3] / "helpers" / "notes_mover.py"
    process = subprocess.Popen([sys.executable, str(mover), str(home), str(seed_path)],
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "moving"
    root = notes_path(str(home)).parent / "notes"
    deadline = time.monotonic() + 30
    while len(list(root.glob("[0-9a-f][0-9a-f]/*.json"))) < files_first and process.poll() is None:
        assert time.monotonic() < deadline, "the move wrote too few files in 30 s"
        time.sleep(0.002)  # a poll of the files, not a wait for time to pass
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL  # killed part-way, not finished


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("files_first", [0, 20, 80])
async def test_a_move_killed_half_way_finishes_on_the_next_open(warm_home, seed_path, files_first):
    """A real process moving a big old file (101 briefings), SIGKILLed part-way: the app's next
    open loses no note, and copies none twice."""
    app = make_app(warm_home, seed_path)
    document = app.session.document
    old = legacy_file(warm_home, document, [f"old note {n}" for n in range(1, 401)])
    # A quarter of them on other briefings: the move writes one file per briefing.
    data = json.loads(old.read_text())
    for n, record in enumerate(data["notes"].values()):
        if n % 4:
            continue
        record.update(document_path=f"/elsewhere/briefing-{n}.txt", content_hash=f"{n:064x}")
    old.write_text(json.dumps(data))
    here = sorted(r["body"] for r in data["notes"].values() if r["document_path"] == document.path)
    kill_mid_move(warm_home, seed_path, files_first)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await writes_landed(app, pilot)
        notes, _, _ = reader_parts(app)
        assert sorted(n.body for n in notes.notes) == here
    every = store_of(warm_home).all()
    assert sorted(n["body"] for n in every) == sorted(r["body"] for r in data["notes"].values())
    assert not old.exists()
    on_disk = [record["id"] for shard in (old.parent / old.stem).glob("[0-9a-f][0-9a-f]/*.json")
               for record in json.loads(shard.read_text())["notes"].values()]
    assert len(on_disk) == len(set(on_disk)) == len(data["notes"])  # none copied twice
