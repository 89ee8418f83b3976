"""The user's corrections to the actor list, re-applied after every analysis.

A correction is a plain dict `{"op": "merge"|"rename"|"kind"|"hide", "actor": id, "value": …}`:
- merge: `actor` joins `value` (another actor's id): spans and aliases are united, the merged
  actor's name becomes an alias of the target, which keeps its id, name, kind and role (or takes
  the merged one's role when it has none);
- rename: `value` is the new name; the id does not change (later corrections still find it) and
  the old name stays as an alias, so searching for it still finds the actor;
- kind: `value` is one of `analysis.types.KINDS`;
- hide: the actor is marked hidden (kept, so it can be shown again).
Corrections apply in order. One naming an actor that no longer exists, an unknown op or a bad
value is skipped, never raised: the text may have changed since the user made it.

Co-actors are left as they were: `analysis.actors.build.build_actors` applies the corrections
inside its one pass and counts every actor's company afterwards, on the corrected rows.
"""

from __future__ import annotations

import copy

from analysis.actors.keys import key
from analysis.types import KINDS, Actor, Alias


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
            _merge(actor, by_id[value])
            result.remove(actor)
        elif op == "rename" and isinstance(value, str) and value.strip():
            _rename(actor, value.strip())
        elif op == "kind" and value in KINDS:
            actor.kind = value
        elif op == "hide":
            actor.hidden = True
    result.sort(key=lambda actor: (-actor.mentions, actor.first))
    return result


def _merge(source: Actor, target: Actor) -> None:
    target.spans = sorted(set(target.spans) | set(source.spans))
    _add_alias(target, Alias(source.name))
    for alias in source.aliases:
        _add_alias(target, alias)
    target.role = target.role or source.role


def _rename(actor: Actor, name: str) -> None:
    if key(name) == key(actor.name):
        actor.name = name
        return
    old = actor.name
    actor.name = name
    actor.aliases = [alias for alias in actor.aliases if key(alias.name) != key(name)]
    _add_alias(actor, Alias(old))


def _add_alias(actor: Actor, alias: Alias) -> None:
    known = {key(actor.name)} | {key(existing.name) for existing in actor.aliases}
    if key(alias.name) not in known:
        actor.aliases.append(Alias(alias.name, alias.folded))

