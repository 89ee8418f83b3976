"""Start-up: reopening a cached briefing, the CLI's cheapest answers, and the app's first paint.

(a) `briefing analyze --json SEED` on a cached seed, spawn to exit (imports, output and interpreter
    shutdown all inside the clock) / `python -c "import tinydb"`, timed the same way; and the
    same run where a correction applies to the seed (its corrected actors read from the cache);
    `briefing --version` and `--help` / `python -c "pass"`;
(b) app start to the seed's text on screen / a bare Textual app showing the same text in a Static.
"""

from __future__ import annotations

import json
import shutil
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

# What the `briefing` console script runs (less its `import re`, which site has done already).
CACHED_CLI = "import sys; from tui.cli import main; sys.exit(main(['analyze', '--json', {seed!r}]))"
VERSION = "import sys; from tui.cli import main; sys.exit(main(['--version']))"
HELP = "import sys; from tui.cli import main; sys.exit(main(['--help']))"


def warm_home(home: Path, seed: Path) -> Path:
    """A data folder whose cache holds the seed's analysis (made by `briefing analyze`)."""
    run_child(["-c", CACHED_CLI.format(seed=str(seed))], child_env(BRIEFING_HOME=str(home)))
    return home


def corrected_home(home: Path, seed: Path) -> Path:
    """A copy of `home` where the user has hidden the seed's first actor: a cached analyze then
    prints the analysis as corrected (kept in the cache too, after the first run)."""
    from store.corrections import CorrectionsStore
    from store.paths import corrections_path

    corrected = home.parent / f"{home.name}-corrected"
    shutil.copytree(home, corrected, dirs_exist_ok=True)
    env = child_env(BRIEFING_HOME=str(corrected))
    printed = json.loads(run_child(["-c", CACHED_CLI.format(seed=str(seed))], env).stdout)
    store = CorrectionsStore(corrections_path(str(corrected)))
    store.add(printed["document"]["content_hash"], "hide", printed["actors"][0]["id"])
    run_child(["-c", CACHED_CLI.format(seed=str(seed))], env)  # derives the view once, and keeps it
    return corrected


def cached_open(home: Path, seed: Path, rounds: int) -> list[Result]:
    env = child_env(BRIEFING_HOME=str(home))
    code = CACHED_OPEN.format(seed=str(seed))
    spacy, textual = run_child(["-c", code], env).stdout.split()
    cli, tinydb = interleaved(
        lambda: wall(["-c", CACHED_CLI.format(seed=str(seed))], env),
        lambda: wall(["-c", "import tinydb"], env),
        rounds,
    )
    library, tinydb_again = interleaved(
        lambda: wall(["-c", code], env), lambda: wall(["-c", "import tinydb"], env), max(3, rounds // 2)
    )
    corrected_env = child_env(BRIEFING_HOME=str(corrected_home(home, seed)))
    corrected, uncorrected = interleaved(
        lambda: wall(["-c", CACHED_CLI.format(seed=str(seed))], corrected_env),
        lambda: wall(["-c", CACHED_CLI.format(seed=str(seed))], env),
        max(3, rounds // 2),
    )
    ratio = median(cli) / median(tinydb)
    no_spacy = spacy == "False"
    opened = Result(
        "(a) cached 'briefing analyze --json' / import tinydb",
        f"{ratio:.2f}x",
        "<= 1.5x, no spacy",
        ratio <= 1.5 and no_spacy,
        [
            (
                f"briefing analyze --json on the cached seed {ms(median(cli))} ({spread(cli)}), "
                f"import tinydb {ms(median(tinydb))} ({spread(tinydb)}), medians of {rounds}, "
                "each a whole process, spawn to exit"
            ),
            f"the library call alone (read, cache lookup, no CLI, no output): {ms(median(library))} = "
            f"{median(library) / median(tinydb_again):.2f}x import tinydb; "
            f"spacy in sys.modules: {spacy}; textual in sys.modules: {textual}",
            f"with one of the seed's actors hidden by a correction: {ms(median(corrected))} "
            f"({spread(corrected)}) against {ms(median(uncorrected))} without, medians of "
            f"{len(corrected)} in turn",
        ],
    )
    version, bare, help_ = [], [], []
    for number in range(rounds):
        runs = [(version, VERSION), (bare, "pass"), (help_, HELP)]
        for times, snippet in runs if number % 2 == 0 else reversed(runs):
            times.append(wall(["-c", snippet], env))
    slowest = max(median(version), median(help_)) / median(bare)
    answered = Result(
        "(a) briefing --version, --help / python -c pass",
        f"{median(version) / median(bare):.2f}x, {median(help_) / median(bare):.2f}x",
        "<= 1.3x",
        slowest <= 1.3,
        [
            f"--version {ms(median(version))} ({spread(version)}), --help {ms(median(help_))} "
            f"({spread(help_)}), python -c pass {ms(median(bare))} ({spread(bare)}), medians of {rounds}"
        ],
    )
    return [opened, answered]


def app_first_paint(home: Path, seed: Path, rounds: int) -> Result:
    env = child_env(BRIEFING_HOME=str(home))
    reports: list[dict] = []

    def ours() -> float:
        report = child_json(["-m", "bench.app_child", "ours", str(seed)], env)
        reports.append(report)
        return report["painted_ms"] / 1000

    bare_reports: list[dict] = []

    def bare() -> float:
        report = child_json(["-m", "bench.app_child", "bare", str(seed)], env)
        bare_reports.append(report)
        return report["painted_ms"] / 1000

    ours_s, bare_s = interleaved(ours, bare, rounds)
    ratio = median(ours_s) / median(bare_s)
    ours_cpu = median([r["painted_cpu_ms"] for r in reports]) / 1000
    bare_cpu = median([r["painted_cpu_ms"] for r in bare_reports]) / 1000
    ready = median([r["ready_ms"] for r in reports]) / 1000
    return Result(
        "(b) app start to seed text on screen / bare Textual app",
        f"{ratio:.2f}x",
        "<= 1.2x",
        ratio <= 1.2,
        [
            f"ours {ms(median(ours_s))} ({spread(ours_s)}), bare Static {ms(median(bare_s))} "
            f"({spread(bare_s)}), medians of {rounds}, from process start, headless 120x36",
            f"CPU of each process to the paint (moves less with the load): ours {ms(ours_cpu)}, bare "
            f"{ms(bare_cpu)} = {ours_cpu / bare_cpu:.2f}x",
            f"the app's own 'ready in N ms': {ms(ready)}; "
            f"spacy imported by the end of a warm run: {any(r['spacy_imported'] for r in reports)}",
        ],
    )
