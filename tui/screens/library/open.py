"""Opening one briefing of the library in the reader, at a spot, from any library list."""

from __future__ import annotations

from tui.literal import literal_markup, toast


def open_in_reader(app, library, key: str, *, find_span: tuple[int, int] | None = None, **where) -> bool:
    """Push the reader on `key` (`where`: at, find, actor_id; `find_span`: find set to the text
    there); False, and said, if it cannot be read."""
    from analysis.documents import read_document
    from analysis.formats import DocumentError
    from tui.screens.reader import ReaderScreen

    try:
        document = read_document(key)
    except DocumentError as error:
        toast(app, str(error), title="Cannot open", severity="error", timeout=10)
        return False
    if find_span is not None and find_span[1] > find_span[0]:
        where["find"] = document.text[find_span[0] : find_span[1]]
    # A read-only library hands the reader the stores it opened, whose folders need no writing.
    stores = {} if not library.read_only else {
        "service": library.service, "notes_store": library.notes, "corrections": library.corrections,
        "state": library.state,
    }
    session = app.new_session(document, library.service.model_name, library.data_dir, **stores)
    app.sub_title = literal_markup(document.title)
    app.push_screen(ReaderScreen(session, **where))
    return True
