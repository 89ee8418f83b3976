"""Test helper, run as a subprocess: the app's opening of the notes store, to be killed mid-way.

Usage: notes_mover.py DATA_DIR BRIEFING
Prints "moving" just before `Session.open_notes()`, which the reader runs in its write worker and
which moves the single notes file of earlier versions into per-briefing files.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from analysis.documents import read_document
from tui.session import Session


def main() -> None:
    data_dir, briefing = sys.argv[1], Path(sys.argv[2])
    session = Session(read_document(briefing), data_dir=data_dir)
    assert session.notes_need_moving()
    print("moving", flush=True)
    session.open_notes()
    print("moved", flush=True)


if __name__ == "__main__":
    main()
