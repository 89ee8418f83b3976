"""The document pane, driven through Textual's pilot in a minimal app."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable

import pytest
from textual.app import App, ComposeResult
from textual.message import Message

from analysis.documents import read_document
from analysis.formats.text import content_hash, paragraphs
from analysis.types import Document
from seeds import sample_path
from tests.helpers.app import until
from tui.widgets.document.find import find_all
from tui.widgets.document.layout import SEPARATOR
from tui.widgets.document.paint import CURSOR_BAR, NOTE_MARK, NOTE_RULE
from tui.widgets.document.view import FIND_PENDING, DocumentView
from tui.widgets.document.width_fitting import THREADED_REWRAP_CHARS


class ViewApp(App):
    """One DocumentView filling the screen; records every message it posts."""

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document
        self.messages: list[Message] = []

    def compose(self) -> ComposeResult:
        yield DocumentView(self.document)

    def on_document_view_cursor_moved(self, message: DocumentView.CursorMoved) -> None:
        self.messages.append(message)

    def on_document_view_find_status(self, message: DocumentView.FindStatus) -> None:
        self.messages.append(message)

    def on_document_view_mention_status(self, message: DocumentView.MentionStatus) -> None:
        self.messages.append(message)

    def on_document_view_find_requested(self, message: DocumentView.FindRequested) -> None:
        self.messages.append(message)

    def on_document_view_note_requested(self, message: DocumentView.NoteRequested) -> None:
        self.messages.append(message)

    def on_document_view_summary_toggle_requested(self, message: DocumentView.SummaryToggleRequested) -> None:
        self.messages.append(message)

    def last(self, kind: type) -> Message:
        return [message for message in self.messages if isinstance(message, kind)][-1]


def make_document(text: str) -> Document:
    return Document(
        path="test.txt", title="test", text=text, paragraphs=paragraphs(text), content_hash=content_hash(text)
    )


@pytest.fixture
def seed() -> Document:
    return read_document(sample_path())


def viewport(view: DocumentView) -> range:
    top = int(view.scroll_y)
    return range(top, top + view.scrollable_content_region.height)


def cursor_visible(view: DocumentView) -> bool:
    lines = view.layout.paragraph_lines(view.cursor_paragraph)
    shown = viewport(view)
    return lines.start < shown.stop and lines.stop > shown.start


def screen_lines(view: DocumentView) -> list[str]:
    return [view.render_line(y).text for y in range(view.scrollable_content_region.height)]


async def test_load_shows_the_text_at_once(seed):
    app = ViewApp(seed)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(DocumentView)
        await pilot.pause()
        assert view.layout is not None
        assert view.virtual_size.height == len(view.layout)
        first = view.render_line(0).text
        assert first.startswith(" " + CURSOR_BAR + "On April 10, President Volodymyr Zelensky")
        assert view.render_line(0).cell_length == view.scrollable_content_region.width
        # a blank line separates paragraphs
        separator = view.layout.paragraph_lines(1).start - 1
        assert view.layout.line_paragraph[separator] == SEPARATOR
        assert view.render_line(separator).text.strip() == ""
        assert all(len(line.rstrip()) <= view.scrollable_content_region.width for line in screen_lines(view))


async def test_scroll_keys(seed):
    app = ViewApp(seed)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(DocumentView)
        await pilot.pause()
        height = view.scrollable_content_region.height
        assert view.max_scroll_y > 2 * height
        await pilot.press("j", "j", "j")
        assert view.scroll_y == 3
        await pilot.press("k")
        assert view.scroll_y == 2
        await pilot.press("space")
        assert view.scroll_y == 2 + height
        await pilot.press("b")
        assert view.scroll_y == 2
        await pilot.press("G")
        assert view.scroll_y == view.max_scroll_y
        assert view.cursor_paragraph == view.paragraph_count - 1
        await pilot.press("g")
        assert view.scroll_y == 0
        assert view.cursor_paragraph == 0
        await pilot.press("down", "pagedown", "end", "home", "up")
        assert view.scroll_y == 0


async def test_cursor_follows_the_viewport_when_it_leaves(seed):
    app = ViewApp(seed)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(DocumentView)
        await pilot.pause()
        assert view.cursor_paragraph == 0
        await pilot.press("j")  # paragraph 0 still shows: the cursor stays
        assert view.cursor_paragraph == 0
        await pilot.press("space", "space")
        assert cursor_visible(view)
        top = int(view.scroll_y)
        assert view.cursor_paragraph == view.layout.paragraph_at_line(top)
        await pilot.press("b", "b")
        assert cursor_visible(view)
        await pilot.pause()
        moved = app.last(DocumentView.CursorMoved)
        assert moved.paragraph == view.cursor_paragraph
        assert moved.offset == view.paragraph_span(view.cursor_paragraph)[0]


async def test_paragraph_keys_move_the_cursor_and_scroll(seed):
    app = ViewApp(seed)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(DocumentView)
        await pilot.pause()
        for expected in range(1, view.paragraph_count):
            await pilot.press("right_curly_bracket")
            assert view.cursor_paragraph == expected
            assert view.layout.paragraph_lines(expected).start in viewport(view)
        await pilot.press("right_curly_bracket")
        assert view.cursor_paragraph == view.paragraph_count - 1
        await pilot.press("left_curly_bracket", "left_curly_bracket")
        assert view.cursor_paragraph == view.paragraph_count - 3
        assert cursor_visible(view)
        view.paragraph(-100)
        assert view.cursor_paragraph == 0
        assert view.scroll_y == 0
        # the cursor bar is drawn on the cursor paragraph only
        assert view.render_line(0).text[1] == CURSOR_BAR
        second = view.layout.paragraph_lines(1).start
        assert view.render_line(second).text[1] == " "


async def test_find_counts_marks_and_cycles(seed):
    app = ViewApp(seed)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(DocumentView)
        await pilot.pause()
        expected = [m.start() for m in re.finditer("turkey", seed.text, re.IGNORECASE)]
        assert len(expected) > 3
        assert view.find("Turkey") == len(expected)
        await pilot.pause()
        status = app.last(DocumentView.FindStatus)
        assert (status.index, status.count, status.query) == (0, len(expected), "Turkey")
        assert view.current_offset == expected[0]
        assert view.cursor_paragraph == view.layout.paragraph_at(expected[0])
        for number in range(2, len(expected) + 1):
            await pilot.press("n")
            assert view.current_offset == expected[number - 1]
            assert view.layout.line_at(expected[number - 1]) in viewport(view)
        await pilot.press("n")  # wraps to the first
        assert view.current_offset == expected[0]
        await pilot.press("N")  # and back round to the last
        assert view.current_offset == expected[-1]
        await pilot.pause()
        status = app.last(DocumentView.FindStatus)
        assert (status.index, status.count) == (len(expected) - 1, len(expected))
        view.clear_find()
        assert view.match_count == 0
        await pilot.press("n")
        await pilot.pause()
        assert app.last(DocumentView.FindStatus).count == 0


async def test_find_starts_at_the_cursor_paragraph(seed):
    app = ViewApp(seed)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(DocumentView)
        await pilot.pause()
        view.paragraph(5)
        start = view.paragraph_span(5)[0]
        expected = [m.start() for m in re.finditer("turkey", seed.text, re.IGNORECASE)]
        view.find("TURKEY")
        assert view.current_offset == next(offset for offset in expected if offset >= start)
        assert view.find("no such words anywhere") == 0


async def test_find_on_four_megabytes_counts_every_copy_and_wraps_to_the_last(seed):
    copies = 4_000_000 // len(seed.text) + 1
    big = make_document("\n\n".join([seed.text] * copies))
    per_copy = len(re.findall("turkey", seed.text, re.IGNORECASE))
    app = ViewApp(big)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(DocumentView)
        await pilot.pause()
        assert view.find("TURKEY") == FIND_PENDING  # searched in a thread
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert view.match_count == per_copy * copies  # no match can span the blank line between copies
        assert view.match_count == len(find_all(big.text, "turkey"))
        assert view.current_offset < len(seed.text)  # the first match, in the first copy
        await pilot.press("N")  # back from the first match wraps round to the last one
        last_copy_starts = len(big.text) - len(seed.text)
        assert view.current_offset > last_copy_starts
        assert big.text[view.current_offset : view.current_offset + 6].casefold() == "turkey"
        assert view.layout.line_at(view.current_offset) in viewport(view)
        await pilot.press("G")
        assert view.scroll_y == view.max_scroll_y


async def test_opening_find_on_a_long_text_folds_it_once_for_the_finds_that_follow(seed, monkeypatch):
    from tui.widgets.document import find as document_find

    big = make_document("\n\n".join([seed.text] * (2_000_000 // len(seed.text) + 1)))
    folded_texts: list[str] = []
    real_folded = document_find.FoldedText

    def counted(source):
        folded_texts.append(source)
        return real_folded(source)

    monkeypatch.setattr(document_find, "FoldedText", counted)
    app = ViewApp(big)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(DocumentView)
        view.prepare_find()  # as the reader's find prompt opens: folded while the query is typed
        await app.workers.wait_for_complete()
        assert folded_texts == [big.text]
        for query in ("TURKEY", "Erdogan", "turkey"):
            assert view.find(query) == FIND_PENDING
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert view.match_count == len(re.findall(query, big.text, re.IGNORECASE))
        assert folded_texts == [big.text]


async def test_mention_walk_in_order_and_wraps(seed):
    app = ViewApp(seed)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(DocumentView)
        await pilot.pause()
        await pilot.press("right_square_bracket")
        await pilot.pause()
        status = app.last(DocumentView.MentionStatus)
        assert (status.index, status.count) == (0, 0)
        spans = find_all(seed.text, "Erdogan")
        assert len(spans) >= 3
        view.set_selected(list(reversed(spans)))
        for number, (start, _end) in enumerate(spans):
            await pilot.press("right_square_bracket")
            assert view.current_offset == start
            assert view.cursor_paragraph == view.layout.paragraph_at(start)
            assert view.layout.line_at(start) in viewport(view)
            await pilot.pause()
            status = app.last(DocumentView.MentionStatus)
            assert (status.index, status.count) == (number, len(spans))
        await pilot.press("right_square_bracket")
        assert view.current_offset == spans[0][0]
        await pilot.press("left_square_bracket")
        assert view.current_offset == spans[-1][0]
        await pilot.press("left_square_bracket")
        assert view.current_offset == spans[-2][0]


async def test_mention_walk_starts_from_the_cursor_paragraph(seed):
    app = ViewApp(seed)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(DocumentView)
        await pilot.pause()
        spans = find_all(seed.text, "Russia")
        view.set_selected(spans)
        view.paragraph(4)
        start = view.paragraph_span(4)[0]
        await pilot.press("right_square_bracket")
        assert view.current_offset == next(s for s, _ in spans if s >= start)


async def test_go_to_offset_puts_the_line_a_third_down(seed):
    app = ViewApp(seed)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(DocumentView)
        await pilot.pause()
        start, end = find_all(seed.text, "Sevastopol")[0]
        view.go_to_offset(start, (start, end))
        line = view.layout.line_at(start)
        height = view.scrollable_content_region.height
        assert view.cursor_paragraph == view.layout.paragraph_at(start)
        assert line - int(view.scroll_y) == min(line, height // 3)
        assert view.current_offset == start
        assert "Sevastopol" in view.render_line(line - int(view.scroll_y)).text


async def test_click_moves_the_cursor(seed):
    app = ViewApp(seed)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(DocumentView)
        await pilot.pause()
        line = view.layout.paragraph_lines(2).start + 1
        assert line < view.scrollable_content_region.height
        await pilot.click(DocumentView, offset=(10, line))
        assert view.cursor_paragraph == 2
        await pilot.pause()
        assert app.last(DocumentView.CursorMoved).paragraph == 2


async def test_requests_are_posted(seed):
    app = ViewApp(seed)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(DocumentView)
        await pilot.pause()
        await pilot.press("right_curly_bracket", "a", "s", "slash")
        await pilot.pause()
        assert app.last(DocumentView.NoteRequested).paragraph == 1
        assert app.last(DocumentView.NoteRequested).control is view
        assert app.last(DocumentView.SummaryToggleRequested)
        assert app.last(DocumentView.FindRequested)


async def test_markup_and_escape_sequences_show_literally():
    raw = "[bold]x[/] [link=http://e]y\x1b[31mz"
    document = make_document(f"{raw}\n\nsecond [i]paragraph[/i] with \x07 bell")
    app = ViewApp(document)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(DocumentView)
        await pilot.pause()
        view.set_mentions([(0, 6, "person")])
        view.find("[/]")
        strip = view.render_line(0)
        assert strip.text[2:].rstrip() == "[bold]x[/] [link=http://e]y\u241b[31mz"
        assert "second [i]paragraph[/i] with \u2407 bell" in view.render_line(2).text
        for segment in [*strip, *view.render_line(2)]:
            assert not any(ord(char) < 32 or 0x7F <= ord(char) < 0xA0 for char in segment.text)
            assert segment.style is None or not segment.style.link


async def test_highlights_are_painted(seed):
    app = ViewApp(seed)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(DocumentView)
        await pilot.pause()
        text = seed.text
        zelensky = text.index("Zelensky")
        istanbul = text.index("Istanbul")
        view.set_mentions([(zelensky, zelensky + 8, "person"), (istanbul, istanbul + 8, "place")])
        first_line = view.render_line(0)
        styles = {}
        position = 0
        for segment in first_line:
            styles[position] = segment.style
            position += len(segment.text)

        def style_at(offset: int):
            column = offset + 2  # the margin
            found = None
            for start, style in sorted(styles.items()):
                if start <= column:
                    found = style
            return found

        plain = style_at(0)
        person, place = style_at(zelensky), style_at(istanbul)
        assert person.color != plain.color and place.color != plain.color and person.color != place.color
        view.set_selected([(zelensky, zelensky + 8)])
        assert view.render_line(0) is not first_line  # the cache was invalidated

        view.set_note_marks([(istanbul, istanbul + 8)])
        assert view.render_line(0).text[0] == NOTE_MARK
        assert view.render_line(1).text[0] == NOTE_RULE
        second = view.layout.paragraph_lines(1).start
        assert view.render_line(second).text[0] == " "


async def test_resize_rewraps_and_keeps_the_cursor(seed):
    app = ViewApp(seed)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(DocumentView)
        await pilot.pause()
        view.paragraph(6)
        assert cursor_visible(view)
        wide_lines = len(view.layout)
        await pilot.resize_terminal(50, 24)
        await pilot.pause()
        assert view.layout.width == view.scrollable_content_region.width - 2
        assert view.layout.width < 50
        assert len(view.layout) > wide_lines
        assert view.virtual_size.height == len(view.layout)
        assert view.cursor_paragraph == 6
        assert cursor_visible(view)
        for line in screen_lines(view):
            assert len(line) == view.scrollable_content_region.width
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert view.cursor_paragraph == 6
        assert cursor_visible(view)
        assert len(view.layout) == wide_lines


async def test_an_empty_document_is_harmless():
    app = ViewApp(make_document(""))
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(DocumentView)
        await pilot.pause()
        await pilot.press("j", "space", "G", "g", "right_curly_bracket", "n", "right_square_bracket", "a")
        assert view.find("x") == 0
        assert view.render_line(0).text.strip() == ""
        assert view.current_offset == 0


def past_threaded_rewrap(seed: Document, times: int = 1) -> Document:
    """The seed repeated to `times` the length above which a resize rewraps in a thread."""
    return make_document("\n\n".join([seed.text] * (times * THREADED_REWRAP_CHARS // len(seed.text) + 2)))


def count_rewraps(view: DocumentView) -> list[int]:
    """The widths the view's whole-text rewraps start for, from now on (they still run)."""
    started: list[int] = []
    rewrap = view._rewrap

    def counted_rewrap(text, paragraphs, width):
        started.append(width)
        return rewrap(text, paragraphs, width)

    view._rewrap = counted_rewrap
    return started


