"""How names are written: cleaning a mention's text, keys for comparing names, titles, ids.

Pure string work, no data files: importing this module is cheap.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

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
    official negotiator mediator coordinator delegate chargé premier-elect warlord supreme
    common basic normal
    """.split()
)
# (The last line: words a synonym spinner puts for "General"; they stand before names the same way.)
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
# Lowercase words inside people's names ("Ursula von der Leyen", "Mohammed bin Salman").
NAME_PARTICLES = frozenset(
    "von van der den de del della di da du la le bin ibn bint al el abu ben ter ten dos das zu".split()
)
# English function words, by closed class (not a copy of any library's stop list; importing
# spaCy's would load all of spaCy): pronouns, determiners, auxiliaries and modals (with the
# archaic forms of older texts, and hortative "let"), conjunctions, prepositions, sentence adverbs
# and interjections. The model glues them to names at the start of a sentence ("Let David",
# "Shall Saul", "Therefore Sarah", "Thou"); none of them is a name word where the text also uses
# it lowercase and never capitalises it after a lowercase word (see `_Reader.ordinary`).
FUNCTION_WORDS = frozenset(
    """
    i me my mine we us our ours you your yours he him his she her hers it its they them their theirs
    thou thee thy thine ye this that these those who whom whose which what whoever whatever
    a an the some any no every each either neither all both such
    am is are was were be been being have has had do does did will would shall should may might
    must can could let hath hast doth dost wast wert shalt wilt canst couldst wouldst shouldst
    mayest mightest didst hadst
    and or nor but for yet so because although though if unless whether while whereas lest
    of in on at by to from with without into onto upon unto within about above after against
    among before behind below beneath beside between beyond during except over through toward
    towards under until till via thereof therein thereby
    not also then there here thus therefore hence now even only still again indeed however
    moreover wherefore whither thither hither whence thence yea nay behold lo oh o alas amen
    """.split()
)


def spaces(text: str) -> str:
    """`text` as written, with single plain spaces (no-break spaces and newlines too)."""
    return _SPACE.sub(" ", text).strip()


_KEY_DROP = str.maketrans(dict.fromkeys(APOSTROPHES + ".", None))


@lru_cache(maxsize=1 << 16)
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


_PARTICLE = re.compile(r"^(?:al|el|ad|as|ash|at|az|an|ar)-(?=\w{3})")


def bare_word(word_key: str) -> str:
    """A name word without an Arabic article: "al-burhan" -> "burhan"."""
    return _PARTICLE.sub("", word_key)


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


@dataclass(slots=True)
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
    split in two. Each distinct mention text is worked out once."""
    spans = _join_particles(text, sorted(
        (m.start, m.end, m.label, m.sentence) for m in mentions if m.label not in NOT_ACTORS
    ))
    reader = _Reader(text)
    raws = [text[start:end] for start, end, _, _ in spans]
    for raw in set(raws):
        reader.note(raw)
    for raw in raws:
        a, b, _ = trim(raw)
        reader.times[key(raw[a:b])] += 1
    refs: list[Ref] = []
    add = refs.append
    for raw, (origin, _, label, sentence) in zip(raws, spans):
        for piece in reader.pieces(raw, label):
            end = origin + piece.end
            possessive = piece.possessive or (
                text[end : end + 2] in _POSSESSIVE_ENDINGS and not text[end + 2 : end + 3].isalnum()
            )
            add(Ref(origin + piece.start, end, piece.name, piece.key, label, sentence, possessive,
                    piece.described, piece.title, list(piece.tokens)))
    return refs


_POSSESSIVE_ENDINGS = frozenset(("'s", "’s", "‘s"))
_PARTICLE_END = re.compile(r"\s(?:%s)$" % "|".join(sorted(NAME_PARTICLES)))
_PARTICLE_START = re.compile(r"^(?:%s)\s" % "|".join(sorted(NAME_PARTICLES)))


def _join_particles(text: str, spans: list[tuple]) -> list[tuple]:
    """One name the model cut in two at a particle: "Ursula von der" + "Leyen", "Prince
    Abdulaziz" + "bin Salman" (a person's mention ending or starting with the particle, the two a
    space apart) is one person's mention."""
    joined: list[tuple] = []
    for span in spans:
        if joined:
            start, end, label, sentence = joined[-1]
            if (
                span[0] == end + 1
                and text[end] == " "
                and "PERSON" in (label, span[2])
                and (_PARTICLE_END.search(text, start, end) or _PARTICLE_START.match(text[span[0] : span[1]]))
            ):
                joined[-1] = (start, span[1], "PERSON", sentence)
                continue
        joined.append(span)
    return joined


