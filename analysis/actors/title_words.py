"""Title words: the ranks, offices and honorifics written before a person's name, and the words
that may stand inside a title. Data only; the tests on them are in `analysis.actors.names`."""

from __future__ import annotations

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
    dr doctor professor prof mr mrs ms miss mx sir dame madam madame lord lady baron baroness count countess
    duke duchess gen lt col maj capt cpt cmdr sgt adm brig sen rep gov pres amb insp supt
    mp mep mk ms. rt hon honourable honorable excellency majesty highness
    analyst correspondent reporter editor journalist columnist economist strategist
    official negotiator mediator coordinator delegate chargé premier-elect warlord supreme
    """.split()
)
# Lowercase words that may stand inside a title ("former President", "Minister of Defence").
TITLE_MODIFIERS = frozenset("former acting interim incoming outgoing then late ex deputy vice".split())
TITLE_CONNECTORS = frozenset("of for and on the de du la".split())

# Honorifics say nothing about a role ("Mr").
HONORIFICS = frozenset("mr mrs ms miss mx sir dame".split())
