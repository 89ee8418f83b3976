"""Notes on actors out of the CLI read as the app shows them: the actor's name, never its id, and
the Markdown export is the same text from `briefing notes export` as from `x` in the app."""

from __future__ import annotations

from analysis.documents import read_document
from analysis.notes.editing import note_on_actor
from analysis.notes.export import actor_name
from store.notes import NotesStore
from store.paths import notes_path
from tui.cli import main
from tui.session import Session


def test_an_actor_without_an_analysis_is_named_from_its_id():
    assert actor_name("place:russia", {}) == "Russia"
    assert actor_name("person:recep-tayyip-erdogan") == "Recep Tayyip Erdogan"
    assert actor_name("place:russia", {"place:russia": "Russian Federation"}) == "Russian Federation"


def test_list_and_export_name_the_actor_and_match_the_apps_export(capsys, warm_home, seed_path):
    document = read_document(seed_path)
    session = Session(document, data_dir=str(warm_home))
    names = session.actor_names()
    erdogan = next(actor_id for actor_id, name in names.items() if "Erdogan" in name)
    NotesStore(notes_path(str(warm_home))).add(note_on_actor(document, erdogan, names[erdogan], "Ask about Montreux").to_dict())

    assert main(["notes", "--data-dir", str(warm_home), "list"]) == 0
    listed = capsys.readouterr().out
    assert f"“@{names[erdogan]}”" in listed and erdogan not in listed

    assert main(["notes", "--data-dir", str(warm_home), "export", str(seed_path)]) == 0
    exported = capsys.readouterr().out
    assert f"**On {names[erdogan]}**" in exported and erdogan not in exported

    path, _ = session.export_notes()  # what `x` in the app writes
    assert path.read_text(encoding="utf-8") == exported