def hold_rewraps(view: DocumentView) -> tuple[list[tuple], Callable[..., object]]:
    """The view's whole-text rewraps held back: the arguments each was started with, and the real
    rewrap to run them with (as though the thread had not finished yet)."""
    held: list[tuple] = []
    rewrap = view._rewrap
    view._rewrap = lambda *arguments: held.append(arguments)
    return held, rewrap


def rewrapped(view: DocumentView) -> bool:
    """The whole text laid out at the pane's width (not only what the screen shows)."""
    return view.layout.complete and view.layout.width == view.wrap_width


async def test_a_large_document_rewraps_in_a_thread(seed):
    big = past_threaded_rewrap(seed)
    app = ViewApp(big)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(DocumentView)
        await pilot.pause()
        view.paragraph(40)
        old = view.layout
        await pilot.resize_terminal(50, 24)
        await until(pilot, lambda: rewrapped(view))
        assert view.layout is not old
        assert view.layout.width == view.scrollable_content_region.width - 2
        assert view.virtual_size.height == len(view.layout)
        assert view.cursor_paragraph == 40
        assert cursor_visible(view)


async def test_a_large_document_shows_the_new_width_before_its_rewrap_ends(seed):
    """The lines on screen are rewrapped at once; the thread's full layout then shows the same."""
    from rich.cells import cell_len

    big = past_threaded_rewrap(seed)
    app = ViewApp(big)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(DocumentView)
        await pilot.pause()
        view.paragraph(40)
        await pilot.pause()
        held, rewrap = hold_rewraps(view)  # the thread has not finished yet
        await pilot.resize_terminal(50, 24)
        spliced = view.layout
        assert spliced.width == view.wrap_width and not spliced.complete  # before the thread starts
        await until(pilot, lambda: held)  # started once the screen has settled
        await pilot.pause(0.3)
        assert len(held) == 1 and view.layout is spliced
        assert cursor_visible(view)
        top = int(view.scroll_y)
        shown = [view.render_line(y).text.rstrip() for y in range(view.scrollable_content_region.height)]
        assert all(cell_len(line) <= view.scrollable_content_region.width for line in shown)
        assert view.layout.line(top)[1] <= view.paragraph_span(40)[0] < view.layout.line(top + 23)[2]
        rewrap(*held[0])
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert view.layout.complete and view.layout is not spliced
        # the same text on screen (its line number moves: the lines above it are rewrapped too)
        assert [view.render_line(y).text.rstrip() for y in range(len(shown))] == shown


