"""How names are written: cleaning a mention's text, keys for comparing names, titles, ids.

Pure string work, no data files: importing this module is cheap.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

APOSTROPHES = "'’‘`´"
_POSSESSIVE = re.compile(r"(?:['’‘]s|(?<=s)['’‘])$", re.IGNORECASE)
_ARTICLE = re.compile(r"(?:the|The|THE)\s+")
_SPACE = re.compile(r"\s+")

# Words that stand before a person's name to say what they are: civil and military ranks, offices,
# honorifics and their usual abbreviations. Matched case-insensitively, without a trailing dot.
TITLE_WORDS = frozenset(
    """
    president vice prime premier chancellor minister ministers secretary secretary-general
    undersecretary general admiral colonel lieutenant major captain commander commander-in-chief
    commandant chief marshal field-marshal sergeant corporal brigadier private officer
    ambassador envoy consul diplomat spokesman spokeswoman spokesperson speaker deputy
    senator congressman congresswoman congressmember representative governor mayor
    lawmaker legislator councillor councilor councilman councilwoman alderman
    king queen prince princess emperor empress tsar czar sultan emir amir sheikh shaikh
    ayatollah mullah pope cardinal bishop archbishop patriarch metropolitan rabbi imam pastor
    reverend father sister brother saint chairman chairwoman chairperson chair director
    head leader founder co-founder ceo cfo coo cto executive president-elect
    judge justice magistrate prosecutor attorney attorney-general solicitor counsel
    adviser advisor aide commissioner administrator superintendent inspector
    dr doctor professor prof mr mrs ms miss mx sir dame lord lady baron baroness count countess
    duke duchess gen lt col maj capt cpt cmdr sgt adm brig sen rep gov pres amb insp supt
    mp mep mk ms. rt hon honourable honorable excellency majesty highness
    analyst correspondent reporter editor journalist columnist economist strategist
    official negotiator mediator coordinator delegate chargé premier-elect warlord
    """.split()
)
# Lowercase words that may stand inside a title ("former President", "Minister of Defence").
TITLE_MODIFIERS = frozenset("former acting interim incoming outgoing then late ex deputy vice".split())
TITLE_CONNECTORS = frozenset("of for and on the de du la".split())

# Prefixes of ships' names: a "USS Donald Cook" is a vessel, whatever the model says.
VESSEL_PREFIXES = frozenset(
    "USS USNS USCGC HMS HMAS HMCS HMNZS INS RFS RV MV MS SS MY FS ORP HNLMS TCG KRI PNS BNS ROKS "
    "JS HDMS HNoMS HSwMS ITS SPS NRP".split()
)
# Head nouns of organisations; a name ending in one is not a place or a group.
ORG_HEADS = frozenset(
    """
    alliance agency army assembly association authority bank board bureau cabinet centre center
    coalition college command commission committee company corporation council court department
    directorate federation force forces foundation front fund government group guard institute
    league ministry movement navy office organisation organization parliament party police
    service services senate tribunal union university
    """.split()
)
# Generic organisation nouns which, written alone ("the Alliance"), point back at an organisation.
ANAPHOR_HEADS = frozenset(
    "alliance bloc coalition commission committee council ministry agency organisation "
    "organization union administration government court".split()
)
# Head nouns of geographic names ("the Black Sea", "the Korean Peninsula").
GEO_HEADS = frozenset(
    """
    sea ocean gulf strait straits bay river lake mountains mountain range peninsula island islands
    isthmus valley desert canal channel coast basin plateau delta oblast province region
    governorate prefecture county district territory territories heights highlands steppe
    """.split()
)
# Descriptors a place's full name may carry ("the Autonomous Republic of Crimea").
GEO_DESCRIPTOR = re.compile(
    r"^(?:(?:autonomous|federal|islamic|people'?s|democratic|socialist|united|kingdom|"
    r"sultanate|emirate|principality|grand\s+duchy|commonwealth|free|independent)\s+)*"
    r"(?:republic|kingdom|state|province|region|oblast|territory|city|island|islands|"
    r"principality|sultanate|emirate|federation|commonwealth|duchy)\s+of\s+(?:the\s+)?",
    re.IGNORECASE,
)
# Prefixes that make a demonym an attribute, not an actor ("post-Soviet", "anti-American").
ATTRIBUTE_PREFIX = re.compile(r"^(?:post|pre|anti|pro|non|neo|ex|pan|inter|intra|trans)-", re.I)
NAME_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())


def spaces(text: str) -> str:
    """`text` as written, with single plain spaces (no-break spaces and newlines too)."""
    return _SPACE.sub(" ", text).strip()


_KEY_DROP = str.maketrans(dict.fromkeys(APOSTROPHES + ".", None))


def key(name: str) -> str:
    """A comparison key: case, accents, dots, apostrophe style and spacing do not matter."""
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name)
        name = "".join(ch for ch in name if not unicodedata.combining(ch))
    return " ".join(name.translate(_KEY_DROP).casefold().split())


def trim(text: str) -> tuple[int, int, bool]:
    """Offsets (within `text`) of the name once a leading article and a possessive are cut.

    Returns (start, end, possessive).
    """
    start, end = 0, len(text)
    while start < end and not text[start].isalnum():
        start += 1
    article = _ARTICLE.match(text, start)
    if article:
        start = article.end()
    possessive = False
    match = _POSSESSIVE.search(text, start, end)
    if match:
        end, possessive = match.start(), True
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in ".)"):
        end -= 1
    if end > start and text[end - 1] == "." and "." not in text[start : end - 1]:
        end -= 1  # a sentence's full stop swallowed by the entity; "U.S." keeps its dots
    return start, end, possessive


def is_title(word: str) -> bool:
    word = word.strip(".,").casefold()
    if word in TITLE_WORDS:
        return True
    return "-" in word and any(part in TITLE_WORDS for part in word.split("-"))


def is_capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()


def is_vessel(name: str) -> bool:
    first, _, rest = name.partition(" ")
    return bool(rest) and first.replace(".", "") in VESSEL_PREFIXES and is_capitalised(rest)


def head(name: str) -> str:
    return key(name).rsplit(" ", 1)[-1]


def is_acronym(name: str) -> bool:
    letters = name.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()


def initials(name: str) -> str:
    """ "North Atlantic Treaty Organization" -> "NATO" (small words skipped)."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.casefold() not in TITLE_CONNECTORS]
    return "".join(w[0] for w in words).upper() if len(words) >= 2 else ""


