"""The library index: sharded TinyDB records and an append-only manifest of rows."""

from __future__ import annotations

import json

from store.index import TABLE, LibraryIndex, legacy_shard_of, shard_of


def record(path: str, title: str = "T", words: int = 10) -> dict:
    return {"path": path, "content_hash": "h" + path, "title": title, "date": "2024-01-01", "words": words,
            "top": ["A"], "actor_ids": ["person:a"], "size": 1, "mtime_ns": 2, "error": None,
            "actors": [{"id": "person:a", "name": "A", "kind": "person", "aliases": [], "role": None, "mentions": 3}]}


def test_put_get_replace_remove(tmp_path):
    index = LibraryIndex(tmp_path)
    index.put(record("/a.txt"))
    index.put(record("/a.txt", title="New"))
    index.put(record("/b.txt"))
    assert index.get("/a.txt")["title"] == "New"
    assert len(index.records()) == 2
    assert index.rows()["/a.txt"]["title"] == "New"
    assert "actors" not in index.rows()["/a.txt"]  # rows stay small
    index.remove("/a.txt")
    assert index.get("/a.txt") is None and set(index.rows()) == {"/b.txt"}


def test_a_replaced_record_keeps_no_field_of_the_old_one_and_its_shard_is_written_once(tmp_path, monkeypatch):
    import store.jsonfile

    index = LibraryIndex(tmp_path)
    index.put({**record("/a.txt"), "summary": ["an old sentence"]})
    writes = []
    atomic = store.jsonfile.write_bytes_atomic
    monkeypatch.setattr(store.jsonfile, "write_bytes_atomic", lambda path, data: writes.append(path) or atomic(path, data))
    index.put(record("/a.txt", title="New"))
    assert index.get("/a.txt") == record("/a.txt", title="New")
    assert writes == [index.shard_path("/a.txt")]


def test_one_write_touches_one_small_shard(tmp_path):
    index = LibraryIndex(tmp_path)
    for number in range(300):
        index.put(record(f"/lib/{number}.txt"))
    shard = index.shard_path("/lib/7.txt")
    held = json.loads(shard.read_text())["briefings"]
    # 65,536 shards: 300 records put at most two or so in any one file.
    digits = shard_of("/lib/7.txt")
    assert len(held) <= 3 and shard == tmp_path / "records" / digits[:2] / f"{digits[2:]}.json"


def test_rows_come_from_the_manifest_alone(tmp_path):
    index = LibraryIndex(tmp_path)
    index.put(record("/a.txt"))
    for shard in (tmp_path / "records").rglob("*.json"):
        shard.unlink()
    assert index.rows()["/a.txt"]["words"] == 10


def test_a_torn_manifest_line_loses_only_that_line(tmp_path):
    index = LibraryIndex(tmp_path)
    index.put(record("/a.txt"))
    with open(index.manifest_path, "ab") as handle:
        handle.write(b'{"path": "/b.txt", "tit')  # a kill mid-append
    index.put(record("/c.txt"))
    assert set(index.rows()) == {"/a.txt", "/c.txt"}


def test_manifest_compacts_without_losing_rows(tmp_path):
    index = LibraryIndex(tmp_path)
    for round_ in range(3):
        for number in range(200):
            index.put(record(f"/{number}.txt", title=f"v{round_}"))
    lines = index.manifest_path.read_text().splitlines()
    assert len(lines) < 600  # compacted at least once
    rows = index.rows()
    assert len(rows) == 200 and {row["title"] for row in rows.values()} == {"v2"}


def test_a_corrupt_shard_is_set_aside_with_a_warning(tmp_path):
    index = LibraryIndex(tmp_path)
    index.put(record("/a.txt"))
    shard = index.shard_path("/a.txt")
    shard.write_text("{not json")
    assert index.get("/a.txt") is None
    assert index.warnings and "kept as" in index.warnings[0]
    assert list(shard.parent.glob(shard.name + ".corrupt-*"))
    index.put(record("/a.txt"))  # rebuilt
    assert index.get("/a.txt")["title"] == "T"


def test_rebuild_manifest_from_records(tmp_path):
    index = LibraryIndex(tmp_path)
    index.put(record("/a.txt"))
    index.manifest_path.write_bytes(b"\x00garbage")
    assert index.rows() == {}
    index.rebuild_manifest()
    assert set(index.rows()) == {"/a.txt"}


def test_records_of_the_first_layout_are_read_and_leave_it_when_written_again(tmp_path):
    """4,096 flat shards (`records/abc.json`) came first: an index of that layout still reads,
    and a record written again moves to its current shard, never listed twice."""
    index = LibraryIndex(tmp_path)
    old = {path: record(path, title="old") for path in ("/a.txt", "/b.txt", "/c.txt")}
    for number, (path, found) in enumerate(old.items(), 1):
        shard = tmp_path / "records" / f"{legacy_shard_of(path)}.json"
        shard.parent.mkdir(parents=True, exist_ok=True)
        shard.write_text(json.dumps({TABLE: {"1": found}}))
    assert index.get("/a.txt") == old["/a.txt"]
    assert sorted(r["path"] for r in index.records()) == ["/a.txt", "/b.txt", "/c.txt"]

    index.put(record("/a.txt", title="new"))
    assert not index.legacy_shard_path("/a.txt").exists() or "/a.txt" not in index.legacy_shard_path("/a.txt").read_text()
    assert index.get("/a.txt")["title"] == "new"
    assert sorted((r["path"], r["title"]) for r in index.records()) == [("/a.txt", "new"), ("/b.txt", "old"), ("/c.txt", "old")]
    assert [r["title"] for r in index.records(["/a.txt", "/b.txt"]) if r["path"] == "/a.txt"] == ["new"]

    index.remove("/b.txt")
    assert index.get("/b.txt") is None
    assert sorted(r["path"] for r in index.records()) == ["/a.txt", "/c.txt"]
