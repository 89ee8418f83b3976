"""The full-text index (tantivy, texts in SQLite): words, phrases, prefixes, BM25, snippets, offsets."""

from __future__ import annotations

import shutil

import pytest

from store.search import MARK_END, MARK_START, BadQuery, SearchIndex, parse

TEXTS = {
    "/lib/a.txt": ("Grain talks", "Ankara hosted talks on the grain corridor.\n\nSanctions were not discussed."),
    "/lib/b.txt": ("Sanctions", "New sanctions on Russia. The corridor for grain stayed shut."),
    "/other/c.txt": ("Elsewhere", "The grain corridor reopened, and sanctioned ships sailed."),
}


@pytest.fixture
def index(tmp_path):
    index = SearchIndex(tmp_path / "search")
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


def test_operators_are_words_not_syntax(index):
    index.put("/lib/d.txt", "hd", "Logic", None, "Cats AND dogs, NOT birds OR fish.")
    assert [hit.path for hit in index.search('NOT AND "OR" fish*')] == ["/lib/d.txt"]
    assert index.search("NOT cats -dogs") != [] and index.search("title:Logic") == []
    with pytest.raises(BadQuery):
        parse('"" ** ...')


def test_a_longer_phrase_is_one_run_of_words_not_its_pairs_apart(index):
    index.put("/lib/e.txt", "he", "Pairs", None, "the grain corridor talks. Later the corridor talks ended.")
    index.put("/lib/f.txt", "hf", "Run", None, "They held grain corridor talks in Ankara.")
    assert {hit.path for hit in index.search('"grain corridor talks"')} == {"/lib/e.txt", "/lib/f.txt"}
    index.put("/lib/e.txt", "he2", "Pairs", None, "grain corridor. Then corridor talks.")
    assert {hit.path for hit in index.search('"grain corridor talks"')} == {"/lib/f.txt"}


def test_accents_are_folded_and_the_match_is_found_in_any_casing(index):
    index.put("/lib/g.txt", "hg", "Visit", None, "President Erdoğan met the BLACK SEA fleet.")
    assert [hit.path for hit in index.search("erdogan")] == ["/lib/g.txt"]
    [hit] = index.search('"black sea"')
    assert f"{MARK_START}BLACK SEA{MARK_END}" in hit.snippet


def test_a_corrupt_database_is_set_aside_and_rebuilt(tmp_path):
    folder = tmp_path / "search"
    folder.mkdir()
    (folder / "docs.sqlite").write_bytes(b"this is not a database at all" * 100)
    index = SearchIndex(folder)
    index.put("/a.txt", "h", "T", None, "grain corridor")
    assert [hit.path for hit in index.search("grain")] == ["/a.txt"]
    assert index.warnings and list(tmp_path.glob("search.corrupt-*"))


def test_a_corrupt_text_index_is_set_aside_and_the_texts_refilled(tmp_path):
    folder = tmp_path / "search"
    SearchIndex(folder).put("/a.txt", "h", "T", None, "grain corridor")
    (folder / "text" / "meta.json").write_text("{ not json")
    index = SearchIndex(folder)
    assert index.hashes() == {}  # nothing counts as indexed: the library puts every text again
    assert index.warnings and list(tmp_path.glob("search.corrupt-*"))
    index.put("/a.txt", "h", "T", None, "grain corridor")
    assert [hit.path for hit in index.search("grain")] == ["/a.txt"]


def test_a_lost_text_index_empties_the_texts_so_they_are_put_again(tmp_path):
    folder = tmp_path / "search"
    SearchIndex(folder).put("/a.txt", "h", "T", None, "grain corridor")
    shutil.rmtree(folder / "text")
    index = SearchIndex(folder)
    assert index.hashes() == {} and index.search("grain") == []


def test_two_indexes_on_one_folder_see_each_others_writes(tmp_path):
    first, second = SearchIndex(tmp_path / "search"), SearchIndex(tmp_path / "search")
    first.put("/a.txt", "h", "T", None, "grain corridor")
    assert [hit.path for hit in second.search("grain")] == ["/a.txt"]
    second.put("/b.txt", "h", "T", None, "grain again")
    assert {hit.path for hit in first.search("grain")} == {"/a.txt", "/b.txt"}


def test_the_fts5_index_it_replaces_is_deleted(tmp_path):
    (tmp_path / "search.sqlite").write_bytes(b"old")
    SearchIndex(tmp_path / "search").put("/a.txt", "h", "T", None, "grain")
    assert not (tmp_path / "search.sqlite").exists()


def test_read_only_it_searches_what_is_there_and_refuses_to_write(tmp_path):
    from store.search import SearchReadOnly

    SearchIndex(tmp_path / "search").put("/a.txt", "h", "T", None, "grain corridor")
    index = SearchIndex(tmp_path / "search", read_only=True)
    assert [hit.path for hit in index.search("grain")] == ["/a.txt"] and index.hashes() == {"/a.txt": "h"}
    with pytest.raises(SearchReadOnly):
        index.put("/b.txt", "h", "T", None, "grain")
    nothing = SearchIndex(tmp_path / "none", read_only=True)
    assert nothing.search("grain") == [] and nothing.warnings and not (tmp_path / "none").exists()
