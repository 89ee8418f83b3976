"""The page found through the title search (`store.search_rank`) is the full ranking's page, on a
real generated library: the bench's briefings (real sentences of the seed and the speeches)."""

from __future__ import annotations

import random

import pytest

from bench.library_fixture import briefing_text, real_sentences
from store import search_rank
from store.search import SearchIndex, parse

BRIEFINGS = 1_500
# Common pairs, a phrase with a prefix, a prefix, a name, a phrase: some pages come from the title
# search alone, the others from the merge (both are checked to occur below). A rare word with
# "the", in half the titles, is where a weak title bonus competes with a strong body score: there
# the bound is what keeps the title search from answering alone.
QUERIES = (
    "President Congress", "people government", "the war", '"American people" tax*', "sanction*", "Erdogan",
    '"Black Sea"', "Russia Ukraine", "America", "tax* families", '"the United States" world',
    "Erdogan the", "Ukraine the", "sanctions the", "NATO the", "Turkey of",
)


@pytest.fixture(autouse=True)
def title_search_always(monkeypatch):
    """The title search for every query, however few its matches: these libraries are small."""
    monkeypatch.setattr(search_rank, "FEW_MATCHES", 0)


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    chooser, sentences = random.Random(7), real_sentences()
    index = SearchIndex(tmp_path_factory.mktemp("rank") / "search")
    documents = []
    for number in range(BRIEFINGS):
        text = briefing_text(chooser, sentences, number)
        title = text.splitlines()[0].lstrip("# ")
        documents.append((f"/lib/part-{number % 3}/b-{number:04d}.md", "h", title, None, text))
    index.put_many(documents)
    return index


def full_page(searcher, ranking, limit: int, offset: int):
    return searcher.search(ranking.full(), limit=limit, offset=offset, count=False).hits


def same_page(got, expected) -> bool:
    return [(a.segment_ord, a.doc) for _s, a in got] == [(a.segment_ord, a.doc) for _s, a in expected] and all(
        score == pytest.approx(want, rel=1e-5) for (score, _a), (want, _b) in zip(got, expected)
    )


@pytest.mark.parametrize("offset", [0, 10, 40])
def test_every_page_is_the_full_rankings_page(library, offset):
    ways = set()
    for query in QUERIES:
        for within in (None, "/lib/part-1"):
            searcher, ranking = library.ranking(parse(query), within=within)
            got, titles_alone = search_rank.page(searcher, ranking, 10, offset)
            expected = full_page(searcher, ranking, 10, offset)
            assert expected or offset, query  # every query has a first page here, or it proves nothing
            assert same_page(got, expected), (query, within, offset)
            ways.add(titles_alone)
    assert ways == {True, False}  # both ways of finding a page were compared


def test_no_briefing_without_a_title_match_reaches_the_bound(library):
    """What the title search's shortcut rests on: every other briefing scores below the bound."""
    for query in QUERIES:
        searcher, ranking = library.ranking(parse(query))
        titled = {(a.segment_ord, a.doc) for _s, a in searcher.search(ranking.titled(), limit=BRIEFINGS).hits}
        others = [score for score, a in searcher.search(ranking.full(), limit=BRIEFINGS).hits if (a.segment_ord, a.doc) not in titled]
        assert others, query
        assert max(others) < ranking.bound, query


def test_the_merge_keeps_briefings_without_a_title_match_in_their_place(library):
    """A query whose title matches are fewer than a page: the page is mostly `plain`'s briefings."""
    searcher, ranking = library.ranking(parse("Erdogan"))
    titled = searcher.search(ranking.titled(), limit=BRIEFINGS).hits
    assert len(titled) < 10
    got, titles_alone = search_rank.page(searcher, ranking, 10)
    assert not titles_alone and same_page(got, full_page(searcher, ranking, 10, 0))


def test_a_weak_title_bonus_does_not_hide_a_strong_body(tmp_path):
    """"the" in almost every title weighs little there; briefings saying "zinc" ten times without
    "the" in their title outscore those titled with it: the title search alone would miss them."""
    index = SearchIndex(tmp_path / "search")
    filler = "Nothing here but the weather and the markets. " * 20
    documents = [(f"/f{n}.md", "h", f"The filler {n}", None, filler) for n in range(170)]
    documents += [(f"/t{n}.md", "h", f"The trade report {n}", None, "the zinc trade. " + filler) for n in range(20)]
    documents += [(f"/b{n}.md", "h", f"Report {n}", None, "zinc " * 10 + "the trade. " + filler) for n in range(10)]
    index.put_many(documents)
    searcher, ranking = index.ranking(parse("zinc the"))
    assert len(searcher.search(ranking.titled(), limit=30).hits) == 20
    got, titles_alone = search_rank.page(searcher, ranking, 10)
    assert not titles_alone and same_page(got, full_page(searcher, ranking, 10, 0))
    assert {hit.path for hit in index.search("zinc the")} == {f"/b{n}.md" for n in range(10)}


def test_the_bound_uses_tantivys_own_count_of_documents_deleted_ones_included(tmp_path):
    """BM25's N counts a replaced briefing's old document until a merge drops it; the bound must
    count it too, or its idf (which grows with N) would fall short of tantivy's."""
    import json

    index = SearchIndex(tmp_path / "search")
    index.put_many([(f"/a{n}.md", "h", "T", None, "grain corridor talks") for n in range(5)])
    index.put_many([("/a1.md", "h2", "T", None, "grain again")])  # a second segment, one deletion
    searcher, ranking = index.ranking(parse("grain"))
    assert searcher.num_docs == 5
    score, address = searcher.search(ranking.full(), limit=1).hits[0]

    def found(node, wanted):
        if node.get("description", "").startswith(wanted):
            return node["value"]
        return next((value for child in node.get("details", []) if (value := found(child, wanted)) is not None), None)

    explained = json.loads(ranking.full().explain(searcher, address).to_json())
    assert found(explained, "N, total number of docs") == index._documents == 6
    assert score < ranking.bound
