"""How names are written: one place to import the name helpers from.

The work lives in small modules; this one re-exports what the rest of the code uses
(`from analysis import names`, `names.key`, `names.read`, `names.Ref`, ...):

- `analysis.name_keys`: comparison keys, spacing, trimming articles and possessives, ids.
- `analysis.titles`: title words before a person's name and the tests on them.
- `analysis.name_words`: words that say what kind of name one is (heads, prefixes, particles).
- `analysis.word_classes`: rules by word class for cleaning names on unseen texts.
- `analysis.name_pieces`: the names within one mention's text.
- `analysis.name_reading`: `read`, the model's mentions as `Ref`s.

Pure string work, no data files: importing this module is cheap.
"""

from __future__ import annotations

from analysis.name_keys import APOSTROPHES, actor_id, bare_word, key, slug, spaces, trim
from analysis.name_pieces import DESCRIBED_LABELS
from analysis.name_reading import NOT_ACTORS, Ref, read
from analysis.name_words import (
    ANAPHOR_HEADS,
    ATTRIBUTE_PREFIX,
    GEO_DESCRIPTOR,
    GEO_HEADS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    ORG_HEADS,
    VESSEL_PREFIXES,
    head,
    initials,
    is_acronym,
    is_vessel,
    person_tokens,
)
from analysis.titles import TITLE_CONNECTORS, TITLE_MODIFIERS, TITLE_WORDS, is_capitalised, is_title
from analysis.word_classes import FUNCTION_WORDS

__all__ = [
    "ANAPHOR_HEADS", "APOSTROPHES", "ATTRIBUTE_PREFIX", "DESCRIBED_LABELS", "FUNCTION_WORDS",
    "GEO_DESCRIPTOR", "GEO_HEADS", "NAME_PARTICLES", "NAME_SUFFIXES", "NOT_ACTORS", "ORG_HEADS",
    "TITLE_CONNECTORS", "TITLE_MODIFIERS", "TITLE_WORDS", "VESSEL_PREFIXES", "Ref", "actor_id",
    "bare_word", "head", "initials", "is_acronym", "is_capitalised", "is_title", "is_vessel", "key",
    "person_tokens", "read", "slug", "spaces", "trim",
]
