"""Words that say what kind of name one is: vessel prefixes, organisation and geographic heads,
place descriptors, the nouns of a state's full name, name particles and suffixes. Data only; the
tests built on them are in `analysis.actors.names`."""

from __future__ import annotations

import re

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

# Nouns of a state's full name that, written alone ("the Kingdom"), point back at the state.
STATE_NOUNS = frozenset(
    "kingdom republic emirate emirates sultanate principality federation confederation".split()
)
