"""`briefing analyze PATH... [--json] [--jobs N]`: analyses (or cached results) for scripts and people.

The batch itself is `analysis.batch`; this module parses arguments, applies the user's corrections,
prints in the order given and shows a progress bar on a terminal. On cached briefings it imports
neither spaCy nor textual, and with `--json` not even rich.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from contextlib import nullcontext
from pathlib import Path

from tui.cli.options import HelpFormatter, Version, add_model_and_data_options, default_model, fail

INTERRUPTED = 130  # 128 + SIGINT, what a shell reports for Ctrl+C


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if jobs < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return jobs


def analyze_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing analyze",
        formatter_class=HelpFormatter,
        description="Analyse briefings (or read their cached analysis) and print actors and summary.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="briefing files or folders of them; - reads standard input")
    parser.add_argument("--json", action="store_true", help="one JSON object per briefing per line")
    parser.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        default=None,
        metavar="N",
        help="spaCy worker processes for the briefings not yet analysed (default: the number of cores)",
    )
    parser.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="analyse on a Dask cluster: a scheduler address (tcp://HOST:8786) or local:N for N "
        "worker processes here; replaces --jobs (needs: pip install 'briefing[dask]')",
    )
    parser.add_argument(
        "--shared-fs",
        action="store_true",
        help="with --dask: the workers see these files at the same paths, so send paths, not texts",
    )
    parser.add_argument("--version", action=Version, help="show the version and exit")
    add_model_and_data_options(parser)
    return parser


def expand(
    paths: list[str], empty: list[Path] | None = None, folders: list[Path] | None = None
) -> list[Path]:
    """Files as given; a folder becomes its briefings (recursively, hidden folders skipped, as the
    library lists them), sorted by path.

    Each folder given is added to `folders` and, if it holds no briefing, to `empty`, so the
    caller can say so without asking the disk again.
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            from analysis.library.scan import briefing_files

            if folders is not None:
                folders.append(path)
            inside = sorted(briefing_files(path))
            if not inside and empty is not None:
                empty.append(path)
            found.extend(inside)
        else:
            found.append(path)
    return found


def print_human(document, analysis) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from tui.literal import literal

    console = Console(highlight=False)
    console.print(Text(literal(document.title), style="bold"), Text(f"  {literal(document.path)}", style="dim"))
    if document.notice:
        console.print(Text(f"note: {literal(document.notice)}", style="yellow"))
    table = Table(box=None, pad_edge=False, show_header=True, header_style="bold")
    for column in ("actor", "kind", "mentions", "role"):
        table.add_column(column, justify="right" if column == "mentions" else "left")
    for actor in analysis.actors:
        if not actor.hidden:
            table.add_row(literal(actor.name), actor.kind, str(actor.mentions), literal(actor.role or ""))
    console.print(table)
    console.print(Text("Summary", style="bold"))
    for start, end in analysis.summary:
        console.print(Text("  • " + literal(document.text[start:end])))
    console.print()


