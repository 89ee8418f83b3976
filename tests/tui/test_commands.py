"""The command registry: no key does two things in one place, and the README tells the truth."""

from __future__ import annotations

from tests.helpers import REPO_ROOT
from tui.commands import COMMANDS, SCOPES, commands_for


def test_ids_unique():
    ids = [command.id for command in COMMANDS]
    assert len(ids) == len(set(ids))


def test_no_key_clash_within_a_pane_or_with_global_keys():
    app_keys = {key for command in commands_for("app") for key in command.key_names}
    for scope in SCOPES:
        if scope == "app":
            continue
        keys = [key for command in commands_for(scope) for key in command.key_names]
        assert len(keys) == len(set(keys)), scope
        # tab, q, ?, digits are global: a pane must not swallow them
        assert not (set(keys) & app_keys), (scope, set(keys) & app_keys)


def test_readme_key_table_matches_registry():
    readme = (REPO_ROOT / "README.md").read_text()
    for command in COMMANDS:
        described = command.description[0].lower() + command.description[1:]
        assert f"`{command.keys_shown()}` {described}" in readme, command.id


def test_the_default_keys_never_clash_and_a_rebinding_that_does_is_found():
    from tui.commands import key_clashes

    assert key_clashes({}) == []
    assert key_clashes({"notes.export": "d"}) == [("notes.export", "d", "notes.delete")]
    assert key_clashes({"notes.export": "?"}) == [("notes.export", "question_mark", "app.help")]
    assert key_clashes({"notes.export": "d", "notes.delete": "ctrl+d"}) == []
    assert key_clashes({"actors.merge": "e"}) == []  # e edits a note in another pane
