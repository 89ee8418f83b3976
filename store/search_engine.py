"""The tantivy side of the search index: its fields, how a briefing becomes a document, and how a
parsed query (`store.search_query`) becomes a tantivy query.

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

import os

TOKENIZER = "briefing_words"
PAIRS_TOKENIZER = "briefing_pairs"  # "first+second" terms, one string split on spaces
# Title hits first: a briefing titled with the words is about them, one mentioning them is not.
TITLE_WEIGHT = 5.0
# A prefix's forms scored by BM25, the most frequent first ("tax*": 4 forms in 10,000 briefings);
# the rest of a prefix of many forms ("s*": 900) are matched, not scored.
PREFIX_FORMS = 32


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


def prefix_query(schema, searcher, field: str, prefix: str):
    """Every word starting with `prefix`: its most frequent forms by BM25, as any word, so a
    briefing full of "sanctions" ranks above one saying "sanctioned" once; the rarer forms of a
    very short prefix matched without a score."""
    import tantivy

    forms = [form for form, _count in searcher.terms_with_prefix(field, prefix)]
    clauses = [(tantivy.Occur.Should, tantivy.Query.term_query(schema, field, form)) for form in forms[:PREFIX_FORMS]]
    if len(forms) > PREFIX_FORMS:
        rest = tantivy.Query.term_set_query(schema, field, forms[PREFIX_FORMS:])
        clauses.append((tantivy.Occur.Should, tantivy.Query.const_score_query(rest, 0.0)))
    return tantivy.Query.boolean_query(clauses) if clauses else tantivy.Query.empty_query()


def query(schema, searcher, words, terms, folder: str | None):
    """Every term required on `words` (a phrase through its pairs), each one's title match a
    bonus; None when no term has a word the index can hold."""
    import tantivy

    Q, must, bonus = tantivy.Query, [], []
    for term in terms:
        tokens = [token for word in term.words for token in words.analyze(word)]
        if not tokens:
            continue
        if term.prefix and len(tokens) == 1:
            must.append(prefix_query(schema, searcher, "words", tokens[0]))
            bonus.append(prefix_query(schema, searcher, "title", tokens[0]))
        elif len(tokens) == 1:
            must.append(Q.term_query(schema, "words", tokens[0]))
            bonus.append(Q.term_query(schema, "title", tokens[0]))
        else:
            must += [Q.term_query(schema, "pairs", pair, index_option="freq") for pair in pairs_of(tokens)]
            if len(tokens) > 2:  # pairs in a briefing need not be one run of words: check it
                must.append(Q.const_score_query(Q.phrase_query(schema, "words", tokens), 0.0))
            bonus.append(Q.phrase_query(schema, "title", tokens))
    if not must:
        return None
    if folder is not None:
        inside = Q.term_query(schema, "folders", folder, index_option="basic")
        must.append(Q.const_score_query(inside, 0.0))
    clauses = [(tantivy.Occur.Must, part) for part in must]
    clauses += [(tantivy.Occur.Should, Q.boost_query(part, TITLE_WEIGHT)) for part in bonus]
    return Q.boolean_query(clauses)
