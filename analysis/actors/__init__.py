"""The actor layer: from the model's mentions to the actors an analyst would write down.

Read it top-down, in the order a mention goes through it:

- `build`: `build_actors`, the one pass; it calls the stages below in order;
- `mentions` (`read_mentions`, `Ref`), with `mention_names` and `text_words`: the model's
  mentions read as names, cleaned by how this text itself writes its words; before that,
  `mention_bounds` corrects where they start and end (lines, colons, brackets, headings),
  `mention_joins` rejoins a name the model cut in two, and `untagged_names` adds the
  organisation and treaty names it missed;
- `kinds` (with `cues`, the words around a mention, and `kind_evidence`, head nouns, the nouns
  that describe a name, lists): each name's kind and the row it joins (`targets.Target`);
- `joining`: names that are one actor (people, acronyms, metonyms, "the Kingdom"), with
  `person_names` (a surname in capitals, spelling variants) and `definitions` (what the text
  defines in brackets or with "or", an organisation's long form);
- `corrections`: the user's merges, renames, kinds and hides, applied inside the pass;
- `roles`: a person's title or role as the text states it;
- `names` and `keys`: tests on how a name is written, and comparison keys;
- `places`: the gazetteers (states, capitals, cities, regions, demonyms), built on first use.

Word lists live in data modules named by what they hold: `title_words`, `name_words`,
`function_words`, `state_names`, `nicknames`.

Importing the package loads no data and no spaCy; the gazetteers are built on first use, on a
cache miss.
"""
