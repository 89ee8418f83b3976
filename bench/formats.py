"""Extraction speed per format, its share of a cold open, and our PDF extractor against pdftotext.

    python -m bench.formats

For each format: extraction time per MB of input, and extraction beside the analysis of the same
text (spaCy tagging and the actor layer, the rest of a cold open), both measured here; target
<= 10% of the analysis for HTML and DOCX, <= 25% for PDF. The PDF is also read by poppler's
`pdftotext` and by pypdf, timed on the same file, with the shingle F1 of each against ours.
Needs the `test` extra (fpdf2) to build the PDF; pdftotext comes from poppler-utils.
"""

from __future__ import annotations

import gzip
import logging
import shutil
import subprocess
import sys
import tempfile
import time
from importlib import import_module
from pathlib import Path

from bench.shingles import scores

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"html": 0.10, "docx": 0.10, "pdf": 0.25, "epub": 0.25, "markdown": 0.10}


def seed_paragraphs(copies: int) -> list[str]:
    text = (ROOT / "seeds" / "turkey-ukraine.txt").read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    return paragraphs * copies


def build(folder: Path) -> dict[str, Path]:
    paragraphs = seed_paragraphs(8)
    files: dict[str, Path] = {}
    page = folder / "page.html"
    page.write_bytes(gzip.decompress((ROOT / "bench/fixtures/html/time_001.html.gz").read_bytes()))
    files["html"] = page

    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    for paragraph in paragraphs:
        pdf.multi_cell(0, 5, paragraph.encode("latin-1", "replace").decode("latin-1"))
        pdf.ln(4)
    files["pdf"] = folder / "report.pdf"
    pdf.output(str(files["pdf"]))

    import docx

    word = docx.Document()
    for paragraph in paragraphs:
        word.add_paragraph(paragraph)
    files["docx"] = folder / "report.docx"
    word.save(str(files["docx"]))

    files["markdown"] = folder / "report.md"
    files["markdown"].write_text("\n\n".join(f"## Part {i}\n\n{p}" if i % 5 == 0 else p for i, p in enumerate(paragraphs)))

    sys.path.insert(0, str(ROOT))
    from tests.helpers.formats import book_epub

    chapters = [(f"Chapter {i}", paragraphs[i::8]) for i in range(8)]
    files["epub"] = book_epub(folder / "book.epub", chapters)
    return files


def best_of(runs: int, action) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> int:
    logging.disable(logging.WARNING)
    from analysis.documents import EXTRACTORS
    from analysis.pipeline import load_pipeline
    from analysis.service import analyse

    pipeline = load_pipeline()
    with tempfile.TemporaryDirectory() as temp:
        files = build(Path(temp))
        print(f"{'format':<9} {'input':>9} {'text':>9} {'extract':>9} {'per MB':>9} {'analysis':>9} {'share':>7} target")
        for fmt, path in files.items():
            data = path.read_bytes()
            module = import_module(f"analysis.formats.{EXTRACTORS[fmt][0]}")
            document = module.extract(data, str(path), format=fmt)  # warm: imports are not extraction
            extract = best_of(3, lambda: module.extract(data, str(path), format=fmt))
            analysis = best_of(1, lambda: analyse(document, pipeline))
            share = extract / (extract + analysis)
            verdict = "PASS" if extract <= TARGETS[fmt] * analysis else "MISS"
            print(
                f"{fmt:<9} {len(data) / 1e3:>7.0f}KB {len(document.text) / 1e3:>7.0f}KB {extract * 1e3:>7.0f}ms "
                f"{extract / (len(data) / 1e6) * 1e3:>7.0f}ms {analysis * 1e3:>7.0f}ms {share:>7.1%} "
                f"<= {TARGETS[fmt]:.0%} of analysis ({extract / analysis:.1%}) {verdict}"
            )
        compare_pdf(files["pdf"])
        from tests.helpers.formats import report_pdf

        # Two columns, a running header, page numbers and a hyphenated word: where layouts differ.
        compare_pdf(report_pdf(Path(temp) / "layout.pdf"))
    return 0


def compare_pdf(path: Path) -> None:
    from analysis.formats.pdf import extract

    data = path.read_bytes()
    ours_time = best_of(3, lambda: extract(data, str(path)))
    ours = extract(data, str(path)).text
    print(f"\nPDF {path.name}, {path.stat().st_size / 1e3:.0f} KB, ours (pypdfium2 + layout): {ours_time * 1e3:.0f} ms")
    if shutil.which("pdftotext"):
        poppler_time = best_of(3, lambda: subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True))
        poppler = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True).stdout.decode()
        p, r, f1 = scores(ours, poppler)
        print(f"  pdftotext: {poppler_time * 1e3:.0f} ms (ours / pdftotext = {ours_time / poppler_time:.2f}x); "
              f"agreement with ours: P {p:.3f} R {r:.3f} F1 {f1:.3f}")
        running = [line for line in poppler.splitlines() if line.strip() and line.strip() not in ours]
        print(f"  lines of pdftotext not in ours (running headers, page numbers, split words): {len(running)}"
              + (f", e.g. {running[:3]}" if running else ""))
    else:
        print("  pdftotext not installed (apt-get install poppler-utils): skipped")
    try:
        import pypdf
    except ImportError:
        print("  pypdf not installed: skipped")
        return
    import io

    def with_pypdf() -> str:
        return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)

    pypdf_time = best_of(3, with_pypdf)
    p, r, f1 = scores(with_pypdf(), ours)
    print(f"  pypdf {pypdf.__version__}: {pypdf_time * 1e3:.0f} ms (pypdf / ours = {pypdf_time / ours_time:.2f}x); "
          f"agreement with ours: F1 {f1:.3f}")


if __name__ == "__main__":
    sys.exit(main())
