"""Every format in the real app: open it, add a note on a paragraph, reopen, the note is anchored
to the same passage; and the header names the title, the source and the date."""

from __future__ import annotations

import pytest

from tests.helpers.app import make_app, settle
from tests.helpers.formats import CHAPTERS, MARKDOWN, book_epub, real_page, report_docx, report_pdf
from tui.dialogs.note_editor import NoteEditor
from tui.widgets.notes_list import NotesList
from tests.helpers.notes_app import writes_landed

SIZE = (120, 36)


def html_file(path):
    path.write_bytes(real_page("cnn_article")[0])
    return path


def markdown_file(path):
    path.write_text(MARKDOWN)
    return path


BUILDERS = {
    "report.html": html_file,
    "report.pdf": report_pdf,
    "report.docx": report_docx,
    "book.epub": lambda path: book_epub(path, CHAPTERS),
    "talks.md": markdown_file,
}


@pytest.mark.parametrize("name", sorted(BUILDERS))
async def test_a_note_on_each_format_is_anchored_after_reopening(tmp_path, name):
    path = BUILDERS[name](tmp_path / name)
    home = tmp_path / "home"
    app = make_app(home, path)
    document = app.session.document
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        pane = app.screen.query_one("#document-pane")
        assert document.title in str(pane.border_title) and name in str(pane.border_title)
        await pilot.press("right_curly_bracket")  # cursor to the second paragraph
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"Check this passage")
        await pilot.press("ctrl+s")
        await writes_landed(app, pilot)
        written = app.screen.query_one(NotesList).notes
        assert len(written) == 1

    app = make_app(home, path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        notes = app.screen.query_one(NotesList).notes
        assert [note.body for note in notes] == ["Check this passage"]
        note = notes[0]
        start, end = app.session.document.paragraphs[1]
        assert note.placement == "exact" and note.anchor.start == start
        assert app.session.document.text[note.anchor.start : note.anchor.end] == note.anchor.quote


async def test_a_markdown_heading_is_painted_bold(tmp_path):
    from tui.widgets.document.view import DocumentView

    app = make_app(tmp_path / "home", markdown_file(tmp_path / "talks.md"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = app.screen.query_one(DocumentView)
        heading, body = (view.render_line(0), view.render_line(2))
        # The words only: the margin and the cursor bar are painted in their own styles.
        heading_text = [seg for seg in heading if seg.text.strip() and seg.text.strip()[0].isalpha()]
        body_text = [seg for seg in body if seg.text.strip() and seg.text.strip()[0].isalpha()]
        assert "Talks in Istanbul" in "".join(seg.text for seg in heading_text)
        assert all(seg.style.bold for seg in heading_text)
        assert not all(seg.style.bold for seg in body_text)


async def test_the_header_shows_the_date_and_the_details_line_the_authors(tmp_path):
    app = make_app(tmp_path / "home", report_pdf(tmp_path / "report.pdf"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        pane = app.screen.query_one("#document-pane")
        assert str(pane.border_title) == "Grain corridor report · report.pdf · 2024-03-05"
        assert str(pane.border_subtitle) == "by Ana Analyst, Ben Reviewer · 3 pages"


def test_a_note_in_a_pdf_says_its_page(tmp_path):
    from analysis.notes.editing import new_note
    from tui.widgets.notes_list import note_label

    from analysis.documents import read_document

    document = read_document(report_pdf(tmp_path / "report.pdf"))
    start = document.text.index("Two columns")
    note = new_note(document, start, start + len("Two columns"), "Page two heading")
    assert str(note_label(note, document, {})[0]).startswith(f"p. 2 ¶{document.paragraph_at(start) + 1} ")


async def test_a_note_on_a_url_stays_on_its_snapshot_and_follows_a_refresh(tmp_path, server):
    from tui.app import BriefingApp
    from tui.cli.source import load

    base, state = server
    url = f"{base}/article"
    home = str(tmp_path / "home")

    def open_url(refresh: bool = False) -> BriefingApp:
        return BriefingApp(load(url, refresh=refresh, data_dir=home), data_dir=home)

    app = open_url()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert url in str(app.screen.query_one("#document-pane").border_title)
        await pilot.press("right_curly_bracket", "a")
        await pilot.pause()
        await pilot.press(*"Which corridor?", "ctrl+s")
        await writes_landed(app, pilot)
        assert len(app.screen.query_one(NotesList).notes) == 1

    state["day"] = "Friday"
    app = open_url()  # the snapshot: the same text, the note exactly where it was
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        (note,) = app.screen.query_one(NotesList).notes
        assert note.placement == "exact" and "Tuesday" in app.session.document.text

    app = open_url(refresh=True)  # fetched again: new text, the note placed again on it
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        document = app.session.document
        (note,) = app.screen.query_one(NotesList).notes
        assert "Friday" in document.text and note.placement in ("moved", "fuzzy")
        assert document.paragraph_at(note.anchor.start) == 1
