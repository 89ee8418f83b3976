"""Closed-class English words the actor layer reads names against. Data only.

Written here, not taken from spaCy's stop list: importing that would load all of spaCy on a path
that must not (a cache hit), and each list below is a different question.
"""

# English function words, by closed class (not a copy of any library's stop list; importing
# spaCy's would load all of spaCy): pronouns, determiners, auxiliaries and modals (with the
# archaic forms of older texts, and hortative "let"), conjunctions, prepositions, sentence adverbs
# and interjections. The model glues them to names at the start of a sentence ("Let David",
# "Shall Saul", "Therefore Sarah", "Thou"); none of them is a name word where the text also uses
# it lowercase and never capitalises it after a lowercase word
# (see `analysis.actors.text_words.TextWords.ordinary`).
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

# Words that open English sentences or phrases without belonging to a title after them (closed
# classes: time adverbs, connectives, days, months); "Energy Minister X" keeps its first word.
SENTENCE_OPENERS = frozenset(
    """yesterday today tonight tomorrow now then later earlier meanwhile also but and so yet still
    separately afterwards instead however thus hence indeed again already recently finally
    when while after before since as if though although because once until on in at by for with
    from to of this that these those there here it its he she they we i you his her their our
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december last next""".split()
)
# Verbs and linking words that never belong to a title run before a name (`analysis.actors.roles`).
NOT_TITLE_WORDS = frozenset(
    """said says told tells met meets asked asks urged urges called calls named names thanked
    praised accused warned warns added adds replaced replaces spoke speaks wrote writes is was are
    were be has had have will would could can may might shall should must do does did says
    with by from to at in on as than that who which when while after before""".split()
)
# Words after "the X" that show X heads its phrase ("the Donbass is", not "the Biden
# administration"), read by `analysis.actors.cues.Cues.article_head`.
PHRASE_LINKS = frozenset(
    """and or but nor is was were are be been has have had will would could can may might shall
    should must to of in on at for with by from as that which who whose where when while since
    after before over into than then if so because though says said does did""".split()
)
