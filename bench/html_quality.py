"""How well the HTML extractor finds the article: shingle P/R/F1 on real pages (bench/fixtures/html).

    python -m bench.html_quality

Prints, per page and on average, our extractor (trafilatura in precision mode, as
analysis.formats.html uses it) beside trafilatura's defaults, and readability-lxml when installed.
"""

from __future__ import annotations

import gzip
import statistics
import sys
from pathlib import Path

from bench.shingles import scores

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "html"


def pages() -> list[tuple[str, bytes, str]]:
    return [
        (path.name[: -len(".html.gz")], gzip.decompress(path.read_bytes()), path.with_name(path.name[: -len(".html.gz")] + ".body.txt").read_text(encoding="utf-8"))
        for path in sorted(FIXTURES.glob("*.html.gz"))
    ]


def ours(data: bytes, name: str) -> str:
    from analysis.formats import DocumentError
    from analysis.formats.html import extract

    try:
        return extract(data, name).text
    except DocumentError:
        return ""


def trafilatura_defaults(data: bytes, name: str) -> str:
    import trafilatura

    return trafilatura.extract(data) or ""


def readability(data: bytes, name: str) -> str:
    import lxml.html
    from readability import Document

    return lxml.html.fromstring(Document(data.decode("utf-8", "replace")).summary()).text_content()


def main() -> int:
    import logging

    logging.disable(logging.WARNING)  # trafilatura's notes about odd markup are not results
    extractors = {"ours (trafilatura precision)": ours, "trafilatura defaults": trafilatura_defaults}
    try:
        import readability as _  # noqa: F401

        extractors["readability-lxml"] = readability
    except ImportError:
        print("(readability-lxml not installed: skipped)")
    fixtures = pages()
    for label, extract in extractors.items():
        rows = []
        print(f"\n{label}")
        for name, data, truth in fixtures:
            precision, recall, f1 = scores(extract(data, name), truth)
            rows.append((precision, recall, f1))
            print(f"  {name:<20} P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}")
        mean = [statistics.mean(row[i] for row in rows) for i in range(3)]
        print(f"  {'mean of ' + str(len(rows)):<20} P {mean[0]:.3f}  R {mean[1]:.3f}  F1 {mean[2]:.3f}   (bar: P>=0.94 R>=0.96 F1>=0.96)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