def person_tokens(name: str) -> list[str]:
    """The words of a person's name that identify them (suffixes such as "Jr." dropped)."""
    return [w for w in name.split() if w.casefold() not in NAME_SUFFIXES]


def surname(name: str) -> str:
    tokens = person_tokens(name)
    return key(tokens[-1]) if tokens else ""


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", key(text)).strip("-") or "unnamed"


def actor_id(kind: str, name: str) -> str:
    """Stable across runs: the same kind and canonical name give the same id."""
    return f"{kind}:{slug(name)}"


# ---------------------------------------------------------------------------------------------
# Reading the model's mentions as names
# ---------------------------------------------------------------------------------------------

# Labels that are facts (analysis.facts), not actors; a language is not an actor either.
NOT_ACTORS = frozenset(
    "DATE TIME CARDINAL ORDINAL QUANTITY MONEY PERCENT LANGUAGE".split()
)
DESCRIBED_LABELS = frozenset(("GPE", "LOC"))
_INNER_POSSESSIVE = re.compile(r"['’‘]s\s+(?=\S)")
_COMPOUND = re.compile(r"^([A-Z][^\s-]*(?: [A-Z][^\s-]*)*)-([A-Z][^\s-]*(?: [A-Z][^\s-]*)*)$")
_FOLLOWING_POSSESSIVE = re.compile(r"['’‘]s\b")


@dataclass
class Ref:
    """One mention as the actor layer reads it: the name's span, its cleaned text and keys."""

    start: int
    end: int
    name: str
    key: str  # compares names; a place's descriptor is dropped ("Republic of Crimea" -> "crimea")
    label: str
    sentence: int
    possessive: bool = False
    described: bool = False  # written with a geographic descriptor ("the Autonomous Republic of")
    title: str = ""  # title words cut from the front of a person's name
    tokens: list[str] = field(default_factory=list)  # keys of a person's name words
    kind: str = ""  # decided kind; "" drops the mention
    target: str = ""  # the actor it joins
    folded: bool = False


