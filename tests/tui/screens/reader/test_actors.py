"""The actors pane in the app: corrections that stick, folding, details, filters and key facts."""

from __future__ import annotations

from tests.helpers.app import make_app, settle
from tui.dialogs.actor_details import ActorDetails
from tui.dialogs.correction import CorrectionDialog
from tui.dialogs.facts import FactsDialog
from tui.widgets.actor_list import ActorList
from tui.widgets.document.view import DocumentView

SIZE = (120, 36)


async def highlight(pilot, actors: ActorList, name: str) -> None:
    await pilot.press("1", "home")
    for _ in range(actors.option_count):  # bounded: a name not in the list fails, never hangs
        if actors.highlighted_actor.name == name:
            return
        await pilot.press("j")
    assert actors.highlighted_actor.name == name


def names(actors: ActorList) -> list[str]:
    return [actor.name for actor in actors.actors if not actor.hidden]


async def test_rename_hide_merge_kind_stick_after_restart(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        actors = app.screen.query_one(ActorList)
        await highlight(pilot, actors, "West")
        await pilot.press("h")
        await settle(app, pilot)
        assert "West" not in names(actors)

        await highlight(pilot, actors, "Pentagon")
        await pilot.press("r")
        await settle(app, pilot)
        assert isinstance(app.screen, CorrectionDialog)
        await pilot.press("ctrl+a", "ctrl+k", *"US Department of Defense", "enter")
        await settle(app, pilot)
        assert "US Department of Defense" in names(actors) and "Pentagon" not in names(actors)

        await highlight(pilot, actors, "Atlantic")
        await pilot.press("K")
        await settle(app, pilot)
        await pilot.press(*"thing", "enter")
        await settle(app, pilot)
        assert next(a for a in actors.actors if a.name == "Atlantic").kind == "thing"

        brussels = next(a for a in actors.actors if a.name == "Brussels")
        await highlight(pilot, actors, "Brussels")
        await pilot.press("m")
        await settle(app, pilot)
        await pilot.press(*"NATO", "enter")
        await settle(app, pilot)
        nato = next(a for a in actors.actors if a.name == "NATO")
        assert "Brussels" not in names(actors)
        assert brussels.spans[0] in nato.spans
        assert "Brussels" in [alias.name for alias in nato.aliases]

    app = make_app(warm_home, seed_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        actors = app.screen.query_one(ActorList)
        shown = names(actors)
        assert "West" not in shown and "Brussels" not in shown and "Pentagon" not in shown
        assert "US Department of Defense" in shown
        # H shows the hidden actor again, struck through; h on it unhides
        await highlight(pilot, actors, "Turkey")
        await pilot.press("H")
        await settle(app, pilot)
        hidden = [a.name for a in actors.actors if a.hidden]
        assert hidden == ["West"]
        await highlight(pilot, actors, "West")
        await pilot.press("h")
        await settle(app, pilot)  # the actors are derived again in a worker
        assert "West" in names(actors)


async def test_correction_for_every_briefing(warm_home, seed_path, tmp_path):
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        actors = app.screen.query_one(ActorList)
        await highlight(pilot, actors, "Pentagon")
        await pilot.press("K", *"group", "ctrl+g", "enter")
        await pilot.pause()
    other = tmp_path / "other.txt"
    other.write_text("The Pentagon said little. The Pentagon then said more.")
    app = make_app(warm_home, other)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        pentagon = next(a for a in app.screen.query_one(ActorList).actors if a.name == "Pentagon")
        assert pentagon.kind == "group"


async def test_fold_toggle_gives_capitals_their_own_rows(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        actors = app.screen.query_one(ActorList)
        assert "Kyiv" not in names(actors)
        ukraine = next(a for a in actors.actors if a.name == "Ukraine")
        assert any(alias.name == "Kyiv" and alias.folded for alias in ukraine.aliases)
        await pilot.press("1", "F")
        await pilot.pause()
        assert "Kyiv" in names(actors)
        assert next(a for a in actors.actors if a.name == "Kyiv").kind == "place"
        await pilot.press("F")
        await pilot.pause()
        assert "Kyiv" not in names(actors)


async def test_details_show_role_aliases_company_and_jump(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        actors = app.screen.query_one(ActorList)
        erdogan = next(a for a in actors.actors if a.name == "Recep Tayyip Erdogan")
        await highlight(pilot, actors, "Recep Tayyip Erdogan")
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, ActorDetails)
        summary = str(app.screen.query_one("#actor-details-summary").render())
        assert "Turkish President" in summary and "Erdogan" in summary and "Appears with" in summary
        assert app.screen.query_one("#actor-mentions").option_count == erdogan.mentions
        await pilot.press("j", "enter")
        await pilot.pause()
        view = app.screen.query_one(DocumentView)
        assert view.cursor_paragraph == app.session.document.paragraph_at(erdogan.spans[1][0])


async def test_filters_by_kind_and_name(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        actors = app.screen.query_one(ActorList)
        await pilot.press("1", "f")  # first kind: people
        await pilot.pause()
        shown = [actors.get_option_at_index(i).id for i in range(actors.option_count)]
        assert shown and all(actor_id.startswith("person:") for actor_id in shown)
        await pilot.press("f", "f", "f", "f", "f")  # round to all kinds again
        await pilot.press("slash", *"kyiv", "enter")  # a folded alias finds its state
        await pilot.pause()
        visible = [actors.get_option_at_index(i).id for i in range(actors.option_count)]
        assert [next(a.name for a in actors.actors if a.id == v) for v in visible] == ["Ukraine"]


async def test_key_facts_view_jumps(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("D")
        await pilot.pause()
        assert isinstance(app.screen, FactsDialog)
        facts = app.screen.facts
        assert facts[0].text == "April 10"
        kosachev_year = next(f for f in facts if f.text == "2015-16")
        while app.screen.query_one("#facts-list").highlighted != facts.index(kosachev_year):
            await pilot.press("j")
        await pilot.press("enter")
        await pilot.pause()
        view = app.screen.query_one(DocumentView)
        assert view.cursor_paragraph == app.session.document.paragraph_at(kosachev_year.start)


async def test_the_status_says_while_actors_are_re_derived_and_if_that_fails(warm_home, seed_path, monkeypatch):
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = app.screen
        counted = screen.status.analysis_state
        assert counted.endswith(" actors")
        screen.refresh_analysis()
        assert screen.status.analysis_state == "updating actors…"
        await settle(app, pilot)
        assert screen.status.analysis_state == counted

        def broken():
            raise RuntimeError("corrections file vanished")

        monkeypatch.setattr(screen.session, "view", broken)
        await pilot.press("1", "F")
        await settle(app, pilot)
        assert screen.status.analysis_state == counted  # the last good actors stay
        assert any("corrections file vanished" in str(n.message) for n in app._notifications)


async def test_a_filter_redraws_the_list_without_laying_out_the_reader(warm_home, seed_path):
    """The list's length is not the pane's size: only scrollbars shown or hidden change the layout."""
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=(120, 16)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        actors = screen.query_one(ActorList)
        await pilot.press("1")
        await pilot.pause()
        assert actors.show_vertical_scrollbar  # every actor: longer than the pane
        layouts = []
        lay_out = screen._refresh_layout
        screen._refresh_layout = lambda *args, **kwargs: (layouts.append(args), lay_out(*args, **kwargs))
        shown = [actors.show_vertical_scrollbar]
        for _ in range(5):  # each kind in turn, then every actor again
            await pilot.press("f")
            await pilot.pause()
            rows = sum(actors._line_cache.heights.values())
            assert actors.virtual_size.height == rows
            assert actors.show_vertical_scrollbar == (rows > actors.scrollable_content_region.height)
            shown.append(actors.show_vertical_scrollbar)
            await pilot.press("end")  # the last row can be reached, and shows
            await pilot.pause()
            assert actors.highlighted == actors.option_count - 1
            assert actors.scroll_y == actors.max_scroll_y
        # A layout only where a scrollbar came or went (a short kind, and every actor again).
        changes = sum(before != after for before, after in zip(shown, shown[1:]))
        assert 0 < changes < 5 and len(layouts) <= changes
