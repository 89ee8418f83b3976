"""Test helper, run as a subprocess: one instance editing one note, as the app does.

Usage: store_editor.py NOTES_PATH NOTE_ID BODY
Reads the note and prints "read", then waits for a line on stdin (the test decides when each
instance saves), saves BODY as an edit of the note as it was read (a compare-and-swap on its
revision) and prints the saved note as JSON.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from store.notes import NotesStore  # noqa: E402


def main() -> None:
    path, note_id, body = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    store = NotesStore(path, lock_timeout=30)
    seen = store.get(note_id)
    print("read", flush=True)
    sys.stdin.readline()
    saved = store.update(note_id, {"body": body}, expected=seen)
    print(json.dumps(saved), flush=True)


if __name__ == "__main__":
    main()
