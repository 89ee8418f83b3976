"""The row a mention joins, as a typed value.

Before the actor rows exist, every mention is given the row it belongs to: a person by name (or by
the cluster of full names it joins), an organisation, a place, a group, a thing, a state by its
ISO code, a capital of a state, or a demonym of a state. Two mentions with equal targets are one
actor. Once text such as "capital:TR:ankara" parsed with `split(":")` in five places.
"""

from __future__ import annotations

from typing import NamedTuple

# What a target's row is. The first five are actors' kinds' rows; the last three are places and
# peoples tied to a state, which folding may turn into the state's row.
PERSON, ORG, PLACE, GROUP, THING = "person", "org", "place", "group", "thing"
STATE, CAPITAL, DEMONYM = "state", "capital", "demonym"


class Target(NamedTuple):
    row: str  # one of the names above
    key: str = ""  # the name's comparison key (a person's cluster number once people are joined)
    country: str = ""  # ISO 3166 alpha-2 of the state, for STATE, CAPITAL and DEMONYM

    @classmethod
    def state(cls, country: str) -> Target:
        return cls(STATE, "", country)

    @property
    def of_state(self) -> bool:
        """Whether this names a state or its people (what folding folds capitals into)."""
        return self.row in (STATE, DEMONYM)
