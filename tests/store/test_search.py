"""The full-text index: SQLite FTS5, words, phrases, prefixes, bm25, snippets and offsets."""

from __future__ import annotations

import pytest

from store.search import MARK_END, MARK_START, BadQuery, SearchIndex, fts_query, parse

TEXTS = {
    "/lib/a.txt": ("Grain talks", "Ankara hosted talks on the grain corridor.\n\nSanctions were not discussed."),
    "/lib/b.txt": ("Sanctions", "New sanctions on Russia. The corridor for grain stayed shut."),
    "/other/c.txt": ("Elsewhere", "The grain corridor reopened, and sanctioned ships sailed."),
}


@pytest.fixture
def index(tmp_path):
    index = SearchIndex(tmp_path / "search.sqlite")
    for path, (title, text) in TEXTS.items():
        index.put(path, "hash" + path, title, "2024-01-01", text)
    return index


def test_all_words_must_occur(index):
    assert {hit.path for hit in index.search("grain sanctions")} == {"/lib/a.txt", "/lib/b.txt"}


def test_a_quoted_phrase_is_words_in_order(index):
    hits = index.search('"grain corridor"')
    assert {hit.path for hit in hits} == {"/lib/a.txt", "/other/c.txt"}
    a = next(hit for hit in hits if hit.path == "/lib/a.txt")
    assert TEXTS["/lib/a.txt"][1][a.start : a.end] == "grain corridor"
    assert f"{MARK_START}grain corridor{MARK_END}" in a.snippet


def test_a_prefix_and_the_offsets_of_its_first_match(index):
    hits = index.search("sanction*")
    assert {hit.path for hit in hits} == set(TEXTS)
    c = next(hit for hit in hits if hit.path == "/other/c.txt")
    assert TEXTS["/other/c.txt"][1][c.start : c.end] == "sanctioned"


def test_ranked_with_the_title_weighing_more(index):
    assert index.search("sanctions")[0].path == "/lib/b.txt"


def test_within_a_folder_and_replacing_a_text(index):
    assert {hit.path for hit in index.search("grain", within="/lib")} == {"/lib/a.txt", "/lib/b.txt"}
    index.put("/lib/b.txt", "new", "Sanctions", None, "Nothing about cereals here.")
    assert {hit.path for hit in index.search("grain", within="/lib")} == {"/lib/a.txt"}
    assert index.hashes()["/lib/b.txt"] == "new"
    index.remove("/lib/a.txt")
    assert index.search("grain", within="/lib") == []
    assert index.count("grain") == 1


def test_operators_are_words_not_syntax():
    assert fts_query(parse('NOT AND "OR" x*')) == '"NOT" AND "AND" AND "OR" AND "x"*'
    with pytest.raises(BadQuery):
        parse('"" ** ...')


def test_a_corrupt_database_is_set_aside_and_rebuilt(tmp_path):
    path = tmp_path / "search.sqlite"
    path.write_bytes(b"this is not a database at all" * 100)
    index = SearchIndex(path)
    index.put("/a.txt", "h", "T", None, "grain corridor")
    assert [hit.path for hit in index.search("grain")] == ["/a.txt"]
    assert index.warnings and list(tmp_path.glob("search.sqlite.corrupt-*"))
