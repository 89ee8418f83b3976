"""Evidence of a name's kind that outranks the model's label: its head noun and how the text
describes it.

- `head_kind`: English names an organisation, a facility or a treaty by its head noun: "the
  Abdallah Azzam Brigades", "Border Guards", "Ben Gurion Airport", "the American Rescue Plan".
  The head is the last word, or the word before "of"/"for" ("Court of Cassation", "Umma Party for
  Reform"). The model reads such names as people when their first words are a person's.
- `described_kind`: the text says what a name is, by a common noun beside it: "the terrorist group
  Hizballah", "NGOs such as Al-Haq", "DeepMind, the Google AI lab", "Hizballah -- a major
  political party", "Breaking the Silence, an NGO".
"""

from __future__ import annotations

import re

from analysis.actors.keys import key
from analysis.actors.name_words import ORG_HEADS

# Heads that name an organisation even when the words before them are a person's ("the Abdallah
# Azzam Brigades"): a plural force, or nouns no person's surname is.
_ORG_EVEN_FOR_PEOPLE = frozenset(
    """
    party movement brigade brigades ministry committee council commission agency department
    organization organisation association federation institute university corps militia
    militias regiment regiments battalion battalions forces guards gendarmerie directorate bloc
    """.split()
)
ORG_HEAD_WORDS = ORG_HEADS | _ORG_EVEN_FOR_PEOPLE | {"company", "corporation", "holdings", "airlines", "airways"}
# Buildings and sites are places: "Ben Gurion Airport", "Ramallah Hospital", "Trump Tower".
FACILITY_HEADS = frozenset(
    """
    airport airfield airbase crossing checkpoint camp harbour harbor bridge square street avenue
    highway hotel tower palace hospital prison stadium mosque cathedral temple embassy
    """.split()
)
# Treaties, laws, plans, wars and meetings are things, not the organisations the model calls them.
THING_HEADS = frozenset(
    "accord accords agreement treaty pact convention protocol charter declaration act plan war "
    "summit doctrine initiative".split()
)
_CONNECTORS = ("of", "for", "on")
_PLACE_LABELS = frozenset(("GPE", "LOC"))


def head_word(name: str) -> str:
    words = key(name).split()
    for index, word in enumerate(words[1:], 1):
        if word in _CONNECTORS:
            return words[index - 1]
    return words[-1] if words else ""


# Arabic names an organisation head first: the transliterated nouns for movement, party, front,
# army, organisation, group, brigades, battalions, banner, council, soldiers ("Harakat Sawa'd
# Misr", "Hizb ut-Tahrir", "Jabhat al-Nusra", "Jaysh al-Islam", "Kataib Hizballah"). None of
# them opens a person's name.
ARABIC_ORG_OPENERS = frozenset(
    """
    harakat haraka harakah hizb jabhat jabha jabhah jaysh jaish tanzim munazzamat kataib katibat
    saraya liwa alwiya majlis jamaat jamaah jund faylaq tajammu
    """.split()
)


def head_kind(name: str, label: str) -> str | None:
    """The kind the head noun gives a name of two words or more, or None."""
    if " " not in name.strip() or not name[:1].isupper():
        return None
    if key(name).split()[0] in ARABIC_ORG_OPENERS:  # the key drops apostrophes: "kataib"
        return "organization"
    head = head_word(name)
    if head in THING_HEADS:
        return "thing"
    if head in FACILITY_HEADS:
        return "place"
    if label in _PLACE_LABELS:  # "West Bank", "Gaza Strip": the model saw a place, a head
        return None  # of organisations ("bank") does not outrank it
    if head in ORG_HEAD_WORDS and (label != "PERSON" or head in _ORG_EVEN_FOR_PEOPLE):
        return "organization"
    return None


# Place names joined by a lowercase preposition between hyphens: "Stratford-upon-Avon",
# "Southend-on-Sea", "Boulogne-sur-Mer", "Aix-en-Provence", "Newcastle-under-Lyme", "Mar-a-Lago"
# (Spanish "by the"). People's hyphenated names join with particles ("Abd-al-Fattah",
# "Jean-de-Dieu"), never with these.
_PLACE_COMPOUND = re.compile(r"^[A-Z][\w'’]*(?:-(?:a|on|upon|sur|sous|en|under|in|by)-[A-Z][\w'’]*)+$")


def hyphenated_place(name: str) -> bool:
    return bool(_PLACE_COMPOUND.match(name))


