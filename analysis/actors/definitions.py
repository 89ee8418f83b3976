"""Names the text defines as one: "Name (ALIAS)", "Name or ACRONYM", "Name (Other Name)", and a
list's line "Name or Other Name".

A text that writes an acronym or a second name in brackets right after a name, or an acronym
after "or", says the two are one actor; that definition outranks the guess from initials, so
"Sudanese Armed Forces (SAF)" keeps "SAF" even though "Sudanese Air Force" has the same initials,
and "UN Interim Security Force for Abyei (UNISFA)" gets "UNISFA" whose letters are not its
initials. A person is never joined to the name after it ("Jane Doe (FPM)": her party); a name
of one word the model took for a person is joined to the organisation it is defined as
("Al-Ahbash (Association of Islamic Charitable Projects)").
"""

from __future__ import annotations

import re

from analysis.actors import names
from analysis.actors.mentions import Ref
from analysis.actors.targets import ORG, Target

_OPEN = re.compile(r"^\s*\(\s*[\"“]?$")
_CLOSE = re.compile(r"^[\"”]?\s*\)")
_OR = re.compile(r"^\)?\s+or\s+$")
# An acronym as lists write them: capitals, at most one small letter among them ("SCoP").
_ACRONYM = re.compile(r"^[A-Z](?:[A-Z]|[a-z](?=[A-Z]))*[A-Z]$")


def join_defined(text: str, refs: list[Ref]) -> None:
    """Give each alias the text defines the row of the name it is defined beside."""
    rows: dict[str, tuple[Target, str]] = {}  # a defining name's key -> (its row, its kind)
    aliases: dict[str, str] = {}  # an alias's key -> the key of the name it is defined beside
    for name, alias in zip(refs, refs[1:]):
        kind = _defined_kind(text, name, alias)
        if kind is None or alias.key in aliases or alias.key == name.key:
            continue
        if name.key in aliases:  # "X (Y) or Z": Z is X's too
            aliases[alias.key] = aliases[name.key]
            continue
        target = name.target
        if name.kind == "person" or target.key not in (alias.key, name.key):
            # Initials gave the name another acronym of the text ("Sudanese Congress Party" is
            # S-C-P, but the text writes "SCoP" for it and "SCP" for the Communist Party).
            target = Target(ORG, name.key)
        rows.setdefault(name.key, (target, kind))
        aliases[alias.key] = name.key
    if not aliases:
        return
    claimed = set(aliases)
    for ref in refs:
        owner = aliases.get(ref.key, ref.key)
        if owner in rows:
            ref.target, ref.kind = rows[owner]
        elif ref.kind == "organization" and ref.target is not None and ref.target.key in claimed:
            ref.target = Target(ORG, ref.key)  # its initials, but the text gave them to another


def _defined_kind(text: str, name: Ref, alias: Ref) -> str | None:
    """The kind of the row when `alias` is defined beside `name`, else None."""
    if not (name.kind and alias.kind and name.target and alias.target):
        return None
    if name.kind == "place" or alias.kind == "person":
        return None  # places join by the gazetteers; a person is never an alias
    gap = text[name.end : alias.start]
    bracketed = _OPEN.match(gap) and _CLOSE.match(text[alias.end : alias.end + 3])
    acronym = names.is_acronym(alias.name) or bool(_ACRONYM.match(alias.name))
    alternative = _OR.match(gap) and (acronym or _alone_on_line(text, name.start, alias.end))
    if not (bracketed or alternative):
        return None
    if name.kind == "person":
        if len(name.tokens) > 1 or name.title or alias.kind != "organization":
            return None  # a person and the party after them are two actors
        return "organization"
    if not acronym and alias.kind != name.kind:
        return None
    return name.kind


def _alone_on_line(text: str, start: int, end: int) -> bool:
    """"Tashnaq or Armenian Revolutionary Federation" as a line of its own, or as a labelled
    field's value ("highest court(s): Court of Cassation or Supreme Court (8 chambers)"): a
    list's entry that gives one actor's second name. In a sentence, "X or Y" is as often two
    actors ("Hamas or Hizballah"), so only a whole entry counts."""
    opens = start == 0 or text[start - 1] == "\n" or (text[start - 2 : start] == ": " and _FIELD_LABEL.search(text, max(0, start - 60), start))
    return bool(opens) and bool(_ENTRY_END.match(text, end))


# A field's label at its line's start ("highest court(s): "), and what ends a list's entry.
_FIELD_LABEL = re.compile(r"(?:^|\n)[a-z][a-z ()-]*: \Z")
_ENTRY_END = re.compile(r"\s*(?:$|\n|\(|;)")


# Words a text adds to an organisation's short name for its long one ("Forbes" and "Forbes
# Magazine", "Acme" and "Acme Holdings", "Hezbollah" and "Hezbollah forces").
LONG_FORM_WORDS = frozenset(
    "magazine newspaper group holdings inc co corp corporation company ltd llc plc forces fighters "
    "militia network".split()
)


def join_initials(refs: list[Ref]) -> None:
    """"JFK" and "John F. Kennedy", "MBS" and "Mohammed bin Salman": letters in capitals that are
    the initials of every word of a name of three words or more the text writes are that name
    (a person's or a place's, which organisations' acronyms already join), when exactly one
    name has them. Three words at the least: two-letter initials are too often another name's."""
    full: dict[str, set] = {}
    for ref in refs:
        if ref.target is not None and ref.kind in ("person", "place") and len(ref.name.split()) >= 3:
            letters = "".join(word[0] for word in ref.name.replace("-", " ").split()).upper()
            full.setdefault(letters, set()).add((ref.target, ref.kind))
    if not full:
        return
    for ref in refs:
        if ref.target is None or not names.is_acronym(ref.name) or len(ref.name) < 3:
            continue
        found = full.get(ref.name)
        if found is not None and len(found) == 1:
            ref.target, ref.kind = next(iter(found))


def join_long_forms(refs: list[Ref]) -> None:
    """An organisation's name and the same name with a corporate or generic word after it are
    one row, when the short name is an organisation of the text."""
    short = {ref.key: ref.target for ref in refs if ref.kind == "organization" and ref.target}
    for ref in refs:
        if ref.kind != "organization" or " " not in ref.key:
            continue
        stem, last = ref.key.rsplit(" ", 1)
        if last.strip(".") in LONG_FORM_WORDS and stem in short:
            ref.target = short[stem]
