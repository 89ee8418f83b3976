"""The tantivy side of the search index: its fields, how a briefing becomes a document, and how a
parsed query (`store.search_query`) becomes a `Ranking`: its required clauses, its title bonuses,
and the bound on what a briefing without a title match can score (`store.search_rank` uses it).

Fields, each chosen for what a query costs over 10,000 briefings (bench/library.py, g3):
- `words`: the title and the text, the words every term must match (BM25 ranks on them);
- `title`: the title again, matched only as a bonus (TITLE_WEIGHT): a briefing titled with the
  words is about them. As a bonus, not a `title OR words` union per term, the required part is
  a plain intersection of term lists, half as costly;
- `pairs`: every two adjacent words as one term, so a two-word phrase is one term's list, not a
  check of positions in every briefing holding both words (a common phrase cost 3 ms, now 0.1 ms);
  longer phrases need each of their pairs and then the positions, in the few that have them all;
- `folders`: every folder above the file, for a search within the library's folder;
- `id`: the briefing's row in docs.sqlite (a fast field), where its path and text are.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass

TOKENIZER = "briefing_words"
PAIRS_TOKENIZER = "briefing_pairs"  # "first+second" terms, one string split on spaces
# Title hits first: a briefing titled with the words is about them, one mentioning them is not.
TITLE_WEIGHT = 5.0
# A prefix's forms scored by BM25, the most frequent first ("tax*": 4 forms in 10,000 briefings);
# the rest of a prefix of many forms ("s*": 900) are matched, not scored.
PREFIX_FORMS = 32
BM25_K1 = 1.2  # tantivy's, fixed


def analyzer():
    """Words as the query's parser reads them (letters and digits), lower-cased, accents folded
    (so "Erdogan" finds "Erdoğan"), words over 40 bytes dropped (no real word is that long)."""
    import tantivy

    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(40))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .build()
    )


def schema():
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("id", indexed=True, fast=True)
    builder.add_text_field("folders", tokenizer_name="raw", index_option="basic")
    builder.add_text_field("words", tokenizer_name=TOKENIZER)
    builder.add_text_field("title", tokenizer_name=TOKENIZER)
    builder.add_text_field("pairs", tokenizer_name=PAIRS_TOKENIZER, index_option="freq")
    return builder.build()


def documents_in(meta_path: str) -> int:
    """Tantivy's N for BM25: the documents of the segments in its meta.json, deleted ones not
    yet merged away included (`Searcher::total_num_docs` sums each segment's max_doc); 0 when
    it cannot be read."""
    try:
        with open(meta_path, encoding="utf-8") as meta:
            return sum(segment["max_doc"] for segment in json.load(meta)["segments"])
    except (OSError, ValueError, KeyError, TypeError):
        return 0


def folders_of(path: str) -> list[str]:
    """Every folder above `path`: what `within` matches on, one indexed term each."""
    found, parent = [], os.path.dirname(path)
    while parent and parent not in found:
        found.append(parent)
        parent = os.path.dirname(parent)
    return found


def pairs_of(tokens: list[str]) -> list[str]:
    # Tokens are letters and digits only (the simple tokenizer), so "+" and " " are free to join.
    return [f"{first}+{second}" for first, second in zip(tokens, tokens[1:])]


def register(index) -> None:
    """The tokenizers the schema names, on an index just opened (tantivy does not store them)."""
    import tantivy

    index.register_tokenizer(TOKENIZER, analyzer())
    index.register_tokenizer(PAIRS_TOKENIZER, tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build())


def document(words, doc_id: int, path: str, title: str, text: str):
    import tantivy

    title = title or ""
    tokens = words.analyze(title) + words.analyze(text)
    return tantivy.Document(
        id=doc_id, folders=folders_of(path), words=title + "\n" + text, title=title, pairs=" ".join(pairs_of(tokens))
    )


def prefix_query(schema, forms: list[str], field: str):
    """Every word starting with a prefix (`forms`, from `terms_with_prefix`, most frequent first):
    its most frequent forms by BM25, as any word, so a briefing full of "sanctions" ranks above
    one saying "sanctioned" once; the rarer forms of a very short prefix matched without a score."""
    import tantivy

    clauses = [(tantivy.Occur.Should, tantivy.Query.term_query(schema, field, form)) for form in forms[:PREFIX_FORMS]]
    if len(forms) > PREFIX_FORMS:
        rest = tantivy.Query.term_set_query(schema, field, forms[PREFIX_FORMS:])
        clauses.append((tantivy.Occur.Should, tantivy.Query.const_score_query(rest, 0.0)))
    return tantivy.Query.boolean_query(clauses) if clauses else tantivy.Query.empty_query()


@dataclass
class Ranking:
    """A parsed query as tantivy clauses: `must`, every one required (their BM25 summed), and
    `bonus`, the title matches, each weighed TITLE_WEIGHT on top. `bound` is more than any
    briefing without a title match can score: the sum of its required terms' top BM25. `fewest`:
    the documents holding the rarest required term, as many as can match or more."""

    must: list
    bonus: list
    bound: float
    fewest: int

    def full(self):
        """Every briefing that matches, each with its title bonus: the ranking itself."""
        import tantivy

        clauses = [(tantivy.Occur.Must, part) for part in self.must]
        clauses += [(tantivy.Occur.Should, tantivy.Query.boost_query(part, TITLE_WEIGHT)) for part in self.bonus]
        return tantivy.Query.boolean_query(clauses)

    def titled(self):
        """Only the briefings whose title matches a term, scored as by `full` (the title
        requirement itself adds nothing): a few hundred of 10,000, where `full` walks them all."""
        import tantivy

        Q, Occur = tantivy.Query, tantivy.Occur
        any_title = Q.const_score_query(Q.boolean_query([(Occur.Should, part) for part in self.bonus]), 0.0)
        return Q.boolean_query(
            [(Occur.Must, part) for part in self.must]
            + [(Occur.Must, any_title)]
            + [(Occur.Should, Q.boost_query(part, TITLE_WEIGHT)) for part in self.bonus]
        )

    def plain(self):
        """Every briefing that matches, without the title bonus: the score of one with no title
        match, cheaper than `full` by the bonus clauses it seeks in every briefing."""
        import tantivy

        return tantivy.Query.boolean_query([(tantivy.Occur.Must, part) for part in self.must])


def top_score(documents: int, held: int) -> float:
    """More than the BM25 any briefing can score on a term `held` by that many: tantivy's
    weight, idf * (1 + k1), which its tf factor (below 1) multiplies. `documents`: tantivy's N;
    0 when not known, and then there is no bound. Over by 1e-4 of itself for float32 sums."""
    if documents <= 0:
        return math.inf
    held = min(held, documents)
    return math.log(1.0 + (documents - held + 0.5) / (held + 0.5)) * (1.0 + BM25_K1) * (1.0 + 1e-4)


def query(schema, searcher, words, terms, folder: str | None, documents: int) -> Ranking | None:
    """Every term required on `words` (a phrase through its pairs), each one's title match a
    bonus; None when no term has a word the index can hold. `documents` is tantivy's N (its
    documents, deleted ones included), for `Ranking.bound`; 0 when not known."""
    import tantivy

    Q, must, bonus, bound, fewest = tantivy.Query, [], [], 0.0, math.inf
    for term in terms:
        tokens = [token for word in term.words for token in words.analyze(word)]
        if not tokens:
            continue
        if term.prefix and len(tokens) == 1:
            # Each form with the documents holding it, which is its doc_freq (the rest score 0).
            forms = searcher.terms_with_prefix("words", tokens[0])
            must.append(prefix_query(schema, [form for form, _held in forms], "words"))
            title_forms = [form for form, _held in searcher.terms_with_prefix("title", tokens[0])]
            bonus.append(prefix_query(schema, title_forms, "title"))
            bound += sum(top_score(documents, held) for _form, held in forms[:PREFIX_FORMS])
            fewest = min(fewest, sum(held for _form, held in forms))
        elif len(tokens) == 1:
            must.append(Q.term_query(schema, "words", tokens[0]))
            bonus.append(Q.term_query(schema, "title", tokens[0]))
            held = searcher.doc_freq("words", tokens[0])
            bound += top_score(documents, held)
            fewest = min(fewest, held)
        else:
            for pair in pairs_of(tokens):
                must.append(Q.term_query(schema, "pairs", pair, index_option="freq"))
                held = searcher.doc_freq("pairs", pair)
                bound += top_score(documents, held)
                fewest = min(fewest, held)
            if len(tokens) > 2:  # pairs in a briefing need not be one run of words: check it
                must.append(Q.const_score_query(Q.phrase_query(schema, "words", tokens), 0.0))
            bonus.append(Q.phrase_query(schema, "title", tokens))
    if not must:
        return None
    if folder is not None:
        inside = Q.term_query(schema, "folders", folder, index_option="basic")
        must.append(Q.const_score_query(inside, 0.0))
    return Ranking(must, bonus, bound, int(fewest))
