"""The spaCy side of the analysis: load a pipeline lazily and tag a text paragraph by paragraph.

Importing this module is cheap; `spacy` itself (~1 s) and the model weights (~0.4 s) load only in
`load_pipeline`, which runs on a cache miss, in a worker.
"""

from __future__ import annotations

import bisect
import importlib
import importlib.util
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from analysis import DEFAULT_MODEL
from analysis.control_codes import Kept, shown
from analysis.record import Record
from analysis.types import Mention, Span

TYPE_CHECKING = False  # typing's constant without importing typing: ~3 ms of a cached `briefing analyze`
if TYPE_CHECKING:
    from typing import Any

# Components the analysis does not read: NER in the small English model carries its own token
# vectors, and sentences come from `senter`, so the parser, tagger and shared tok2vec are dead weight
# (GUIDE §8: NER alone runs at ~2.3x the full pipeline and finds the same entities).
UNUSED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
# Paragraphs longer than this are cut at a line or space before being handed to spaCy, far below
# spaCy's own `max_length`: spaCy's memory grows with the text it holds at once, ~3-4 KB per
# character with the small English model (a 100 KB Doc alone peaked at 546 MB RSS; bench/).
CHUNK_CHARS = 20_000
# So texts per batch are also capped to hold about this many characters (the 4 MB Bible's
# chapters: 64 per batch peaked at 596 MB, 8 per batch at 210 MB, and ran no slower).
BATCH_CHARS = 32_000


class ModelNotInstalled(RuntimeError):
    """The named spaCy pipeline is not installed; the message says what to install."""

    def __init__(self, name: str) -> None:
        package = name.replace("_", "-")
        super().__init__(
            f"spaCy pipeline {name!r} is not installed. Install it with: pip install {package}"
        )
        self.name = name


class Pipeline(Record):  # records, not dataclasses: model_version is on a cached run's path
    __slots__ = ("nlp", "name", "version")

    def __init__(self, nlp: Any, name: str, version: str) -> None:
        self.nlp = nlp
        self.name = name
        self.version = version


