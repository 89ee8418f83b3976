"""`briefing analyze DIR` fills the index; `briefing library`, `search` and `actors` read it (GUIDE §7)."""

from __future__ import annotations

import json

import pytest

from tui.cli import main


@pytest.fixture(autouse=True)
def shared_pipeline(monkeypatch, pipeline):
    """The session's loaded pipeline instead of a second load (the cache holds these anyway)."""
    monkeypatch.setattr("analysis.service.load_pipeline", lambda name: pipeline)


def run(capsys, *args: str) -> tuple[int, list[dict], str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines()], err


def test_library_before_and_after_analyze(capsys, library_folder, library_home):
    home = ["--data-dir", str(library_home)]
    code, rows, err = run(capsys, "library", str(library_folder), "--json", *home)
    assert code == 1 and "empty.txt: is empty" in err  # broken files: listed, said, exit 1
    assert len(rows) == 5 and not any(row["analysed"] for row in rows)
    code, analysed, _err = run(capsys, "analyze", str(library_folder), "--json", *home)
    assert code == 1 and len(analysed) == 3
    code, rows, err = run(capsys, "library", str(library_folder), "--json", *home)
    by_file = {row["relative"]: row for row in rows}
    seed = by_file["turkey-ukraine.txt"]
    assert seed["analysed"] and seed["words"] > 900 and len(seed["top_actors"]) == 3
    assert seed["state"] == {"read": False, "starred": False} and seed["notes"] == 0
    assert set(seed) >= {"path", "title", "date", "format", "words", "state", "notes", "top_actors"}
    assert "looks like a binary file" in by_file["binary.txt"]["error"]


def test_search_and_actors_after_analyze(capsys, library_folder, library_home):
    home = ["--data-dir", str(library_home)]
    run(capsys, "analyze", str(library_folder), "--json", *home)
    code, hits, _err = run(capsys, "search", '"new spherical" sanction*', str(library_folder), "--json", *home)
    assert code == 0 and len(hits) == 1
    hit = hits[0]
    text = (library_folder / "turkey-ukraine.txt").read_text()
    assert text[hit["start"] : hit["end"]] == "new spherical" and "«" in hit["snippet"]
    assert set(hit) >= {"path", "title", "start", "end", "snippet"}
    code, _hits, err = run(capsys, "search", '""', str(library_folder), *home)
    assert code == 2 and "nothing to search for" in err
    code, actors, _err = run(capsys, "actors", str(library_folder), "--json", *home)
    assert code == 0
    zelensky = next(actor for actor in actors if actor["name"] == "Volodymyr Zelensky")
    assert [b["path"] for b in zelensky["briefings"]] == [str((library_folder / "turkey-ukraine.txt").resolve())]
    assert set(zelensky) >= {"id", "name", "kind", "mentions", "briefings"}
    assert all(set(b) >= {"path", "mentions"} for b in zelensky["briefings"])


def test_reading_state_is_exported_and_imported_with_the_notes(capsys, tmp_path):
    from store.paths import state_dir
    from store.state import StateStore

    old, new = tmp_path / "old-home", tmp_path / "new-home"
    StateStore(state_dir(str(old))).update("/briefings/a.md", read=True, starred=True, paragraph=5)
    exported = tmp_path / "notes.json"
    assert main(["notes", "export", "--format", "json", "-o", str(exported), "--data-dir", str(old)]) == 0
    assert json.loads(exported.read_text())["reading_state"][0]["paragraph"] == 5
    assert main(["notes", "import", str(exported), "--data-dir", str(new)]) == 0
    state = StateStore(state_dir(str(new))).get("/briefings/a.md")
    assert state["starred"] and state["paragraph"] == 5
    assert "reading state of 1 briefings" in capsys.readouterr().err


def test_briefing_dir_opens_the_library_not_a_refusal(capsys, library_folder, library_home):
    code = main([str(library_folder), "--data-dir", str(library_home)])
    err = capsys.readouterr().err
    # Under pytest there is no terminal: the library is what would have opened.
    assert code == 2 and "the library needs a terminal" in err and "is a folder" not in err


def test_a_corrupt_index_file_is_set_aside_and_rebuilt_from_the_cache(capsys, library_folder, library_home):
    from analysis.library.folder import Library
    from store.paths import library_index_dir

    run(capsys, "analyze", str(library_folder), "--json", "--data-dir", str(library_home))
    shards = list((library_index_dir(str(library_home)) / "records").rglob("*.json"))
    assert shards
    for shard in shards:
        shard.write_text("{torn")
    library = Library(library_folder, data_dir=str(library_home))
    actors = {actor.name for actor in library.actors()}
    assert "Volodymyr Zelensky" in actors  # rebuilt from the cached analyses, no spaCy
    assert library.warnings and all("kept as" in warning for warning in library.index.warnings)
    # The three analysed briefings' shards were read, set aside (every byte kept) and rebuilt.
    assert len(list(shards[0].parent.parent.rglob("*.corrupt-*"))) >= 3
