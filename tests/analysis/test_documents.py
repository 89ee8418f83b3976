"""Reading briefings: encodings, line ends, paragraphs, titles and every kind of bad file."""

from __future__ import annotations

import codecs

import pytest

from analysis.documents import read_document
from analysis.formats import DocumentError
from analysis.formats.text import paragraphs, title_of


def write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_seed_reads_exactly(seed_path, seed_document):
    assert seed_document.text == seed_path.read_text(encoding="utf-8")
    assert "USS Donald Cook dinner" in seed_document.text
    assert len(seed_document.paragraphs) == 17
    assert seed_document.title.startswith("On April 10, President Volodymyr Zelensky")


@pytest.mark.parametrize(
    "data, encoding",
    [
        ("Straße – Kyiv\n".encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + "Straße – Kyiv\n".encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + "Straße – Kyiv\n".encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + "Straße – Kyiv\n".encode("utf-16-be"), "utf-16"),
    ],
)
def test_unicode_encodings(tmp_path, data, encoding):
    document = read_document(write(tmp_path, "a.txt", data))
    assert document.text == "Straße – Kyiv\n"
    assert document.encoding == encoding
    assert document.notice is None


def test_fallback_decoding_is_stated(tmp_path):
    document = read_document(write(tmp_path, "a.txt", "Café déjà vu".encode("cp1252")))
    assert document.text == "Café déjà vu"
    assert document.encoding == "cp1252"
    assert "Windows-1252" in document.notice


def test_line_ends_normalised(tmp_path):
    document = read_document(write(tmp_path, "a.txt", b"One\r\ntwo\r\rthree\rfour"))
    assert document.text == "One\ntwo\n\nthree\nfour"
    assert [document.text[s:e] for s, e in document.paragraphs] == ["One\ntwo", "three\nfour"]


def test_markdown_title_from_heading(tmp_path):
    document = read_document(write(tmp_path, "a.md", b"Intro line\n\n## The Real Title ##\n\nBody"))
    assert document.title == "The Real Title"
    assert title_of("\n\n  first words\nmore", "x") == "first words"


def test_paragraphs_trim_and_skip_blank_runs():
    text = "  A one.  \n \n\n\tB two\n  \n"
    assert [text[s:e] for s, e in paragraphs(text)] == ["A one.", "B two"]


@pytest.mark.parametrize(
    "make, fragment",
    [
        (lambda p: p / "missing.txt", "no such file"),
        (lambda p: p, "is a folder"),
        (lambda p: write(p, "e.txt", b""), "is empty"),
        (lambda p: write(p, "w.txt", b" \n\t\n"), "is empty"),
        (lambda p: write(p, "b.bin", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "binary"),
    ],
)
def test_bad_files_get_one_line_reasons(tmp_path, make, fragment):
    with pytest.raises(DocumentError) as caught:
        read_document(make(tmp_path))
    assert fragment in str(caught.value)
    assert "\n" not in str(caught.value)


def test_unreadable_file(tmp_path):
    import os

    path = write(tmp_path, "secret.txt", b"text")
    path.chmod(0)
    if os.access(path, os.R_OK):  # root reads anything: nothing to test
        pytest.skip("running as a user that can read mode-000 files")
    with pytest.raises(DocumentError, match="permission denied"):
        read_document(path)


def test_markup_and_escapes_kept_verbatim(tmp_path):
    raw = "[bold]x[/] [link=http://e]y\x1b[31mz"
    document = read_document(write(tmp_path, "m.txt", raw.encode()))
    assert document.text == raw


def test_read_error_is_one_line():
    from pathlib import Path

    mem = Path("/proc/self/mem")  # exists, is a file, and every read fails with EIO
    if not mem.exists():
        pytest.skip("no /proc on this system")
    with pytest.raises(DocumentError, match="cannot be read"):
        read_document(mem)


def test_utf16_without_a_byte_order_mark_is_read_not_called_binary(tmp_path):
    from analysis.documents import read_document

    text = "Ankara hosted the talks.\n\nKyiv welcomed the offer: «très bien».\n"
    for encoding in ("utf-16-le", "utf-16-be"):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(text.encode(encoding))
        document = read_document(path)
        assert document.text == text and document.encoding == encoding and "byte order mark" in document.notice


def test_binary_with_nul_bytes_on_both_sides_is_still_refused(tmp_path):
    import pytest

    from analysis.documents import read_document
    from analysis.formats import DocumentError

    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(DocumentError, match="binary"):
        read_document(path)
