"""A briefing built to attack the screen: its file name, its actors' names, a note's body.

The analysis is the real analysis layer (`derive`) run over hand-placed mentions, stored in the
real cache under the key the app looks up, so the app opens it without loading spaCy. Each
hostile piece is one class of input: markup (`[/]`, `[b]`), an OSC title sequence ending in BEL,
a CSI clear-screen, a bidi override and isolates.
"""

from __future__ import annotations

import re
from pathlib import Path

from analysis.documents import read_document
from analysis.notes.editing import new_note
from analysis import DEFAULT_MODEL
from analysis.service import ANALYSER_VERSION, AnalysisService, derive
from analysis.types import Analysis
from store.cache import AnalysisCache
from store.notes import NotesStore
from store.paths import analysis_cache_dir, notes_path
from tests.helpers.actors import tagged

PUTIN = "Vladimir \x1b[2J Putin"
ERDOGAN = "Recep[/]Tayyip Erdogan"
ANKARA = "\u202eAnkara"
NOTE_BODY = "\x1b]0;PWNED\x07\x1b[2J [bold]not bold[/] \u2066isolated\u2069 #turkey"
FILE_NAME = "brief \x1b]0;PWNED\x07 [b]x[\u202e].txt"
TEXT = (
    f"[link=http://e]Title[/link] \x1b[31mred\x1b[0m\n\n"
    f"{PUTIN} met {ERDOGAN} in {ANKARA} on April 10. Then {PUTIN} left.\n\n"
    f"{ERDOGAN} stayed, and 40 percent agreed.\n"
)
MARKS = [(PUTIN, "PERSON"), (ERDOGAN, "PERSON"), (ANKARA, "GPE"), (PUTIN, "PERSON"), (ERDOGAN, "PERSON")]

# What may reach a terminal: printable text, and the sequences the renderer itself writes
# (colours, cursor moves, the synchronised-update and hyperlink brackets).
_RENDERER_SEQUENCES = re.compile(r"\x1b\[[0-9;:?]*[A-Za-z]|\x1b\]8;[^\x1b\x07]*\x1b\\")
_RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def raw_controls(output: str) -> list[str]:
    """Control characters (and bidi controls) in `output` that the renderer did not write."""
    return _RAW_CONTROL.findall(_RENDERER_SEQUENCES.sub("", output).replace("\r", ""))


def hostile_briefing(folder: Path, home: Path):
    """Write the briefing, cache its analysis and add a hostile note; returns the Document."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / FILE_NAME
    path.write_text(TEXT, encoding="utf-8")
    document = read_document(path)
    mentions, sentences = tagged(document.text, MARKS)
    derived = derive(document.text, sentences, mentions)
    # The actor layer cuts a mention at a bracket (a name does not run across one), so it would
    # not itself name an actor "Vladimir ESC[2J Putin"; a user's rename can, so the rows that
    # hold the hostile mentions are named as a rename would name them.
    for hostile_name in (PUTIN, ERDOGAN, ANKARA):
        at = document.text.index(hostile_name)
        for actor in derived.actors:
            if any(start <= at + len(hostile_name) and at <= end for start, end in actor.spans):
                actor.name = hostile_name
                break
    service = AnalysisService(AnalysisCache(analysis_cache_dir(str(home))), DEFAULT_MODEL)
    key = service.key_for(document)
    analysis = Analysis(
        key=key,
        content_hash=document.content_hash,
        model_name=DEFAULT_MODEL,
        model_version="hand-placed",
        analyser_version=ANALYSER_VERSION,
        sentences=sentences,
        mentions=mentions,
        actors=derived.actors,
        summary=derived.summary,
        facts=derived.facts,
    )
    service.cache.put(key, analysis.to_dict())
    start, end = document.paragraphs[1]
    store = NotesStore(notes_path(str(home)))
    store.add(new_note(document, start, end, NOTE_BODY).to_dict())
    # A note of another briefing: the note search shows its file name and path.
    elsewhere = new_note(document, start, end, f"elsewhere {NOTE_BODY}").to_dict()
    elsewhere.update(document_path=str(folder / f"other {FILE_NAME}"), content_hash="0" * 64)
    store.add(elsewhere)
    return document

