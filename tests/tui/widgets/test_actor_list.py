"""The actors pane with thousands of actors: rows arrive in batches, all of them, in order."""

from __future__ import annotations

from textual.app import App, ComposeResult

from analysis.types import Actor
from tui.widgets.actor_list import ROWS_AT_ONCE, ActorList


class ListApp(App):
    def compose(self) -> ComposeResult:
        yield ActorList(id="actor-list")


def many_actors(count: int) -> list[Actor]:
    return [Actor(f"person:p{i}", f"Person {i}", "person", [(i * 10, i * 10 + 5)]) for i in range(count)]


async def test_thousands_of_actors_fill_in_batches_and_keep_the_selection():
    app = ListApp()
    async with app.run_test(size=(40, 20)) as pilot:
        actors_pane = app.query_one(ActorList)
        actors = many_actors(ROWS_AT_ONCE * 5 + 7)
        actors_pane.selected_id = actors[ROWS_AT_ONCE * 3 + 1].id
        actors_pane.show(actors)
        assert actors_pane.option_count == ROWS_AT_ONCE  # the first batch, at once
        # One pause lets at least one batch in; twice as many as there are batches is ample, and a
        # fill that stalls fails here instead of hanging the run.
        for _ in range(2 * (len(actors) // ROWS_AT_ONCE + 1)):
            if actors_pane.option_count == len(actors):
                break
            await pilot.pause()
        assert actors_pane.option_count == len(actors)
        ids = [actors_pane.get_option_at_index(i).id for i in range(len(actors))]
        assert ids == [actor.id for actor in actors]
        assert actors_pane.highlighted_actor.id == actors[ROWS_AT_ONCE * 3 + 1].id
        # a new fill (a filter) replaces a fill still under way
        actors_pane.show(actors)
        actors_pane.set_name_filter("Person 99")
        for _ in range(10):
            await pilot.pause()
        shown = [actors_pane.get_option_at_index(i).id for i in range(actors_pane.option_count)]
        assert shown == [a.id for a in actors if "Person 99" in a.name]


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
