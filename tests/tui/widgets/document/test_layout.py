"""The document pane's wrapping and line index, tested without textual."""

from __future__ import annotations

import subprocess
import sys

import pytest
from rich.cells import cell_len

from analysis.formats.text import paragraphs as split_paragraphs
from tests.helpers import REPO_ROOT as ROOT
from tui.widgets.document.find import find_all
from tui.widgets.document.layout import (
    SEPARATOR,
    DocumentLayout,
    SpanIndex,
    visible_end,
    wrap_paragraph,
)


def shown(text: str, start: int, end: int) -> str:
    return text[start : visible_end(text, start, end)]


def assert_partition(text: str, start: int, end: int, lines: list[tuple[int, int]], width: int) -> None:
    """The lines cover [start, end) exactly once, in order, and none shows more than `width` cells."""
    assert lines[0][0] == start
    assert lines[-1][1] == end
    for (_, a_end), (b_start, _) in zip(lines, lines[1:]):
        assert a_end == b_start
    for line_start, line_end in lines:
        assert line_end >= line_start
        assert cell_len(shown(text, line_start, line_end)) <= width, (text[line_start:line_end], width)


CASES = [
    "short",
    "The quick brown fox jumps over the lazy dog and keeps on running far away",
    "word " * 40,
    "a  b   c    d     e      f       g        h",
    "x" * 95 + " tail",
    "start " + "y" * 61 + " end",
    "line one\nline two is a little longer than the width of twenty\nthree",
    "   indented start after spaces and then words",
    "emoji 🙂🙂🙂 and 中文字符测试中文字符测试中文字符测试 mixed with words",
    "中" * 45,
    "tabs\tand\tcontrol \x1b[31m red",
    "curly “quotes” and ’apostrophes’ with café naïve résumé",
    "combining e\u0301 marks e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301 and more",
]


@pytest.mark.parametrize("text", CASES)
@pytest.mark.parametrize("width", [2, 5, 20, 33, 80])
def test_lines_partition_the_paragraph_and_fit(text, width):
    lines = wrap_paragraph(text, 0, len(text), width)
    assert_partition(text, 0, len(text), lines, width)


def test_wrap_breaks_at_spaces_greedily():
    text = "aaa bbb ccc ddd"
    lines = wrap_paragraph(text, 0, len(text), 7)
    assert [shown(text, s, e) for s, e in lines] == ["aaa bbb", "ccc ddd"]


def test_a_line_may_fill_the_width_exactly():
    text = "abcde fghij"
    assert [shown(text, s, e) for s, e in wrap_paragraph(text, 0, len(text), 5)] == ["abcde", "fghij"]


def test_long_words_are_split():
    text = "go " + "x" * 25 + " on"
    lines = [shown(text, s, e) for s, e in wrap_paragraph(text, 0, len(text), 10)]
    assert lines == ["go", "x" * 10, "x" * 10, "xxxxx on"]


def test_wide_characters_count_two_cells():
    text = "中" * 7
    lines = [shown(text, s, e) for s, e in wrap_paragraph(text, 0, len(text), 6)]
    assert lines == ["中中中", "中中中", "中"]
    mixed = "ab 中文 cd"
    assert [shown(mixed, s, e) for s, e in wrap_paragraph(mixed, 0, len(mixed), 5)] == ["ab", "中文", "cd"]


def test_hard_newlines_break_and_belong_to_their_line():
    text = "one\ntwo"
    assert wrap_paragraph(text, 0, len(text), 40) == [(0, 4), (4, 7)]


def test_measured_and_fast_paths_agree_on_single_cell_text():
    from tui.widgets.document import layout as document_layout

    text = ("Ankara refuses to recognise Crimea's annexation and offers rhetorical support. " * 5).strip()
    fast: list[tuple[int, int]] = []
    measured: list[tuple[int, int]] = []
    document_layout._wrap_fast(text, 0, len(text), 31, fast)
    document_layout._wrap_measured(text, 0, len(text), 31, measured)
    assert fast == measured


def test_wrapping_respects_offsets_inside_a_larger_text():
    text = "head\n\nThe body paragraph that wraps around\n\ntail"
    spans = split_paragraphs(text)
    start, end = spans[1]
    lines = wrap_paragraph(text, start, end, 10)
    assert_partition(text, start, end, lines, 10)


def test_layout_index(seed_document):
    text, paragraphs = seed_document.text, seed_document.paragraphs
    layout = DocumentLayout(text, paragraphs, 60)
    assert len(layout) == len(layout.lines)
    # each paragraph's lines, then one blank separator before the next paragraph
    for index, (start, end) in enumerate(paragraphs):
        lines = layout.paragraph_lines(index)
        assert [layout.line_paragraph[y] for y in lines] == [index] * len(lines)
        assert_partition(text, start, end, [(layout.line_start[y], layout.line_end[y]) for y in lines], 60)
        if index:
            assert layout.line_paragraph[lines.start - 1] == SEPARATOR
        assert layout.paragraph_at(start) == index
        assert layout.paragraph_at_line(lines.start) == index
        assert layout.line_at(start) == lines.start
        assert layout.line_at(end - 1) == lines.stop - 1
    assert layout.paragraph_at_line(layout.paragraph_lines(1).start - 1) == 1


def test_empty_document_has_no_lines():
    layout = DocumentLayout("", [], 40)
    assert len(layout) == 0
    assert layout.line_at(0) == 0
    assert layout.paragraph_at_line(3) == 0


