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


@pytest.fixture(scope="session")
def warm_home_template(tmp_path_factory, seed_path, pipeline):
    """A data folder whose cache already holds the seed's analysis (built once per run)."""
    from tests.app_fixtures import warm_cache

    return warm_cache(tmp_path_factory.mktemp("warm-home"), seed_path, pipeline)


@pytest.fixture
def warm_home(tmp_path, warm_home_template):
    """A fresh data folder per test with the seed already analysed: no model load in the app."""
    from tests.app_fixtures import copy_home

    return copy_home(warm_home_template, tmp_path / "home")


@pytest.fixture(scope="session")
def library_home_template(tmp_path_factory, seed_path, pipeline):
    """A data folder whose cache holds the analyses of the test library's briefings."""
    from tests.library_fixtures import warm_library_cache

    return warm_library_cache(tmp_path_factory.mktemp("library-home"), seed_path, pipeline)


@pytest.fixture
def library_home(tmp_path, library_home_template):
    """A fresh data folder per test with the library's briefings already analysed."""
    from tests.app_fixtures import copy_home

    return copy_home(library_home_template, tmp_path / "home")


@pytest.fixture
def library_folder(tmp_path, seed_path):
    from tests.library_fixtures import make_library

    return make_library(tmp_path / "library", seed_path)
