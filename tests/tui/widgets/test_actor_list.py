"""The actors pane with thousands of actors: every row at once, in order, drawn for its width."""

from __future__ import annotations

from textual.app import App, ComposeResult

from analysis.types import Actor
from tui.widgets.actor_list import ActorList
from tui.widgets.kinds import kind_look


class ListApp(App):
    CSS = "ActorList { width: 40%; scrollbar-size-vertical: 1; }"  # as in the app

    def compose(self) -> ComposeResult:
        yield ActorList(id="actor-list")


def many_actors(count: int) -> list[Actor]:
    return [Actor(f"person:p{i}", f"Person {i}", "person", [(i * 10, i * 10 + 5)]) for i in range(count)]


def shown_rows(app: App) -> list[str]:
    """The pane's rows as it draws them on screen, at its scroll position."""
    pane = app.query_one(ActorList)
    return [pane.render_line(y).text[: pane.row_width] for y in range(pane.scrollable_content_region.height)]


async def test_thousands_of_actors_are_all_in_at_once_and_keep_the_selection():
    app = ListApp()
    async with app.run_test(size=(60, 20)) as pilot:
        actors_pane = app.query_one(ActorList)
        actors = many_actors(3_000)
        actors_pane.selected_id = actors[1_501].id
        actors_pane.show(actors)
        ids = [actors_pane.get_option_at_index(i).id for i in range(actors_pane.option_count)]
        assert ids == [actor.id for actor in actors]
        assert actors_pane.highlighted_actor.id == actors[1_501].id
        await pilot.pause()
        # the highlighted row is scrolled into view and drawn there
        rows = [row for row in shown_rows(app) if row.strip()]
        assert any(row.startswith("● 1501 ") for row in rows), rows  # a surname no other actor has
        # a filter replaces the rows
        actors_pane.set_name_filter("Person 99")
        shown = [actors_pane.get_option_at_index(i).id for i in range(actors_pane.option_count)]
        assert shown == [a.id for a in actors if "Person 99" in a.name]


async def test_a_resize_draws_the_rows_shown_for_the_new_width_and_keeps_the_highlight():
    app = ListApp()
    async with app.run_test(size=(60, 20)) as pilot:
        pane = app.query_one(ActorList)
        long_name = Actor("org:long", "North Atlantic Treaty Org", "org", [(0, 5)] * 3)
        actors = [*many_actors(500), long_name]
        pane.selected_id = long_name.id
        pane.show(actors)
        await pilot.pause()
        wide = pane.row_width
        assert pane.virtual_size.height == len(actors) + 1  # the long name takes two lines
        await pilot.resize_terminal(100, 20)
        await pilot.pause()
        assert pane.row_width > wide
        assert pane.virtual_size.height == len(actors)  # and now fits on one
        rows = [row for row in shown_rows(app) if row.strip()]
        assert rows[-1].startswith(f"{kind_look('org').glyph} North Atlantic Treaty Org ")
        assert rows[-1].endswith(" 3") and len(rows[-1]) == pane.row_width
        assert pane.highlighted_actor is long_name
        # back to the first width, and a height change there: the lines counted for it still hold
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        await pilot.resize_terminal(60, 16)
        await pilot.pause()
        assert pane.row_width == wide and pane.virtual_size.height == len(actors) + 1
        rows = [row for row in shown_rows(app) if row.strip()]
        assert rows[-2].startswith(f"{kind_look('org').glyph} North Atlantic") and rows[-1].strip() == "Treaty Org"


def test_rows_fit_their_width_with_the_count_flush_right():
    from tui.widgets.actor_rows import actor_row

    actor = Actor("person:x", "Recep Tayyip Erdogan of a very long name", "person", [(0, 5)] * 12)
    lines = actor_row(actor, 20).plain.split("\n")
    assert [len(line) for line in lines] == [20, 20]  # a long name takes a second line
    assert lines[0].endswith(" 12") and lines[1].rstrip().endswith("…")


def test_a_person_is_shown_by_surname_where_no_other_actor_is():
    from tui.widgets.actor_rows import short_names

    actors = [
        Actor("person:a", "Recep Tayyip Erdogan", "person", [(0, 1)]),
        Actor("person:b", "Joe Biden", "person", [(0, 1)]),
        Actor("person:c", "Hunter Biden", "person", [(0, 1)]),
        Actor("place:us", "United States", "place", [(0, 1)]),
    ]
    assert short_names(actors) == {
        "person:a": "Erdogan", "person:b": "Joe Biden", "person:c": "Hunter Biden", "place:us": "United States",
    }


async def test_at_80x24_the_seeds_names_are_not_cut_and_s_sorts(warm_home, seed_path):
    from tests.helpers.app import make_app, settle

    app = make_app(warm_home, seed_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        pane = app.screen.query_one(ActorList)
        assert pane.border_title.endswith("by importance")
        rows = [str(pane.get_option_at_index(i).prompt) for i in range(pane.option_count)]
        cut = [row for row in rows if "…" in row]
        assert not cut, cut
        assert any(row.startswith("● Erdogan") for row in rows)
        await pilot.press("1", "S")
        assert pane.border_title.endswith("by mentions")
        shown = [pane.get_option_at_index(i).id for i in range(pane.option_count)]
        counts = [next(a.mentions for a in pane.actors if a.id == i) for i in shown]
        assert counts == sorted(counts, reverse=True)
        await pilot.press("S")
        assert pane.border_title.endswith("by name")
        assert pane.highlighted_actor.kind in pane.border_subtitle  # its glyph, explained