async def test_the_whole_text_rewrap_arrives_without_laying_out_the_screen(seed):
    """Its line count is the pane's scroll extent, not the pane's size: no layout of the screen."""
    big = past_threaded_rewrap(seed)
    app = ViewApp(big)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(DocumentView)
        await pilot.pause()
        held, rewrap = hold_rewraps(view)
        await pilot.resize_terminal(50, 24)
        await until(pilot, lambda: held)
        await pilot.pause(0.3)
        screen = app.screen
        layouts = []
        lay_out = screen._refresh_layout
        screen._refresh_layout = lambda *args, **kwargs: (layouts.append(args), lay_out(*args, **kwargs))
        spliced_lines = len(view.layout)
        rewrap(*held[0])
        await app.workers.wait_for_complete()
        await until(pilot, lambda: rewrapped(view))
        await pilot.pause()
        assert layouts == []
        assert len(view.layout) != spliced_lines  # the extent did change
        assert view.virtual_size.height == len(view.layout)
        assert view.max_scroll_y == len(view.layout) - view.scrollable_content_region.height
        await pilot.press("end")  # the last line can be reached
        await pilot.pause()
        assert view.scroll_y == view.max_scroll_y


async def test_a_height_change_during_a_rewrap_does_not_start_another(seed):
    """A new width, then at once a new height (the summary box refitting to the new width does
    this): one rewrap for that width, not a second one running beside the first."""
    from textual import events
    from textual.geometry import Size

    # 4 MB, a rewrap of ~100 ms: still under way when the second resize arrives
    big = past_threaded_rewrap(seed, times=8)
    app = ViewApp(big)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(DocumentView)
        await pilot.pause()
        started = count_rewraps(view)
        app._driver.process_message(events.Resize(Size(50, 24), Size(50, 24)))
        for _ in range(500):  # bounded: until the view has the new width and its rewrap is off
            if started:
                break
            await asyncio.sleep(0.002)
        app._driver.process_message(events.Resize(Size(50, 20), Size(50, 20)))
        await until(pilot, lambda: rewrapped(view))
        assert started == [view.wrap_width]
        assert view.layout.width == view.wrap_width


