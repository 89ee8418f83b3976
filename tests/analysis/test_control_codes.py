"""Terminal control codes in a briefing are taken out before tagging: the model reads the text as
a terminal shows it, and every offset still points into the text as written."""

from __future__ import annotations

import pytest

from analysis.control_codes import shown
from analysis.formats.text import from_text
from analysis.forked_tagging import tag_batch
from analysis.pipeline import chunks, tag
from analysis.processes import tag_many


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\x1b[31mRED\x1b[0m", "RED"),  # SGR colour and reset
        ("a\x1b[1;38;5;196mb", "ab"),  # parameters with ; and an 8-bit colour
        ("\x1b[?25l hidden", " hidden"),  # a private mode
        ("\x9b2Jclear", "clear"),  # the 8-bit CSI
        ("\x1b]0;pwn\x07title", "title"),  # OSC ended by BEL, as xterm takes it
        ("\x1b]8;;http://x\x1b\\link", "link"),  # an OSC 8 link ended by ST
        ("\x1b]0;no end\nnext line", "\nnext line"),  # unterminated: to the line end only
        ("\x1b(Bx\x1b7y\x1bcz", "xyz"),  # charset, save cursor, reset
        ("nul\x00bel\x07del\x7f", "nulbeldel"),  # lone controls
        ("tab\there\r\nform\x0cfeed", "tab\there\r\nform\x0cfeed"),  # whitespace to a reader stays
        ("a trailing escape \x1b", "a trailing escape "),
        ("\x1b[0m\x1b[0m", ""),
    ],
)
def test_shown_is_what_a_terminal_shows_and_maps_back(text, expected):
    piece, kept = shown(text)
    assert piece == expected
    if kept is None:
        assert piece is text
        return
    # Every character shown maps back to the same character as written; a span's ends land
    # beside its own characters, not across the codes next to it.
    for at, character in enumerate(piece):
        assert text[kept.start(at)] == character
        assert text[kept.end(at + 1) - 1] == character
    for start in range(len(piece) + 1):
        for end in range(start, len(piece) + 1):
            assert shown(text[kept.start(start):kept.end(end)])[0] == piece[start:end]


def test_clean_text_is_returned_as_it_is():
    text = "Putin met Erdogan in Ankara. – «Ça va», dit-il."
    assert shown(text) == (text, None)


# Written as terminal output carries it: a name in bold red, a window title, a charset switch.
COLOURED = (
    "Talks resumed in Geneva on Monday. \x1b[1;31mVladimir Putin\x1b[0m said the Kremlin would send "
    "a delegation.\x1b]0;briefing\x07 It arrived on Tuesday.\n\n"
    "The \x1b(Bforeign minister, Sergei Lavrov, met \x1b[4mAntony Blinken\x1b[24m in Vienna."
)


def _names(mentions, text):
    return {text[m.start:m.end] for m in mentions}


def _assert_read_as_words(sentences, mentions, text):
    names = _names(mentions, text)
    assert {"Vladimir Putin", "Sergei Lavrov", "Antony Blinken", "Geneva", "Vienna"} <= names
    assert not any("\x1b" in name or "31m" in name or "4m" in name.split() for name in names)
    # No sentence starts or ends inside a code: each boundary is at a word or a blank.
    for start, end in sentences:
        assert text[start:end].strip() and "\x1b" not in text[start:start + 1] + text[end - 1:end]
    assert len(sentences) == 4


def test_tagging_reads_the_words_around_the_codes(pipeline):
    document = from_text(COLOURED)
    tagged = tag(pipeline, document.text, document.paragraphs)
    _assert_read_as_words(tagged.sentences, tagged.mentions, document.text)


def test_a_forked_helper_blanks_them_too(pipeline):
    document = from_text(COLOURED)
    sentences, compact = tag_batch(pipeline.nlp, document.text, list(chunks(document.text, document.paragraphs)))
    assert {document.text[start:end] for _, _, start, end, _ in compact} == _names(
        tag(pipeline, document.text, document.paragraphs).mentions, document.text
    )
    assert len(sentences) == 4


def test_a_batch_across_documents_blanks_them_too(pipeline):
    document = from_text(COLOURED)
    [(_, _, tagged)] = list(tag_many(pipeline, [("one", document)]))
    _assert_read_as_words(tagged.sentences, tagged.mentions, document.text)


def test_actors_are_named_as_a_terminal_shows_them(pipeline):
    from analysis.service import derive

    document = from_text(COLOURED)
    tagged = tag(pipeline, document.text, document.paragraphs)
    derived = derive(document.text, tagged.sentences, tagged.mentions)
    names = {actor.name for actor in derived.actors}
    assert {"Vladimir Putin", "Sergei Lavrov", "Antony Blinken", "Geneva", "Vienna", "Kremlin"} <= names
    assert all(shown(name)[1] is None and "[" not in name and "  " not in name for name in names)


def test_a_run_of_spaces_stays_outside_mentions_and_sentences(pipeline):
    """spaCy makes a run of spaces a token of its own and took it into the entity before it."""
    text = "Talks ended on Monday.   Vladimir Putin    said the Kremlin would reply."
    tagged = tag(pipeline, text, [(0, len(text))])
    assert "Vladimir Putin" in {text[m.start:m.end] for m in tagged.mentions}
    assert all(m.text == text[m.start:m.end] == m.text.strip() for m in tagged.mentions)
    assert all(text[start:end] == text[start:end].strip() for start, end in tagged.sentences)
