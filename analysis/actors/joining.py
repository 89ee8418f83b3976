"""Names that are one actor, once each mention's kind is decided, given one target.

- a surname (or a lone first name) joins the one full name it belongs to;
- an acronym joins the organisation it abbreviates, a generic "the Alliance" the one named before;
- a capital used for its state ("Moscow says") and a demonym ("Turkish") join the state, or stand
  as rows of their own (`fold_metonyms`);
- a generic "the Kingdom" joins the state named before it.
"""

from __future__ import annotations

import re
from collections import defaultdict

from analysis.actors import keys, name_words, names, person_names
from analysis.actors.kinds import Context
from analysis.actors.nicknames import GIVEN_NAME_OF
from analysis.actors.mentions import Ref
from analysis.actors.targets import CAPITAL, DEMONYM, ORG, PERSON, PLACE, STATE, Target


def join_people(refs: list[Ref]) -> None:
    """Full names that are one person share a target; a lone surname or first name joins the
    person it names. Two people named in full never share a row, even with one surname: a lone
    surname they share goes to the one the text introduced first (the other is then usually
    called by a first name or in full)."""
    people = [ref for ref in refs if ref.kind == "person"]
    for ref in people:
        # Name words are read only for mentions the model called PERSON; one it labelled a place
        # or an organisation and the kind rules made a person needs them too.
        if not ref.tokens:
            ref.tokens = [keys.key(word) for word in names.person_tokens(ref.name)]
    clusters: list[set[str]] = []
    by_surname: dict[str, list[int]] = defaultdict(list)
    cluster_of: dict[str, int] = {}
    for ref in sorted(people, key=lambda r: (-len(r.tokens), r.start)):
        if len(ref.tokens) < 2 or ref.key in cluster_of:
            continue
        tokens = set(ref.tokens)
        same = by_surname[ref.tokens[-1]]
        found = next(
            (i for i in same if tokens <= clusters[i] or person_names.spelling_variant(tokens, clusters[i])), None
        )
        if found is None:
            clusters.append(tokens)
            found = len(clusters) - 1
            same.append(found)
        cluster_of[ref.key] = found
    first_seen: dict[int, int] = {}
    surnames: dict[str, list[int]] = defaultdict(list)
    given: dict[str, list[int]] = defaultdict(list)
    for ref in people:  # document order
        if ref.key in cluster_of:
            index = cluster_of[ref.key]
            if index not in first_seen:
                first_seen[index] = ref.start
                for form in person_names.surname_forms(ref.name, ref.tokens):
                    surnames[form].append(index)
                given[ref.tokens[0]].append(index)
    for ref in people:
        if ref.key in cluster_of:
            ref.target = Target(PERSON, str(cluster_of[ref.key]))
        elif ref.key in surnames:
            ref.target = Target(PERSON, str(surnames[ref.key][0]))
        elif len(set(given.get(ref.key, []))) == 1:
            ref.target = Target(PERSON, str(given[ref.key][0]))
        elif len(set(given.get(GIVEN_NAME_OF.get(ref.key, ""), []))) == 1:
            ref.target = Target(PERSON, str(given[GIVEN_NAME_OF[ref.key]][0]))  # "Jim" of James
        else:
            ref.target = Target(PERSON, ref.key)


def join_organisations(refs: list[Ref]) -> None:
    """An acronym and the name it abbreviates are one; a lone generic noun ("the Alliance",
    "the Commission") is the organisation named before it: the last one whose name holds the
    noun, else the last one named within three sentences unless its own head noun is another."""
    orgs = [ref for ref in refs if ref.kind == "organization"]
    acronyms = {ref.key.replace(" ", "") for ref in orgs if names.is_acronym(ref.name)}
    for ref in orgs:
        letters = names.initials(ref.name).casefold()
        ref.target = Target(ORG, letters if letters in acronyms else ref.key)
    last: Ref | None = None
    holding: dict[str, Ref] = {}  # a generic noun -> the last organisation whose name holds it
    for ref in orgs:  # document order
        if " " not in ref.key and ref.key in name_words.ANAPHOR_HEADS:
            antecedent = holding.get(ref.key)
            if antecedent is None and last is not None and ref.sentence - last.sentence <= 3:
                # "NATO ... the Alliance": a name that does not say what it is may be called by the
                # noun; one whose own head noun is another ("Little League") is not "the Union".
                if names.head(last.name).casefold() not in name_words.ORG_HEADS:
                    antecedent = last
            if antecedent is not None:
                ref.target = antecedent.target
            continue
        last = ref
        for word in ref.key.split():
            if word in name_words.ANAPHOR_HEADS:
                holding[word] = ref


def fold_metonyms(refs: list[Ref], context: Context, fold: bool) -> None:
    """Capitals used for their state and demonyms: into the state, or rows of their own.

    A capital folds only when the text also names its state (by name, code or demonym) and
    uses the capital at least once other than as a location ("Ankara refuses", not only "in
    Brussels"): folding never brings in a state the text does not name ("Brussels said" is as
    often the EU as Belgium).
    """
    named = {ref.target.country for ref in refs if ref.target and ref.target.of_state}
    # A people (a plural: "the Palestinians") folds into a state the text names; a state it never
    # names is not invented for them (a group, not a row "Palestinian Territory"). An adjective
    # ("Turkish") still stands for its state.
    stated = {ref.target.country for ref in refs if ref.target and ref.target.row == STATE}
    peoples = _named_peoples(context.text, refs)
    capitals: dict[Target, list[Ref]] = defaultdict(list)
    for ref in refs:
        if ref.target is None:
            continue
        if ref.target.row == CAPITAL:
            capitals[ref.target].append(ref)
        elif ref.target.row == DEMONYM:
            people = ref.name.endswith("s")
            if fold and (not people or (ref.target.country in stated and ref.target.country not in peoples)):
                ref.target, ref.folded, ref.kind = Target.state(ref.target.country), True, "place"
            else:
                ref.kind = "group"
    for capital, group in capitals.items():
        metonym = fold and capital.country in named and any(
            not context.locative(ref) and not context.object_of_verb(ref) for ref in group
        )
        for ref in group:
            if metonym:
                ref.target, ref.folded = Target.state(capital.country), True
            else:
                ref.target = Target(PLACE, capital.key)


_PEOPLE_AFTER = re.compile(r"\s+(?:people|peoples|nation)\b")


def _named_peoples(text: str, refs: list[Ref]) -> set[str]:
    """The states whose people the text itself names as a people: "the Ukrainian people", "the
    Syrian nation" (a demonym adjective before "people"). A text that speaks of a people so treats
    it as an actor in its own right, so its plural ("the Ukrainians") stays a group row; a text
    that never does uses the plural for the state ("a showdown with the Russians")."""
    return {
        ref.target.country
        for ref in refs
        if ref.target is not None and ref.target.row == DEMONYM and not ref.name.endswith("s")
        and _PEOPLE_AFTER.match(text, ref.end)
    }


def join_generic_states(refs: list[Ref], context: Context) -> None:
    """"The Kingdom", "the Republic": the last state named before it whose own names hold the
    noun ("Kingdom of Saudi Arabia"), within three sentences; else it stays as written."""
    last: dict[str, Ref] = {}
    for ref in refs:
        if ref.target is not None and ref.target.row == STATE:
            for noun in name_words.STATE_NOUNS & context.places.forms.get(ref.target.country, set()):
                last[noun] = ref
        elif ref.kind == "place" and ref.key in name_words.STATE_NOUNS:
            antecedent = last.get(ref.key)
            if antecedent is not None and ref.sentence - antecedent.sentence <= 3:
                ref.target = antecedent.target
