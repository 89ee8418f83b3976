"""Mentions that are no actor's name, whatever the model's label, told by how English writes them.

`not_a_name(text, start, end)` is asked of every mention once its bounds are corrected
(`mention_bounds.correct`); each rule is a general writing convention:
- A cross-reference: "(see Terrorist Organizations in References)" points the reader to a part of
  the document or to another work; the capitalised words after "see" are that part's title.
- A minister's portfolio: one word before "Secretary"/"Minister" and a name ("Defense Secretary
  Robert Gates") is part of the person's role.
- A plural opening a sentence, followed by "of" and a lowercase word ("Groups of citizens",
  "Thousands of protesters") is a common noun: a name's "of" takes a capitalised word.
- A process noun: a single word ending in "-ization"/"-isation" ("Islamization",
  "Westernization") names a process, never a person, a place or an organisation.
- An interjection: a word that is a whole exclamation on its own ("Boo!", "Bravo!"), written
  nowhere else in the text; a name shouted alone is named elsewhere too.
- A headline's words: the text's title (its first line) or a line that a news page's link label
  opens ("Read more:", "Related:", "See also:"), in title case (every word of four letters or
  more capitalised, no full stop: "Read more: Inside a Startup's Risky Attempt to Control Our
  Climate"). A headline capitalises common words, so the model's capitals cue is empty there; a mention written only in such a
  line, never in the body, and no place a gazetteer knows, has no evidence of being a name. A
  line of names (brackets, commas, semicolons: a report's list; a line that is one name; a line
  without a lowercase word) is no headline: a headline is a phrase, "to" and "a" in lowercase.
"""

from __future__ import annotations

import re

_SEE_BEFORE = re.compile(r"\(\s*(?:see|cf\.?)\s+(?:also\s+)?\Z", re.I)
_PROCESS = re.compile(r"^[A-Z][a-z]+i[sz]ations?$")
# "Defense Secretary Robert Gates", "Interior Minister Jo Roe": one word before a minister's title
# and a name is the title's portfolio, part of the person's role; no actor of its own. (An
# acronym stays: "NATO Secretary General X" names the organisation.)
_PORTFOLIO = re.compile(r"^[A-Z][a-z]+$")
_PORTFOLIO_AFTER = re.compile(r"\s+(?:Secretary|Minister)\s+(?:[A-Z][a-z]+\s+)*[A-Z][a-z]+")
# "Groups of citizens", "Thousands of protesters": a name takes "of" and a capitalised word
# ("Bank of England"); a plural opening a sentence with "of" and a lowercase word after it is a
# common noun (a group or a quantity of something), capitalised only because it opens the sentence.
_PLURAL = re.compile(r"^[A-Z][a-z]+s$")
_OF_COMMON_NOUN = re.compile(r" of (?:the |a |an |their |its |our |his |her )?[a-z]")
_SENTENCE_END_BEFORE = re.compile(r"(?:^|[.!?]\s+|\n\s*)\Z")
# What a news page writes before the title of another article it links to.
_LINK_LABEL = re.compile(
    r"^(?:read\s+more|more|related(?:\s+stor(?:y|ies))?|see\s+also|also\s+read|read|watch|listen|"
    r"recommended|further\s+reading)\s*:\s+",
    re.I,
)
_OPENING_BEFORE = re.compile(r"(?:^|[.!?]\s+|\n\s*|[.!?][\"”’]\s+)\Z")
_LIST_MARKS = re.compile(r"[(),;:]")
_LOWERCASE_WORD = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")  # "to", "a": a headline's small words
_WORDS = re.compile(r"[A-Za-z][\w'’-]*")
HEADLINE_WORDS = 4  # content words (four letters or more) a title-case line has at the least
_HEADLINE_LENGTH = 200


def not_a_name(text: str, start: int, end: int) -> bool:
    written = text[start:end]
    if _SEE_BEFORE.search(text, max(0, start - 12), start):
        return True
    if _PROCESS.match(written):
        return True
    if _interjection(text, start, end, written):
        return True
    if _PORTFOLIO_AFTER.match(text, end) and _PORTFOLIO.match(written):
        return True
    if _OF_COMMON_NOUN.match(text, end) and _PLURAL.match(written) and _opens_sentence(text, start):
        from analysis.actors.places import gazetteer

        return gazetteer().place(written) is None  # "Groups of citizens", not "Philippines of old"
    return _only_in_headline(text, start, end, written)


def _opens_sentence(text: str, start: int) -> bool:
    return bool(_OPENING_BEFORE.search(text, max(0, start - 4), start))


def _interjection(text: str, start: int, end: int, written: str) -> bool:
    if text[end : end + 1] != "!" or " " in written:
        return False
    if not _SENTENCE_END_BEFORE.search(text, max(0, start - 4), start):
        return False
    return _written_once(text, written, start)


def _written_once(text: str, written: str, start: int) -> bool:
    """Whether the text writes `written` only at `start`: two finds, that stop at the first
    other use (a name used twice is found early), not a count over the whole text."""
    return text.find(written) == start and text.find(written, start + 1) < 0


def _only_in_headline(text: str, start: int, end: int, written: str) -> bool:
    window = max(0, start - _HEADLINE_LENGTH)
    line_start = text.rfind("\n", window, start) + 1
    line_end = text.find("\n", end, end + _HEADLINE_LENGTH)
    if (line_start == 0 and window > 0) or (line_end < 0 and end + _HEADLINE_LENGTH < len(text)):
        return False  # a line longer than any headline
    line = text[line_start : len(text) if line_end < 0 else line_end].strip()
    label = _LINK_LABEL.match(line)
    # The text's own title: its first line, with more text after it.
    title = label is None and line_end >= 0 and line_start <= _HEADLINE_LENGTH and not text[:line_start].strip()
    if label is None and not title:
        return False  # most lines: neither, decided at once
    if line == written or not _LOWERCASE_WORD.search(line):
        return False  # a line that is one name, or names alone: a list's entry, not a headline
    if not title_case_line(line[label.end() :] if label else line):
        return False
    if not _written_once(text, written, start):
        return False  # named in the body too: the headline's capitals are not the only evidence
    from analysis.actors.places import gazetteer

    return gazetteer().place(written) is None


def title_case_line(line: str) -> bool:
    """A headline: every word of four letters or more capitalised, at least HEADLINE_WORDS of
    them, no list's marks and no sentence's full stop at its end."""
    if not line or len(line) > _HEADLINE_LENGTH or line.endswith((".", ";", ",")):
        return False
    if _LIST_MARKS.search(line):
        return False  # "Ground Force (Sudanese Army), Sudanese Navy": a list of names, no headline
    content = [word for word in _WORDS.findall(line) if len(word) >= 4]
    return len(content) >= HEADLINE_WORDS and all(word[:1].isupper() for word in content)
