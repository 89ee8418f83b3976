"""From the model's mentions to the actors an analyst would write down.

`build_actors` reads each mention (`names.read`: names cleaned, titles cut, fragments dropped),
decides each name's kind from gazetteers and the words around it (`Context`, below), then joins
the names that are one actor:
- a surname (or a lone first name) joins the one full name it belongs to; two people named in
  full are never one row, and a surname they share goes to the one the text introduced first;
- an acronym joins the organisation it abbreviates ("EU", "European Union");
- a generic "the Alliance" joins the organisation named just before it, "the Kingdom" the state;
- every name of a state ("US", "U.S.", "America") is one row; so is a place and its full form;
- with `fold_metonyms`, a capital used for its state ("Moscow says") and a demonym ("Turkish")
  join the state as aliases marked `folded`; without it they are rows of their own.
Then each actor gets its role (`roles`) and its company (`company`, also for after corrections).
Everything is linear in the number of mentions: each distinct name is worked out once.
"""

from __future__ import annotations

import gc
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from contextlib import contextmanager

from analysis import names
from analysis.model import Actor, Alias, CoActor, Mention, Span
from analysis.names import Ref
from analysis.roles import Roles


def build_actors(
    text: str,
    mentions: list[Mention],
    sentences: list[tuple[int, int]],
    *,
    fold_metonyms: bool = True,
) -> list[Actor]:
    with _no_gc():
        refs = names.read(text, mentions)
        context = Context(text, refs)
        context.decide()
        _join_people(refs)
        _join_organisations(refs)
        _fold(refs, context, fold_metonyms)
        _join_generic_states(refs, context)
        actors = _actors(text, refs, sentences)
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


PLACE_LABELS = frozenset(("GPE", "LOC", "FAC"))
SAMPLE = 24  # mentions of one name read for context clues
LABEL_KIND = {
    "PERSON": ("person", "person"),
    "ORG": ("organization", "org"),
    "GPE": ("place", "place"),
    "LOC": ("place", "place"),
    "FAC": ("place", "place"),
    "NORP": ("group", "group"),
}
# The words around a mention that say "place": "in/within/over (the) X", "X areas", coordination
# with a place ("Syria, Libya, and X"); that say "person": a title before, "X said" after.
_IN_PLACE = re.compile(
    r"\b(?:in|into|within|inside|across|throughout|near|around|outside|over)\s+(?:the\s+)?$", re.I
)
_LITERAL = re.compile(r"(?<!according )(?<!due )(?<!next )\b(?:to|from|at|via|toward|towards)\s+$", re.I)
_GEO_AFTER = re.compile(
    r"^\s+(?:areas?|regions?|provinces?|oblasts?|city|county|district|border|coast|peninsula)\b"
)
_SPEECH = re.compile(
    r"^,?\s+(?:has\s+|had\s+|also\s+)?(?:said|says|told|tells|added|argued|wrote|writes|stated|"
    r"noted|warned|insisted|claimed|tweeted|explained|asked|replied|declared|announced|stressed|"
    r"urged)\b"
)
_TITLE_OF = re.compile(r"([A-Za-z-]+)\s+of\s+(?:the\s+)?$")
_ACCORDING = re.compile(r"\baccording to\s+(?:the\s+)?$", re.I)
_CODE = re.compile(r"^[A-Z]+-?\d+\+?$")  # "G7", "G-20", "P5+"
_ARTICLE_BEFORE = re.compile(r"\bthe\s+$", re.I)
_WORD_AFTER = re.compile(r"^\s+([a-z]+)")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w.-]*)\s+$")
_FUNCTION_WORDS = frozenset(
    """and or but nor is was were are be been has have had will would could can may might shall
    should must to of in on at for with by from as that which who whose where when while since
    after before over into than then if so because though says said does did""".split()
)
_COORDINATION = re.compile(r"^(?:['’]s)?\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|&)\s+)(?:(?:in|the)\s+)?$")
_CONJUNCTION = re.compile(r"\b(?:and|or)\b|&")
# "Crimean Tatars", "Syrian Kurds": a people named by an adjective of place and a plural.
_PEOPLE = re.compile(r"^[A-Z][a-z]+(?:an|ian|ese|ish|i|ic)\s+(?:[A-Z][a-z]+\s+)*[A-Z][a-z]+[^s\W]s$")


def _state_name(code: str) -> str:
    from analysis.places import gazetteer

    return gazetteer().states[code].name


