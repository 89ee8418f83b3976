"""The analysis cache: one atomic JSON file per key, sharded, corrupt entries set aside."""

from __future__ import annotations

import hashlib
import json
from collections import Counter

import pytest

from store.cache import LINE_BYTES, ROWS_PER_LINE, AnalysisCache, decode_entry, encode_entry


def key(n: int | str) -> str:
    return hashlib.sha256(str(n).encode()).hexdigest()


@pytest.fixture
def cache(tmp_path):
    return AnalysisCache(tmp_path / "analysis")


def test_roundtrip(cache):
    value = {"key": key(1), "actors": [{"name": "Erdoğan", "spans": [[0, 7]]}], "summary": []}
    assert cache.get(key(1)) is None
    assert key(1) not in cache
    cache.put(key(1), value)
    assert cache.get(key(1)) == value
    assert key(1) in cache
    assert len(cache) == 1


def test_put_replaces_and_leaves_no_temporaries(cache):
    cache.put(key(1), {"v": 1})
    cache.put(key(1), {"v": 2})
    assert cache.get(key(1)) == {"v": 2}
    entry = cache.path_for(key(1))
    assert entry == cache.root / key(1)[:2] / key(1)[2:4] / f"{key(1)}.jsonl"
    assert sorted(p.name for p in entry.parent.iterdir()) == [entry.name]


def test_entries_survive_a_new_instance(cache):
    cache.put(key(1), {"v": 1})
    assert AnalysisCache(cache.root).get(key(1)) == {"v": 1}


def entry_lines(value: dict) -> list:
    return [json.loads(line) for line in encode_entry(value).split(b"\n")]


def test_lists_are_written_a_slice_per_line():
    """A reader parses one short line at a time, so the UI thread gets the GIL between lines."""
    mentions = [{"n": n} for n in range(ROWS_PER_LINE * 2 + 5)]
    value = {"key": key(1), "mentions": mentions, "summary": [], "facts": [[1, 2]], "meta": {"x": [1]}}
    lines = entry_lines(value)

    assert lines[0]["fields"] == {"key": key(1), "meta": {"x": [1]}}
    assert lines[0]["lists"] == [["mentions", len(mentions)], ["summary", 0], ["facts", 1]]
    assert [len(line) for line in lines[1:]] == [ROWS_PER_LINE, ROWS_PER_LINE, 5, 1]
    assert decode_entry(encode_entry(value)) == value


def test_lines_of_big_items_are_cut_by_size_too():
    """An actor with thousands of spans is a big item: 128 of them made a line of 1.4 MB, which
    `json.loads` parsed in one call holding the GIL for 64-150 ms."""
    actors = [{"id": n, "spans": [[s, s + 5] for s in range(0, 6000 * (n % 3 + 1), 6)]} for n in range(40)]
    actors.append({"id": "huge", "spans": [[s, s + 5] for s in range(0, 600_000, 6)]})  # over LINE_BYTES alone
    value = {"key": key(2), "actors": actors + [{"id": "small"}] * 300}
    raw = encode_entry(value)
    lines = raw.split(b"\n")[1:]
    assert all(len(line) <= LINE_BYTES + 2 for line in lines if b'"huge"' not in line)
    assert [len(json.loads(line)) for line in lines if b'"huge"' in line] == [1]  # a line of its own
    assert max(len(json.loads(line)) for line in lines) == ROWS_PER_LINE  # small ones still 128 a line
    assert decode_entry(raw) == value


def test_newlines_inside_strings_do_not_break_lines():
    value = {"text": "a\nb\r\u2028c", "items": ["x\ny", "\n"]}
    assert len(encode_entry(value).split(b"\n")) == 2
    assert decode_entry(encode_entry(value)) == value


LONG = {"items": list(range(ROWS_PER_LINE * 3))}