def read(text: str, mentions) -> list[Ref]:
    """The mentions that may be actors, cleaned: articles, possessives and titles cut, a name
    fused to a possessive ("Kyiv’s International") split off, joined names ("Ukraine-Turkey")
    split in two."""
    from analysis.places import gazetteer

    mentions = sorted((m for m in mentions if m.label not in NOT_ACTORS), key=lambda m: m.start)
    written = {key(text[m.start : m.end]) for m in mentions}
    places = gazetteer()

    def known(name: str) -> bool:
        return key(name) in written or bool(places.place(name) or places.demonym(name))

    refs: list[Ref] = []
    for mention in mentions:
        for start, end in _pieces(text, mention.start, mention.end, known):
            ref = _ref(text, start, end, mention.label, mention.sentence)
            if ref is not None:
                refs.append(ref)
    refs = _split_compounds(text, refs)
    _cut_titles(text, refs)
    return refs


def _pieces(text: str, start: int, end: int, known) -> list[tuple[int, int]]:
    """The mention, or, when a known name and a possessive open it ("Kyiv’s International"),
    that name and what follows it if that is a name of two words or more ("Russia’s Defence
    Ministry"); a lone word after it ("International") is a fragment of a title."""
    a, b, _ = trim(text[start:end])
    start, end = start + a, start + b
    inner = _INNER_POSSESSIVE.search(text, start, end)
    if inner is None or not known(text[start : inner.start()]):
        return [(start, end)] if end > start else []
    pieces = [(start, inner.start())]
    if len(text[inner.end() : end].split()) >= 2:
        pieces += _pieces(text, inner.end(), end, known)
    return pieces


def _ref(text: str, start: int, end: int, label: str, sentence: int) -> Ref | None:
    from analysis.places import MEDIUM, gazetteer

    a, b, possessive = trim(text[start:end])
    start, end = start + a, start + b
    name = spaces(text[start:end])
    if len(name) < 2 or not any(ch.isalpha() for ch in name):
        return None
    if label == "NORP" and ATTRIBUTE_PREFIX.match(name):
        return None  # "post-Soviet" describes a thing, it is not an actor
    if name == name.lower():
        place = gazetteer().place(name)
        if place is None or place.tier < MEDIUM:
            return None  # the model's lowercase "the administration" is no name
    possessive = possessive or bool(_FOLLOWING_POSSESSIVE.match(text, end))
    ref = Ref(start, end, name, key(name), label, sentence, possessive)
    if label in DESCRIBED_LABELS:
        described = GEO_DESCRIPTOR.match(name)
        if described and name[described.end() :][:1].isupper():
            ref.key, ref.described = key(name[described.end() :]), True
    return ref


def _split_compounds(text: str, refs: list[Ref]) -> list[Ref]:
    from analysis.places import gazetteer

    known = {ref.key for ref in refs}
    places = gazetteer()
    out: list[Ref] = []
    for ref in refs:
        match = _COMPOUND.match(ref.name)
        parts = [match.group(1), match.group(2)] if match else []
        if parts and places.place(ref.name) is None and all(
            key(p) in known or places.place(p) or places.demonym(p) for p in parts
        ):
            cut = ref.start + len(parts[0])
            out.append(Ref(ref.start, cut, parts[0], key(parts[0]), ref.label, ref.sentence))
            out.append(Ref(cut + 1, ref.end, parts[1], key(parts[1]), ref.label, ref.sentence, ref.possessive))
        else:
            out.append(ref)
    return out


def _cut_titles(text: str, refs: list[Ref]) -> None:
    """Title words in front of a person's name move out of it ("General Ruslan Khomchak").

    A title is a word of TITLE_WORDS, or, in front of a name of three words or more, a
    capitalised word that this same text also uses as an ordinary lowercase word and that no
    gazetteer knows as a place: how a garbled or unlisted title ("Common Ruslan Khomchak")
    shows itself.
    """
    from analysis.places import gazetteer

    lowercase: set[str] | None = None
    for ref in refs:
        if ref.label != "PERSON":
            continue
        words = list(re.finditer(r"\S+", text[ref.start : ref.end]))
        cut = 0
        while cut < len(words) - 1 and is_title(words[cut].group()):
            cut += 1
        if cut == 0 and len(words) >= 3 and is_capitalised(words[0].group()):
            if lowercase is None:
                lowercase = set(re.findall(r"\b[a-z]+\b", text))
            first = words[0].group()
            if first.lower() in lowercase and gazetteer().place(first) is None:
                cut = 1
        if cut:
            ref.title = spaces(" ".join(w.group() for w in words[:cut]))
            ref.start += words[cut].start()
            ref.name = spaces(text[ref.start : ref.end])
            ref.key = key(ref.name)
        ref.tokens = [key(word) for word in person_tokens(ref.name)]