async def test_a_drag_of_the_terminal_edge_rewraps_the_whole_text_once(seed):
    """Widths in quick succession (an edge dragged) each rewrap the screen; the thread runs once, for the last."""
    from textual import events
    from textual.geometry import Size

    big = past_threaded_rewrap(seed)
    app = ViewApp(big)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(DocumentView)
        await pilot.pause()
        started = count_rewraps(view)
        for width in (70, 64, 58, 50):
            app._driver.process_message(events.Resize(Size(width, 24), Size(width, 24)))
            await pilot.pause()
            assert view.layout.width == view.wrap_width
        await until(pilot, lambda: rewrapped(view))
        assert started == [view.wrap_width]


async def test_a_shorter_pane_keeps_the_cursor_in_view(seed):
    app = ViewApp(seed)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(DocumentView)
        await pilot.pause()
        # the last paragraph whose first line is on screen
        last = max(p for p in range(view.paragraph_count) if view.layout.paragraph_lines(p).start < 24)
        view.cursor_paragraph = last  # set directly: no scrolling
        assert view.scroll_y == 0 and cursor_visible(view)
        await pilot.resize_terminal(80, 8)
        await pilot.pause()
        assert view.cursor_paragraph == last
        assert cursor_visible(view)


async def test_loading_another_document_starts_over(seed):
    app = ViewApp(seed)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(DocumentView)
        await pilot.pause()
        view.find("Turkey")
        await pilot.press("G")
        view.load(make_document("A new briefing.\n\nWith two paragraphs."))
        await pilot.pause()
        assert view.scroll_y == 0
        assert view.cursor_paragraph == 0
        assert view.match_count == 0
        assert len(view.layout) == 3
        assert "A new briefing." in view.render_line(0).text
        assert "With two paragraphs." in view.render_line(2).text


