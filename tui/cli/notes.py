"""`briefing notes add|list|export|import`: notes from scripts, and out to Markdown or JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tui.cli.options import fail


def notes_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefing notes", description="Work with your notes.")
    parser.add_argument("--data-dir", metavar="DIR", help="where notes are kept")
    # Also accepted after the command; SUPPRESS keeps a subcommand from resetting the value given
    # before it (argparse copies a subparser's defaults over the parent's).
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS, help="where notes are kept")
    commands = parser.add_subparsers(dest="command", required=True)
    add = commands.add_parser("add", parents=[common], help="pin a note to the first occurrence of a quote")
    add.add_argument("path", help="the briefing")
    add.add_argument("--quote", required=True, help="exact text of the briefing to anchor to")
    add.add_argument("--body", required=True, help="the note")
    add.add_argument("--tag", action="append", default=[], help="a tag (repeatable)")
    listing = commands.add_parser("list", parents=[common], help="list notes, of one briefing or of all")
    listing.add_argument("path", nargs="?", help="only the notes of this briefing")
    listing.add_argument("--json", action="store_true", help="one JSON object per note per line")
    export = commands.add_parser("export", parents=[common], help="all notes (or one briefing's) as Markdown or JSON")
    export.add_argument("path", nargs="?", help="only the notes of this briefing")
    export.add_argument("--format", choices=("md", "json"), default="md")
    export.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    imports = commands.add_parser("import", parents=[common], help="read notes exported as JSON (no duplicates)")
    imports.add_argument("file", help="a file written by 'briefing notes export --format json'")
    return parser


def selected_notes(store, path: str | None):
    """(notes, documents by path): one briefing's notes, placed on its current text, or all."""
    from analysis.documents import read_document
    from analysis.formats import DocumentError
    from analysis.notes.placing import place_notes
    from store.files import is_regular_file
    from tui.session import Session, readable_notes

    if path is not None:
        document = read_document(path)
        # The reader's own choice of this briefing's notes, and their placing on its text.
        notes = Session(document, notes_store=store).notes()
        # Notes written on this text under another path (the file moved) are placed on it too.
        documents = {note.document_path: document for note in notes}
        documents[document.path] = document
        return notes, documents
    notes = readable_notes(store.all())
    documents = {}
    # Every note, so the paths come from the store, where an import may have put any path
    # (/etc/shadow, a FIFO): a file is read only when it is a regular file, and used only when
    # its text is the one the notes were written on, so nothing but what the notes already
    # quote can reach the output. Naming a briefing (above) places its notes on today's text.
    for note_path in sorted({note.document_path for note in notes}):
        if not is_regular_file(note_path):
            continue
        try:
            document = read_document(note_path)
        except DocumentError:
            continue  # the briefing moved or went: its notes are still exported, without line numbers
        if any(note.content_hash == document.content_hash for note in notes if note.document_path == note_path):
            documents[note_path] = document
    placed = []
    for note_path in dict.fromkeys(note.document_path for note in notes):
        group = [note for note in notes if note.document_path == note_path]
        document = documents.get(note_path)
        placed.extend(place_notes(group, document) if document else group)
    return placed, documents


def run_notes(argv: list[str]) -> int:
    args = notes_parser().parse_args(argv)
    from analysis.documents import read_document
    from analysis.formats import DocumentError
    from store.files import NotAFile
    from store.jsonfile import StoreError
    from store.notes import NotesStore
    from store.paths import notes_path

    store = NotesStore(notes_path(args.data_dir))
    if store.read_only and args.command in ("add", "import"):
        return fail(store.problem)
    try:
        if args.command == "add":
            code = add_note(store, args, read_document)
        elif args.command == "import":
            code = import_notes(store, Path(args.file), args.data_dir)
        else:
            notes, documents = selected_notes(store, args.path)
            names = actor_names(documents, notes, args.data_dir, store)
            if args.command == "list":
                list_notes(notes, args.json, names)
            else:
                export_notes(notes, documents, args.format, args.output, args.data_dir, names)
            code = 0
    except DocumentError as error:
        return fail(str(error))
    except StoreError as error:
        return fail(str(error))
    except NotAFile as error:  # -o naming a device or a FIFO: refused, never written through
        return fail(str(error))
    except OSError as error:
        return fail(f"{error.filename or 'notes'}: {error.strerror or error}")
    # Each file or record that could not be read is said once. A listing or export that left
    # some out is incomplete, and a scripted backup must not look complete: exit code 1.
    warnings = store.warnings()
    for warning in warnings:
        fail(warning)
    return 1 if warnings and args.command in ("list", "export") else code


