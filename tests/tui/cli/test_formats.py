"""`briefing text`, standard input, URLs from a local server on 127.0.0.1 (snapshots, refresh,
timeout, 404, redirect loop, binary) and `analyze --json` with the format and metadata."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from analysis.documents import read_document
from analysis.formats import DocumentError
from analysis.formats.fetch import fetch
from tests.helpers.formats import MARKDOWN, ROOT, report_pdf
from tui.cli import main

def text_of(capsys, *argv) -> tuple[int, str, str]:
    code = main(["text", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_briefing_text_prints_exactly_the_text_offsets_point_into(capsys, tmp_path):
    pdf = report_pdf(tmp_path / "report.pdf")
    code, out, err = text_of(capsys, str(pdf), "--data-dir", str(tmp_path / "home"))
    assert code == 0 and err == ""
    assert out == read_document(pdf).text


def test_a_url_is_fetched_once_kept_as_a_snapshot_and_refreshed_on_request(capsys, tmp_path, server):
    base, state = server
    home = str(tmp_path / "home")
    code, first, _ = text_of(capsys, f"{base}/article", "--data-dir", home)
    assert code == 0 and first.startswith("Talks on Tuesday") and "Home · World" not in first
    state["day"] = "Friday"
    assert text_of(capsys, f"{base}/article", "--data-dir", home)[1] == first  # the snapshot, not the page
    code, refreshed, _ = text_of(capsys, f"{base}/article", "--data-dir", home, "--refresh")
    assert code == 0 and refreshed.startswith("Talks on Friday")
    assert text_of(capsys, f"{base}/article", "--data-dir", home)[1] == refreshed


def test_a_refresh_that_fails_keeps_the_snapshot(capsys, tmp_path, server):
    base, state = server
    home = str(tmp_path / "home")
    first = text_of(capsys, f"{base}/article", "--data-dir", home)[1]
    state["gone"] = True
    code, out, err = text_of(capsys, f"{base}/article", "--data-dir", home, "--refresh")
    assert code == 1 and out == "" and "HTTP 410 Gone" in err
    assert text_of(capsys, f"{base}/article", "--data-dir", home)[1] == first  # nothing lost


@pytest.mark.parametrize(
    "path, message",
    [
        ("/missing", "the server answered HTTP 404 Not Found"),
        ("/loop", "redirected more than 5 times"),
        ("/image", "the server sent image/png, not a page or a document"),
        ("/octets", "binary"),
    ],
)
def test_each_failing_url_is_one_line_and_exit_1(capsys, tmp_path, server, path, message):
    base, _ = server
    code, out, err = text_of(capsys, base + path, "--data-dir", str(tmp_path / "home"))
    assert code == 1 and out == ""
    assert message in err and err.count("\n") == 1


def test_a_url_that_times_out_says_so(server):
    base, _ = server
    with pytest.raises(DocumentError, match=r"timed out after 0.3 s"):
        fetch(f"{base}/slow", timeout=0.3)


def test_standard_input_is_sniffed_and_printed(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "tui.cli", "text", "-", "--data-dir", str(tmp_path / "home")],
        input=MARKDOWN.encode(), capture_output=True, cwd=ROOT, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().startswith("Talks in Istanbul\n\nTurkey's President met")


def test_analyze_json_names_format_and_metadata(capsys, tmp_path):
    pdf = report_pdf(tmp_path / "report.pdf")
    assert main(["analyze", "--json", str(pdf), "--data-dir", str(tmp_path / "home")]) == 0
    document = json.loads(capsys.readouterr().out.splitlines()[0])["document"]
    assert document["format"] == "pdf"
    assert document["metadata"] == {
        "title": "Grain corridor report", "authors": ["Ana Analyst", "Ben Reviewer"], "date": "2024-03-05",
        "site": None, "url": None, "pages": 3,
    }
    assert len(document["pages"]) == 3