_ORG_NOUNS = (
    r"organi[sz]ations?|groups?|part(?:y|ies)|militias?|compan(?:y|ies)|firms?|ngos?|movements?|"
    r"agenc(?:y|ies)|networks?|newspapers?|magazines?|broadcasters?|outlets?|start-?ups?|banks?|"
    r"airlines?|labs?|laborator(?:y|ies)|institutes?|think tanks?|charit(?:y|ies)|factions?|"
    r"manufacturers?|makers?|retailers?|conglomerates?|funds?|insurers?|carriers?|operators?"
)
_THING_NOUNS = (
    r"software|systems?|programs?|programmes?|apps?|spyware|drones?|missiles?|weapons?|aircraft|"
    r"rifles?|cameras?|tools?|platforms?|technolog(?:y|ies)|machines?|computers?|supercomputers?|"
    r"robots?|chatbots?|satellites?|rockets?|tanks?|fighters?|jets?|bombers?|warships?"
)
_PLACE_NOUNS = (
    r"sections?|areas?|neighbou?rhoods?|districts?|villages?|towns?|cit(?:y|ies)|regions?|"
    r"provinces?|quarters?|suburbs?|settlements?|valleys?|mountains?|islands?|airports?|ports?|"
    r"bases?|crossings?"
)
_BEFORE = r"\b(?:the|a|an)\s+(?:[\w’'-]+\s+){{0,2}}?(?:{nouns})\s+$"
_LIST_BEFORE = (
    r"\b(?:{nouns})\b(?:\s+[\w’'-]+){{0,4}},?\s+(?:such as|like|including)\s+"
    r"(?:[A-Z][\w’'-]*,?\s+(?:(?:and|or)\s+)?)*$"
)
# "airports -- LaGuardia, Newark": a dash or a colon after the noun opens the list too.
_LIST_BEFORE = _LIST_BEFORE.replace("(?:such as|like|including)", "(?:such as|like|including|--|—|:)")
_AFTER = (
    r"^\s*(?:,|--|—|–)\s*(?:a|an|the|one of the|its)\s+(?:(?!(?:of|for|in|and|the)\b)[\w’'-]+\s+){{0,4}}?(?:{nouns})\b"
    # the noun ends the phrase ("a town councillor" is no town)
    r"(?=\s*(?:[,.;:)—–-]|$)|\s+(?:of|in|on|at|that|which|who|where|with|for|from|and|by|made|"
    r"based|founded|run|led)\b|\s+\w+(?:ed|ing)\b)"
)
_NOUNS = (("organization", _ORG_NOUNS), ("thing", _THING_NOUNS), ("place", _PLACE_NOUNS))
# "software, known as Red Wolf", "cameras dubbed Smart City": the noun names what the name is.
_KNOWN_AS = r"\b(?:{nouns})\b,?\s+(?:(?:also\s+)?known\s+as|called|dubbed|named)\s+[“\"]?$"
_DESCRIBED_BEFORE = [(kind, re.compile(_BEFORE.format(nouns=nouns), re.I)) for kind, nouns in _NOUNS]
_DESCRIBED_AFTER = [(kind, re.compile(_AFTER.format(nouns=nouns), re.I)) for kind, nouns in _NOUNS]
# The names listed after the noun are capitalised, so only the noun ignores case.
_LISTED = [(kind, re.compile(_LIST_BEFORE.format(nouns=f"(?i:{nouns})"))) for kind, nouns in _NOUNS]
_NAMED = [(kind, re.compile(_KNOWN_AS.format(nouns=nouns), re.I)) for kind, nouns in _NOUNS]
# "IBM's Deep Blue supercomputer", "the Pegasus spyware": a thing's noun right after its name.
_THING_AFTER = re.compile(rf"[ \t]+(?:{_THING_NOUNS})\b", re.I)


def thing_noun_after(text: str, end: int) -> bool:
    """A thing's noun right after the name ("Deep Blue supercomputer"). Weak evidence: it may as
    well be an organisation's product ("the Google machine"), so callers count it only where
    most of a name's mentions carry it."""
    return bool(_THING_AFTER.match(text, end))
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)?")