def add_note(store, args, read_document) -> int:
    from analysis.notes.anchors import find_quote
    from analysis.notes.editing import new_note

    document = read_document(args.path)
    found = find_quote(document.text, args.quote)
    if found is None:
        return fail(f"{document.path}: the quote is not in the briefing: {args.quote!r}")
    try:
        note = new_note(document, found[0], found[1], args.body, tags=args.tag)
    except ValueError as error:
        return fail(str(error), 2)
    saved = store.add(note.to_dict())
    print(saved["id"])
    return 0


def import_notes(store, path: Path, data_dir: str | None = None) -> int:
    from analysis.notes.export import from_json
    from store.files import NotAFile, read_bounded
    from store.note_records import MAX_IMPORT_BYTES

    try:
        text = read_bounded(path, MAX_IMPORT_BYTES).decode("utf-8")
        notes = from_json(text)
    except NotAFile as error:
        return fail(f"{path}: {error.reason}")
    except OSError as error:
        return fail(f"{path}: cannot be read ({error.strerror or error})")
    except UnicodeDecodeError as error:
        return fail(f"{path}: not UTF-8 text (a bad byte at {error.start})")
    except ValueError as error:
        return fail(f"{path}: {error}")
    added = store.import_notes([note.to_dict() for note in notes])
    print(f"imported {added} of {len(notes)} notes ({len(notes) - added} already there)", file=sys.stderr)
    states = json.loads(text).get("reading_state")  # from_json has checked it is a JSON object
    if isinstance(states, list):
        from store.paths import state_dir
        from store.state import StateStore

        kept = StateStore(state_dir(data_dir)).import_states([s for s in states if isinstance(s, dict)])
        print(f"imported the reading state of {kept} briefings", file=sys.stderr)
    return 0


def actor_names(documents, notes, data_dir, store) -> dict[str, str]:
    """Actor id -> name from the cached analyses of the briefings that hold notes on actors, as
    the app names them (after corrections). Only a cache read: no briefing is analysed here."""
    from tui.session import Session

    names: dict[str, str] = {}
    paths = {note.document_path for note in notes if note.actor_id}
    for document in {id(d): d for path, d in documents.items() if path in paths}.values():
        names.update(Session(document, data_dir=data_dir, notes_store=store).actor_names())
    return names


def list_notes(notes, as_json: bool, names: dict[str, str] | None = None) -> None:
    from analysis.notes.export import actor_name
    from tui.literal import for_stream, literal

    for note in notes:
        if as_json:  # JSON escapes C0 controls itself; on a terminal C1 and bidi ones are shown too
            print(for_stream(json.dumps(note.to_dict(), ensure_ascii=False), sys.stdout))
            continue
        # A listing for people: every field from the store shown literally, wherever it goes.
        where = note.anchor.quote if note.anchor else f"@{actor_name(note.actor_id, names)}"
        where = " ".join(literal(where).split())
        tags = " ".join(f"#{literal(tag)}" for tag in note.tags)
        print(f"{note.id[:8]}  {literal(note.document_path)}  [{note.placement}]  “{where[:50]}”  "
              f"{' '.join(literal(note.body).split())}  {tags}".rstrip())


def export_notes(
    notes, documents, fmt: str, output: str | None, data_dir: str | None = None, names: dict[str, str] | None = None
) -> None:
    from analysis.notes.export import markdown_export, to_json

    if fmt == "json":
        from store.paths import state_dir
        from store.state import StateStore

        # Reading state travels with the notes: it is the user's too.
        text = to_json(notes, list(StateStore(state_dir(data_dir)).all().values()))
    else:
        text = markdown_export(notes, documents, names)
    if output:
        from store.jsonfile import write_bytes_atomic

        write_bytes_atomic(Path(output), text.encode("utf-8"))
        from tui.literal import for_stream

        print(f"wrote {len(notes)} notes to {for_stream(output, sys.stderr)}", file=sys.stderr)
    else:
        from tui.literal import for_stream

        # To a terminal, escape sequences in a note are shown, not run; a pipe gets exact text.
        sys.stdout.write(for_stream(text if text.endswith("\n") else text + "\n", sys.stdout))
