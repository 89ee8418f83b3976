"""What the app works on: one document, its analysis service, its notes and corrections.

Plain methods over `analysis` and `store`, called from workers or handlers; nothing here touches a
widget, so the screens stay thin and this stays testable without a terminal.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from functools import cached_property
from pathlib import Path

from analysis.notes.anchors import make_anchor
from analysis.notes.placing import belongs_to, place_notes
from analysis.notes.types import Note, Placement
from analysis.pipeline import DEFAULT_MODEL
from analysis.service import AnalysisService, with_corrections
from analysis.types import Analysis, Document
from store.cache import AnalysisCache
from store.corrections import CorrectionsStore
from store.jsonfile import write_bytes_atomic
from store.notes import NotesStore
from store.paths import analysis_cache_dir, corrections_path, data_dir, notes_path

# The app writes notes on the UI thread: a lock another instance holds longer than this (a hung
# process) is reported as StoreLocked instead of freezing the screen. A write takes milliseconds.
NOTES_LOCK_TIMEOUT = 1.5


class Session:
    """One briefing and the stores it is read with, opened on first use.

    The app makes one per briefing; the CLI makes one per briefing too, handing in the stores it
    already holds for a batch, so both answer "which notes are this briefing's" and "what does the
    analysis look like after the user's corrections" with the same code.
    """

    def __init__(
        self,
        document: Document,
        *,
        model: str = DEFAULT_MODEL,
        data_dir: str | None = None,
        service: AnalysisService | None = None,
        notes_store: NotesStore | None = None,
        corrections: CorrectionsStore | None = None,
    ) -> None:
        self.document = document
        self.data_dir = data_dir
        self.model = model
        # Given stores replace the cached properties below (a cached_property yields to the
        # instance's own attribute).
        for name, given in (("service", service), ("notes_store", notes_store), ("corrections", corrections)):
            if given is not None:
                setattr(self, name, given)
        self.fold_metonyms = True
        self.raw_analysis: Analysis | None = None

    @cached_property
    def service(self) -> AnalysisService:
        return AnalysisService(AnalysisCache(analysis_cache_dir(self.data_dir)), self.model)

    @cached_property
    def notes_store(self) -> NotesStore:
        return NotesStore(notes_path(self.data_dir), lock_timeout=NOTES_LOCK_TIMEOUT)

    @cached_property
    def corrections(self) -> CorrectionsStore:
        return CorrectionsStore(corrections_path(self.data_dir))

    # analysis

    def cached_analysis(self) -> Analysis | None:
        """The analysis if the cache holds it: a quick read, no spaCy."""
        found = self.service.cached(self.document)
        if found is not None:
            self.raw_analysis = found
        return found

    def analyse(self, **progress) -> Analysis:
        self.raw_analysis = self.service.analysis(self.document, **progress)
        return self.raw_analysis

    def view(self) -> Analysis | None:
        """The analysis with the user's folding choice and corrections applied."""
        return None if self.raw_analysis is None else self.corrected(self.raw_analysis)

    def corrected(self, analysis: Analysis) -> Analysis:
        """`analysis` of this briefing with the user's folding choice and corrections applied."""
        corrections = self.corrections.for_document(self.document.content_hash)
        return with_corrections(analysis, self.document.text, corrections, fold_metonyms=self.fold_metonyms)

    def add_correction(self, op: str, actor_id: str, value: str | None, *, everywhere: bool = False) -> dict:
        scope = "*" if everywhere else self.document.content_hash
        return self.corrections.add(scope, op, actor_id, value)

    def remove_corrections(self, actor_id: str, op: str) -> None:
        for correction in self.corrections.for_document(self.document.content_hash):
            if correction["actor"] == actor_id and correction["op"] == op:
                self.corrections.remove(correction["id"])

    # notes

    def notes(self) -> list[Note]:
        """This briefing's notes, placed on its current text."""
        raw = self.notes_store.for_document(self.document.content_hash, self.document.path)
        return place_notes(readable_notes(raw), self.document)

    def all_notes(self) -> list[Note]:
        """Every note of every briefing; this briefing's placed on its text, the others as stored."""
        here = {note.id: note for note in self.notes()}
        return [here.get(note.id, note) for note in readable_notes(self.notes_store.all())]

    def is_here(self, note: Note) -> bool:
        """Whether a note belongs to this briefing (its text, or its file when the text changed)."""
        return belongs_to(note, self.document.content_hash, self.document.path)

    def add_note(self, note: Note) -> Note:
        return Note.from_dict(self.notes_store.add(note.to_dict()))

    def update_note(self, note: Note, **changes) -> Note:
        return Note.from_dict(self.notes_store.update(note.id, changes))

    def delete_note(self, note: Note) -> Note:
        return Note.from_dict(self.notes_store.delete(note.id))

    def restore_note(self, note: Note) -> Note:
        return Note.from_dict(self.notes_store.restore(note.to_dict()))

    def repin_note(self, note: Note, paragraph: int) -> Note:
        """Pin a note (an orphan, typically) to a paragraph of this version of the text."""
        start, end = self.document.paragraphs[paragraph]
        anchor = make_anchor(self.document.text, start, end)
        return self.update_note(
            note,
            anchor=anchor.to_dict(),
            placement=Placement.EXACT.value,
            content_hash=self.document.content_hash,
            document_path=self.document.path,
        )

    def actor_names(self) -> dict[str, str]:
        """Actor id -> name in this briefing's analysis after corrections, if the cache holds it
        (a quick read, no spaCy); empty if the briefing was never analysed."""
        analysis = self.raw_analysis or self.cached_analysis()
        if analysis is None:
            return {}
        return {actor.id: actor.name for actor in self.corrected(analysis).actors}

    def export_notes(self, actor_names: dict[str, str] | None = None) -> tuple[Path, int]:
        """This briefing's notes as Markdown in `<data>/exports/`; returns the file and the count."""
        from analysis.notes.export import markdown_export

        document = self.document
        # One group under today's path, so every passage gets its path:line reference.
        notes = [replace(note, document_path=document.path) for note in self.notes()]
        names = actor_names if actor_names is not None else self.actor_names()
        text = markdown_export(notes, {document.path: document}, names)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        folder = data_dir(self.data_dir) / "exports"
        target = folder / f"{Path(document.path).stem}-notes-{stamp}.md"
        counter = 1
        while target.exists():
            target = folder / f"{Path(document.path).stem}-notes-{stamp}-{counter}.md"
            counter += 1
        write_bytes_atomic(target, text.encode("utf-8"))
        return target, len(notes)

    # a notes file the store will not write

    @property
    def notes_problem(self) -> str | None:
        return self.notes_store.problem if self.notes_store.read_only else None

    def newest_good_backup(self) -> tuple[Path, int] | None:
        """The newest backup this program can use, and how many notes it holds."""
        for backup in self.notes_store.backups():
            candidate = NotesStore(backup)  # opening only reads; a bad file turns it read-only
            if not candidate.read_only:
                return backup, len(candidate.all())
        return None

    def restore_backup(self, backup: Path) -> Path | None:
        """Put a backup in place of the notes file; returns where the unusable file was kept."""
        return self.notes_store.restore_backup(backup)


def readable_notes(records: list[dict]) -> list[Note]:
    """Notes from stored records, skipping any a damaged file left unreadable as a note."""
    notes = []
    for record in records:
        try:
            notes.append(Note.from_dict(record))
        except (TypeError, ValueError, KeyError, AttributeError):
            continue
    return notes
