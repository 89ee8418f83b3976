"""The plain data the analysis layer produces and the UI and CLI consume.

Every type round-trips through `to_dict`/`from_dict` so the store layer only ever sees plain dicts.
Offsets are character offsets into the document's normalised text (`\\n` line ends).

Plain records (`analysis.record`), not dataclasses: a cached `briefing analyze` reads these and
nothing else of the analysis, and `dataclasses` with its `inspect` cost it ~15 ms of ~80 (bench (a)).
A list field left out gets a new empty list, as a dataclass's `default_factory=list` gave.
"""

from __future__ import annotations

from bisect import bisect_right

from analysis.record import Record

KINDS = ("person", "organization", "place", "group", "thing")
Span = tuple[int, int]


def _spans(raw: list) -> list[Span]:
    return [(int(s), int(e)) for s, e in raw]


class Metadata(Record):
    """What the source says about itself (HTML meta tags, PDF document info, DOCX/EPUB properties)."""

    __slots__ = ("title", "authors", "date", "site", "url", "pages")

    def __init__(self, title: str | None = None, authors: list[str] | None = None, date: str | None = None,
                 site: str | None = None, url: str | None = None, pages: int | None = None) -> None:
        self.title = title
        self.authors: list[str] = [] if authors is None else authors
        self.date = date
        self.site = site
        self.url = url
        self.pages = pages

    def to_dict(self) -> dict:
        data = self.fields()
        data["authors"] = list(self.authors)  # a copy, as dataclasses.asdict made one
        return data

    @classmethod
    def from_dict(cls, raw: dict) -> Metadata:
        return cls(**{k: v for k, v in raw.items() if k in cls.__slots__})


class Document(Record):
    __slots__ = (
        "path", "title", "text", "paragraphs", "content_hash", "encoding", "notice", "format", "metadata",
        "pages", "headings", "extractor",
    )

    def __init__(
        self,
        path: str,
        title: str,
        text: str,
        paragraphs: list[Span],
        content_hash: str,
        encoding: str = "utf-8",
        # Set when the bytes were not clean UTF-8/UTF-16 and a fallback decoding was used.
        notice: str | None = None,
        # "text", "markdown", "html", "pdf", "docx" or "epub": what the bytes were, sniffed.
        format: str = "text",
        metadata: Metadata | None = None,
        # One span per page (PDF) or chapter (EPUB), in order; empty for formats without pages.
        pages: list[Span] | None = None,
        # Spans of the paragraphs that are headings (Markdown #, Word's heading styles, HTML <h1>-<h6>).
        headings: list[Span] | None = None,
        # Name and version of what turned the bytes into this text: part of the analysis cache key.
        extractor: str = "text/1",
    ) -> None:
        self.path = path
        self.title = title
        self.text = text
        self.paragraphs = paragraphs
        self.content_hash = content_hash
        self.encoding = encoding
        self.notice = notice
        self.format = format
        self.metadata = Metadata() if metadata is None else metadata
        self.pages: list[Span] = [] if pages is None else pages
        self.headings: list[Span] = [] if headings is None else headings
        self.extractor = extractor

    def page_at(self, offset: int) -> int | None:
        """1-based page holding `offset`, or None when the document has no pages."""
        if not self.pages:
            return None
        return max(0, bisect_right(self.pages, (offset, float("inf"))) - 1) + 1

    def to_dict(self) -> dict:
        data = self.fields()
        data["paragraphs"] = [list(span) for span in self.paragraphs]
        data["metadata"] = self.metadata.to_dict()
        data["pages"] = [list(span) for span in self.pages]
        data["headings"] = [list(span) for span in self.headings]
        return data

    @classmethod
    def from_dict(cls, raw: dict) -> Document:
        data = dict(raw)
        data["paragraphs"] = _spans(data["paragraphs"])
        data["pages"] = _spans(data.get("pages", []))
        data["headings"] = _spans(data.get("headings", []))
        data["metadata"] = Metadata.from_dict(data.get("metadata") or {})
        return cls(**{k: v for k, v in data.items() if k in cls.__slots__})

    @property
    def words(self) -> int:
        return len(self.text.split())

    def paragraph_at(self, offset: int) -> int:
        """Index of the paragraph holding `offset` (the last one before it when between paragraphs)."""
        # A binary search: the notes pane asks once per note, and a long text has thousands of paragraphs.
        return max(0, bisect_right(self.paragraphs, (offset, float("inf"))) - 1)


class Mention(Record):
    """One entity mention as the model tagged it."""

    __slots__ = ("text", "label", "start", "end", "sentence")

    def __init__(self, text: str, label: str, start: int, end: int, sentence: int) -> None:
        self.text = text
        self.label = label
        self.start = start
        self.end = end
        self.sentence = sentence

    def to_dict(self) -> dict:
        # Written out rather than `asdict`, which deep-copies field by field: 5x slower here, and a
        # 4 MB briefing has 60,000 mentions.
        return {"text": self.text, "label": self.label, "start": self.start, "end": self.end, "sentence": self.sentence}

    @classmethod
    def from_dict(cls, raw: dict) -> Mention:
        return cls(**raw)


