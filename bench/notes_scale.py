"""(g) One note saved on a briefing with 100 notes on other briefings / with 100,000.

A save is what the app does on ctrl+s in the note editor: `NotesStore.update` with the note as it
was read (a compare-and-swap on its revision), then reading the briefing's notes back to show
them. The briefing saved on holds 20 notes in both stores; the others hold 100 notes each (1 and
1,000 briefings), written straight into the sharded layout as a fixture (no fsync), so building
the large store takes a few seconds. Before the store was sharded, one save rewrote every note:
the issue measured 270 ms at 5,000 notes and 55 s at 100,000.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from pathlib import Path

from bench.common import Result, interleaved, median

PER_BRIEFING = 100
HERE = "reading/the-one-saved.txt"


def _record(path: str, number: int) -> dict:
    stamp = f"2024-01-01T00:{number // 60 % 60:02d}:{number % 60:02d}+00:00"
    return {
        "id": f"{abs(hash(path)) % 10**12:012d}{number:08d}", "document_path": path,
        "content_hash": f"hash{abs(hash(path)) % 10**9}", "body": f"note {number} " + "lorem ipsum " * 12,
        "anchor": {"quote": "Ankara refuses", "prefix": "", "suffix": "", "start": 0, "end": 14},
        "tags": ["bench"], "actor_id": None, "created": stamp, "updated": stamp, "placement": "exact",
        "revision": 1, "conflict_of": None,
    }


def build_store(folder: Path, elsewhere: int) -> Path:
    """A notes store with 20 notes on HERE and `elsewhere` notes on other briefings."""
    from store.migrations import SCHEMA_VERSION
    from store.note_shards import BY_HASH, hash_file_name, shard_file, shard_name

    root = folder / "notes"
    (root / BY_HASH).mkdir(parents=True)
    briefings = {HERE: 20}
    for number in range(elsewhere // PER_BRIEFING):
        briefings[f"reading/other-{number:05d}.txt"] = PER_BRIEFING
    for path, count in briefings.items():
        records = {str(n + 1): _record(path, n) for n in range(count)}
        data = {"meta": {"1": {"schema_version": SCHEMA_VERSION}}, "notes": records}
        target = shard_file(root, shard_name(path))
        target.parent.mkdir(exist_ok=True)
        target.write_text(json.dumps(data, ensure_ascii=False))
        content_hash = records["1"]["content_hash"]
        (root / BY_HASH / f"{hash_file_name(content_hash)}.json").write_text(json.dumps([shard_name(path)]))
    return folder / "notes.json"


def save_scaling(saves: int, rounds: int) -> Result:
    from store.notes import NotesStore

    folder = Path(tempfile.mkdtemp(prefix="briefing-bench-notes-"))
    try:
        started = time.perf_counter()
        small = NotesStore(build_store(folder / "small", 100))
        large = NotesStore(build_store(folder / "large", 100_000))
        build_seconds = time.perf_counter() - started
        assert len(large.all()) == 100_020 and len(small.all()) == 120

        def per_save(store: NotesStore) -> float:
            [note] = [n for n in store.for_document("", HERE) if n["body"].startswith("note 7 ")][:1]
            start = time.perf_counter()
            for number in range(saves):
                note = store.update(note["id"], {"body": f"note 7 edit {number}"}, expected=note)
                store.for_document(note["content_hash"], HERE)
            return (time.perf_counter() - start) / saves

        large_times, small_times = interleaved(lambda: per_save(large), lambda: per_save(small), rounds)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    ratio = median(large_times) / median(small_times)
    return Result(
        "(g) one note saved, 100,000 notes elsewhere / 100",
        f"{ratio:.2f}x",
        "<= 1.5x",
        ratio <= 1.5,
        [
            f"{median(large_times) * 1e3:.1f} ms vs {median(small_times) * 1e3:.1f} ms per save and re-read "
            f"(median of {rounds} rounds of {saves}); stores built in {build_seconds:.1f} s",
        ],
    )
