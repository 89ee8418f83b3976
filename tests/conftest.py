"""Shared fixtures: the bundled seed and, for tests where the model matters, its real tagging."""

from __future__ import annotations

import pytest

from analysis import documents
from seeds import sample_path

# The local HTTP server fixture (`server`), for tests of URLs; registered here rather than imported
# into each test module, where its parameter would shadow the import.
pytest_plugins = ["tests.helpers.http_server"]


# Fixtures that load the spaCy model: a test using any of them is marked `model`, so
# `pytest -m "not model"` runs the fast logic and store tests alone. Tests that reach the model
# another way (a CLI subprocess) carry the marker themselves.
MODEL_FIXTURES = frozenset(
    {"pipeline", "seed_tagged", "warm_home_template", "warm_home", "library_home_template", "library_home"}
)


def pytest_collection_modifyitems(items):
    for item in items:
        if MODEL_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.model)


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
    from tests.helpers.app import warm_cache

    return warm_cache(tmp_path_factory.mktemp("warm-home"), seed_path, pipeline)


@pytest.fixture
def warm_home(tmp_path, warm_home_template):
    """A fresh data folder per test with the seed already analysed: no model load in the app."""
    from tests.helpers.app import copy_home

    return copy_home(warm_home_template, tmp_path / "home")


@pytest.fixture(scope="session")
def library_home_template(tmp_path_factory, seed_path, pipeline):
    """A data folder whose cache holds the analyses of the test library's briefings."""
    from tests.helpers.library import warm_library_cache

    return warm_library_cache(tmp_path_factory.mktemp("library-home"), seed_path, pipeline)


@pytest.fixture
def library_home(tmp_path, library_home_template):
    """A fresh data folder per test with the library's briefings already analysed."""
    from tests.helpers.app import copy_home

    return copy_home(library_home_template, tmp_path / "home")


@pytest.fixture
def library_folder(tmp_path, seed_path):
    from tests.helpers.library import make_library

    return make_library(tmp_path / "library", seed_path)