class Alias(Record):
    __slots__ = ("name", "folded")

    # `folded`: the alias is a metonym folded into the actor (a capital for its state, a demonym).
    def __init__(self, name: str, folded: bool = False) -> None:
        self.name = name
        self.folded = folded


class CoActor(Record):
    __slots__ = ("id", "name", "sentences")

    def __init__(self, id: str, name: str, sentences: int) -> None:
        self.id = id
        self.name = name
        self.sentences = sentences


class Actor(Record):
    __slots__ = ("id", "name", "kind", "spans", "aliases", "role", "co_actors", "salience", "hidden")

    def __init__(
        self,
        id: str,
        name: str,
        kind: str,
        spans: list[Span],
        aliases: list[Alias] | None = None,
        role: str | None = None,
        co_actors: list[CoActor] | None = None,
        salience: float = 0.0,
        # A false positive the user hid; kept so `H` can show it again.
        hidden: bool = False,
    ) -> None:
        self.id = id
        self.name = name
        self.kind = kind
        self.spans = spans
        self.aliases: list[Alias] = [] if aliases is None else aliases
        self.role = role
        self.co_actors: list[CoActor] = [] if co_actors is None else co_actors
        self.salience = salience
        self.hidden = hidden

    @property
    def mentions(self) -> int:
        return len(self.spans)

    @property
    def first(self) -> int:
        return self.spans[0][0] if self.spans else 0

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "spans": [list(span) for span in self.spans],
            "aliases": [{"name": alias.name, "folded": alias.folded} for alias in self.aliases],
            "role": self.role,
            "co_actors": [{"id": co.id, "name": co.name, "sentences": co.sentences} for co in self.co_actors],
            "salience": self.salience,
            "hidden": self.hidden,
        }

    @classmethod
    def from_dict(cls, raw: dict) -> Actor:
        return cls(
            id=raw["id"],
            name=raw["name"],
            kind=raw["kind"],
            spans=_spans(raw["spans"]),
            aliases=[Alias(**alias) for alias in raw.get("aliases", [])],
            role=raw.get("role"),
            co_actors=[CoActor(**co) for co in raw.get("co_actors", [])],
            salience=raw.get("salience", 0.0),
            hidden=raw.get("hidden", False),
        )


class Fact(Record):
    """A date, number, amount or percentage, with the sentence it stands in."""

    __slots__ = ("kind", "text", "start", "end", "sentence", "occurrences")

    def __init__(
        self,
        kind: str,  # date, number, quantity, money, percent, time, age
        text: str,
        start: int,
        end: int,
        sentence: int,
        # Every place the same fact is written (the first is start, end): a fact repeated is one row.
        occurrences: list[Span] | None = None,
    ) -> None:
        self.kind = kind
        self.text = text
        self.start = start
        self.end = end
        self.sentence = sentence
        self.occurrences: list[Span] = [] if occurrences is None else occurrences

    def to_dict(self) -> dict:
        return {"kind": self.kind, "text": self.text, "start": self.start, "end": self.end,
                "sentence": self.sentence, "occurrences": [list(span) for span in self.occurrences]}

    @classmethod
    def from_dict(cls, raw: dict) -> Fact:
        raw = dict(raw)
        raw["occurrences"] = [tuple(span) for span in raw.get("occurrences", [])]
        return cls(**raw)


class Analysis(Record):
    """What the pipeline found in one document; cached by `key`."""

    __slots__ = (
        "key", "content_hash", "model_name", "model_version", "analyser_version", "sentences", "mentions",
        "actors", "summary", "facts",
    )

    def __init__(self, key: str, content_hash: str, model_name: str, model_version: str,
                 analyser_version: str, sentences: list[Span], mentions: list[Mention], actors: list[Actor],
                 summary: list[Span], facts: list[Fact]) -> None:
        self.key = key
        self.content_hash = content_hash
        self.model_name = model_name
        self.model_version = model_version
        self.analyser_version = analyser_version
        self.sentences = sentences
        self.mentions = mentions
        self.actors = actors
        self.summary = summary
        self.facts = facts

    def actor(self, actor_id: str) -> Actor | None:
        return next((actor for actor in self.actors if actor.id == actor_id), None)

    def to_dict(self) -> dict:
        return {
            "key": self.key,
            "content_hash": self.content_hash,
            "model_name": self.model_name,
            "model_version": self.model_version,
            "analyser_version": self.analyser_version,
            "sentences": [list(span) for span in self.sentences],
            "mentions": [mention.to_dict() for mention in self.mentions],
            "actors": [actor.to_dict() for actor in self.actors],
            "summary": [list(span) for span in self.summary],
            "facts": [fact.to_dict() for fact in self.facts],
        }

    @classmethod
    def from_dict(cls, raw: dict) -> Analysis:
        return cls(
            key=raw["key"],
            content_hash=raw["content_hash"],
            model_name=raw["model_name"],
            model_version=raw["model_version"],
            analyser_version=raw["analyser_version"],
            sentences=_spans(raw["sentences"]),
            mentions=[Mention.from_dict(m) for m in raw["mentions"]],
            actors=[Actor.from_dict(a) for a in raw["actors"]],
            summary=_spans(raw["summary"]),
            facts=[Fact.from_dict(f) for f in raw["facts"]],
        )
