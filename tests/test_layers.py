"""Layers point one way (tui -> analysis -> store), and a cache hit never imports spaCy."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def modules_after(code: str, env_home: Path) -> set[str]:
    script = code + "\nimport sys, json; print(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"BRIEFING_HOME": str(env_home), "PATH": "/usr/bin:/bin"},
        check=True,
    )
    return set(json.loads(result.stdout.strip().splitlines()[-1]))


def test_core_never_imports_textual(tmp_path):
    imported = modules_after(
        "import importlib, pkgutil, analysis, store\n"
        "for pkg in (analysis, store):\n"
        "    for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        importlib.import_module(info.name)",
        tmp_path,
    )
    assert {"analysis.service", "analysis.actors.kinds", "analysis.notes.export", "analysis.formats.pdf",
            "store.notes"} <= imported
    assert not any(name == "textual" or name.startswith("textual.") for name in imported)
    assert not any(name.startswith("tui") for name in imported)


def test_store_never_imports_analysis(tmp_path):
    imported = modules_after(
        "import importlib, pkgutil, store\n"
        "for info in pkgutil.iter_modules(store.__path__):\n"
        "    importlib.import_module(f'store.{info.name}')",
        tmp_path,
    )
    assert not any(name.startswith(("analysis", "tui", "textual", "spacy")) for name in imported)


@pytest.mark.model
def test_cache_hit_never_imports_spacy(tmp_path, seed_path):
    warm = (
        "from analysis.documents import read_document\n"
        "from analysis.service import AnalysisService\n"
        "from store.cache import AnalysisCache\n"
        "from store.paths import analysis_cache_dir\n"
        f"document = read_document({str(seed_path)!r})\n"
        "analysis = AnalysisService(AnalysisCache(analysis_cache_dir())).analysis(document)\n"
        "assert analysis.actors\n"
    )
    assert "spacy" in modules_after(warm, tmp_path)  # the miss really ran the model
    assert "spacy" not in modules_after(warm, tmp_path)  # the hit did not load it


EXTRACTORS = ("trafilatura", "pypdfium2", "docx", "markdown_it", "lxml")


@pytest.mark.model
def test_cache_hit_on_every_format_imports_no_extractor(tmp_path):
    """A briefing opened before reads its extracted text and analysis from the caches: neither
    spaCy nor any format's extractor is imported."""
    from tests.helpers.formats import MARKDOWN, real_page, report_docx, report_pdf

    page = tmp_path / "page.html"
    page.write_bytes(real_page("cnn_article")[0])
    markdown = tmp_path / "talks.md"
    markdown.write_text(MARKDOWN)
    files = [page, report_pdf(tmp_path / "r.pdf"), report_docx(tmp_path / "d.docx"), markdown]
    warm = (
        "from analysis.documents import read_document\n"
        "from analysis.service import AnalysisService\n"
        "from store.cache import AnalysisCache\n"
        "from store.paths import analysis_cache_dir\n"
        "service = AnalysisService(AnalysisCache(analysis_cache_dir()))\n"
        f"for path in {[str(f) for f in files]!r}:\n"
        "    assert service.analysis(read_document(path)).actors\n"
    )
    home = tmp_path / "home"
    cold = modules_after(warm, home)
    assert {"spacy", "trafilatura", "pypdfium2", "docx", "markdown_it"} <= cold  # the miss extracted
    hit = modules_after(warm, home)
    assert "spacy" not in hit
    assert not [name for name in hit if name.split(".")[0] in EXTRACTORS]


# What a cached `briefing analyze --json` has no use for, each a measured cost of bench (a) once
# (ms by -X importtime): the model and the UI; the spaCy stream and its processes (~5); dataclasses
# with inspect (~10); typing (~3); hashlib's OpenSSL (~4); tinydb (~3), filelock and logging,
# needed by writes only; rich, for a terminal's output only.
OFF_THE_HIT_PATH = (
    "spacy", "textual", "rich", "multiprocessing", "analysis.processes", "analysis.stream_stop",
    "dataclasses", "inspect", "typing", "hashlib", "_hashlib", "tinydb", "filelock", "logging",
    "importlib.metadata", "tomllib",
)


@pytest.mark.model
def test_cached_analyze_cli_imports_only_what_a_hit_uses(tmp_path, seed_path):
    from store.corrections import CorrectionsStore
    from store.paths import corrections_path

    run = f"import sys\nfrom tui.cli import main\nmain(['analyze', '--json', {str(seed_path)!r}])\n"
    assert "spacy" in modules_after(run, tmp_path)  # the miss really analysed
    # A corrections file to read, as a user who corrected an actor of another briefing has (one
    # for this briefing re-derives its actors: the analysis's own modules, rightly imported then).
    CorrectionsStore(corrections_path(str(tmp_path))).add("0" * 64, "rename", "some-actor", "Somebody")
    imported = modules_after(run, tmp_path)
    assert [name for name in OFF_THE_HIT_PATH if name in imported] == []


def test_import_contracts_hold():
    """The contracts in pyproject.toml ([tool.importlinter]), checked on the whole import graph."""
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command as c; sys.exit(c())"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