class Context:
    """Decides each name's kind, once for all its mentions, from gazetteers, labels and context.

    Every rule is general: a gazetteer entry outranks the model's label as far as its tier
    allows (see analysis.places); the words around the mentions settle what the gazetteers
    cannot (a possessive person before a common noun stays a person, "the Donbass" is no
    person, a name listed with places is a place).
    """

    def __init__(self, text: str, refs: list[Ref]) -> None:
        from analysis.places import gazetteer

        self.text, self.refs, self.places = text, refs, gazetteer()
        self.person_words = {
            form
            for ref in refs
            if ref.label == "PERSON" and len(ref.tokens) >= 2
            for word in ref.tokens
            for form in (word, names.bare_word(word))
        }
        self.written = {ref.key for ref in refs}
        self.person_names = {word for ref in refs if ref.label == "PERSON" for word in ref.key.split()}
        self._memo: dict[int, tuple[str, list[Ref], bool]] = {}

    def decide(self) -> None:
        groups: dict[tuple[str, bool], list[Ref]] = defaultdict(list)
        for ref in self.refs:
            if self.fragment(ref):
                continue
            # A word of a person's name that is also a place ("Charlotte") is decided mention by
            # mention: the ones labelled or placed as places apart from the others.
            split = ref.key in self.person_words and " " not in ref.key
            placed = split and (ref.label in PLACE_LABELS or self.in_place(ref))
            groups[(ref.key, placed)].append(ref)
        for second in (False, True):  # the second pass sees which neighbours are places
            for group in groups.values():
                if second and self._features(group)[0] not in ("PERSON", "ORG"):
                    continue  # only a person's or an organisation's label yields to its list
                kind, target = self._decide(group, second)
                for ref in group:
                    ref.kind, ref.target = kind, target

    def _features(self, group: list[Ref]) -> tuple[str, list[Ref], bool]:
        """The model's label by weighted vote, the mentions to read context from, and whether
        the name is a person's. A long-running name is judged on an even sample of its mentions
        (SAMPLE of them), which keeps the work linear in the text."""
        found = self._memo.get(id(group))
        if found is None:
            labels: Counter = Counter()
            for ref in group:  # the model is least sure of a name before "'s"
                weak = ref.possessive and ref.label in ("ORG", "PERSON")
                labels[ref.label] += 0.3 if weak else 1.0
            sample = group if len(group) <= SAMPLE else group[:: len(group) // SAMPLE][:SAMPLE]
            key = group[0].key
            name_word = " " not in key and key in self.person_words
            personish = name_word or any(ref.title or self.titled(ref) for ref in sample)
            found = self._memo[id(group)] = (labels.most_common(1)[0][0], sample, personish)
        return found

    def _decide(self, group: list[Ref], coordination: bool) -> tuple[str, str]:
        name, key = group[0].name, group[0].key
        top, sample, personish = self._features(group)
        if names.is_vessel(name):
            return "thing", "thing:" + key
        name_word = " " not in key and key in self.person_words
        place = self._gazetteer_place(group, top)
        if place is not None and self._placed(sample, place, top, personish, coordination):
            return "place", self._place_target(place)
        if place is None and name_word:
            return "person", "person:" + key
        demonym = self.places.demonym(name)
        if demonym and not (top == "PERSON" and personish):
            return "group", "demonym:" + demonym
        if top == "NORP" or (top != "ORG" and self._people(name)):
            return "group", "group:" + key
        geographic = any(r.described for r in group) or (
            " " in key and names.head(name) in names.GEO_HEADS
        )
        if geographic and not personish:
            return "place", "place:" + key
        if top == "PERSON":
            return self._person_or_place(sample, name, key, personish, coordination)
        if top == "ORG" and coordination and self._listed_with_places(sample, name):
            return "place", "place:" + key
        if top == "ORG" and self._titled_name(sample, name):
            return "person", "person:" + key  # "UN envoy Ramtane Lamamra": the titled are people
        if top == "FAC" and any(self.speech(ref) or self.cited(ref) for ref in sample):
            return "organization", "org:" + key  # "the White House said": the people inside
        if top in PLACE_LABELS | {"NORP", "PERSON"} and _CODE.match(name):
            return "organization", "org:" + key  # "G7", "G20": a code with digits is no place
        kind, prefix = LABEL_KIND.get(top, ("thing", "thing"))
        return kind, f"{prefix}:{key}"

    def _gazetteer_place(self, group: list[Ref], top: str):
        first = group[0]
        place = self.places.names.get(first.key) if first.described else self.places.place(first.name)
        if place is None:
            code = self.places.state_code(first.name)
            # A code is a state only where the model saw a place, or, three letters long
            # ("USA"), an organisation; "IT" or "AU" written as an organisation are not states.
            if code and (top in PLACE_LABELS or top == "NORP" or (top == "ORG" and len(first.key) >= 3)):
                place = self.places.states[code]
        return place

    def _placed(self, group, place, top: str, personish: bool, coordination: bool) -> bool:
        """Whether a name the gazetteers know as a place is one here, as far as its tier allows."""
        from analysis.places import MEDIUM, STRONG

        if top in PLACE_LABELS or top == "NORP":
            return True
        if place.tier >= STRONG:
            return not personish
        cues = sum(1 for ref in group if self.place_cue(ref, coordination))
        speech = any(self.speech(ref) for ref in group)
        if place.tier >= MEDIUM:
            return not personish and not speech and (top != "PERSON" or cues > 0)
        return not personish and not speech and cues > 0

    def _person_or_place(self, group, name, key, personish, coordination) -> tuple[str, str]:
        if not personish:
            plural = re.search(r"[^su]s$", name)
            if all(self.article_head(ref) for ref in group):
                if plural:  # "the Houthis", "the Kennedys": a people, a family
                    return "group", "group:" + key
                return "place", "place:" + key  # "within the Donbass": a person takes no article
            if coordination and any(self.coordinated(r) and self.locative(r) for r in group):
                return "place", "place:" + key  # "struck targets in Rafah and Khan Younis"
        return "person", "person:" + key

    def _listed_with_places(self, group: list[Ref], name: str) -> bool:
        """An organisation label on a name listed with places ("Syria, Libya, and X")."""
        if names.is_acronym(name) or names.head(name) in names.ORG_HEADS:
            return False
        if any(self.places.place(word) or self.places.demonym(word) or self.places.state_code(word)
               for word in name.split()):
            return False  # "the U.S. Treasury", "Turkish Airlines": an organisation of a place
        if any(word in self.person_names for word in names.key(name).split()):
            return False  # "Recep Erdogan": a person's name
        listed = sum(1 for ref in group if self.coordinated(ref))
        return listed > 0 and listed * 2 >= len(group)

    def _titled_name(self, group: list[Ref], name: str) -> bool:
        words = name.split()
        if not 2 <= len(words) <= 4 or names.is_acronym(name) or names.head(name) in names.ORG_HEADS:
            return False
        if not all(word[:1].isupper() for word in words):
            return False
        return any(self.titled(ref) for ref in group)

    def _people(self, name: str) -> bool:
        """"Crimean Tatars", "Syrian Kurds": an adjective of a place, then a plural."""
        if not _PEOPLE.match(name):
            return False
        word = name.split()[0]
        if self.places.demonym(word):
            return True
        stems = {word[:-1], word[:-2], word[:-3], word[:-3] + "e", word[:-3] + "a", word[:-2] + "a"}
        return any(len(stem) >= 3 and (names.key(stem) in self.written or self.places.place(stem))
                   for stem in stems)

    def fragment(self, ref: Ref) -> bool:
        """A title alone ("President", unless some person is called so: "King" of "Martin
        Luther King"), or one ordinary word the model cut out of a title ("Secretary of State"
        -> "State")."""
        if ref.label == "PERSON" and all(names.is_title(word) for word in ref.name.split()):
            return not all(word in self.person_words for word in ref.key.split())
        if ref.label != "ORG" or " " in ref.key or names.is_acronym(ref.name):
            return False
        title = _TITLE_OF.search(self.before(ref, 32))
        return bool(title) and names.is_title(title.group(1))

    def _place_target(self, place) -> str:
        if place.kind == "country":
            return "state:" + place.country
        if place.kind == "capital":
            return f"capital:{place.country}:{names.key(place.name)}"
        return "place:" + names.key(place.name)

    # -- the words around a mention ---------------------------------------------------------
    def before(self, ref: Ref, width: int = 40) -> str:
        return self.text[max(0, ref.start - width) : ref.start]

    def after(self, ref: Ref, width: int = 40) -> str:
        return self.text[ref.end : ref.end + width]

    def in_place(self, ref: Ref) -> bool:
        return bool(_IN_PLACE.search(self.before(ref)))

    def locative(self, ref: Ref) -> bool:
        """Used as a location ("in Brussels", "flew to Ankara", "in Cairo and Doha"), not for
        whoever governs there."""
        before = self.before(ref)
        if _IN_PLACE.search(before) or _LITERAL.search(before):
            return True
        index = self._index.get(id(ref))
        if index:
            previous = self.refs[index - 1]
            if previous.sentence == ref.sentence and _COORDINATION.match(self.text[previous.end : ref.start]):
                return self.locative(previous)
        return False

    def place_cue(self, ref: Ref, coordination: bool) -> bool:
        if self.in_place(ref) or _GEO_AFTER.match(self.after(ref)):
            return True
        return coordination and self.coordinated(ref)

    def titled(self, ref: Ref) -> bool:
        word = _WORD_BEFORE.search(self.before(ref, 24))
        return bool(word) and names.is_title(word.group(1))

    def cited(self, ref: Ref) -> bool:
        """"according to (the) X": a source, someone who speaks."""
        return bool(_ACCORDING.search(self.before(ref, 24)))

    def speech(self, ref: Ref) -> bool:
        return bool(_SPEECH.match(self.after(ref)))

    def article_head(self, ref: Ref) -> bool:
        """"the X" with X the head of its phrase (not "the Biden administration"); a plural
        name ("the Houthis") always is."""
        if not _ARTICLE_BEFORE.search(self.before(ref, 8)):
            return False
        if re.search(r"[^su]s$", ref.name):
            return True
        word = _WORD_AFTER.match(self.after(ref, 24))
        return word is None or word.group(1) in _FUNCTION_WORDS or word.group(1).endswith("ed")

    def coordinated(self, ref: Ref) -> bool:
        """Listed with a place ("Syria, Libya, and X", "in X or in Libya"). A bare comma counts
        only inside a list that an "and"/"or" closes, not before an apposition or a clause."""
        index = self._index.get(id(ref))
        if index is None:
            return False
        gaps = [self._gap(index - 1, index), self._gap(index, index + 1)]
        for side, other in ((0, index - 1), (1, index + 1)):
            gap = gaps[side]
            if gap is None or self.refs[other].kind != "place":
                continue
            if _CONJUNCTION.search(gap) or gaps[1 - side] is not None:
                return True
        return False

    def _gap(self, left: int, right: int) -> str | None:
        """The text between two neighbouring mentions when it joins them as a list does."""
        if left < 0 or right >= len(self.refs):
            return None
        a, b = self.refs[left], self.refs[right]
        if a.sentence != b.sentence:
            return None
        gap = self.text[a.end : b.start]
        return gap if _COORDINATION.match(gap) else None

    @property
    def _index(self) -> dict[int, int]:
        if not hasattr(self, "_positions"):
            self._positions = {id(ref): i for i, ref in enumerate(self.refs)}
        return self._positions


def _join_people(refs: list[Ref]) -> None:
    """Full names that are one person share a target; a lone surname or first name joins the
    person it names. Two people named in full never share a row, even with one surname: a lone
    surname they share goes to the one the text introduced first (the other is then usually
    called by a first name or in full)."""
    people = [ref for ref in refs if ref.kind == "person"]
    clusters: list[set[str]] = []
    by_surname: dict[str, list[int]] = defaultdict(list)
    cluster_of: dict[str, int] = {}
    for ref in sorted(people, key=lambda r: (-len(r.tokens), r.start)):
        if len(ref.tokens) < 2 or ref.key in cluster_of:
            continue
        tokens = set(ref.tokens)
        same = by_surname[ref.tokens[-1]]
        found = next((i for i in same if tokens <= clusters[i]), None)
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
                for form in {ref.tokens[-1], names.bare_word(ref.tokens[-1])}:
                    surnames[form].append(index)
                given[ref.tokens[0]].append(index)
    for ref in people:
        if ref.key in cluster_of:
            ref.target = f"person:{cluster_of[ref.key]}"
        elif ref.key in surnames:
            ref.target = f"person:{surnames[ref.key][0]}"
        elif len(set(given.get(ref.key, []))) == 1:
            ref.target = f"person:{given[ref.key][0]}"
        else:
            ref.target = "person:" + ref.key


def _join_organisations(refs: list[Ref]) -> None:
    """An acronym and the name it abbreviates are one; a lone generic noun ("the Alliance",
    "the Commission") is the organisation named before it: the last one whose name holds the
    noun, else the last one named within three sentences."""
    orgs = [ref for ref in refs if ref.kind == "organization"]
    acronyms = {ref.key.replace(" ", "") for ref in orgs if names.is_acronym(ref.name)}
    for ref in orgs:
        letters = names.initials(ref.name).casefold()
        ref.target = "org:" + (letters if letters in acronyms else ref.key)
    last: Ref | None = None
    holding: dict[str, Ref] = {}  # a generic noun -> the last organisation whose name holds it
    for ref in orgs:  # document order
        if " " not in ref.key and ref.key in names.ANAPHOR_HEADS:
            antecedent = holding.get(ref.key)
            if antecedent is None and last is not None and ref.sentence - last.sentence <= 3:
                antecedent = last
            if antecedent is not None:
                ref.target = antecedent.target
            continue
        last = ref
        for word in ref.key.split():
            if word in names.ANAPHOR_HEADS:
                holding[word] = ref


def _fold(refs: list[Ref], context: Context, fold: bool) -> None:
    """Capitals used for their state and demonyms: into the state, or rows of their own.

    A capital folds only when the text also names its state (by name, code or demonym) and
    uses the capital at least once other than as a location ("Ankara refuses", not only "in
    Brussels"): folding never brings in a state the text does not name ("Brussels said" is as
    often the EU as Belgium).
    """
    named = {ref.target.split(":", 1)[1] for ref in refs if ref.target.startswith(("state:", "demonym:"))}
    capitals: dict[str, list[Ref]] = defaultdict(list)
    for ref in refs:
        if ref.target.startswith("capital:"):
            capitals[ref.target].append(ref)
        elif ref.target.startswith("demonym:"):
            code = ref.target.split(":", 1)[1]
            if fold:
                ref.target, ref.folded, ref.kind = "state:" + code, True, "place"
            else:
                ref.kind = "group"
    for target, group in capitals.items():
        _, code, place_key = target.split(":", 2)
        metonym = fold and code in named and any(not context.locative(ref) for ref in group)
        for ref in group:
            if metonym:
                ref.target, ref.folded = "state:" + code, True
            else:
                ref.target = "place:" + place_key


STATE_NOUNS = frozenset(
    "kingdom republic emirate emirates sultanate principality federation confederation".split()
)


def _join_generic_states(refs: list[Ref], context: Context) -> None:
    """"The Kingdom", "the Republic": the last state named before it whose own names hold the
    noun ("Kingdom of Saudi Arabia"), within three sentences; else it stays as written."""
    last: dict[str, Ref] = {}
    for ref in refs:
        if ref.target.startswith("state:"):
            for noun in STATE_NOUNS & context.places.forms.get(ref.target[6:], set()):
                last[noun] = ref
        elif ref.kind == "place" and ref.key in STATE_NOUNS:
            antecedent = last.get(ref.key)
            if antecedent is not None and ref.sentence - antecedent.sentence <= 3:
                ref.target = antecedent.target


def _actors(text: str, refs: list[Ref], sentences: list[Span]) -> list[Actor]:
    groups: dict[str, list[Ref]] = defaultdict(list)
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
        actor_id = names.actor_id(kind, name)
        suffix = 2
        while actor_id in used:
            actor_id, suffix = f"{names.actor_id(kind, name)}-{suffix}", suffix + 1
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


def _name_of(target: str, group: list[Ref], kind: str) -> str:
    """A state by its everyday name; a person by the fullest form of their name; anything else
    by the form the text uses most (an organisation's full name before its short one, a place's
    short name before its full one, when used as often)."""
    if target.startswith("state:"):
        return _state_name(target.split(":", 1)[1])
    candidates = [ref for ref in group if not ref.folded] or group
    counts = Counter(ref.name for ref in candidates)
    if kind == "person":
        best = max(candidates, key=lambda r: (len(r.tokens), counts[r.name], -r.start))
        return best.name
    if kind == "group":  # a people by its plural ("Russians") before its adjective
        candidates = [ref for ref in candidates if ref.name.endswith("s")] or candidates
    if kind == "organization":  # "the Commission" is not the name of the European Commission
        candidates = [r for r in candidates if r.key not in names.ANAPHOR_HEADS] or candidates
    candidates = [ref for ref in candidates if ref.name[:1].isupper()] or candidates
    longer = 1 if kind == "organization" else -1
    best = max(candidates, key=lambda r: (counts[r.name], longer * len(r.name), -r.start))
    return best.name


def _aliases(name: str, group: list[Ref]) -> list[Alias]:
    own = names.key(name)
    forms: dict[str, list[Ref]] = defaultdict(list)
    for ref in group:
        alias_key = names.key(ref.name).replace(" ", "")
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
