"""Where data and cache live: --data-dir, then BRIEFING_HOME, then the platform's user folders."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from store import paths


def test_briefing_home_holds_data_and_cache(isolated_home):
    assert paths.data_dir() == isolated_home / "data"
    assert paths.cache_dir() == isolated_home / "cache"
    assert paths.data_dir().is_dir() and paths.cache_dir().is_dir()


def test_override_beats_briefing_home(tmp_path, isolated_home):
    chosen = tmp_path / "chosen"
    assert paths.data_dir(chosen) == chosen / "data"
    assert paths.cache_dir(str(chosen)) == chosen / "cache"
    assert not (isolated_home / "data").exists()


def test_override_expands_home(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    assert paths.data_dir("~/somewhere") == tmp_path / "somewhere" / "data"


@pytest.mark.skipif(sys.platform != "linux", reason="platformdirs follows XDG only on Linux")
@pytest.mark.parametrize("unset", ["delete", "empty"])
def test_platform_folders_without_home(tmp_path, monkeypatch, unset):
    if unset == "delete":
        monkeypatch.delenv("BRIEFING_HOME")
    else:
        monkeypatch.setenv("BRIEFING_HOME", "")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    assert paths.data_dir() == tmp_path / "xdg-data" / "briefing"
    assert paths.cache_dir() == tmp_path / "xdg-cache" / "briefing"
    assert paths.data_dir().is_dir()


def test_file_helpers(tmp_path, isolated_home):
    assert paths.notes_path() == isolated_home / "data" / "notes.json"
    assert paths.corrections_path() == isolated_home / "data" / "corrections.json"
    assert paths.analysis_cache_dir() == isolated_home / "cache" / "analysis"
    assert paths.analysis_cache_dir().is_dir()
    assert paths.notes_path(tmp_path / "x") == tmp_path / "x" / "data" / "notes.json"
    # Files are created by their first write, never by asking for their path.
    assert not paths.notes_path().exists()


def test_store_imports_no_ui_no_nlp_no_analysis():
    code = (
        "import json, sys, store, store.paths, store.jsonfile, store.cache, store.notes, store.corrections\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    root = Path(__file__).resolve().parents[2]
    output = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    loaded = json.loads(output.stdout)
    forbidden = [m for m in loaded if m.split(".")[0] in {"textual", "spacy", "analysis", "tui"}]
    assert forbidden == []
