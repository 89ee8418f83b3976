"""PDF extraction on PDFs generated with fpdf2: reading order, paragraphs, pages, and bad PDFs."""

from __future__ import annotations

import pytest

from analysis.documents import read_document
from analysis.formats import DocumentError
from tests.helpers.formats import HEADER, encrypted_pdf, report_pdf, scanned_pdf


@pytest.fixture
def report(tmp_path):
    return read_document(report_pdf(tmp_path / "report.pdf"))


def test_running_header_and_page_numbers_are_dropped(report):
    assert HEADER not in report.text
    assert not any(report.text[s:e].strip().isdigit() for s, e in report.paragraphs)


def test_a_word_hyphenated_at_a_line_end_is_joined_and_lines_become_paragraphs(report):
    first, second = (report.text[s:e] for s, e in report.paragraphs[:2])
    assert "shipping insurance that ships" in first and "insur-" not in report.text
    assert first.endswith("from Odesa.")
    assert second.startswith("A second paragraph") and "\n" not in second


def test_a_word_hyphenated_across_a_page_break_is_made_whole_on_its_first_page(report):
    at = report.text.index("where the negotiations")
    assert report.page_at(at) == 2 and "nego-" not in report.text
    assert report.text[report.pages[2][0]:].startswith("go on.")


def test_two_columns_are_read_column_by_column(report):
    text = report.text
    left_end = text.index("Left sentence 24 goes on.")
    right_start = text.index("Right column starts in Kyiv.")
    assert text.index("Two columns") < text.index("Left column starts in Ankara.") < left_end < right_start
    # no line of the right column is interleaved with the left one
    assert "Right" not in text[text.index("Left column starts"):left_end]


def test_a_line_set_larger_than_the_body_is_a_heading(report):
    assert [report.text[s:e] for s, e in report.headings] == ["Two columns"]


def test_pages_and_document_info_are_kept(report):
    assert report.format == "pdf" and len(report.pages) == 3
    assert report.page_at(report.text.index("Two columns")) == 2
    assert report.page_at(report.text.index("resume in May")) == 3
    assert report.metadata.title == report.title == "Grain corridor report"
    assert report.metadata.authors == ["Ana Analyst", "Ben Reviewer"]
    assert report.metadata.date == "2024-03-05" and report.metadata.pages == 3
    assert report.extractor.startswith("pypdfium2/")


def test_every_paragraph_lies_inside_one_page(report):
    for start, end in report.paragraphs:
        assert report.page_at(start) == report.page_at(end - 1)


def test_a_scanned_pdf_says_so_in_one_line(tmp_path):
    with pytest.raises(DocumentError, match="no text layer: this PDF is scanned images; OCR is not supported"):
        read_document(scanned_pdf(tmp_path / "scan.pdf"))


def test_an_encrypted_pdf_says_it_needs_a_password(tmp_path):
    with pytest.raises(DocumentError, match="encrypted: it needs a password"):
        read_document(encrypted_pdf(tmp_path / "locked.pdf"))


@pytest.mark.parametrize("cut", [0.5, 0.1])
def test_a_truncated_or_corrupt_pdf_is_one_line(tmp_path, cut):
    data = report_pdf(tmp_path / "whole.pdf").read_bytes()
    broken = tmp_path / "broken.pdf"
    # Cut before the page content streams and cross-reference table (or down to the header only).
    broken.write_bytes(data[: int(len(data) * cut)] if cut > 0.2 else data[:20] + b"\x00garbage")
    try:
        document = read_document(broken)
    except DocumentError as error:
        assert "\n" not in str(error) and str(broken) in str(error)
    else:
        # PDFium rebuilds what it can from a half file: then it is real text, never a traceback.
        assert document.text.strip()
