"""From the model's mentions to the actors an analyst would write down.

`build_actors` reads each mention (`mentions.read_mentions`: names cleaned, titles cut, fragments
dropped), decides each name's kind from gazetteers and the words around it (`kinds.Context`),
then joins the names that are one actor (`joining`):
- a surname (or a lone first name) joins the one full name it belongs to; two people named in
  full are never one row, and a surname they share goes to the one the text introduced first;
- an acronym joins the organisation it abbreviates ("EU", "European Union");
- a generic "the Alliance" joins the organisation named just before it, "the Kingdom" the state;
- every name of a state ("US", "U.S.", "America") is one row; so is a place and its full form;
- with `fold_metonyms`, a capital used for its state ("Moscow says") and a demonym ("Turkish")
  join the state as aliases marked `folded`; without it they are rows of their own.
Then the user's corrections apply (`corrections`), each actor gets its role (`roles`), and the
rows the user sees get their company (`company`), once.
Everything is linear in the number of mentions: each distinct name is worked out once.
"""

from __future__ import annotations

import gc
from bisect import bisect_right
from collections import Counter, defaultdict
from contextlib import contextmanager

from analysis.actors import definitions, joining, keys, name_words
from analysis.actors.corrections import apply_corrections
from analysis.actors.kinds import Context
from analysis.actors.mentions import Ref, read_mentions
from analysis.actors.places import gazetteer
from analysis.actors.roles import Roles
from analysis.actors.targets import STATE, Target
from analysis.types import Actor, Alias, CoActor, Mention, Span


def build_actors(
    text: str,
    mentions: list[Mention],
    sentences: list[tuple[int, int]],
    *,
    fold_metonyms: bool = True,
    corrections: list[dict] | None = None,
) -> list[Actor]:
    """The actors of a text, with the user's `corrections` applied before their company is
    counted, so co-actors are computed once, on the rows the user sees."""
    with _no_gc():
        refs = read_mentions(text, mentions)
        context = Context(text, refs)
        context.decide()
        joining.join_people(refs)
        joining.join_organisations(refs)
        definitions.join_defined(text, refs)
        definitions.join_long_forms(refs)
        definitions.join_initials(refs)
        joining.fold_metonyms(refs, context, fold_metonyms)
        joining.join_generic_states(refs, context)
        actors = _actors(text, refs, sentences)
        if corrections:
            actors = apply_corrections(actors, corrections)
        company(actors, sentences)
    actors.sort(key=lambda actor: (-actor.mentions, actor.first))
    return actors


@contextmanager
def _no_gc():
    """The cycle collector off while tens of thousands of small objects are made (none of them
    cyclic): on a 1 MB text it would otherwise cost about a third of the time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _actors(text: str, refs: list[Ref], sentences: list[Span]) -> list[Actor]:
    groups: dict[Target, list[Ref]] = defaultdict(list)
    for ref in refs:
        if ref.kind and ref.target:
            groups[ref.target].append(ref)
    actors: list[Actor] = []
    used: set[str] = set()
    everyone = sorted((ref.start, ref.end, ref.kind) for ref in refs if ref.kind and ref.target)
    roles = Roles(text, sentences, everyone)
    for target, group in sorted(groups.items(), key=lambda item: item[1][0].start):
        kind = _kind_of(group)
        name = _name_of(target, group, kind)
        actor_id = keys.actor_id(kind, name)
        suffix = 2
        while actor_id in used:
            actor_id, suffix = f"{keys.actor_id(kind, name)}-{suffix}", suffix + 1
        used.add(actor_id)
        spans = sorted({(ref.start, ref.end) for ref in group})
        actor = Actor(id=actor_id, name=name, kind=kind, spans=spans, aliases=_aliases(name, group))
        if kind == "person":
            titles = {ref.start: ref.title for ref in group if ref.title}
            actor.role = roles.find(spans, titles)
        actors.append(actor)
    return actors


def _kind_of(group: list[Ref]) -> str:
    counts = Counter(ref.kind for ref in group if not ref.folded)
    return counts.most_common(1)[0][0] if counts else group[0].kind


# A person's row is named by a full form that makes at least 1 in FULL_NAME_SHARE of its mentions.
FULL_NAME_SHARE = 50


def _name_of(target: Target, group: list[Ref], kind: str) -> str:
    """A state by its everyday name; a person by the fullest form of their name in use; anything else
    by the form the text uses most (an organisation's full name before its short one, a place's
    short name before its full one, when used as often)."""
    if target.row == STATE:
        return gazetteer().states[target.country].name
    candidates = [ref for ref in group if not ref.folded] or group
    counts = Counter(ref.name for ref in candidates)
    if kind == "person":
        # The fullest form the text really uses: one written once against hundreds of mentions
        # ("Merab Saul" against 400 "Saul") is likelier two names the model ran together.
        used = [ref for ref in candidates if counts[ref.name] * FULL_NAME_SHARE >= len(candidates)]
        # A name in capitals (a transcript's "JANE DOE:") is the same name shouted: the row takes
        # the form the prose writes.
        best = max(used or candidates, key=lambda r: (len(r.tokens), not r.name.isupper(), counts[r.name], -r.start))
        return best.name
    if kind == "group":  # a people by its plural ("Russians") before its adjective
        candidates = [ref for ref in candidates if ref.name.endswith("s")] or candidates
    if kind == "organization":  # "the Commission" is not the name of the European Commission
        candidates = [r for r in candidates if r.key not in name_words.ANAPHOR_HEADS] or candidates
    candidates = [ref for ref in candidates if ref.name[:1].isupper()] or candidates
    longer = 1 if kind == "organization" else -1
    best = max(candidates, key=lambda r: (counts[r.name], longer * len(r.name), -r.start))
    return best.name


def _aliases(name: str, group: list[Ref]) -> list[Alias]:
    own = keys.key(name)
    forms: dict[str, list[Ref]] = defaultdict(list)
    for ref in group:
        alias_key = keys.key(ref.name).replace(" ", "")
        if alias_key != own.replace(" ", ""):
            forms[alias_key].append(ref)
    aliases = []
    for refs in sorted(forms.values(), key=lambda rs: (-len(rs), rs[0].start)):
        written = Counter(ref.name for ref in refs if ref.name[:1].isupper()) or Counter(
            ref.name for ref in refs
        )
        aliases.append(Alias(written.most_common(1)[0][0], folded=all(r.folded for r in refs)))
    return aliases


def company(actors: list[Actor], sentences: list[tuple[int, int]]) -> list[Actor]:
    """Set each actor's co-actors: the others it shares sentences with, and how many.

    Hidden actors are left out of everyone's company. Call again after corrections.
    """
    starts = [start for start, _ in sentences]
    by_sentence: dict[int, list[int]] = defaultdict(list)
    for index, actor in enumerate(actors):
        if actor.hidden:
            continue
        seen = {bisect_right(starts, start) - 1 for start, _ in actor.spans}
        for sentence in seen:
            by_sentence[sentence].append(index)
    shared: dict[int, Counter] = defaultdict(Counter)
    for members in by_sentence.values():
        if len(members) > 1:
            for a in members:
                shared[a].update(members)
    for index, counts in shared.items():
        del counts[index]
    for index, actor in enumerate(actors):
        counts = shared.get(index, Counter())
        actor.co_actors = [
            CoActor(actors[other].id, actors[other].name, count)
            for other, count in sorted(counts.items(), key=lambda kv: (-kv[1], actors[kv[0]].name))
        ]
    return actors
