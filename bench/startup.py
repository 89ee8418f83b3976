"""Start-up: reopening a cached briefing, and the app's first paint of its text.

(a) process start to the seed's analysis in memory (cache hit) / `python -c "import tinydb"`;
(b) app start to the seed's text on screen / a bare Textual app showing the same text in a Static.
"""

from __future__ import annotations

from pathlib import Path

from bench.common import Result, child_env, child_json, interleaved, median, ms, run_child, spread, wall

CACHED_OPEN = """\
from analysis.documents import read_document
from analysis.service import AnalysisService
from store.cache import AnalysisCache
from store.paths import analysis_cache_dir
analysis = AnalysisService(AnalysisCache(analysis_cache_dir())).analysis(read_document({seed!r}))
assert analysis.actors
import sys
print('spacy' in sys.modules, 'textual' in sys.modules)
"""

CACHED_CLI = "from tui.cli import main; main(['analyze', '--json', {seed!r}])"


def warm_home(home: Path, seed: Path) -> Path:
    """A data folder whose cache holds the seed's analysis (made by `briefing analyze`)."""
    run_child(["-c", CACHED_CLI.format(seed=str(seed))], child_env(BRIEFING_HOME=str(home)))
    return home


def cached_open(home: Path, seed: Path, rounds: int) -> Result:
    env = child_env(BRIEFING_HOME=str(home))
    code = CACHED_OPEN.format(seed=str(seed))
    spacy, textual = run_child(["-c", code], env).stdout.split()
    ours, tinydb = interleaved(
        lambda: wall(["-c", code], env), lambda: wall(["-c", "import tinydb"], env), rounds
    )
    cli, tinydb_again = interleaved(
        lambda: wall(["-c", CACHED_CLI.format(seed=str(seed))], env),
        lambda: wall(["-c", "import tinydb"], env),
        max(3, rounds // 2),
    )
    ratio = median(ours) / median(tinydb)
    no_spacy = spacy == "False"
    return Result(
        "(a) cached open of the seed / import tinydb",
        f"{ratio:.2f}x",
        "<= 3x, no spacy",
        ratio <= 3 and no_spacy,
        [
            f"cached open {ms(median(ours))} ({spread(ours)}), import tinydb {ms(median(tinydb))} "
            f"({spread(tinydb)}), medians of {rounds}, whole process",
            f"spacy in sys.modules: {spacy}; textual in sys.modules: {textual}",
            f"'briefing analyze --json' on the cached seed: {ms(median(cli))} = "
            f"{median(cli) / median(tinydb_again):.2f}x import tinydb",
        ],
    )


def app_first_paint(home: Path, seed: Path, rounds: int) -> Result:
    env = child_env(BRIEFING_HOME=str(home))
    reports: list[dict] = []

    def ours() -> float:
        report = child_json(["-m", "bench.app_child", "ours", str(seed)], env)
        reports.append(report)
        return report["painted_ms"] / 1000

    def bare() -> float:
        return child_json(["-m", "bench.app_child", "bare", str(seed)], env)["painted_ms"] / 1000

    ours_s, bare_s = interleaved(ours, bare, rounds)
    ratio = median(ours_s) / median(bare_s)
    ready = median([r["ready_ms"] for r in reports]) / 1000
    return Result(
        "(b) app start to seed text on screen / bare Textual app",
        f"{ratio:.2f}x",
        "<= 1.5x",
        ratio <= 1.5,
        [
            f"ours {ms(median(ours_s))} ({spread(ours_s)}), bare Static {ms(median(bare_s))} "
            f"({spread(bare_s)}), medians of {rounds}, from process start, headless 120x36",
            f"the app's own 'ready in N ms': {ms(ready)}; "
            f"spacy imported by the end of a warm run: {any(r['spacy_imported'] for r in reports)}",
        ],
    )
