"""The notes file cannot be used: offer the newest good backup in its place, or keep read-only.

Called once per reader, after the first refresh that finds the notes store read-only. The
unusable file is never deleted: restoring keeps a copy of it beside the notes file. The restore
is a notes write like any other: it goes on the reader's write queue, off the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen

from tui.literal import toast
from tui.screens.reader.note_writes import NoteWrites, Write
from tui.session import Session
from tui.widgets.status_line import StatusLine


def offer_backup(session: Session, screen: Screen, status: StatusLine, restored: Callable[[], None],
                 writes: NoteWrites) -> None:
    """Offer the backup on `screen`; `restored` runs once the backup is in place."""
    problem = session.notes_problem
    if problem is None:
        return
    found = session.newest_good_backup()
    if found is None:
        toast(screen, f"{problem}. There is no good backup to restore.", title="Notes are read-only",
              severity="error", timeout=30)
        return
    backup, count = found

    def answered(restore: bool | None) -> None:
        if not restore:
            status.say("Notes are read-only until the notes file is fixed")
            return

        def landed(kept, _read) -> None:
            restored()
            message = f"Notes restored from {backup}" + (f"; the unusable file is kept as {kept}" if kept else "")
            toast(screen, message, title="Notes restored", timeout=20)
            status.say(message)

        def failed(error: Exception) -> None:
            toast(screen, str(error), title="Backup not restored", severity="error", timeout=30)

        status.say("Restoring the backup…")
        writes.submit(Write(lambda: session.restore_backup(backup), landed, failed))

    from tui.dialogs.backup_offer import BackupOffer  # rarely needed, and never before the first paint

    screen.app.push_screen(BackupOffer(problem, backup, count, session.backup_loss(backup)), answered)
