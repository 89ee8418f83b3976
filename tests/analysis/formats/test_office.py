"""DOCX built with python-docx, EPUB built with zipfile, Markdown as text, and sniffing: a file
whose extension lies is read by its bytes, and a container that is not what its name says is refused."""

from __future__ import annotations

import zipfile

import pytest

from analysis.documents import read_bytes, read_document
from analysis.formats import DocumentError
from tests.helpers.formats import CHAPTERS, MARKDOWN, bomb_epub, book_epub, report_docx, report_pdf


def test_docx_headings_lists_tables_and_core_properties(tmp_path):
    document = read_document(report_docx(tmp_path / "talks.docx"))
    blocks = [document.text[s:e] for s, e in document.paragraphs]
    assert blocks == [
        "Kyiv talks",
        "Turkey offered to host the talks in Istanbul in April.",
        "• Grain exports",
        "• Prisoner exchanges",
        "Party · Position",
        "Ankara · Mediator",
        "Ankara has kept its straits closed to warships since the war began.",
    ]
    assert document.format == "docx" and document.title == "Kyiv talks"
    assert document.metadata.authors == ["Ana Analyst"] and document.metadata.date


def test_a_docx_that_is_another_zip_or_no_zip_is_one_line(tmp_path):
    other = tmp_path / "other.docx"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("readme.txt", "not a word document")
    with pytest.raises(DocumentError, match="neither a Word document"):
        read_document(other)
    text = tmp_path / "text.docx"
    text.write_text("Just words saved under the wrong name.")
    with pytest.raises(DocumentError, match="is named .docx but is not a Word document"):
        read_document(text)


def test_a_docx_that_would_unpack_to_gigabytes_is_refused(tmp_path):
    path = report_docx(tmp_path / "bomb.docx")
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open("word/media/filler.bin", "w", force_zip64=True) as member:
            block = b"\0" * (1 << 20)
            for _ in range(600):
                member.write(block)
    assert path.stat().st_size < 5 * 2**20
    with pytest.raises(DocumentError, match="refused: it would unpack to over 512 MiB"):
        read_document(path)


def test_epub_chapters_in_spine_order_with_opf_metadata(tmp_path):
    document = read_document(book_epub(tmp_path / "book.epub", CHAPTERS, spine_reversed=True))
    text = document.text
    assert text.index("The corridor") < text.index("The straits")  # the spine, not the file order
    assert "Montreux Convention of 1936." in text
    assert document.format == "epub" and len(document.pages) == 2
    assert document.page_at(text.index("Montreux")) == 2
    metadata = document.metadata
    assert (metadata.title, metadata.authors, metadata.date, metadata.site) == (
        "The Straits", ["Ann Author"], "2020-01-02", "Harbour Press")


def test_an_epub_zip_bomb_is_refused(tmp_path):
    with pytest.raises(DocumentError, match="refused: this EPUB inflates past") as caught:
        read_document(bomb_epub(tmp_path / "bomb.epub"))
    assert "\n" not in str(caught.value)


def test_markdown_is_shown_as_a_reader_sees_it(tmp_path):
    path = tmp_path / "talks.md"
    path.write_text(MARKDOWN)
    document = read_document(path)
    assert document.format == "markdown" and document.title == "Talks in Istanbul"
    assert document.text == (
        "Talks in Istanbul\n\n"
        "Turkey's President met the delegation; see the statement.\n\n"
        "• Grain exports\n\n• Prisoner exchanges\n\n"
        "Ankara keeps the straits closed."
    )
    for syntax in ("#", "**", "`", "](", "> "):
        assert syntax not in document.text
    assert [document.text[s:e] for s, e in document.headings] == ["Talks in Istanbul"]


def test_headings_are_kept_as_spans_for_docx_html_and_epub(tmp_path):
    docx = read_document(report_docx(tmp_path / "talks.docx"))
    assert [docx.text[s:e] for s, e in docx.headings] == ["Kyiv talks"]
    epub = read_document(book_epub(tmp_path / "book.epub", CHAPTERS))
    assert [epub.text[s:e] for s, e in epub.headings] == ["The straits", "The corridor"]
    page = tmp_path / "page.html"
    page.write_text("<html><body><article><h1>Straits closed</h1><p>" + "Ankara closed the straits to warships. " * 8
                    + "</p><h2>What follows</h2><p>" + "Ships wait at the Bosphorus for weeks. " * 6 + "</p></article></body></html>")
    html = read_document(page)
    assert [html.text[s:e] for s, e in html.headings] == ["Straits closed", "What follows"]


def test_markdown_on_standard_input_is_sniffed_from_its_syntax():
    assert read_bytes(MARKDOWN.encode(), "<stdin>").format == "markdown"
    assert read_bytes(b"Plain words, nothing more.\n", "<stdin>").format == "text"


def test_an_extension_that_lies_is_caught_by_the_bytes(tmp_path):
    pdf = report_pdf(tmp_path / "r.pdf").read_bytes()
    lying = tmp_path / "report.txt"
    lying.write_bytes(pdf)
    assert read_document(lying).format == "pdf"
    page = tmp_path / "page.txt"
    page.write_text("<!DOCTYPE html><html><body><article><p>" + "Ankara spoke about the talks today. " * 10 + "</p></article></body></html>")
    assert read_document(page).format == "html"


def test_a_text_file_is_read_as_text_with_no_pages(seed_path):
    document = read_document(seed_path)
    assert document.format == "text" and document.pages == [] and document.extractor == "text/1"


def test_the_extractor_is_part_of_the_analysis_key(tmp_path):
    from analysis.service import AnalysisService
    from store.cache import AnalysisCache

    document = read_document(report_docx(tmp_path / "talks.docx"))
    service = AnalysisService(AnalysisCache(tmp_path / "cache"))
    newer = document.changed(extractor=document.extractor + ".1")
    assert service.key_for(document) != service.key_for(newer)
