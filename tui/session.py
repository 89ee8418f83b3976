"""What the app works on: one document, its analysis service, its notes and corrections.

Plain methods over `analysis` and `store`, called from workers or handlers; nothing here touches a
widget, so the screens stay thin and this stays testable without a terminal.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from functools import cached_property
from pathlib import Path

from typing import TYPE_CHECKING

from analysis.notes.anchors import make_anchor
from analysis.notes.placing import belongs_to, place_notes
from analysis.notes.types import Note, Placement
from analysis import DEFAULT_MODEL
from analysis.types import Analysis, Document
from store.jsonfile import write_bytes_atomic
from store.paths import analysis_cache_dir, corrections_path, data_dir, notes_path, state_dir
from store.jsonfile import StoreError
from store.state import StateStore

if TYPE_CHECKING:
    # Imported where first used, after the reader's first paint: the service (with the analysis
    # pipeline's module), the cache and the notes and corrections stores are ~10 ms of the start.
    from analysis.service import AnalysisService
    from store.corrections import CorrectionsStore
    from store.notes import NotesStore

# The app writes notes in a worker (tui/screens/reader/note_writes.py): a lock another instance
# holds longer than this (a hung process) is reported as StoreLocked, and the editor reopens with
# the text, rather than the save waiting without a word. A write takes milliseconds.
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
        state: StateStore | None = None,
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
        # From the user's config (tui/config.py); None: the defaults.
        self.summary_sentences: int | None = None
        self.exports_dir: Path | None = None
        self.raw_analysis: Analysis | None = None
        self._notes_stamp: tuple = ()
        self._warned: set[str] = set()
        self.state = state if state is not None else StateStore(state_dir(data_dir), lock_timeout=NOTES_LOCK_TIMEOUT)

    # reading state

    @property
    def state_key(self) -> str | None:
        """The briefing's name in the reading state: its resolved path (None for standard input)."""
        from analysis.library.scan import briefing_key

        path = self.document.path
        if path.startswith("<") or "://" in path or not Path(path).exists():
            return None
        return briefing_key(path)

    def opened(self) -> int:
        """Mark the briefing read; returns the paragraph the reader was last left at (0 if never)."""
        paragraph = self.last_paragraph()
        self.mark_opened()
        return paragraph

    def last_paragraph(self) -> int:
        """The paragraph the reader was last left at (0 if never): a read, no lock taken."""
        key = self.state_key
        if key is None:
            return 0
        paragraph = int(self.state.get(key).get("paragraph") or 0)
        return min(max(0, paragraph), max(0, len(self.document.paragraphs) - 1))

    def mark_opened(self) -> None:
        """Record the briefing as read, now. A locked write (filelock, a backup, the shard rewritten):
        the reader calls it after the first paint."""
        key = self.state_key
        if key is None:
            return
        try:
            self.state.opened(key, self.document.content_hash)
        except (StoreError, OSError):  # a locked or read-only state must not stop the reading
            pass

    def remember_paragraph(self, paragraph: int) -> None:
        key = self.state_key
        if key is not None:
            try:
                self.state.update(key, paragraph=paragraph)
            except (StoreError, OSError):  # the state file's problem is said where it is read
                pass

    @cached_property
    def service(self) -> AnalysisService:
        from analysis.service import AnalysisService
        from store.cache import AnalysisCache

        return AnalysisService(AnalysisCache(analysis_cache_dir(self.data_dir)), self.model)

    @cached_property
    def notes_store(self) -> NotesStore:
        from store.notes import NotesStore

        return NotesStore(notes_path(self.data_dir), lock_timeout=NOTES_LOCK_TIMEOUT)

    @cached_property
    def corrections(self) -> CorrectionsStore:
        from store.corrections import CorrectionsStore

        return CorrectionsStore(corrections_path(self.data_dir))

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
        return None if self.raw_analysis is None else self.corrected(self.raw_analysis)

    def corrected(self, analysis: Analysis) -> Analysis:
        """`analysis` of this briefing with the user's folding choice and corrections applied."""
        corrections = self.corrections.for_document(self.document.content_hash)
        # Kept in the cache as corrected (`AnalysisService.corrected`): reopening a briefing with
        # corrections re-derived its actors in the analysis worker every time (0.4 s on the seed,
        # 1.5-2.7 s on the 4 MB Bible, holding the GIL against the keys).
        view = self.service.corrected(analysis, self.document.text, corrections, fold_metonyms=self.fold_metonyms)
        if self.summary_sentences is None:
            return view
        # The cache holds the default summary; another size is chosen again from the same
        # sentences and actors (pure and fast, and this runs in the analysis worker).
        from analysis.summary import summarise_for_box

        shown = [actor for actor in view.actors if not actor.hidden]
        text, size = self.document.text, self.summary_sentences
        # The reader's box leaves out what the summary takes from the opening paragraph, just
        # below it (tui/widgets/summary_panel.py): asked for more, it still shows `size`.
        summary = summarise_for_box(text, view.sentences, shown, size, self.document.paragraphs)
        return view.changed(summary=summary)

    def add_correction(self, op: str, actor_id: str, value: str | None, *, everywhere: bool = False) -> dict:
        scope = "*" if everywhere else self.document.content_hash
        return self.corrections.add(scope, op, actor_id, value)

    def remove_corrections(self, actor_id: str, op: str) -> None:
        for correction in self.corrections.for_document(self.document.content_hash):
            if correction["actor"] == actor_id and correction["op"] == op:
                self.corrections.remove(correction["id"])

    # notes

    def notes_need_moving(self) -> bool:
        """Whether opening the notes store first moves the single `notes.json` of earlier versions
        into per-briefing files (`store.legacy_notes`): one stat. A big old file takes seconds to
        move, so the app opens the store in a worker then (`open_notes`)."""
        return "notes_store" not in self.__dict__ and notes_path(self.data_dir).exists()

    def open_notes(self) -> None:
        """Open the notes store, moving an old single file into it: a write, for a worker."""
        _ = self.notes_store  # a cached property: opening it is the point

    def notes(self) -> list[Note]:
        """This briefing's notes, placed on its current text."""
        self._notes_stamp = self.notes_store.stamp(self.document.content_hash, self.document.path)
        raw = self.notes_store.for_document(self.document.content_hash, self.document.path)
        return place_notes(readable_notes(raw), self.document)

    def notes_changed_on_disk(self) -> bool:
        """Whether another instance wrote this briefing's notes since `notes()` last read them.

        A few stats: cheap enough to ask when the app regains focus or on a timer, so a view
        refreshes instead of showing (and editing) stale notes. Saves are safe either way: each
        is a compare-and-swap on the note's revision.
        """
        return self.notes_store.stamp(self.document.content_hash, self.document.path) != self._notes_stamp

    def new_warnings(self) -> list[str]:
        """Problems seen since last asked, each once: bad note records, a corrections file set
        aside, a cache that cannot be written. (A notes file that cannot be used is `notes_problem`,
        shown in the notes pane with the backup offer.)"""
        bad_records = [line for lines in self.notes_store.bad_records.values() for line in lines]
        found = [*bad_records, *self.corrections.warnings, *self.service.cache.warnings]
        fresh = [line for line in dict.fromkeys(found) if line not in self._warned]
        self._warned.update(fresh)
        return fresh

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
        """Save changes to a note as this instance last saw it (a compare-and-swap on its revision).

        The note returned has another id when another instance changed or deleted it meanwhile:
        both texts are kept, this one as a new note (`conflict_of` says which when both exist).
        """
        return Note.from_dict(self.notes_store.update(note.id, changes, expected=note.to_dict()))

    def delete_note(self, note: Note) -> Note:
        return Note.from_dict(self.notes_store.delete(note.id, expected=note.to_dict()))

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
        """This briefing's notes as Markdown in `exports_dir` (default `<data>/exports/`); returns the
        file and the count."""
        from analysis.notes.export import markdown_export

        document = self.document
        # One group under today's path, so every passage gets its path:line reference.
        notes = [replace(note, document_path=document.path) for note in self.notes()]
        names = actor_names if actor_names is not None else self.actor_names()
        text = markdown_export(notes, {document.path: document}, names)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        folder = self.exports_dir or data_dir(self.data_dir) / "exports"
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
        return self.notes_store.problem_for(self.document.path)

    def newest_good_backup(self) -> tuple[Path, int] | None:
        """The newest backup that may replace the unusable file, and how many notes it holds.

        Never one from an older schema than the file (a restore must not downgrade), and of the
        rest the newest that loses no note the file still holds, else the newest (the offer then
        says how many it loses: `backup_loss`).
        """
        usable = [check for check in map(self.notes_store.check_backup, self.notes_store.backups(self.document.path))
                  if check.usable]
        best = next((check for check in usable if not check.lost), usable[0] if usable else None)
        return None if best is None else (best.backup, best.notes)

    def backup_loss(self, backup: Path) -> int | None:
        """How many notes restoring `backup` drops that the current file holds (None: unknown)."""
        return self.notes_store.check_backup(backup).lost

    def restore_backup(self, backup: Path) -> Path | None:
        """Put a backup in place of the notes file; returns where the unusable file was kept."""
        return self.notes_store.restore_backup(backup)


def readable_notes(records: list[dict]) -> list[Note]:
    """Notes from stored records (the store has checked each: bad ones are in its warnings)."""
    return [Note.from_dict(record) for record in records]