# Every word the noun patterns above match, for a quick test before running them (kept in step by a test).
_NOUN_WORDS = frozenset(
    """
    organization organizations organisation organisations group groups party parties militia
    militias company companies firm firms ngo ngos movement movements agency agencies network
    networks newspaper newspapers magazine magazines broadcaster broadcasters outlet outlets
    startup startups start-up start-ups bank banks airline airlines lab labs laboratory
    laboratories institute institutes think charity charities faction factions manufacturer
    manufacturers maker makers retailer retailers conglomerate conglomerates fund funds insurer
    insurers carrier carriers operator operators software system systems program programs programme
    programmes app apps spyware drone drones missile missiles weapon weapons aircraft rifle rifles
    camera cameras tool tools platform platforms technology technologies machine machines computer
    computers supercomputer supercomputers robot robots chatbot chatbots satellite satellites
    rocket rockets tank tanks fighter fighters jet jets bomber bombers warship warships section
    sections area areas neighborhood neighborhoods neighbourhood neighbourhoods district districts
    village villages town towns city cities region regions province provinces quarter quarters
    suburb suburbs settlement settlements valley valleys mountain mountains island islands airport
    airports port ports base bases crossing crossings
    """.split()
)


def described_kind(text: str, start: int, end: int) -> str | None:
    """The kind a common noun right beside the mention at [start, end) gives it, or None."""
    before = text[max(0, start - 80) : start]
    before = before[before.rfind("\n") + 1 :]  # a description is on the name's own line
    after = text[end : end + 80].split("\n", 1)[0]
    if _NOUN_WORDS.isdisjoint(_WORD.findall(before.casefold())) and _NOUN_WORDS.isdisjoint(
        _WORD.findall(after.casefold())
    ):
        return None  # most mentions have no describing noun near: a set look-up, not twelve searches
    for kind, pattern in _DESCRIBED_AFTER:
        if pattern.search(after):
            return kind
    for kind, pattern in (*_DESCRIBED_BEFORE, *_LISTED, *_NAMED):
        if pattern.search(before):
            return kind
    return None


# Between two items of a list: a comma, a semicolon, "and", "or" ("HAMAS; Hizballah; Asbat al-Ansar").
_CONJUNCTION = re.compile(r"\b(?:and|or)\b")
_LIST_GAP = re.compile(r"^\)?\s*(?:[,;]\s*(?:(?:and|or)\s+)?|(?:and|or)\s+)$")


def listed_kind(text: str, refs: list, index: dict, group: list) -> str | None:
    """The kind shared by the names a name is listed with, when its mentions are mostly in lists
    whose other items have one kind: a name without a person's marks listed among organisations
    is one ("Abdallah Azzam Brigades; Asbat al-Ansar; HAMAS"), among places is one ("the
    kingdoms of Nobatia, Makuria, and Alodia")."""
    kinds: dict[str, int] = {}
    listed = 0
    for ref in group:
        position = index.get(id(ref))
        if position is None:
            continue
        seen = set()
        gaps = {}
        for other in (position - 1, position + 1):
            if 0 <= other < len(refs):
                a, b = sorted((refs[position], refs[other]), key=lambda r: r.start)
                gap = text[a.end : b.start]
                if refs[other].kind and _LIST_GAP.match(gap):
                    gaps[other] = gap
        for other, gap in gaps.items():
            # a bare comma is a list only when the other side is listed too ("At Acme, Jo Roe")
            if ";" in gap or _CONJUNCTION.search(gap) or len(gaps) == 2:
                seen.add(refs[other].kind)
        if seen:
            listed += 1
            for kind in seen:
                kinds[kind] = kinds.get(kind, 0) + 1
    if not listed or listed * 2 < len(group) or len(kinds) != 1:
        return None
    return next(iter(kinds))


_WHO = re.compile(r",\s+who\b")


def person_by_who(text: str, name: str, end: int) -> bool:
    """A full name of two or three capitalised words, none an organisation's head, that the
    relative "who" follows ("Demis Hassabis, who leads DeepMind"): who is said of people."""
    return person_shaped(name) and bool(_WHO.match(text, end))


def person_shaped(name: str) -> bool:
    """Two or three capitalised words (not in capitals), none an organisation's or a site's head."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(word[:1].isupper() and not word.isupper() for word in words):
        return False
    return not any(key(word) in ORG_HEAD_WORDS or key(word) in FACILITY_HEADS for word in words)


# "Jubilee Party or JP", "Chama Cha Kazi (CCK)": letters a text defines for a name.
_DEFINED_BEFORE = re.compile(r"[A-Za-z][ \t]+or[ \t]+\Z|[A-Za-z][ \t]*\([ \t]*\Z")


def defined_acronym(text: str, start: int) -> bool:
    """Whether the letters at `start` are defined right there as a name's acronym: then they are
    that name's, never a state's code that happens to share them ("CCK", "JP")."""
    return bool(_DEFINED_BEFORE.search(text, max(0, start - 40), start))