def model_installed(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def model_version(name: str) -> str:
    """The installed pipeline's version, read from package metadata (no spaCy import)."""
    # Fast path: the wheel's `NAME-VERSION.dist-info` folder beside the package, found without
    # importing importlib.metadata (20-40 ms at start-up, most of a cached open; bench/).
    spec = importlib.util.find_spec(name)
    for info in Path(spec.origin).parent.parent.glob(f"{name}-*.dist-info") if spec and spec.origin else ():
        return info.name[len(name) + 1 : -len(".dist-info")]
    from importlib import metadata

    for dist_name in (name, name.replace("_", "-")):
        try:
            return metadata.version(dist_name)
        except metadata.PackageNotFoundError:
            continue
    if not model_installed(name):
        raise ModelNotInstalled(name)
    return "unknown"


def load_pipeline(name: str = DEFAULT_MODEL) -> Pipeline:
    """Load `name` with only the components the analysis reads."""
    if not model_installed(name):
        raise ModelNotInstalled(name)
    module = importlib.import_module(name)
    nlp = module.load(exclude=list(UNUSED_COMPONENTS))
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    if not nlp.has_pipe("senter") and not nlp.has_pipe("parser"):
        nlp.add_pipe("sentencizer", first=True)
    # The cache key is built from package metadata on a hit, so the version must come from there too.
    return Pipeline(nlp=nlp, name=name, version=model_version(name))


def chunks(text: str, paragraphs: Iterable[Span], limit: int = CHUNK_CHARS) -> Iterator[Span]:
    """Spans to hand to spaCy: each paragraph, cut near `limit` at a newline or space if longer."""
    for start, end in paragraphs:
        while end - start > limit:
            cut = text.rfind("\n", start + limit // 2, start + limit)
            if cut < 0:
                cut = text.rfind(" ", start + limit // 2, start + limit)
            if cut < 0:
                cut = start + limit
            yield start, cut
            start = cut
        if end > start:
            yield start, end


class Tagged(Record):
    __slots__ = ("sentences", "mentions")

    def __init__(self, sentences: list[Span], mentions: list[Mention]) -> None:
        self.sentences = sentences
        self.mentions = mentions


def tag(
    pipeline: Pipeline,
    text: str,
    paragraphs: list[Span],
    *,
    on_progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    batch_size: int = 64,
) -> Tagged:
    """Sentences and entity mentions of `text`, offsets mapped back from each paragraph's Doc.

    `on_progress(done_chars, total_chars)` is called after each chunk; `cancelled()` is polled
    between chunks and stops the run with `AnalysisCancelled`.
    """
    spans = list(chunks(text, paragraphs))
    total = sum(end - start for start, end in spans) or 1
    batch_size = max(1, min(batch_size, BATCH_CHARS * len(spans) // total))
    sentences: list[Span] = []
    mentions: list[Mention] = []
    done = 0
    maps: deque[Kept | None] = deque()  # spaCy reads ahead, in order: one per piece handed to it
    for (start, end), doc in zip(spans, pipeline.nlp.pipe(shown_pieces(text, spans, maps), batch_size=batch_size)):
        if cancelled is not None and cancelled():
            raise AnalysisCancelled()
        read_doc(doc, start, sentences, mentions, maps.popleft())
        done += end - start
        if on_progress is not None:
            on_progress(done, total)
    return Tagged(sentences=sentences, mentions=mentions)


def shown_pieces(text: str, spans: Iterable[Span], maps: deque[Kept | None]) -> Iterator[str]:
    """Each span of `text` as the model reads it, control codes out (`analysis/control_codes.py`);
    the map back of each is appended to `maps` as it is handed over."""
    for start, end in spans:
        piece, kept = shown(text[start:end])
        maps.append(kept)
        yield piece


class AnalysisCancelled(Exception):
    """The user cancelled an analysis in progress."""


def read_doc(
    doc: Any, offset: int, sentences: list[Span], mentions: list[Mention], kept: Kept | None = None
) -> None:
    """Append a paragraph Doc's sentences and entities, at `offset` in the whole text; `kept` maps
    the Doc's offsets back to the piece as written, when control codes were taken out of it.

    A mention belongs to the sentence holding its first token.
    """
    first = len(sentences)
    starts: list[int] = []
    text = doc.text
    for sent in doc.sents:
        starts.append(sent.start)
        start, end = _inside_blanks(text, sent.start_char, sent.end_char)
        sentences.append(_written(offset, start, end, kept))
    for ent in doc.ents:
        number = bisect.bisect_right(starts, ent.start) - 1
        start, end = _inside_blanks(text, ent.start_char, ent.end_char)
        written_start, written_end = _written(offset, start, end, kept)
        mentions.append(
            Mention(
                text=text[start:end],  # as shown: a name with a colour code inside it reads as the name
                label=ent.label_,
                start=written_start,
                end=written_end,
                sentence=first + max(0, number),
            )
        )


def _written(offset: int, start: int, end: int, kept: Kept | None) -> Span:
    if kept is None:
        return offset + start, offset + end
    return offset + kept.start(start), offset + kept.end(end)


def _inside_blanks(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the blanks at its ends. spaCy makes a run of spaces a token of its own, and
    an entity or sentence can take it in: "Vladimir Putin    said" gave the person
    "Vladimir Putin    " (a PDF's or a typist's spacing). A span of blanks alone is kept."""
    if not (text[start:start + 1].isspace() or text[end - 1:end].isspace()):
        return start, end  # nearly every span: two checks
    inner = text[start:end]
    stripped = inner.strip()
    if not stripped:
        return start, end
    start += len(inner) - len(inner.lstrip())
    return start, start + len(stripped)
