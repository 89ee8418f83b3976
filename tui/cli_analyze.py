"""`briefing analyze PATH... [--json]`: analyses (or cached results) for scripts and people."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tui.cli import _common, fail


def analyze_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing analyze",
        description="Analyse briefings (or read their cached analysis) and print actors and summary.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="briefing files or folders of them")
    parser.add_argument("--json", action="store_true", help="one JSON object per briefing per line")
    _common(parser)
    return parser


def expand(paths: list[str]) -> list[Path]:
    """Files as given; a folder becomes its briefings, sorted by path."""
    from analysis.documents import SUFFIXES

    found: list[Path] = []
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            found.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            )
        else:
            found.append(path)
    return found


def print_human(document, analysis) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from tui.literal import literal

    console = Console(highlight=False)
    console.print(Text(literal(document.title), style="bold"), Text(f"  {document.path}", style="dim"))
    if document.notice:
        console.print(Text(f"note: {document.notice}", style="yellow"))
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


def run_analyze(argv: list[str]) -> int:
    args = analyze_parser().parse_args(argv)
    from analysis.documents import DocumentError, read_document
    from analysis.pipeline import ModelNotInstalled, model_version
    from analysis.report import analysis_json
    from analysis.service import AnalysisService
    from store.cache import AnalysisCache
    from store.paths import analysis_cache_dir

    try:
        model_version(args.model)
    except ModelNotInstalled as error:
        return fail(str(error), 2)
    service = AnalysisService(AnalysisCache(analysis_cache_dir(args.data_dir)), args.model)
    code = 0
    for path in expand(args.paths):
        try:
            document = read_document(path)
        except DocumentError as error:
            fail(str(error))
            code = 1
            continue
        analysis = service.analysis(document)
        if args.json:
            sys.stdout.write(json.dumps(analysis_json(document, analysis), ensure_ascii=False) + "\n")
            sys.stdout.flush()
        else:
            print_human(document, analysis)
    for warning in getattr(service.cache, "warnings", []):
        fail(warning)
    return code
