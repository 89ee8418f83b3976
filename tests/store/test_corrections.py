"""Corrections: per-briefing or global, in creation order; a corrupt file is set aside, not fatal."""

from __future__ import annotations

import json

import pytest

from store.corrections import CorrectionsStore


@pytest.fixture
def path(tmp_path):
    return tmp_path / "data" / "corrections.json"


@pytest.fixture
def corrections(path):
    return CorrectionsStore(path)


def test_add_and_read_back_in_creation_order(corrections, path):
    merge = corrections.add("h1", "merge", "a-erdogan-short", "a-erdogan")
    rename = corrections.add("*", "rename", "a-turkey", "Türkiye")
    corrections.add("h2", "hide", "a-kyiv-person")
    kind = corrections.add("h1", "kind", "a-donbass", "place")

    assert merge["op"] == "merge" and merge["value"] == "a-erdogan" and merge["scope"] == "h1"
    assert len(merge["id"]) == 32 and merge["created"].endswith("+00:00")
    assert corrections.for_document("h1") == [merge, rename, kind]
    assert corrections.for_document("h2")[1]["op"] == "hide"
    assert corrections.for_document("other") == [rename]
    assert json.loads(path.read_text(encoding="utf-8"))["corrections"]["2"]["value"] == "Türkiye"


def test_missing_file_is_empty_and_not_created(corrections, path):
    assert corrections.for_document("h1") == [] and corrections.all() == []
    assert not path.exists()


def test_remove_returns_the_correction(corrections):
    kept = corrections.add("h1", "hide", "a1")
    gone = corrections.add("h1", "hide", "a2")
    assert corrections.remove(gone["id"]) == gone
    assert corrections.remove(gone["id"]) is None
    assert corrections.for_document("h1") == [kept]


@pytest.mark.parametrize(
    "args",
    [
        ("h1", "explode", "a1", None),
        ("h1", "rename", "a1", None),
        ("h1", "merge", "a1", ""),
        ("h1", "hide", "a1", "why"),
        ("", "hide", "a1", None),
        ("h1", "hide", "", None),
    ],
)
def test_invalid_corrections_are_refused(corrections, path, args):
    with pytest.raises(ValueError):
        corrections.add(*args)
    assert not path.exists()


def test_instances_share_the_file(path):
    one, two = CorrectionsStore(path), CorrectionsStore(path)
    first = one.add("*", "hide", "a1")
    second = two.add("*", "hide", "a2")
    third = one.add("*", "hide", "a3")
    assert [c["id"] for c in two.for_document("h")] == [first["id"], second["id"], third["id"]]


@pytest.mark.parametrize("garbage", [b'{"corrections": {"1": ', b'["not", "a", "table"]', b"\xff\xfe"])
def test_corrupt_file_is_set_aside_on_read(corrections, path, garbage, caplog):
    path.parent.mkdir(parents=True)
    path.write_bytes(garbage)

    with caplog.at_level("WARNING", logger="store.corrections"):
        assert corrections.for_document("h1") == []

    assert not path.exists()
    [kept] = path.parent.glob("corrections.json.corrupt-*")
    assert kept.read_bytes() == garbage
    assert len(corrections.warnings) == 1 and str(path) in corrections.warnings[0]
    assert kept.name in caplog.text
    added = corrections.add("h1", "hide", "a1")
    assert corrections.for_document("h1") == [added]


def test_corrupt_file_is_set_aside_on_write(corrections, path):
    corrections.add("h1", "hide", "a1")
    path.write_text("{{{")
    added = corrections.add("h1", "hide", "a2")
    assert corrections.all() == [added]
    assert len(list(path.parent.glob("corrections.json.corrupt-*"))) == 1
    assert len(corrections.warnings) == 1
