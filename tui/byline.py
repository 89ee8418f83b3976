"""What the reader's header says about a briefing: its title, where it came from, when and by whom."""

from __future__ import annotations

from pathlib import Path

from analysis.types import Document


def source_of(document: Document) -> str:
    """The file name, or the URL for a fetched page (its snapshot's path is no use to a reader)."""
    if document.metadata.url and document.path.startswith(("http://", "https://")):
        return document.metadata.url
    if document.path.startswith(("http://", "https://", "<")):
        return document.path
    return Path(document.path).name


def header(document: Document) -> str:
    """Title · source · date: the document pane's title."""
    parts = [document.title, source_of(document)]
    if document.metadata.date:
        parts.append(document.metadata.date)
    return " · ".join(part for part in parts if part)


def details(document: Document) -> str:
    """Authors, site and pages: the document pane's subtitle (empty for a plain text file)."""
    metadata = document.metadata
    parts = []
    if metadata.authors:
        parts.append("by " + ", ".join(metadata.authors[:3]) + (" et al." if len(metadata.authors) > 3 else ""))
    if metadata.site:
        parts.append(metadata.site)
    if document.pages and document.format == "pdf":
        parts.append(f"{len(document.pages)} pages")
    return " · ".join(parts)
