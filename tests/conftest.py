"""Shared fixtures: the bundled seed and, for tests where the model matters, its real tagging."""

from __future__ import annotations

import pytest

from analysis import documents
from seeds import sample_path


@pytest.fixture(scope="session")
def seed_path():
    return sample_path()


@pytest.fixture(scope="session")
def seed_document(seed_path):
    return documents.read_document(seed_path)


@pytest.fixture(scope="session")
def pipeline():
    """The default spaCy pipeline, loaded once per test session (about a second)."""
    from analysis.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_tagged(pipeline, seed_document):
    """Sentences and entity mentions of the seed, from the real model."""
    from analysis.pipeline import tag

    return tag(pipeline, seed_document.text, seed_document.paragraphs)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    """Every test keeps its data (cache, notes, corrections) under its own tmp_path."""
    home = tmp_path / "briefing-home"
    monkeypatch.setenv("BRIEFING_HOME", str(home))
    return home
