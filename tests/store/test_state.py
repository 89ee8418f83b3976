"""Reading state: the user's data, with the notes' rules (atomic, locked, backed up, never
overwritten when unreadable)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from store.state import StateReadOnly, StateStore


def test_defaults_then_updates(tmp_path):
    store = StateStore(tmp_path)
    assert store.get("/a.txt") == {"path": "/a.txt", "read": False, "starred": False, "paragraph": 0,
                                    "opened": None, "content_hash": None}
    store.opened("/a.txt", "hash")
    store.update("/a.txt", starred=True, paragraph=4)
    state = StateStore(tmp_path).get("/a.txt")  # another instance reads what was written
    assert state["read"] and state["starred"] and state["paragraph"] == 4 and state["opened"]
    assert set(StateStore(tmp_path).all()) == {"/a.txt"}
    with pytest.raises(ValueError):
        store.update("/a.txt", colour="red")


def test_two_instances_keep_each_others_edits(tmp_path):
    one, two = StateStore(tmp_path), StateStore(tmp_path)
    one.update("/a.txt", starred=True)
    two.update("/a.txt", paragraph=7)  # same record, other field: re-read under the lock first
    assert StateStore(tmp_path).get("/a.txt")["starred"] is True
    assert StateStore(tmp_path).get("/a.txt")["paragraph"] == 7


def test_an_unreadable_file_is_never_overwritten(tmp_path):
    store = StateStore(tmp_path)
    store.update("/a.txt", starred=True)
    shard = store.shard_path("/a.txt")
    shard.write_bytes(b'{"state": {"1": {"path": "/a.txt", "sta')
    damaged = shard.read_bytes()
    with pytest.raises(StateReadOnly) as raised:
        store.update("/a.txt", read=True)
    assert str(shard) in str(raised.value) and "backup" in str(raised.value)
    assert shard.read_bytes() == damaged
    assert store.problem is not None


def test_a_daily_backup_before_the_first_write_of_a_day(tmp_path):
    day = [datetime(2026, 3, 1, 12, tzinfo=timezone.utc)]
    store = StateStore(tmp_path, clock=lambda: day[0])
    store.update("/a.txt", read=True)  # creates the file: nothing to back up yet
    store.update("/a.txt", starred=True)
    day[0] += timedelta(days=1)
    store.update("/a.txt", paragraph=2)
    backups = store.backups("/a.txt")
    assert len(backups) == 2
    assert '"starred": true' in backups[0].read_text().replace('"starred":true', '"starred": true')