async def test_theme_change_repaints(seed):
    app = ViewApp(seed)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(DocumentView)
        await pilot.pause()
        dark = view.render_line(0)
        app.theme = "textual-light"
        await pilot.pause()
        light = view.render_line(0)
        assert list(dark)[-1].style.bgcolor != list(light)[-1].style.bgcolor


async def test_the_first_frame_already_shows_the_text(seed):
    """The text is laid out when the view first paints, not on the Resize event after it."""
    painted: list[bool] = []

    class RecordingView(DocumentView):
        def render_lines(self, crop):
            strips = super().render_lines(crop)
            painted.append(any(strip.text.strip() for strip in strips))
            return strips

    class RecordingApp(App):
        def compose(self) -> ComposeResult:
            yield RecordingView(seed)

    async with RecordingApp().run_test(size=(80, 24)):
        pass
    assert painted and painted[0]


async def test_a_line_with_nothing_highlighted_keeps_the_theme_and_the_cursor():
    app = ViewApp(make_document("A plain line with no name in it.\n\nAnother plain paragraph."))
    async with app.run_test(size=(60, 10)) as pilot:
        view = app.query_one(DocumentView)
        await pilot.pause()
        base = view.rich_style
        for y, on_cursor in ((0, True), (2, False)):
            segments = [segment for segment in view.render_line(y) if segment.text.strip()]
            assert segments
            for segment in segments:
                assert segment.style.bgcolor is not None and segment.style.color is not None, (y, segment)
            text_segment = segments[-1]
            if on_cursor:
                assert text_segment.style.bgcolor != base.bgcolor  # the cursor's background
            else:
                assert text_segment.style.bgcolor == base.bgcolor and text_segment.style.color == base.color


async def test_a_resize_draws_the_text_wrapped_to_the_new_width_in_its_first_frame(seed, monkeypatch):
    """Rewrapped on the Resize event, after the layout had drawn the pane, the first frame of a
    resize showed the old lines cut at the new width, and the pane was drawn twice."""
    from textual._compositor import Compositor

    long_text = make_document("\n\n".join([seed.text] * (700_000 // len(seed.text) + 1)))  # rewrapped in a thread
    for document in (seed, long_text):
        app = ViewApp(document)
        wraps_when_drawn: list[tuple[int, int]] = []
        render_full_update = Compositor.render_full_update

        def record(self, *args, **kwargs):
            view = app.query_one(DocumentView)
            wraps_when_drawn.append((view.layout.width, view.wrap_width))
            return render_full_update(self, *args, **kwargs)

        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            before = app.query_one(DocumentView).wrap_width
            monkeypatch.setattr(Compositor, "render_full_update", record)
            await pilot.resize_terminal(50, 24)
            await pilot.pause()
            monkeypatch.setattr(Compositor, "render_full_update", render_full_update)
        first_layout_width, first_wrap_width = wraps_when_drawn[0]
        assert first_layout_width == first_wrap_width < before
