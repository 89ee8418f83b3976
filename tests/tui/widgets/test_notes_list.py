"""Notes in a narrow pane: wrapped at words, a cut marked with "…", the highlighted note whole."""

from __future__ import annotations

from rich.text import Text

from tests.helpers.app import make_app, settle
from tests.helpers.notes_app import writes_landed
from tui.widgets.notes_list import FOLDED_LINES, NotesList, fit_label

BODY = "Ankara wants de-escalation first; check the statement of 2020 against this one, and the grain deal"


def test_a_label_wraps_at_words_and_marks_every_cut():
    lines = fit_label(Text(BODY), width=14).plain.split("\n")
    assert all(len(line) <= 14 for line in lines)
    # every word is whole on one line: none is broken across two
    assert " ".join(lines).split() == BODY.split()
    folded = fit_label(Text(BODY), width=14, max_lines=3).plain.split("\n")
    assert len(folded) == 3 and folded[-1].endswith("…")
    long_word = Text("a de-escalation-first-policy")
    assert fit_label(long_word, width=10, max_lines=3).plain.split("\n") == ["a", "de-escala…"]
    assert fit_label(long_word, width=10).plain.split("\n") == ["a", "de-escalat", "ion-first-", "policy"]


async def test_at_80x24_notes_fold_and_the_highlighted_one_shows_whole(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        for paragraph in ("right_curly_bracket", "right_curly_bracket"):
            await pilot.press("2", paragraph, "a", *BODY, "ctrl+s")
            await writes_landed(app, pilot)
        notes = app.screen.query_one(NotesList)
        await pilot.press("3")
        await pilot.pause()
        width = notes.label_width
        prompts = [notes.get_option_at_index(i).prompt.plain for i in range(notes.option_count)]
        whole = prompts[notes.highlighted]
        folded = prompts[1 - notes.highlighted]
        assert all(len(line) <= width for prompt in prompts for line in prompt.split("\n"))
        assert BODY.split()[-1] in whole.split()
        # one line for where it is and its quote, then the body's first lines
        assert len(folded.split("\n")) == 1 + FOLDED_LINES and folded.endswith("…")
        assert folded.split("\n")[0].endswith("…")
        await pilot.press("j" if notes.highlighted == 0 else "k")
        await pilot.pause()
        prompts = [notes.get_option_at_index(i).prompt.plain for i in range(notes.option_count)]
        assert BODY.split()[-1] in prompts[notes.highlighted].split()  # now this one is whole
        assert prompts[1 - notes.highlighted].endswith("…")


async def test_a_resize_relabels_the_notes_and_leaves_the_hint_to_wrap_itself(warm_home, seed_path, monkeypatch):
    app = make_app(warm_home, seed_path)
    shown: list[int] = []
    show = NotesList.show

    def counted(self, notes, *args, **kwargs):
        shown.append(len(notes))
        return show(self, notes, *args, **kwargs)

    monkeypatch.setattr(NotesList, "show", counted)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        notes = app.screen.query_one(NotesList)
        shown.clear()
        await pilot.resize_terminal(100, 24)
        await pilot.pause()
        assert shown == []  # only the hint: the list wraps it at the new width itself
        await pilot.press("2", "a", *BODY, "ctrl+s")
        await writes_landed(app, pilot)
        shown.clear()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert shown == [1] and notes.label_width == notes.note_width()  # cut again for the width
