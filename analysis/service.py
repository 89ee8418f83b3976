"""Analysis through the cache: look up by key; on a miss analyse, then store.

A cache hit reads one small JSON file and never imports spaCy: the model's version comes from
package metadata, and `analysis.pipeline` only imports spaCy inside `load_pipeline`.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from analysis import ANALYSER_VERSION, DEFAULT_MODEL
from analysis.record import Record
from analysis.types import Actor, Analysis, Document, Fact, Mention, Span
from analysis.pipeline import Pipeline, Tagged, load_pipeline, model_version, tag
from store.digest import sha256_hex


def cache_key(
    content_hash: str, model_name: str, version: str, analyser: str = ANALYSER_VERSION, extractor: str = "text/1"
) -> str:
    """Changing the text, the model, its version, our analyser or the format's extractor gives a new key."""
    return sha256_hex(f"{content_hash}|{model_name}|{version}|{analyser}|{extractor}".encode())


class Derived(Record):  # a record, not a dataclass: this module is on a cached run's path
    __slots__ = ("actors", "summary", "facts")

    def __init__(self, actors: list[Actor], summary: list[Span], facts: list[Fact]) -> None:
        self.actors = actors
        self.summary = summary
        self.facts = facts


def derive(
    text: str,
    sentences: list[Span],
    mentions: list[Mention],
    *,
    fold_metonyms: bool = True,
    corrections: list[dict] | None = None,
) -> Derived:
    """Everything the analysis builds on top of the model's output: pure and fast (no spaCy).

    Built with the collector paused (`collector_paused`): on a 4 MB briefing it is a million
    objects that live as long as the analysis, first build and every re-derive alike.
    """
    from analysis.actors.build import build_actors
    from analysis.control_codes import blanked
    from analysis.facts import extract_facts
    from analysis.salience import rank
    from analysis.summary import summarise

    # The rules read the text without its control codes, at the same offsets
    # (`analysis/control_codes.py`).
    readable = blanked(text)
    with collector_paused():
        actors = build_actors(
            readable, mentions, sentences, fold_metonyms=fold_metonyms, corrections=corrections
        )
        summary = summarise(readable, sentences, [a for a in actors if not a.hidden])
        actors = rank(actors, summary, len(text))
        return Derived(actors=actors, summary=summary, facts=extract_facts(readable, mentions, sentences))


def build_analysis(document: Document, pipeline: Pipeline, tagged: Tagged) -> Analysis:
    """The analysis of `document` from the model's sentences and mentions."""
    derived = derive(document.text, tagged.sentences, tagged.mentions)
    return Analysis(
        key=cache_key(document.content_hash, pipeline.name, pipeline.version, extractor=document.extractor),
        content_hash=document.content_hash,
        model_name=pipeline.name,
        model_version=pipeline.version,
        analyser_version=ANALYSER_VERSION,
        sentences=tagged.sentences,
        mentions=tagged.mentions,
        actors=derived.actors,
        summary=derived.summary,
        facts=derived.facts,
    )


def analyse(document: Document, pipeline: Pipeline, *, jobs: int = 1, **progress) -> Analysis:
    """Run the model over the document and build the analysis (no cache involved).

    With `jobs` > 1 a long text is tagged by that many spaCy processes (`analysis.processes`).
    """
    if jobs == 1:
        return build_analysis(document, pipeline, tag(pipeline, document.text, document.paragraphs, **progress))
    from analysis.processes import tag_document

    return build_analysis(document, pipeline, tag_document(pipeline, document, jobs=jobs, **progress))


def view_key(analysis: Analysis, corrections: list[dict], fold_metonyms: bool) -> str:
    """The cache key of an analysis as corrected: its own key (text, model, analyser), the folding
    choice and every field of every correction, so any change to them is a new key."""
    import json

    return sha256_hex(json.dumps([analysis.key, fold_metonyms, corrections], sort_keys=True).encode())


def with_corrections(analysis: Analysis, text: str, corrections: list[dict], *, fold_metonyms: bool = True) -> Analysis:
    """The analysis as the user sees it: folding choice and their corrections re-applied."""
    if not corrections and fold_metonyms:
        return analysis
    derived = derive(
        text, analysis.sentences, analysis.mentions, fold_metonyms=fold_metonyms, corrections=corrections
    )
    return analysis.changed(actors=derived.actors, summary=derived.summary)


