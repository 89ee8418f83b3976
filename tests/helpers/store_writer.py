"""Test helper, run as a subprocess: adds notes to a NotesStore in a loop.

Usage: store_writer.py NOTES_PATH COUNT TAG   (COUNT < 0: until killed)
Prints "ready" once the store is open, then each note's id only after add() has returned, so
every id on stdout is a note the store reported saved.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from store.notes import NotesStore  # noqa: E402


def main() -> None:
    path, count, tag = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    store = NotesStore(path, lock_timeout=30)
    print("ready", flush=True)
    written = 0
    while count < 0 or written < count:
        added = store.add(
            {
                "document_path": f"{tag}.txt",
                "content_hash": tag,
                "anchor": None,
                # Some bulk, so the file grows and a kill often lands mid-write.
                "body": f"{tag} note {written} " + "lorem ipsum " * 20,
                "tags": [tag],
            }
        )
        sys.stdout.write(added["id"] + "\n")
        sys.stdout.flush()
        written += 1


if __name__ == "__main__":
    main()
