"""(d) One cached lookup with 10,000 briefings in the cache / with 10.

A lookup is what opening a cached briefing does: `AnalysisCache.get(key)` and `Analysis.from_dict`.
Entries are the seed's real analysis cut to ~10 KB, written straight into the sharded layout (a
fixture: no fsync), so building 10,000 takes a second or two.
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import tempfile
import time
from pathlib import Path

from bench.common import Result, interleaved, median

ENTRY_BYTES = 10_000


def sample_entry(real: dict) -> dict:
    """The seed's analysis trimmed to about ENTRY_BYTES of JSON, still a valid Analysis."""
    entry = dict(real)
    for field in ("mentions", "sentences", "facts", "actors"):
        while len(json.dumps(entry, separators=(",", ":"))) > ENTRY_BYTES and len(entry.get(field, [])) > 4:
            entry[field] = entry[field][: len(entry[field]) * 3 // 4]
    return entry


def build_cache(root: Path, count: int, entry: dict) -> list[str]:
    from store.cache import AnalysisCache, encode_entry

    cache = AnalysisCache(root)
    keys = []
    for number in range(count):
        key = hashlib.sha256(f"bench-{count}-{number}".encode()).hexdigest()
        path = cache.path_for(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(encode_entry({**entry, "key": key}))
        keys.append(key)
    return keys


def lookup_scaling(real_entry: dict, lookups: int, rounds: int) -> Result:
    from analysis.types import Analysis
    from store.cache import AnalysisCache

    entry = sample_entry(real_entry)
    Analysis.from_dict(entry)  # still a valid analysis
    folder = Path(tempfile.mkdtemp(prefix="briefing-bench-cache-"))
    try:
        started = time.perf_counter()
        small_keys = build_cache(folder / "small", 10, entry)
        large_keys = build_cache(folder / "large", 10_000, entry)
        build_seconds = time.perf_counter() - started
        small, large = AnalysisCache(folder / "small"), AnalysisCache(folder / "large")
        chooser = random.Random(5)

        def per_lookup(cache: AnalysisCache, keys: list[str]) -> float:
            chosen = [chooser.choice(keys) for _ in range(lookups)]
            start = time.perf_counter()
            for key in chosen:
                Analysis.from_dict(cache.get(key))
            return (time.perf_counter() - start) / lookups

        large_times, small_times = interleaved(
            lambda: per_lookup(large, large_keys), lambda: per_lookup(small, small_keys), rounds
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    ratio = median(large_times) / median(small_times)
    return Result(
        "(d) cached lookup, 10,000 in cache / 10",
        f"{ratio:.2f}x",
        "<= 1.5x",
        ratio <= 1.5,
        [
            f"{median(large_times) * 1e6:.0f} us vs {median(small_times) * 1e6:.0f} us per lookup "
            f"(get + from_dict of a {len(json.dumps(entry)) / 1000:.1f} KB entry; medians of {rounds} "
            f"rounds of {lookups} random keys); 10,010 entries built in {build_seconds:.1f} s",
        ],
    )