# Whether `collector_paused` has frozen anything in this process (after a fork too: what the
# parent froze stays frozen in the child).
_froze = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while an analysis is derived or read from the cache.

    Reading a 4 MB briefing's analysis allocates ~2 million objects, none of them garbage, and each
    allocation burst set off a full collection that walked them all again: six of 50-140 ms each,
    every one holding the GIL, so the app's event loop froze while a worker read the cache.
    Building one after spaCy set off three more (70-150 ms).
    """
    global _froze
    # `_froze` first: `gc.get_freeze_count` counts the frozen objects one by one, ~30 ms once a
    # model and a few analyses are frozen, paid by every derive of a batch (bench (c): 2% of its
    # CPU, as much as the actors themselves took to build).
    if _froze or gc.get_freeze_count():
        # Cyclic garbage would be frozen below and kept for good (a closed dialog's widgets, say).
        # Once something is frozen, only what came since is walked: a few milliseconds. The
        # first time, at start-up, the whole app would be (~190,000 objects, ~1,500 garbage).
        gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # Re-enabled as they are, the new objects would all sit in the youngest generation, and the
        # next collection would walk them anyway. Frozen, collections skip them; they hold no
        # reference cycles, so reference counting still frees them when the analysis is dropped.
        gc.freeze()
        _froze = True
        if was_enabled:
            gc.enable()


class AnalysisService:
    """Ties the pure analysis to a cache (anything with `get(key)` and `put(key, dict)`)."""

    def __init__(
        self, cache, model_name: str = DEFAULT_MODEL, *, data_dir: str | None = None, jobs: int | None = None
    ) -> None:
        self.cache = cache
        self.model_name = model_name
        # The --data-dir whose cache also holds extracted documents (read_document's data_dir).
        self.data_dir = data_dir
        # spaCy processes for one long text on a cache miss; every core unless told otherwise.
        self.jobs = jobs
        self._pipeline: Pipeline | None = None

    def key_for(self, document: Document) -> str:
        return cache_key(
            document.content_hash, self.model_name, model_version(self.model_name), extractor=document.extractor
        )

    def cached(self, document: Document) -> Analysis | None:
        with collector_paused():
            raw = self.cache.get(self.key_for(document))
            if raw is None:
                return None
            try:
                return Analysis.from_dict(raw)
            except (KeyError, TypeError, ValueError):
                return None  # an entry of an older shape: analyse again

    def corrected(
        self, analysis: Analysis, text: str, corrections: list[dict], *, fold_metonyms: bool = True
    ) -> Analysis:
        """`with_corrections`, its actors and summary kept in the cache under `view_key`.

        Re-deriving the actors imports the actor rules and their gazetteers: with two corrections
        of the seed's actors, a cached `briefing analyze --json` of it took 463 ms, against 55 ms
        with the view read back (7 runs each in turn); 44 ms with no correction.
        """
        if not corrections and fold_metonyms:
            return analysis
        key = view_key(analysis, corrections, fold_metonyms)
        with collector_paused():
            raw = self.cache.get(key)
            if raw is not None:
                try:
                    return analysis.changed(
                        actors=[Actor.from_dict(actor) for actor in raw["actors"]],
                        summary=[(int(start), int(end)) for start, end in raw["summary"]],
                    )
                except (KeyError, TypeError, ValueError):
                    pass  # an entry of another shape: derived again, and replaced
        view = with_corrections(analysis, text, corrections, fold_metonyms=fold_metonyms)
        # Quiet: on a read-only cache a cached analysis with corrections printed no warning before.
        self.cache.put(key, {"actors": [actor.to_dict() for actor in view.actors],
                             "summary": [list(span) for span in view.summary]}, quiet=True)
        return view

    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = load_pipeline(self.model_name)
        return self._pipeline

    def analysis(
        self,
        document: Document,
        *,
        on_progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
        apart: bool = False,
    ) -> Analysis:
        """The cached analysis, else a new one, stored. `apart`: made in a child process and read
        back from the cache (`analysis.child_process`), so spaCy never holds this process's GIL."""
        found = self.cached(document)
        if found is not None:
            return found
        if apart and hasattr(self.cache, "root"):
            from analysis.child_process import AnalysisFailed, analyse_apart

            jobs = self.jobs
            if jobs is None:
                from analysis.processes import cores

                jobs = cores()
            unstored = analyse_apart(
                document,
                model_name=self.model_name,
                cache_root=self.cache.root,
                jobs=jobs,
                on_progress=on_progress,
                cancelled=cancelled,
            )
            if unstored is not None:  # the cache cannot be written: kept in memory only, said once
                raw, warning = unstored
                warnings = getattr(self.cache, "warnings", None)
                if warnings is not None and not getattr(self.cache, "write_failed", False):
                    self.cache.write_failed = True
                    warnings.append(warning)
                return Analysis.from_dict(raw)
            found = self.cached(document)
            if found is None:
                raise AnalysisFailed("the analysis process stored no analysis in the cache")
            return found
        if self.jobs is None:
            from analysis.processes import cores

            self.jobs = cores()
        result = analyse(document, self.pipeline(), jobs=self.jobs, on_progress=on_progress, cancelled=cancelled)
        self.cache.put(result.key, result.to_dict())
        return result
