"""Whole-text regex scans in slices find exactly what one scan finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import scan
from analysis.facts import _RELATIVE_DATE
from analysis.actors.text_words import _INSIDE, _LOWERCASE_WORD

TOKENS = ["a", "bc", "Xy", "Zed", "-", "'", " ", " ", "\n", "last", "week", "Today", "next"]
# Paragraphs under half of the piece size below, so every cut falls on a blank line.
PARAGRAPH = st.lists(st.sampled_from(TOKENS), max_size=40).map("".join).map(lambda p: p[:90])


def test_pieces_cover_the_text_in_order_and_prefer_paragraph_breaks():
    text = ("word " * 30 + "\n") * 20 + "\n" + ("more " * 40 + "\n") * 20
    spans = list(scan.slices(text, size=1000))
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert all(end - start <= 1000 for start, end in spans)
    assert text[: spans[0][1]].endswith("\n\n") or text[: spans[0][1]].endswith("\n")


def test_a_text_without_breaks_is_still_cut_and_an_empty_text_is_one_piece():
    assert list(scan.slices("x" * 2500, size=1000)) == [(0, 1000), (1000, 2000), (2000, 2500)]
    assert list(scan.slices("")) == [(0, 0)]


@settings(max_examples=200, deadline=None)
@given(st.lists(PARAGRAPH, max_size=30))
def test_pieced_scans_find_what_one_scan_finds(paragraphs):
    text = "\n\n".join(paragraphs)
    for pattern in (_INSIDE, _LOWERCASE_WORD):
        pieced = list(scan.findall(pattern, text))
        whole = pattern.findall(text)
        # Pieces are cut only at whitespace, so within-line patterns find the same words.
        assert sorted(pieced) == sorted(whole)
    spans = list(scan.slices(text, size=200))
    cuts = [end for _, end in spans[:-1]]
    assert all(text[:cut].endswith("\n\n") for cut in cuts)  # paragraphs are short: only blank-line cuts
    pieced_dates = [m.span() for start, end in spans for m in _RELATIVE_DATE.finditer(text, start, end)]
    # `\s+` may join words across a blank line; such a match is lost only where a cut falls in it.
    assert pieced_dates == [
        m.span() for m in _RELATIVE_DATE.finditer(text) if not any(m.start() < cut < m.end() for cut in cuts)
    ]
    assert [m.span() for m in scan.finditer(re.compile("a"), text)] == [m.span() for m in re.finditer("a", text)]
