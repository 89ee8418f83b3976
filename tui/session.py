"""What the app works on: one document, its analysis service, its notes and corrections.

Plain methods over `analysis` and `store`, called from workers or handlers; nothing here touches a
widget, so the screens stay thin and this stays testable without a terminal.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from analysis.notes.anchors import make_anchor
from analysis.notes.placing import belongs_to, place_notes
from analysis.notes.types import Note
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
    def __init__(self, document: Document, *, model: str, data_dir: str | None = None) -> None:
        self.document = document
        self.data_dir = data_dir
        self.service = AnalysisService(AnalysisCache(analysis_cache_dir(data_dir)), model)
        self.notes_store = NotesStore(notes_path(data_dir), lock_timeout=NOTES_LOCK_TIMEOUT)
        self.corrections = CorrectionsStore(corrections_path(data_dir))
        self.fold_metonyms = True
        self.raw_analysis: Analysis | None = None

    # analysis

    def cached_analysis(self) -> Analysis | None:
        """The analysis if the cache holds it: a quick read, no spaCy."""
        found = self.service.cached(self.document)
        if found is not None:
            self.raw_analysis = found
        return found

    def analyse(self, **progress) -> Analysis:
        # In a process of its own: spaCy in this one froze the event loop (analysis.child_process).
        self.raw_analysis = self.service.analysis(self.document, apart=True, **progress)
        return self.raw_analysis

    def view(self) -> Analysis | None:
        """The analysis with the user's folding choice and corrections applied."""
        if self.raw_analysis is None:
            return None
        corrections = self.corrections.for_document(self.document.content_hash)
        return with_corrections(
            self.raw_analysis, self.document.text, corrections, fold_metonyms=self.fold_metonyms
        )

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
        return place_notes(_notes_from(raw), self.document)

    def all_notes(self) -> list[Note]:
        """Every note of every briefing; this briefing's placed on its text, the others as stored."""
        here = {note.id: note for note in self.notes()}
        return [here.get(note.id, note) for note in _notes_from(self.notes_store.all())]

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
            placement="exact",
            content_hash=self.document.content_hash,
            document_path=self.document.path,
        )

    def export_notes(self, actor_names: dict[str, str] | None = None) -> tuple[Path, int]:
        """This briefing's notes as Markdown in `<data>/exports/`; returns the file and the count."""
        from analysis.notes.export import group_notes, to_markdown

        document = self.document
        # One group under today's path, so every passage gets its path:line reference.
        notes = [replace(note, document_path=document.path) for note in self.notes()]
        text = to_markdown(group_notes(notes, {document.path: document}), actor_names)
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


def _notes_from(records: list[dict]) -> list[Note]:
    """Notes from stored records, skipping any a damaged file left unreadable as a note."""
    notes = []
    for record in records:
        try:
            notes.append(Note.from_dict(record))
        except (TypeError, ValueError, KeyError, AttributeError):
            continue
    return notes
