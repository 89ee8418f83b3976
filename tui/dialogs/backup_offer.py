"""The notes file cannot be used: say why, and offer the newest good backup in its place.

Returns True to restore the backup, False (or None) to keep working with notes read-only. The
unusable file is never deleted: restoring keeps a copy of it beside the notes file.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from tui.dialogs.modal import Modal
from tui.literal import literal


class BackupOffer(Modal[bool]):

    BINDINGS = [
        Binding("r", "answer(True)", "Restore the backup", id="backup_offer.restore"),
        Binding("k,escape", "answer(False)", "Keep read-only", id="backup_offer.keep"),
    ]

    def __init__(self, problem: str, backup: Path, notes: int, lost: int | None = 0) -> None:
        super().__init__()
        self.problem = problem
        self.backup = backup
        self.notes = notes
        self.lost = lost  # notes the unusable file holds that the backup lacks (None: unknown)

    def compose(self) -> ComposeResult:
        when = datetime.fromtimestamp(self.backup.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
        count = f"{self.notes} note{'s' if self.notes != 1 else ''}"
        with Vertical(id="backup-offer"):
            yield Static(Text("Your notes file cannot be used"), id="backup-offer-heading")
            yield Static(Text(literal(self.problem)), id="backup-offer-problem")
            yield Static(
                Text(f"The newest good backup, {literal(str(self.backup))}, from {when}, holds {count}."
                     + _loss_words(self.lost)),
                id="backup-offer-backup",
            )
            yield Static(
                Text("r: restore it (the unusable file is kept beside it) · k / esc: keep notes read-only"),
                id="backup-offer-help",
            )

    def action_answer(self, restore: bool) -> None:
        self.dismiss(restore)


def _loss_words(lost: int | None) -> str:
    if lost is None:
        return " What the unusable file holds cannot be counted; it is kept either way."
    if lost:
        return f" Restoring it leaves out {lost} note{'s' if lost != 1 else ''} the unusable file holds (kept in its copy)."
    return ""
