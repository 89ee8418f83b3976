"""Real files of every format, built in tmp_path with the libraries that write them (fpdf2,
python-docx, zipfile), and the real news pages that ship in bench/fixtures/html."""

from __future__ import annotations

import gzip
import io
import zipfile
from pathlib import Path

from tests.helpers import REPO_ROOT

ROOT = REPO_ROOT
PAGES = ROOT / "bench" / "fixtures" / "html"
HEADER = "Black Sea Monitor - Quarterly Review"
PROSE = (
    "The delegation met in Istanbul to discuss the grain corridor and the shipping insur-",
    "ance that ships need before they sail again from Odesa.",
)


def real_page(name: str) -> tuple[bytes, str]:
    """(page bytes, checked body) of a real news page shipped in newspaper4k's test data."""
    data = gzip.decompress((PAGES / f"{name}.html.gz").read_bytes())
    return data, (PAGES / f"{name}.body.txt").read_text(encoding="utf-8")


def report_pdf(path: Path) -> Path:
    """Three pages with a running header and page numbers; page 1 has a word hyphenated at a line
    end and two paragraphs; page 2 a heading over two columns; page 3 one paragraph."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_title("Grain corridor report")
    pdf.set_author("Ana Analyst; Ben Reviewer")
    pdf.set_creation_date(__import__("datetime").datetime(2024, 3, 5, tzinfo=__import__("datetime").timezone.utc))
    for number in (1, 2, 3):
        pdf.add_page()
        pdf.set_font("Helvetica", size=9)
        pdf.set_xy(20, 10)
        pdf.cell(0, 5, HEADER)
        pdf.set_xy(100, 285)
        pdf.cell(0, 5, str(number))
        pdf.set_font("Helvetica", size=11)
        if number == 1:
            pdf.set_xy(20, 30)
            pdf.multi_cell(170, 5, "\n".join(PROSE))
            pdf.ln(6)
            pdf.set_x(20)
            pdf.multi_cell(170, 5, "A second paragraph follows after a gap. It is long enough to wrap across "
                           "more than one line of the page, so the reader has to join its lines again.")
        elif number == 2:
            pdf.set_xy(20, 30)
            pdf.set_font("Helvetica", "B", 14)
            pdf.cell(0, 8, "Two columns")
            pdf.set_font("Helvetica", size=11)
            for x, side, place in ((20, "Left", "Ankara"), (110, "Right", "Kyiv")):
                pdf.set_xy(x, 45)
                pdf.multi_cell(80, 5, f"{side} column starts in {place}. " + " ".join(f"{side} sentence {i} goes on." for i in range(25)))
            pdf.set_xy(20, 270)
            pdf.multi_cell(170, 5, "A sentence runs on at the foot of the page into the next one, where the nego-")
        else:
            pdf.set_xy(20, 30)
            pdf.multi_cell(170, 5, "tiations go on.")
            pdf.ln(6)
            pdf.set_x(20)
            pdf.multi_cell(170, 5, "The last page says that the talks will resume in May in Ankara.")
    pdf.output(str(path))
    return path


def scanned_pdf(path: Path) -> Path:
    """One page holding only an image of text, as a scanner makes it: no text layer."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (400, 120), "white")
    ImageDraw.Draw(image).text((10, 50), "A scanned page about Ankara", fill="black")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    pdf = FPDF()
    pdf.add_page()
    pdf.image(io.BytesIO(buffer.getvalue()), x=10, y=10, w=180)
    pdf.output(str(path))
    return path


def encrypted_pdf(path: Path) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(0, 10, "Secret text about Ankara")
    pdf.set_encryption(owner_password="owner", user_password="reader")
    pdf.output(str(path))
    return path


def report_docx(path: Path, *, footnote: bool = False) -> Path:
    import docx

    document = docx.Document()
    document.core_properties.title = "Kyiv talks"
    document.core_properties.author = "Ana Analyst"
    document.add_heading("Kyiv talks", 1)
    document.add_paragraph("Turkey offered to host the talks in Istanbul in April.")
    document.add_paragraph("Grain exports", style="List Bullet")
    document.add_paragraph("Prisoner exchanges", style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    for (row, column), text in {(0, 0): "Party", (0, 1): "Position", (1, 0): "Ankara", (1, 1): "Mediator"}.items():
        table.cell(row, column).text = text
    document.add_paragraph("Ankara has kept its straits closed to warships since the war began.")
    document.save(str(path))
    return path


CONTAINER = (
    '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
    '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
    "</rootfiles></container>"
)


def book_epub(path: Path, chapters: list[tuple[str, list[str]]], *, spine_reversed: bool = False) -> Path:
    """An EPUB 3 built with zipfile: one XHTML file per chapter, the spine in the given order
    (or reversed, so a test can tell spine order from file order)."""
    order = list(range(len(chapters)))
    if spine_reversed:
        order.reverse()
    items = "".join(f'<item id="c{i}" href="c{i}.xhtml" media-type="application/xhtml+xml"/>' for i in range(len(chapters)))
    spine = "".join(f'<itemref idref="c{i}"/>' for i in order)
    opf = (
        '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>The Straits</dc:title>'
        "<dc:creator>Ann Author</dc:creator><dc:date>2020-01-02</dc:date><dc:publisher>Harbour Press</dc:publisher></metadata>"
        f"<manifest>{items}</manifest><spine>{spine}</spine></package>"
    )
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/container.xml", CONTAINER)
        archive.writestr("OEBPS/content.opf", opf)
        for index, (title, paragraphs) in enumerate(chapters):
            body = "".join(f"<p>{text}</p>" for text in paragraphs)
            archive.writestr(
                f"OEBPS/c{index}.xhtml",
                f'<html xmlns="http://www.w3.org/1999/xhtml"><head><title>{title}</title></head>'
                f"<body><h1>{title}</h1>{body}</body></html>",
            )
    return path


def bomb_epub(path: Path, size: int = 40 * 1024 * 1024) -> Path:
    """A well-formed EPUB whose one chapter inflates to `size` bytes from a few dozen KB."""
    opf = (
        '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata/>'
        '<manifest><item id="c0" href="c0.xhtml" media-type="application/xhtml+xml"/></manifest>'
        '<spine><itemref idref="c0"/></spine></package>'
    )
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/container.xml", CONTAINER)
        archive.writestr("OEBPS/content.opf", opf)
        archive.writestr("OEBPS/c0.xhtml", b"<html><body><p>" + b" " * size + b"</p></body></html>")
    return path


CHAPTERS = [
    ("The straits", ["Turkey controls the Bosphorus and the Dardanelles under the Montreux Convention of 1936."] * 2),
    ("The corridor", ["The grain corridor let ships leave Odesa under a deal brokered in Istanbul."] * 2),
]

MARKDOWN = """# Talks in *Istanbul*

Turkey's **President** met the delegation; see [the statement](https://example.org/statement).

- Grain exports
- Prisoner `exchanges`

> Ankara keeps the straits closed.
"""
