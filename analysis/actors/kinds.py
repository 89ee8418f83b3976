"""Each name's kind (person, organisation, place, group, thing) and the row it starts in.

`Context.decide` sets `kind` and `target` on every mention, deciding once per distinct name from
the gazetteers (`analysis.actors.places`, loaded on first use), the model's labels and the words around
the mentions (`analysis.actors.cues`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from analysis.actors import keys, kind_evidence, name_words, names
from analysis.actors.cues import Cues
from analysis.actors.mentions import Ref
from analysis.actors.places import MEDIUM, STRONG, gazetteer
from analysis.actors.targets import CAPITAL, DEMONYM, GROUP, ORG, PERSON, PLACE, THING, Target

PLACE_LABELS = frozenset(("GPE", "LOC", "FAC"))
SAMPLE = 24  # mentions of one name read for context clues
DESCRIBED_SAMPLE = 8  # of those, the first read for a describing noun
LABEL_KIND = {
    "PERSON": ("person", PERSON),
    "ORG": ("organization", ORG),
    "GPE": ("place", PLACE),
    "LOC": ("place", PLACE),
    "FAC": ("place", PLACE),
    "NORP": ("group", GROUP),
}
TARGET_PREFIX = {"person": PERSON, "organization": ORG, "place": PLACE, "group": GROUP, "thing": THING}
_TITLE_OF = re.compile(r"([A-Za-z-]+)\s+of\s+(?:the\s+)?$")
_CODE = re.compile(r"^[A-Z]+-?\d+\+?$")  # "G7", "G-20", "P5+"
# "Crimean Tatars", "Syrian Kurds": a people named by an adjective of place and a plural.
_PEOPLE = re.compile(r"^[A-Z][a-z]+(?:an|ian|ese|ish|i|ic)\s+(?:[A-Z][a-z]+\s+)*[A-Z][a-z]+[^s\W]s$")


class Context(Cues):
    """Decides each name's kind, once for all its mentions, from gazetteers, labels and context.

    Every rule is general: a gazetteer entry outranks the model's label as far as its tier
    allows (see analysis.actors.places); the words around the mentions settle what the gazetteers
    cannot (a possessive person before a common noun stays a person, "the Donbass" is no
    person, a name listed with places is a place).
    """

    def __init__(self, text: str, refs: list[Ref]) -> None:
        super().__init__(text, refs)
        self.places = gazetteer()
        self.person_words = {
            form
            for ref in refs
            if ref.label == "PERSON" and len(ref.tokens) >= 2
            for word in ref.tokens
            for form in (word, keys.bare_word(word))
        }
        # "Demis Hassabis, who leads the lab": a full name the relative "who" follows is a person's,
        # whatever the model's label, and its words are a person's words (a later "Hassabis").
        self.relative_people = {
            ref.key for ref in refs if ref.label != "PERSON" and kind_evidence.person_by_who(text, ref.name, ref.end)
        }
        self.person_words |= {
            form for name in self.relative_people for word in name.split() for form in (word, keys.bare_word(word))
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

    def _decide(self, group: list[Ref], coordination: bool) -> tuple[str, Target]:
        name, key = group[0].name, group[0].key
        top, sample, personish = self._features(group)
        if names.is_vessel(name):
            return "thing", Target(THING, key)
        if key in self.relative_people:
            return "person", Target(PERSON, key)
        if kind_evidence.hyphenated_place(name):
            return "place", Target(PLACE, key)
        evident = kind_evidence.head_kind(name, top)
        if evident is not None:
            return evident, Target(TARGET_PREFIX[evident], key)
        name_word = " " not in key and key in self.person_words
        place = self._gazetteer_place(group, top)
        if place is not None and self._placed(sample, place, top, personish, coordination):
            return "place", self._place_target(place)
        described = None if personish else self._described(sample)
        if described is not None:
            return described, Target(TARGET_PREFIX[described], key)
        if place is None and name_word:
            return "person", Target(PERSON, key)
        demonym = self.places.demonym(name)
        if demonym and not (top == "PERSON" and personish):
            return "group", Target(DEMONYM, country=demonym)
        if top == "NORP" or (top != "ORG" and self._people(name)):
            # "Democrat" and "Democrats": one people, under the singular the text writes
            single = key[:-1] if key.endswith("s") and key[:-1] in self.written else key
            return "group", Target(GROUP, single)
        geographic = any(r.described for r in group) or (
            " " in key and names.head(name) in name_words.GEO_HEADS
        )
        if geographic and not personish:
            return "place", Target(PLACE, key)
        if top == "PERSON":
            return self._person_or_place(sample, name, key, personish, coordination)
        if top == "ORG" and coordination and self._listed_with_places(sample, name):
            return "place", Target(PLACE, key)
        if top == "ORG" and coordination and kind_evidence.person_shaped(name):
            if kind_evidence.listed_kind(self.text, self.refs, self._index, group) == "person":
                return "person", Target(PERSON, key)  # "Jo Roe, Al Poe and Ed Loe contributed"
        if top == "ORG" and coordination and " " not in key and name.endswith("s") and not names.is_acronym(name):
            if kind_evidence.listed_kind(self.text, self.refs, self._index, group) == "group":
                return "group", Target(GROUP, key)  # "Democrats, Republicans, and Independents"
        if top == "ORG" and self._titled_name(sample, name):
            return "person", Target(PERSON, key)  # "UN envoy Ramtane Lamamra": the titled are people
        if top == "FAC" and any(self.speech(ref) or self.cited(ref) for ref in sample):
            return "organization", Target(ORG, key)  # "the White House said": the people inside
        if top in PLACE_LABELS | {"NORP", "PERSON"} and _CODE.match(name):
            return "organization", Target(ORG, key)  # "G7", "G20": a code with digits is no place
        kind, row = LABEL_KIND.get(top, ("thing", THING))
        return kind, Target(row, key)

    def _described(self, sample: list[Ref]) -> str | None:
        """What a common noun beside one of the mentions says the name is (kind_evidence)."""
        for ref in sample[:DESCRIBED_SAMPLE]:  # a name is described where it is introduced
            kind = kind_evidence.described_kind(self.text, ref.start, ref.end)
            if kind is not None:
                return kind
        weak = sum(kind_evidence.thing_noun_after(self.text, ref.end) for ref in sample)
        return "thing" if weak and weak * 2 >= len(sample) else None

    def _gazetteer_place(self, group: list[Ref], top: str):
        first = group[0]
        place = self.places.names.get(first.key) if first.described else self.places.place(first.name)
        if place is None:
            code = self.places.state_code(first.name)
            # A code is a state only where the model saw a place, or, three letters long
            # ("USA"), an organisation; "IT" or "AU" written as an organisation are not states.
            if code and (top in PLACE_LABELS or top == "NORP" or (top == "ORG" and len(first.key) >= 3)):
                if not any(kind_evidence.defined_acronym(self.text, ref.start) for ref in group):
                    place = self.places.states[code]
        return place

    def _placed(self, group, place, top: str, personish: bool, coordination: bool) -> bool:
        """Whether a name the gazetteers know as a place is one here, as far as its tier allows."""
        if top in PLACE_LABELS or top == "NORP":
            return True
        if place.tier >= STRONG:
            return not personish
        if place.kind == "capital" and not personish and self._state_named(place.country):
            return True  # "circle Kiev with tanks" in a text about Ukraine: the capital, no person
        cues = sum(1 for ref in group if self.place_cue(ref, coordination))
        speech = any(self.speech(ref) for ref in group)
        if place.tier >= MEDIUM:
            return not personish and not speech and (top != "PERSON" or cues > 0)
        return not personish and not speech and cues > 0

    def _state_named(self, country: str) -> bool:
        state = self.places.states.get(country)
        return state is not None and keys.key(state.name) in self.written

    def _person_or_place(self, group, name, key, personish, coordination) -> tuple[str, Target]:
        if not personish:
            plural = re.search(r"[^su]s$", name)
            if all(self.article_head(ref) for ref in group):
                if plural:  # "the Houthis", "the Kennedys": a people, a family
                    return "group", Target(GROUP, key)
                return "place", Target(PLACE, key)  # "within the Donbass": a person takes no article
            if coordination and any(self.coordinated(r) and self.locative(r) for r in group):
                return "place", Target(PLACE, key)  # "struck targets in Rafah and Khan Younis"
            listed = kind_evidence.listed_kind(self.text, self.refs, self._index, group) if coordination else None
            if listed in ("place", "organization"):
                return listed, Target(TARGET_PREFIX[listed], key)  # "HAMAS; Hizballah; X"
        return "person", Target(PERSON, key)

    def _listed_with_places(self, group: list[Ref], name: str) -> bool:
        """An organisation label on a name listed with places ("Syria, Libya, and X")."""
        if names.is_acronym(name) or names.head(name) in name_words.ORG_HEADS:
            return False
        if any(self.places.place(word) or self.places.demonym(word) or self.places.state_code(word)
               for word in name.split()):
            return False  # "the U.S. Treasury", "Turkish Airlines": an organisation of a place
        if any(word in self.person_names for word in keys.key(name).split()):
            return False  # "Recep Erdogan": a person's name
        listed = sum(1 for ref in group if self.coordinated(ref))
        return listed > 0 and listed * 2 >= len(group)

    def _titled_name(self, group: list[Ref], name: str) -> bool:
        words = name.split()
        if not 2 <= len(words) <= 4 or names.is_acronym(name) or names.head(name) in name_words.ORG_HEADS:
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
        return any(len(stem) >= 3 and (keys.key(stem) in self.written or self.places.place(stem))
                   for stem in stems)

    def fragment(self, ref: Ref) -> bool:
        """A title alone ("President", unless some person is called so: "King" of "Martin
        Luther King"), or one ordinary word the model cut out of a title ("Secretary of State"
        -> "State")."""
        if ref.label == "PERSON" and all(names.is_title(word) for word in ref.name.split()):
            return not all(word in self.person_words for word in ref.key.split())
        if ref.label == "NORP" and self._adjective(ref):
            return True
        if ref.label != "ORG" or " " in ref.key or names.is_acronym(ref.name):
            return False
        title = _TITLE_OF.search(self.before(ref, 32))
        return bool(title) and names.is_title(title.group(1))

    def _adjective(self, ref: Ref) -> bool:
        """A religion's, an ideology's or a prefix's adjective ("Islamic", "Leninist", "Anglo-"):
        one word, no state's demonym, and the text never writes its plural, the people
        ("Democrat" is a group where the text also writes "Democrats")."""
        if " " in ref.key or ref.name.endswith("s") or self.places.demonym(ref.name):
            return False
        if self.places.place(ref.name) is not None:
            return False  # a place the model took for a people ("Sevastopol"): not an adjective
        if self.text[ref.end : ref.end + 1] == "-":
            return True  # "Anglo-Egyptian": the first half of a compound adjective
        return ref.key + "s" not in self.written

    def _place_target(self, place) -> Target:
        if place.kind == "country":
            return Target.state(place.country)
        if place.kind == "capital":
            return Target(CAPITAL, keys.key(place.name), place.country)
        return Target(PLACE, keys.key(place.name))
