"""Everyday short forms of English given names: a lone "Jim" is the James the text names in full.

Data only, the common hypocorisms (as in any dictionary of first names); used by
`joining.join_people` for a lone first name, which joins a person only when exactly one person of
the text has that given name.
"""

from __future__ import annotations

GIVEN_NAME_OF = {
    short: full
    for full, shorts in {
        "james": "jim jimmy jamie", "robert": "bob bobby rob robbie bert", "william": "bill billy will willie",
        "richard": "dick rick ricky rich", "michael": "mike mick mickey", "thomas": "tom tommy",
        "joseph": "joe joey", "charles": "charlie chuck", "edward": "ed eddie ted ned",
        "john": "johnny jack", "daniel": "dan danny", "david": "dave davy", "anthony": "tony",
        "christopher": "chris", "matthew": "matt", "nicholas": "nick nicky", "alexander": "alex sandy",
        "benjamin": "ben benny", "samuel": "sam sammy", "stephen": "steve", "steven": "steve",
        "timothy": "tim timmy", "patrick": "pat paddy", "peter": "pete", "andrew": "andy drew",
        "gregory": "greg", "jonathan": "jon", "kenneth": "ken kenny", "lawrence": "larry",
        "ronald": "ron ronnie", "donald": "don donnie", "gerald": "gerry jerry", "douglas": "doug",
        "frederick": "fred freddie", "henry": "harry hank", "elizabeth": "liz beth betty lizzie",
        "margaret": "maggie meg peggy", "katherine": "kate kathy katie", "catherine": "cathy kate",
        "jennifer": "jen jenny", "patricia": "pat patty trish", "susan": "sue suzie",
        "deborah": "debbie deb", "rebecca": "becky", "victoria": "vicky tori", "alexandra": "alex",
        "barbara": "barb", "christine": "chris", "jacqueline": "jackie", "theodore": "ted teddy",
        "albert": "al bert", "walter": "walt", "vincent": "vince", "raymond": "ray",
    }.items()
    for short in shorts.split()
}
