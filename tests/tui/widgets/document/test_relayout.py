"""A long text's resize: the viewport's paragraphs rewrapped at once and spliced into the old layout."""

from __future__ import annotations

from analysis.formats.text import paragraphs as split_paragraphs
from tui.widgets.document.layout import DocumentLayout
from tui.widgets.document.relayout import WINDOW_CHARS_LIMIT, rewrap_around, viewport_window, window_around

WORDS = "the envoy met the minister in Kyiv and spoke of a ceasefire along the line ".split()


def sample_text(paragraphs: int = 400) -> str:
    return "\n\n".join(" ".join(WORDS[(i + j) % len(WORDS)] for j in range(8 + (i * 7) % 90)) for i in range(paragraphs))


def lines_of(layout: DocumentLayout, paragraph: int) -> list[tuple[int, int, int]]:
    return [layout.line(y) for y in layout.paragraph_lines(paragraph)]


def test_the_window_is_wrapped_like_a_full_layout_and_the_rest_keeps_its_old_lines():
    text = sample_text()
    spans = split_paragraphs(text)
    old = DocumentLayout(text, spans, 70)
    full = DocumentLayout(text, spans, 41)
    window = range(150, 190)
    spliced = rewrap_around(DocumentLayout(text, spans, 70), text, window, 41)  # spends the one it is given
    assert spliced.width == 41 and not spliced.complete
    for paragraph in range(len(spans)):
        expected = full if paragraph in window else old
        # the same character spans; only the line numbers move after the window
        assert lines_of(spliced, paragraph) == lines_of(expected, paragraph)
    # an offset finds the line the layout it came from would give
    for offset in range(0, len(text), 97):
        expected = full if spliced.paragraph_at(offset) in window else old
        assert spliced.line(spliced.line_at(offset)) == expected.line(expected.line_at(offset))
    assert len(spliced) == len(old) + sum(len(full.paragraph_lines(p)) - len(old.paragraph_lines(p)) for p in window)


def test_a_window_of_every_paragraph_is_the_full_layout():
    text = sample_text(30)
    spans = split_paragraphs(text)
    spliced = rewrap_around(DocumentLayout(text, spans, 70), text, range(len(spans)), 33)
    full = DocumentLayout(text, spans, 33)
    assert spliced.complete
    assert spliced.lines == full.lines and spliced.first_line == full.first_line


def test_the_window_starts_before_the_top_and_holds_enough_characters():
    spans = [(i * 100, i * 100 + 98) for i in range(1000)]
    window = window_around(spans, 500, 3 * 24 * 80)
    assert window.start == 492
    assert sum(end - start for start, end in spans[500 : window.stop]) >= 3 * 24 * 80
    assert window_around(spans, 0, 10).start == 0
    assert window_around(spans, 999, 10_000).stop == 1000
    assert window_around([(0, WINDOW_CHARS_LIMIT + 1)], 0, 10) is None


def test_the_viewport_window_reaches_back_to_a_cursor_above_the_top():
    spans = [(i * 100, i * 100 + 98) for i in range(1000)]
    window = viewport_window(spans, top=500, cursor=480, height=24, width=80)
    assert window.start == 472  # eight before the cursor's paragraph
    # three screenfuls of characters from the top paragraph on, not counting what is above it
    assert sum(end - start for start, end in spans[500 : window.stop]) >= 3 * 24 * 80
    assert viewport_window(spans, top=500, cursor=510, height=24, width=80).start == 492