@pytest.mark.parametrize(
    "garbage",
    [
        b'{"actors": [',
        b"\xff\xfe not utf-8",
        b"[1, 2, 3]",
        b"null",
        b"",
        # An entry written by the single-document format, or cut short, or with lines appended.
        json.dumps({"key": "k", "actors": []}).encode(),
        b"\n".join(encode_entry(LONG).split(b"\n")[:-1]),
        encode_entry(LONG)[:-7],
        encode_entry(LONG) + b"\n[1]",
        encode_entry(LONG).replace(b"[0,", b'{"a":0,', 1),
        encode_entry({"items": [1]}).replace(b'"lists":[["items",1]]', b'"lists":"items"'),
    ],
)
def test_corrupt_entry_is_set_aside_with_a_warning(cache, caplog, garbage):
    cache.put(key(1), {"v": 1})
    entry = cache.path_for(key(1))
    entry.write_bytes(garbage)

    with caplog.at_level("WARNING", logger="store.cache"):
        assert cache.get(key(1)) is None

    assert not entry.exists()
    kept = list(entry.parent.glob(f"{entry.name}.corrupt-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == garbage
    assert len(cache.warnings) == 1 and entry.name in cache.warnings[0]
    assert entry.name in caplog.text
    # The caller rebuilds it, and the set-aside copy is not counted as an entry.
    cache.put(key(1), {"v": 2})
    assert cache.get(key(1)) == {"v": 2}
    assert len(cache) == 1


@pytest.mark.parametrize(
    "bad",
    [
        "", "abc", "../../etc/passwd", "ab/cd/" + "e" * 60, "ab\\cd" + "e" * 60,
        key(1).upper(), key(1) + ".json", "g" * 64, "a" * 129,
    ],
)
def test_keys_are_validated(cache, bad):
    with pytest.raises(ValueError):
        cache.get(bad)
    with pytest.raises(ValueError):
        cache.put(bad, {})
    assert not cache.root.exists() or not any(cache.root.rglob("*"))


def test_values_must_be_dicts(cache):
    with pytest.raises(TypeError):
        cache.put(key(1), [1, 2])
    with pytest.raises(TypeError):
        cache.put(key(1), {"not json": object()})
    assert key(1) not in cache
    assert not any(cache.root.rglob("*.tmp"))


def test_thousand_entries_are_sharded(cache):
    keys = [key(n) for n in range(1000)]
    for k in keys:
        cache.put(k, {"k": k})

    assert len(cache) == 1000
    assert all(cache.get(k) == {"k": k} for k in keys)
    files = list(cache.root.rglob("*.jsonl"))
    assert len(files) == 1000
    # Every entry sits two shard levels down, and no folder grows with the cache.
    assert all(f.relative_to(cache.root).parts == (f.name[:2], f.name[2:4], f.name) for f in files)
    per_leaf = Counter(f.parent for f in files)
    assert max(per_leaf.values()) <= 8
    assert len(list(cache.root.iterdir())) <= 256
    assert decode_entry(files[0].read_bytes()) == {"k": files[0].stem}


def test_clear(cache):
    for n in range(20):
        cache.put(key(n), {"n": n})
    (cache.root / "README").write_text("not ours")
    cache.clear()
    assert len(cache) == 0
    assert cache.get(key(3)) is None
    assert (cache.root / "README").exists()
    AnalysisCache(cache.root / "missing").clear()


def test_a_legacy_single_document_entry_is_removed_when_its_key_is_missed(cache):
    legacy = cache.path_for(key(1)).with_suffix(".json")
    legacy.parent.mkdir(parents=True)
    legacy.write_text(json.dumps({"key": key(1), "actors": []}))

    assert cache.get(key(1)) is None
    assert not legacy.exists()


def test_a_cache_that_cannot_be_written_warns_once_unless_the_value_is_a_quiet_shortcut(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way")
    cache = AnalysisCache(blocker / "cache")  # under a file: every write fails

    cache.put(key(1), {"actors": []}, quiet=True)
    assert cache.warnings == [] and not cache.write_failed
    cache.put(key(1), {"actors": []})
    cache.put(key(1), {"actors": []})
    assert len(cache.warnings) == 1 and "cannot be written" in cache.warnings[0]
    assert cache.get(key(1)) is None