def test_span_index_overlapping():
    index = SpanIndex([(10, 15), (0, 3), (20, 40), (14, 16)])
    assert index.spans == [(0, 3), (10, 15), (14, 16), (20, 40)]
    assert index.overlapping(12, 14) == [1]
    assert index.overlapping(15, 21) == [2, 3]
    assert index.overlapping(30, 31) == [3]
    assert index.overlapping(3, 10) == []
    assert index.index_of((14, 16)) == 2
    assert index.index_of((14, 17)) is None


def test_find_all_is_case_insensitive_and_literal():
    text = "Turkey, TURKEY and turkey; not [t]urkey. Then İstanbul."
    assert find_all(text, "turkey") == [(0, 6), (8, 14), (19, 25)]
    assert find_all(text, "[t]") == [(31, 34)]
    # a character whose lower case is longer does not shift later offsets
    assert [text[s:e] for s, e in find_all(text, "stanbul")] == ["stanbul"]
    assert find_all(text, "") == []


def test_find_all_by_chunks_finds_what_one_scan_finds():
    import re

    from tui.widgets.document import find as document_find

    # Matches straddling chunk ends, and runs of overlapping candidates ("aaa" in "aaaa…").
    chunk = document_find.FIND_CHUNK
    text = ("x" * (chunk - 2) + "Ankara ") * 3 + "a" * (chunk + 5) + " ANKARA"
    for query in ("ankara", "aaa", "x a", "a"):
        expected = [m.span() for m in re.finditer(re.escape(query), text, re.IGNORECASE)]
        assert find_all(text, query) == expected, query


def test_find_all_on_ascii_pieces_matches_the_regex_everywhere():
    """ASCII chunks are searched by lowering them; chunks with other characters by the regex. The
    two must agree at every chunk boundary, and on letters only IGNORECASE folds to ASCII."""
    import re

    from tui.widgets.document import find as document_find

    chunk = document_find.FIND_CHUNK
    ascii_part = ("x" * (chunk - 3) + "KaRa ") * 2
    # The Kelvin sign folds to k, the long s to s, dotless/dotted i to i: only in non-ASCII chunks.
    special = "y" * (chunk - 4) + "\u212aara \u017fea \u0130stanbul \u0131zmir kara"
    text = ascii_part + special + ascii_part + "ümlaut" + ascii_part
    for query in ("kara", "KARA", "sea", "istanbul", "izmir", "x k", "a", "ümlaut", "Ü"):
        expected = [m.span() for m in re.finditer(re.escape(query), text, re.IGNORECASE)]
        assert find_all(text, query) == expected, query


def test_the_case_exceptions_are_every_code_point_lowering_disagrees_on():
    """A piece is lowered for an ASCII query unless it holds one of CASE_EXCEPTIONS: every other
    character lowers to one character, and matches an ASCII letter by IGNORECASE only if its lower
    case is that letter. Checked over every code point (about a second)."""
    import re
    import sys

    from tui.widgets.document.find import CASE_EXCEPTIONS

    letter = re.compile("[a-z]", re.IGNORECASE)
    disagreeing = set()
    for code in range(0x80, sys.maxunicode + 1):
        character = chr(code)
        lowered = character.lower()
        if len(lowered) != 1 or lowered.isascii() != bool(letter.fullmatch(character)) or lowered.isascii():
            disagreeing.add(character)
    assert disagreeing <= set(CASE_EXCEPTIONS)
    assert {c for c in CASE_EXCEPTIONS if len(c.lower()) != 1 or letter.fullmatch(c)} == set(CASE_EXCEPTIONS)


def test_a_text_folded_once_finds_what_the_regex_finds():
    import re

    from tui.widgets.document.find import FIND_CHUNK, FoldedText

    # ASCII pieces, one with the long s and dotted I (left to the regex), one with Ü (lowered).
    run = "Ankara " * (2 * FIND_CHUNK // 7)
    text = run + "ſea İzmir ankara " + run + "Ümlaut ANKARA " + run
    folded = FoldedText(text)
    assert False in folded.foldable and folded.foldable.count(True) > folded.foldable.count(False)
    for query in ("ankara", "sea", "izmir", "a a", "ümlaut"):
        expected = [m.span() for m in re.finditer(re.escape(query), text, re.IGNORECASE)]
        assert find_all(text, query, folded) == expected, query


def test_four_megabytes_wrap(seed_path):
    seed = seed_path.read_text(encoding="utf-8")
    text = "\n\n".join([seed] * (4_000_000 // len(seed) + 1))
    paragraphs = split_paragraphs(text)
    for width in (78, 198):
        # ~0.06-0.08 s here (a timing, so measured, not asserted)
        layout = DocumentLayout(text, paragraphs, width)
        assert len(layout) > len(paragraphs)


def test_layout_module_does_not_import_textual():
    # Loaded by path, so what the tui package's __init__ may import does not count.
    module = ROOT / "tui" / "widgets" / "document" / "layout.py"
    code = (
        "import importlib.util, sys\n"
        f"spec = importlib.util.spec_from_file_location('document_layout', {str(module)!r})\n"
        "module = importlib.util.module_from_spec(spec)\n"
        "spec.loader.exec_module(module)\n"
        "module.DocumentLayout('a few words to wrap', [(0, 19)], 8)\n"
        "bad = [m for m in sys.modules if m == 'textual' or m.startswith('textual.')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_common_scripts_fast_class_holds_only_single_cell_characters():
    from rich.cells import get_character_cell_size

    from tui.widgets.document.layout import _OUTSIDE_COMMON

    inside = [chr(code) for code in range(0x20, 0x2C00) if not _OUTSIDE_COMMON.match(chr(code))]
    assert len(inside) > 1000
    assert [c for c in inside if get_character_cell_size(c) != 1] == []
    assert _OUTSIDE_COMMON.match("\x1b") and _OUTSIDE_COMMON.match("中") and _OUTSIDE_COMMON.match("\u0301")