@dataclass(frozen=True)
class _Piece:
    """A name within a mention's text; offsets relative to the mention's start."""

    start: int
    end: int
    name: str
    key: str
    possessive: bool = False
    described: bool = False
    title: str = ""
    tokens: tuple[str, ...] = ()


def _stands_alone(text: str, word: str, tries: int = 2000) -> bool:
    """Whether `word` occurs in `text` as a word of its own (not inside another); plain
    substring search, much faster than a regular expression over a long text."""
    at = text.find(word)
    while at >= 0 and tries:
        before = text[at - 1] if at else " "
        after = text[at + len(word) : at + len(word) + 1] or " "
        if not (before.isalnum() or before == "-") and not (after.isalnum() or after == "-"):
            return True
        at, tries = text.find(word, at + 1), tries - 1
    return False


_WORD = re.compile(r"\S+")
_INSIDE = re.compile(r"(?<=[a-z] )[A-Z][\w'’-]*")
# Labels whose names are titles of works, laws, events or products: written as they are.
_FREE_LABELS = frozenset("WORK_OF_ART LAW EVENT PRODUCT".split())
_NAMED_LABELS = frozenset(("PERSON", "NORP"))  # names that never end with a number
_REFERENCE = re.compile(r"\(?\d+[:.]\d*[:.]?\)?$")  # "24:14", "3.", "(12:3)": a verse or list mark
_PERSON_INNER = frozenset(("of", "the"))  # "Saul of Rehoboth", "Alexander the Great"


def _trimmed(word: str) -> str:
    a, b, _ = trim(word)
    return word[a:b]


def _has_letter(raw: str, start: int, end: int) -> bool:
    return any(ch.isalpha() for ch in raw[start:end])


