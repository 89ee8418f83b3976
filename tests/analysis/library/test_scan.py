"""Finding briefings under a folder: recursive, hidden skipped, loops cut, problems given a reason."""

from __future__ import annotations

import os

from analysis.library.scan import briefing_files, briefing_key, scan


def test_recursive_sorted_hidden_skipped_and_a_loop_walked_once(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.md").write_text("# A\n\ntext")
    (tmp_path / "b" / "c.txt").write_text("text")
    (tmp_path / "b" / "notes.pdfx").write_text("not a briefing suffix")
    (tmp_path / ".git" / "d.txt").write_text("hidden")
    (tmp_path / ".e.txt").write_text("hidden file")
    os.symlink("..", tmp_path / "b" / "up")  # a loop back to the top
    os.symlink(tmp_path / "a.md", tmp_path / "b" / "same.md")  # the same file again
    found = [str(p.relative_to(tmp_path)) for p in briefing_files(tmp_path)]
    assert found[:2] == ["a.md", "b/c.txt"]
    assert ".git/d.txt" not in found and ".e.txt" not in found
    items = scan(tmp_path)
    assert sorted(item.relative for item in items) == ["a.md", "b/c.txt"]  # one per real file
    assert {item.key for item in items} == {briefing_key(tmp_path / "a.md"), briefing_key(tmp_path / "b" / "c.txt")}


def test_empty_and_unlistable_get_a_reason(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "ok.txt").write_text("fine")
    items = {item.relative: item for item in scan(tmp_path)}
    assert items["empty.txt"].problem == "is empty"
    assert items["ok.txt"].problem is None and items["ok.txt"].size == 4
    [missing] = scan(tmp_path / "missing")
    assert missing.problem.startswith("cannot be opened")
