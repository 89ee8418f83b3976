"""Actors across the library: one row per real actor over every briefing, from index records alone.

Identity follows the rules used within one briefing (`analysis.actors.build`, `analysis.actors.joining`):
- an actor's id is its kind and canonical name (`names.actor_id`), so the same id in two briefings
  is one actor;
- a name that one briefing gives as another's alias ("Erdogan" for "Recep Tayyip Erdogan", "NATO"
  for the alliance spelled out) joins that actor, of the same kind, when exactly one actor across
  the library has it as an alias: two people who share a surname never share a row;
- "for every briefing" corrections (scope "*") apply here too: hidden actors are dropped, renamed
  and re-kinded ones change, a merged one joins its target.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from analysis.actors.keys import key as name_key

ALL_DOCUMENTS = "*"


@dataclass
class Appearance:
    """One briefing an actor appears in, with its first mention and a snippet around it."""

    path: str
    title: str
    date: str
    mentions: int
    first: tuple[int, int] | None
    snippet: dict | None
    actor_id: str  # the actor's id within that briefing (what the reader selects)


@dataclass
class LibraryActor:
    id: str
    name: str
    kind: str
    aliases: set[str] = field(default_factory=set)
    briefings: list[Appearance] = field(default_factory=list)

    @property
    def mentions(self) -> int:
        return sum(appearance.mentions for appearance in self.briefings)

    @property
    def latest(self) -> str:
        return max((appearance.date or "" for appearance in self.briefings), default="")

    def to_json(self) -> dict:
        return {
            "id": self.id, "name": self.name, "kind": self.kind, "aliases": sorted(self.aliases),
            "mentions": self.mentions, "latest": self.latest or None,
            "briefings": [
                {"path": a.path, "title": a.title, "date": a.date or None, "mentions": a.mentions,
                 "first": list(a.first) if a.first else None}
                for a in sorted(self.briefings, key=lambda a: (-a.mentions, a.path))
            ],
        }


def corrected(actor: dict, corrections: list[dict]) -> dict | None:
    """The record's actor with the every-briefing corrections applied; None when hidden.

    Records are built after corrections, so one already applied changes nothing again; one made
    since the record was built applies here without analysing anything."""
    actor = {**actor, "source_id": actor["id"]}
    for correction in corrections:
        if correction.get("scope") != ALL_DOCUMENTS or correction.get("actor") != actor["id"]:
            continue
        op, value = correction.get("op"), correction.get("value")
        if op == "hide":
            return None
        if op == "rename" and isinstance(value, str) and value.strip():
            actor["aliases"] = [*actor.get("aliases", []), actor["name"]]
            actor["name"] = value.strip()
        elif op == "kind" and isinstance(value, str):
            actor["kind"] = value
        elif op == "merge" and isinstance(value, str):
            actor["aliases"] = [*actor.get("aliases", []), actor["name"]]
            actor["id"] = value
    return actor


def library_actors(records: list[dict], corrections: list[dict] = ()) -> list[LibraryActor]:
    """Every actor of `records` once, most briefings first, then most mentions."""
    found: list[tuple[dict, dict]] = []
    for record in records:
        for raw in record.get("actors") or []:
            actor = corrected(raw, list(corrections))
            if actor is not None:
                found.append((record, actor))
    by_id: dict[str, LibraryActor] = {}
    for record, actor in found:
        row = by_id.get(actor["id"])
        if row is None:
            row = by_id[actor["id"]] = LibraryActor(actor["id"], actor["name"], actor["kind"])
        row.aliases.update(actor.get("aliases") or [])
        first = actor.get("first")
        row.briefings.append(Appearance(
            record["path"], record.get("title") or "", record.get("date") or "", int(actor.get("mentions") or 0),
            tuple(first) if first else None, actor.get("snippet"), raw_id(actor),
        ))
    _join_by_alias(by_id)
    actors = list(by_id.values())
    for actor in actors:
        actor.aliases = {alias for alias in actor.aliases if name_key(alias) != name_key(actor.name)}
    actors.sort(key=lambda a: (-len(a.briefings), -a.mentions, a.name.casefold()))
    return actors


def raw_id(actor: dict) -> str:
    return actor.get("source_id") or actor["id"]


def _join_by_alias(by_id: dict[str, LibraryActor]) -> None:
    """An actor whose name is, for exactly one other actor of its kind, an alias joins that one."""
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for actor_id, actor in by_id.items():
        for alias in actor.aliases:
            owners[(actor.kind, name_key(alias))].add(actor_id)
    for actor_id in list(by_id):
        actor = by_id[actor_id]
        candidates = owners.get((actor.kind, name_key(actor.name)), set()) - {actor_id}
        if len(candidates) != 1:
            continue  # no owner, or two people sharing a surname: kept apart
        target = by_id.get(next(iter(candidates)))
        if target is None:
            continue
        target.aliases.add(actor.name)
        target.aliases.update(actor.aliases)
        target.briefings.extend(actor.briefings)
        del by_id[actor_id]
