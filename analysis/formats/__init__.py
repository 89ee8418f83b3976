"""Every format a briefing arrives in, turned into one `Document`.

Light on purpose: importing this package imports no extractor. `analysis.documents.read_document`
sniffs the bytes and imports only the one module the format needs (trafilatura, pypdfium2,
python-docx, markdown-it-py), and only on a miss of the extraction cache.
"""

from __future__ import annotations


class DocumentError(Exception):
    """A briefing that cannot be opened; the message is one line meant for the user."""


class NoArticleText(DocumentError):
    """An HTML page whose main text could not be found; `--whole-page` reads all its visible text."""


# Bump a module's number when a change to it changes the text it extracts: it is part of the
# extraction cache key and of the analysis cache key, so a better extractor re-reads and re-analyses.
GLUE_VERSIONS = {"html": "3", "pdf": "3", "docx": "2", "epub": "2", "markdown": "2"}
