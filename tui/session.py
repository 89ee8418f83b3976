"""What the app works on: one document, its analysis service, its notes and corrections.

Plain methods over `analysis` and `store`, called from workers or handlers; nothing here touches a
widget, so the screens stay thin and this stays testable without a terminal.
"""

from __future__ import annotations

from analysis.model import Analysis, Document, Note
from analysis.notes import place_notes
from analysis.service import AnalysisService, with_corrections
from store.cache import AnalysisCache
from store.corrections import CorrectionsStore
from store.notes import NotesStore
from store.paths import analysis_cache_dir, corrections_path, notes_path


class Session:
    def __init__(self, document: Document, *, model: str, data_dir: str | None = None) -> None:
        self.document = document
        self.data_dir = data_dir
        self.service = AnalysisService(AnalysisCache(analysis_cache_dir(data_dir)), model)
        self.notes_store = NotesStore(notes_path(data_dir))
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
        self.raw_analysis = self.service.analysis(self.document, **progress)
        return self.raw_analysis

    def view(self) -> Analysis | None:
        """The analysis with the user's folding choice and corrections applied."""
        if self.raw_analysis is None:
            return None
        corrections = self.corrections.for_document(self.document.content_hash)
        return with_corrections(
            self.raw_analysis, self.document.text, corrections, fold_metonyms=self.fold_metonyms
        )

    # notes

    def notes(self) -> list[Note]:
        raw = self.notes_store.for_document(self.document.content_hash, self.document.path)
        return place_notes([Note.from_dict(note) for note in raw], self.document)

    def add_note(self, note: Note) -> Note:
        return Note.from_dict(self.notes_store.add(note.to_dict()))

    def update_note(self, note: Note, **changes) -> Note:
        return Note.from_dict(self.notes_store.update(note.id, changes))

    def delete_note(self, note: Note) -> Note:
        return Note.from_dict(self.notes_store.delete(note.id))

    def restore_note(self, note: Note) -> Note:
        return Note.from_dict(self.notes_store.restore(note.to_dict()))
