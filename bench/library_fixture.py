"""A library of N briefings built from real sentences, indexed as if each had been analysed.

Texts: sentences of the seed and of State of the Union addresses, shuffled into ~6 KB briefings
(a title line and paragraphs), so 10,000 make the issue's ~60 MB. Records: each briefing gets
actors drawn from the real analyses of the seed and two speeches (the model run once), so the
index holds records of the real shape and size. Shards, manifest and search index are written
directly (a fixture: one transaction, no fsync per briefing), then measured through the real code.
"""

from __future__ import annotations

import json
import os
import random
import re
from collections import defaultdict
from pathlib import Path

from bench.texts import seed_path, speeches

BRIEFING_CHARS = 6_000
ACTORS_PER_BRIEFING = 24
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def real_sentences(speech_chars: int = 600_000) -> list[str]:
    texts = [seed_path().read_text(encoding="utf-8")] + [text for _id, text in speeches(speech_chars)]
    found = []
    for text in texts:
        for paragraph in text.split("\n\n"):
            for sentence in _SENTENCE.split(" ".join(paragraph.split())):
                if 40 <= len(sentence) <= 400:
                    found.append(sentence)
    return found


def real_actors(home: Path) -> list[dict]:
    """Actor entries of index records, from the real analyses of the seed and two speeches."""
    from analysis.formats.text import from_text
    from analysis.library.records import record_of
    from analysis.service import AnalysisService
    from store.cache import AnalysisCache
    from store.paths import analysis_cache_dir

    service = AnalysisService(AnalysisCache(analysis_cache_dir(str(home))))
    pool: list[dict] = []
    texts = [seed_path().read_text(encoding="utf-8")] + [text[:40_000] for _id, text in speeches(80_000)[:2]]
    for number, text in enumerate(texts):
        document = from_text(text, f"<bench-{number}>")
        analysis = service.analysis(document)
        pool += record_of(document, analysis, key="x", size=0, mtime_ns=0)["actors"]
    return pool


def briefing_text(chooser: random.Random, sentences: list[str], number: int) -> str:
    title = chooser.choice(sentences)[:70]
    paragraphs, size = [], 0
    while size < BRIEFING_CHARS:
        paragraph = " ".join(chooser.choice(sentences) for _ in range(chooser.randint(3, 6)))
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return f"# {number}: {title}\n\n" + "\n\n".join(paragraphs) + "\n"


def build(folder: Path, home: Path, count: int, sentences: list[str], actors: list[dict], *, search: bool = True) -> list[str]:
    """Write `count` briefings under `folder` (in subfolders of 500) and index them in `home`."""
    from analysis.formats.text import from_text
    from analysis.library.scan import briefing_key
    from store.index import MANIFEST, TABLE, LibraryIndex, row_of
    from store.paths import library_index_dir, search_index_path
    from store.search import SearchIndex

    chooser = random.Random(count)
    index_root = library_index_dir(str(home))
    layout = LibraryIndex(index_root)  # where each record's shard goes
    shards: dict[Path, dict[str, dict]] = defaultdict(dict)
    manifest: list[str] = []
    texts = []
    keys = []
    for number in range(count):
        path = folder / f"part-{number // 500:03d}" / f"briefing-{number:05d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        text = briefing_text(chooser, sentences, number)
        path.write_text(text, encoding="utf-8")
        info = path.stat()
        key = briefing_key(path)
        document = from_text(text, key)
        chosen = chooser.sample(actors, min(ACTORS_PER_BRIEFING, len(actors)))
        record = {
            "path": key, "content_hash": document.content_hash, "analysis_key": None, "format": "markdown",
            "title": document.title, "metadata": {}, "date": f"2024-{1 + number % 12:02d}-{1 + number % 28:02d}",
            "words": document.words, "size": info.st_size, "mtime_ns": info.st_mtime_ns, "error": None,
            "summary": [{"start": 0, "end": 200, "text": text[:200]}] * 3,
            "top": [a["name"] for a in chosen[:3]], "actor_ids": [a["id"] for a in chosen], "actors": chosen,
        }
        shard = shards[layout.shard_path(key)]
        shard[str(len(shard) + 1)] = record
        manifest.append(json.dumps(row_of(record), ensure_ascii=False, separators=(",", ":")))
        texts.append((key, document.content_hash, document.title, record["date"], text))
        keys.append(key)
    for shard, records in shards.items():
        shard.parent.mkdir(parents=True, exist_ok=True)
        shard.write_text(json.dumps({TABLE: records}, ensure_ascii=False))
    (index_root / MANIFEST).write_text("\n".join(manifest) + "\n", encoding="utf-8")
    if search:
        SearchIndex(search_index_path(str(home))).put_many(texts)
    return keys


def rows_for_bare_table(home: Path, target: Path) -> None:
    """The same rows as plain strings, for the bare DataTable app to load."""
    from store.index import LibraryIndex
    from store.paths import library_index_dir

    rows = [["State", "Title", "File", "Date", "Words", "Top actors", "Notes"]]
    for row in LibraryIndex(library_index_dir(str(home))).rows().values():
        rows.append(["● new", row["title"], os.path.basename(row["path"]), row["date"], str(row["words"]), ", ".join(row["top"]), ""])
    target.write_text(json.dumps(rows), encoding="utf-8")
