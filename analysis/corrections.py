"""The user's corrections to the actor list, re-applied after every analysis.

A correction is a plain dict `{"op": "merge"|"rename"|"kind"|"hide", "actor": id, "value": …}`:
- merge: `actor` joins `value` (another actor's id): spans and aliases are united, the merged
  actor's name becomes an alias of the target, which keeps its id, name, kind and role (or takes
  the merged one's role when it has none);
- rename: `value` is the new name; the id does not change (later corrections still find it) and
  the old name stays as an alias, so searching for it still finds the actor;
- kind: `value` is one of model.KINDS;
- hide: the actor is marked hidden (kept, so it can be shown again).
Corrections apply in order. One naming an actor that no longer exists, an unknown op or a bad
value is skipped, never raised: the text may have changed since the user made it.

Co-actor counts after a merge are summed from the two actors' lists, which may count a sentence
twice where both were mentioned; `analysis.actors.company(actors, sentences)` recomputes them
exactly and is what the caller should run after corrections when it has the sentences.
"""

from __future__ import annotations

import copy
from collections import Counter

from analysis.names import key
from analysis.types import KINDS, Actor, Alias, CoActor


def apply_corrections(actors: list[Actor], corrections: list[dict]) -> list[Actor]:
    """The actors with `corrections` applied; the input list and its actors are left untouched."""
    result = [copy.deepcopy(actor) for actor in actors]
    for correction in corrections:
        if not isinstance(correction, dict):
            continue
        by_id = {actor.id: actor for actor in result}
        actor = by_id.get(correction.get("actor"))
        if actor is None:
            continue
        op, value = correction.get("op"), correction.get("value")
        if op == "merge" and value in by_id and value != actor.id:
            _merge(result, actor, by_id[value])
            result.remove(actor)
        elif op == "rename" and isinstance(value, str) and value.strip():
            _rename(result, actor, value.strip())
        elif op == "kind" and value in KINDS:
            actor.kind = value
        elif op == "hide":
            actor.hidden = True
    result.sort(key=lambda actor: (-actor.mentions, actor.first))
    return result


def _merge(actors: list[Actor], source: Actor, target: Actor) -> None:
    target.spans = sorted(set(target.spans) | set(source.spans))
    _add_alias(target, Alias(source.name))
    for alias in source.aliases:
        _add_alias(target, alias)
    target.role = target.role or source.role
    counts = Counter({co.id: co.sentences for co in target.co_actors})
    counts.update({co.id: co.sentences for co in source.co_actors})
    names = {co.id: co.name for co in source.co_actors + target.co_actors}
    for gone in (source.id, target.id):
        counts.pop(gone, None)
    target.co_actors = _sorted([CoActor(i, names[i], n) for i, n in counts.items()])
    for actor in actors:  # everyone who kept company with the source now keeps it with the target
        if actor is source or actor is target:
            continue
        merged = Counter()
        for co in actor.co_actors:
            merged[target.id if co.id == source.id else co.id] += co.sentences
        names = {co.id: co.name for co in actor.co_actors}
        names[target.id] = target.name
        actor.co_actors = _sorted([CoActor(i, names[i], n) for i, n in merged.items()])


def _rename(actors: list[Actor], actor: Actor, name: str) -> None:
    if key(name) == key(actor.name):
        actor.name = name
        return
    old = actor.name
    actor.name = name
    actor.aliases = [alias for alias in actor.aliases if key(alias.name) != key(name)]
    _add_alias(actor, Alias(old))
    for other in actors:
        for co in other.co_actors:
            if co.id == actor.id:
                co.name = name


def _add_alias(actor: Actor, alias: Alias) -> None:
    known = {key(actor.name)} | {key(existing.name) for existing in actor.aliases}
    if key(alias.name) not in known:
        actor.aliases.append(Alias(alias.name, alias.folded))


def _sorted(co_actors: list[CoActor]) -> list[CoActor]:
    return sorted(co_actors, key=lambda co: (-co.sentences, co.name))
