"""Fixtures shared by the store's tests: a hand-moved clock and a notes store on it in tmp_path."""

from __future__ import annotations

import pytest

from store.notes import NotesStore
from tests.helpers.notes_store import Clock


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def path(tmp_path):
    return tmp_path / "data" / "notes.json"


@pytest.fixture
def store(path, clock):
    return NotesStore(path, clock=clock)