def wants_progress_bar() -> bool:
    """A bar only for a person watching: stderr is a terminal and this is not a CI job."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        return False
    return sys.stderr.isatty()


class ProgressBar:
    """A rich progress bar on stderr over the characters left to analyse, shown only when needed."""

    def __init__(self, total_characters: int, total_words: int = 0) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.percentage:>3.0f}%"),
            TextColumn("[dim]{task.fields[briefings]}"),
            TextColumn("[dim]{task.fields[rate]}"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
            # Lines printed to the terminal go above the bar; a redirected stdout is left alone.
            redirect_stdout=sys.stdout.isatty(),
            redirect_stderr=True,
        )
        self.task = self.progress.add_task("analysing", total=max(1, total_characters), briefings="", rate="")
        # Words per second from the characters done: the misses' own words per character (a
        # briefing's text is read in the plan), so a text of long or short words is counted right.
        self.words_per_character = total_words / max(1, total_characters)
        self.started = time.perf_counter()

    def __enter__(self) -> ProgressBar:
        self.progress.start()
        return self

    def __exit__(self, *exc) -> None:
        self.progress.stop()

    def update(self, state) -> None:
        description = "loading model" if state.loading_model else "analysing"
        self.progress.update(
            self.task,
            completed=state.characters,
            description=description,
            briefings=f"{state.briefings}/{state.total_briefings} briefings",
            rate=self.rate(state.characters),
        )

    def rate(self, characters: int) -> str:
        elapsed = time.perf_counter() - self.started
        if characters <= 0 or elapsed <= 0:
            return ""
        return f"{characters * self.words_per_character / elapsed:,.0f} words/s"


def _exit_quietly_on_more_interrupts() -> None:
    """After Ctrl+C is handled, everything finished is in the cache and only the exit is left: a
    second SIGINT then (seen in CI: a Dask LocalCluster's teardown at exit signals its process
    group) must not turn the exit code 130 into a death by signal."""
    import signal

    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread (a test calling run_analyze from a worker)
        pass


def run_analyze(argv: list[str]) -> int:
    parser = analyze_parser()
    args = parser.parse_args(argv)
    if args.shared_fs and not args.dask:
        parser.error("--shared-fs goes with --dask")
    args.model = default_model(args)
    from analysis import batch
    from analysis.pipeline import AnalysisCancelled, ModelNotInstalled, model_version
    from analysis.service import AnalysisService
    from store.cache import AnalysisCache
    from store.corrections import CorrectionsStore
    from store.paths import analysis_cache_dir, corrections_path

    cannot_run: tuple[type[Exception], ...] = (ModelNotInstalled,)  # exit 2: nothing to fix per briefing
    try:
        model_version(args.model)
        if args.dask:
            from analysis.dask import batch as dask_batch
            from analysis.dask import cluster

            cannot_run += (cluster.DaskUnavailable,)
            cluster.check(args.dask)
    except cannot_run as error:
        return fail(str(error), 2)
    service = AnalysisService(AnalysisCache(analysis_cache_dir(args.data_dir)), args.model, data_dir=args.data_dir)
    corrections = CorrectionsStore(corrections_path(args.data_dir))
    empty: list[Path] = []
    folders: list[Path] = []
    planned = batch.plan(service, expand(args.paths, empty, folders))
    for folder in empty:  # an empty run must not look like a successful one to a script
        from analysis.formats.sniff import SUFFIXES

        fail(f"{folder}: no briefings in this folder (looked for {' '.join(SUFFIXES)})")
    to_analyse = [p for p in planned if not p.cached and p.error is None]

    bar = None
    if to_analyse and wants_progress_bar():
        bar = ProgressBar(sum(p.characters for p in to_analyse), sum(p.words for p in to_analyse))
    state = batch.BatchProgress(0, 0, 0, 0)  # the latest report, for the count kept on Ctrl+C

    def on_progress(latest: batch.BatchProgress) -> None:
        nonlocal state
        state = latest
        if bar is not None:
            bar.update(latest)

    if args.dask:
        outcomes = dask_batch.run(
            service, planned, args.dask, shared_fs=args.shared_fs, on_progress=on_progress, on_notice=fail
        )
    else:
        # None: every core, counted by the first miss (analysis.processes is off a cached run's path).
        outcomes = batch.run(service, planned, jobs=args.jobs, on_progress=on_progress)
    # A folder fills the library index and the search index, and so does any briefing analysed
    # now. Files all read from the cache are left out: the index is filled from the analysis cache
    # when a library opens, and writing it (SQLite, tantivy, a locked TinyDB shard) made a cached
    # `analyze FILE --json` 3.2-3.7x `python -c "import tinydb"` against the 1.5x it must keep.
    if folders or to_analyse:
        from analysis.library.indexing import indexed

        outcomes = indexed(outcomes, args.model, args.data_dir)
    try:
        with bar if bar is not None else nullcontext():
            code = print_outcomes(outcomes, corrections, as_json=args.json, service=service)
    except (KeyboardInterrupt, AnalysisCancelled):
        outcomes.close()  # stops spaCy and its workers; every entry stored so far stays valid
        kept = f"{state.analysed} briefing{'s' if state.analysed != 1 else ''} analysed so far"
        _exit_quietly_on_more_interrupts()
        return fail(f"interrupted; {kept} kept in the cache", INTERRUPTED)
    except cannot_run as error:
        return fail(str(error), 2)
    for warning in service.cache.warnings + corrections.warnings:
        fail(warning)
    return 1 if empty else code


def print_outcomes(outcomes, corrections, *, as_json: bool, service) -> int:
    """Print each outcome as it comes, with the user's corrections applied; 1 if any failed.

    An analysis as corrected is kept in the service's cache (`AnalysisService.corrected`)."""
    from analysis.report import analysis_json
    from tui.literal import for_stream

    code = 0
    for outcome in outcomes:
        if outcome.error is not None:
            fail(outcome.error)
            code = 1
            continue
        document = outcome.document
        # The corrections the reader shows, through the service as Session.corrected does (folding
        # on, as the reader opens): not the Session itself, whose notes imports cost a cached run ~6 ms.
        corrected = corrections.for_document(document.content_hash)
        analysis = service.corrected(outcome.analysis, document.text, corrected, fold_metonyms=True)
        if as_json:
            # JSON escapes C0 controls itself; on a terminal, C1 and bidi controls are shown too.
            line = json.dumps(analysis_json(document, analysis), ensure_ascii=False)
            sys.stdout.write(for_stream(line, sys.stdout) + "\n")
            sys.stdout.flush()
        else:
            print_human(document, analysis)
    return code
