"""The store's warnings: one logger per module under "store", and a NullHandler on "store" so
that Python's last-resort handler does not print a warning its caller already shows (the CLI
prints each once, the app notifies; without the handler every one was printed twice).

Imported only by a module that has something to say: logging costs ~4-5 ms to import, which a
cached `briefing analyze` paid on every run while `store/__init__` set this handler up.
"""

from __future__ import annotations

import logging

logging.getLogger("store").addHandler(logging.NullHandler())


def logger(name: str) -> logging.Logger:
    return logging.getLogger(name)