class _Reader:
    def __init__(self, text: str) -> None:
        from analysis.places import gazetteer

        self.text, self.places = text, gazetteer()
        self.written: set[str] = set()
        self.noted: set[str] = set()
        self.later_words: set[str] = set()  # words after the first of the model's mentions
        self.times: Counter[str] = Counter()  # how often each cleaned name is the model's mention
        self.cache: dict[tuple[str, str], list[_Piece]] = {}
        self._lowercase: dict[str, bool] = {}
        self._words: set[str] | None = None
        self._inside: set[str] | None = None

    def note(self, raw: str) -> None:
        if raw not in self.noted:
            self.noted.add(raw)
            a, b, _ = trim(raw)
            self.written.add(key(raw[a:b]))
            words = [w for w in raw.split() if any(ch.isalpha() for ch in w)]
            if len(words) == 1:
                self.written.add(key(words[0][slice(*trim(words[0])[:2])]))
            self.later_words.update(key(w[slice(*trim(w)[:2])]) for w in words[1:] if w[:1].isupper())

    def known(self, name: str) -> bool:
        return key(name) in self.written or bool(self.places.place(name) or self.places.demonym(name))

    def pieces(self, raw: str, label: str) -> list[_Piece]:
        found = self.cache.get((raw, label))
        if found is None:
            found = []
            for start, end in self._spans(raw, 0, len(raw)):
                for start, end in self._name_words(raw, start, end, label):
                    piece = self._piece(raw, start, end, label)
                    if piece is not None:
                        found += self._split(piece)
            if label == "PERSON":
                found = [self._cut_title(raw, piece) for piece in found]
            self.cache[(raw, label)] = found
        return found

    def _spans(self, raw: str, start: int, end: int) -> list[tuple[int, int]]:
        """The mention, or, when a known name and a possessive open it ("Kyiv’s International"),
        that name and what follows it if that is a name of two words or more ("Russia’s Defence
        Ministry"); a lone word after it ("International") is a fragment of a title."""
        a, b, _ = trim(raw[start:end])
        start, end = start + a, start + b
        inner = _INNER_POSSESSIVE.search(raw, start, end)
        if inner is None or not self.known(raw[start : inner.start()]):
            return [(start, end)] if end > start else []
        spans = [(start, inner.start())]
        if len(raw[inner.end() : end].split()) >= 2:
            spans += self._spans(raw, inner.end(), end)
        return spans

    def _name_words(self, raw: str, start: int, end: int, label: str) -> list[tuple[int, int]]:
        """The name(s) in a mention once the words the model glued to them are cut.

        - A name never starts with a word without letters: "24:14 Thou" (a verse reference),
          "3. Paris"; a person's or a people's name never ends with one either. A title of a
          work, a law or an event only loses a reference ("1984" is a title).
        - A person's name is capitalised words and particles ("von", "bin"): a lowercase word
          at its edge is cut ("Joseph hath", "slayeth Cain"), one inside it (but "of", "the")
          parts two names ("Jacob kissed Rachel", "Rachel and Leah").
        - A leading function word is cut where the text shows it is an ordinary word here
          (`ordinary`): "Let David", "Shall Saul", "Therefore Sarah". "Will Smith" keeps "Will"
          when the text also writes "Will" after a lowercase word ("actor Will Smith") or never
          names "Smith" alone; a content word ("Mark Rutte", "Hope Hicks") is never cut, even
          where the text writes "mark". The price: a two-word name opening with a function word,
          written only at sentence starts, whose second word the text also uses alone, in a text
          that writes the word lowercase, loses it.
        - A mention left with no name word (a lone "Thou", "Behold") is dropped (`_no_name`).
        """
        words = [(m.start(), m.end()) for m in _WORD.finditer(raw, start, end)]
        free = label in _FREE_LABELS  # a title may open with a number ("1984"), not a reference
        while words and not _has_letter(raw, *words[0]) and (
            not free or _REFERENCE.match(raw, *words[0])
        ):
            words.pop(0)
        while words and label in _NAMED_LABELS and not _has_letter(raw, *words[-1]):
            words.pop()
        runs: list[list[tuple[int, int]]] = [[]]
        for i, (a, b) in enumerate(words):
            word = raw[a:b]
            inner = 0 < i < len(words) - 1
            if label == "PERSON" and word.islower() and word not in NAME_PARTICLES and not (
                inner and word in _PERSON_INNER
            ):
                runs.append([])  # a lowercase word is no part of a person's name
            else:
                runs[-1].append((a, b))
        if label == "PERSON":
            runs = [part for run in runs for part in self._two_names(raw, run)]
        spans = []
        for run in filter(None, runs):
            while len(run) > 1 and self.ordinary(raw[run[0][0] : run[0][1]]) and (
                len(run) > 2 or self._alone(raw[run[1][0] : run[1][1]])
            ):
                run.pop(0)
            if len(run) == 1 and self._no_name(raw[run[0][0] : run[0][1]]):
                continue
            spans.append((run[0][0], run[-1][1]))
        return spans

    def _two_names(self, raw: str, run: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
        """Two names the model joined ("Rachel Jacob" of "Rachel Jacob's wife"): two words the
        text names on their own at least three times each, and each more than twice as often
        as the pair. A first name and a surname are rarely both used alone that often ("Joe
        Biden" and "Biden", seldom "Joe")."""
        if len(run) != 2:
            return [run]
        together = self.times[key(raw[run[0][0] : run[1][1]])]
        alone = [self.times[key(_trimmed(raw[a:b]))] for a, b in run]
        if all(count >= 3 and count > 2 * together for count in alone):
            return [run[:1], run[1:]]
        return [run]

    def _alone(self, word: str) -> bool:
        """Whether the text names `word` on its own ("David" of "Let David"), and it is no
        title: what is left of a two-word name must stand as a name by itself."""
        a, b, _ = trim(word)
        return key(word[a:b]) in self.written and not is_title(word)

    def ordinary(self, word: str) -> bool:
        """A capitalised function word the text also writes lowercase and never capitalises
        after a lowercase word: capitalised only because it opens a sentence."""
        word = word.strip(".,;:!?\"'’“”()[]")
        lower = word.lower()
        return (
            lower in FUNCTION_WORDS
            and word != lower
            and self.used_lowercase(lower)
            and word not in self.capitalised_inside()
        )

    def _no_name(self, word: str) -> bool:
        """A lone word that is no name: a function word, or a word the text writes lowercase
        and capitalises only where a sentence or verse opens ("Behold", "Arise")."""
        a, b, _ = trim(word)
        word = word[a:b]
        lower = word.lower()
        if word == lower:
            return False  # a lowercase mention is judged with its label (`_piece`)
        if self.ordinary(word):
            return True
        return (
            self.used_lowercase(lower)
            and word not in self.capitalised_inside()
            and key(word) not in self.later_words
            and self.places.place(word) is None
        )

    def capitalised_inside(self) -> set[str]:
        """Capitalised words the text writes right after a lowercase word: names, not words
        capitalised by their place at a sentence's start."""
        if self._inside is None:
            self._inside = set(_INSIDE.findall(self.text))
        return self._inside

    def _piece(self, raw: str, start: int, end: int, label: str) -> _Piece | None:
        from analysis.places import MEDIUM

        a, b, possessive = trim(raw[start:end])
        start, end = start + a, start + b
        name = spaces(raw[start:end])
        if len(name) < 2 or not any(ch.isalpha() for ch in name):
            return None
        if label == "NORP" and ATTRIBUTE_PREFIX.match(name):
            return None  # "post-Soviet" describes a thing, it is not an actor
        if label != "PERSON" and all(is_title(word) for word in name.split()):
            return None  # "Supreme" of "Supreme Leader": a title is not an actor
        if name == name.lower():
            place = self.places.place(name)
            if place is None or place.tier < MEDIUM:
                return None  # the model's lowercase "the administration" is no name
        if label in DESCRIBED_LABELS:
            described = GEO_DESCRIPTOR.match(name)
            if described and name[described.end() :][:1].isupper():
                core = key(name[described.end() :])
                return _Piece(start, end, name, core, possessive, described=True)
        return _Piece(start, end, name, key(name), possessive)

    def _split(self, piece: _Piece) -> list[_Piece]:
        """"Ukraine-Turkey" is two names when each part is one this text or a gazetteer knows."""
        match = _COMPOUND.match(piece.name)
        if match is None or self.places.place(piece.name) is not None:
            return [piece]
        left, right = match.group(1), match.group(2)
        if not all(self.known(part) for part in (left, right)):
            return [piece]
        cut = piece.start + len(left)
        return [
            _Piece(piece.start, cut, left, key(left)),
            _Piece(cut + 1, piece.end, right, key(right), piece.possessive),
        ]

    def _cut_title(self, raw: str, piece: _Piece) -> _Piece:
        """Title words in front of a person's name move out of it ("General Ruslan Khomchak").

        A title is a word of TITLE_WORDS, or, in front of a name of three words or more, a
        capitalised word that this same text also uses as an ordinary lowercase word and that
        no gazetteer knows as a place: how a garbled or unlisted title ("Common Ruslan
        Khomchak") shows itself.
        """
        words = list(re.finditer(r"\S+", raw[piece.start : piece.end]))
        cut = 0
        while cut < len(words) - 1 and is_title(words[cut].group()):
            cut += 1
        first = words[0].group() if words else ""
        if cut == 0 and len(words) >= 3 and is_capitalised(first) and first.lower() not in NAME_PARTICLES:
            if self.used_lowercase(first.lower()) and self.places.place(first) is None:
                cut = 1
        name, start, title = piece.name, piece.start, ""
        if cut:
            title = " ".join(word.group() for word in words[:cut])
            start = piece.start + words[cut].start()
            name = spaces(raw[start : piece.end])
        tokens = tuple(key(word) for word in person_tokens(name))
        return _Piece(start, piece.end, name, key(name), piece.possessive, piece.described, title, tokens)

    def used_lowercase(self, word: str) -> bool:
        """Whether the text uses `word` (lowercase) as an ordinary word somewhere."""
        if self._words is not None:
            return word in self._words
        if word not in self._lowercase:
            if len(self._lowercase) >= 16:  # many to ask about: index every word once
                self._words = set(re.findall(r"(?<![\w-])[a-z]+(?![\w-])", self.text))
                return word in self._words
            self._lowercase[word] = _stands_alone(self.text, word)
        return self._lowercase[word]
