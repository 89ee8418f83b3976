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
    from tui.widgets.actor_list import actor_row

    actor = Actor("person:x", "Recep Tayyip Erdogan of a very long name", "person", [(0, 5)] * 12)
    row = actor_row(actor, 20)
    assert row.cell_length == 20
    assert row.plain.endswith(" 12") and "…" in row.plain
