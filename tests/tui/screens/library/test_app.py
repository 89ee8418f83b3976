"""The library screen, driven through the real app on a real folder and a warm analysis cache."""

from __future__ import annotations

from analysis.library.folder import Library
from tests.helpers.library import settle
from tui.app import BriefingApp
from tui.screens.library import LibraryScreen
from tui.screens.reader import ReaderScreen


def library_app(folder, home) -> BriefingApp:
    return BriefingApp(library=Library(folder, data_dir=str(home)), data_dir=str(home), jobs=1)




def files(screen: LibraryScreen) -> list[str]:
    table = screen.table
    return [screen.rows[table.coordinate_to_cell_key((index, 0)).row_key.value].relative for index in range(table.row_count)]


async def test_opens_every_briefing_newest_first_with_the_broken_ones_listed(library_folder, library_home):
    app = library_app(library_folder, library_home)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        shown = files(screen)
        # The hidden folder is skipped and the symlink loop is walked once, not for ever.
        assert sorted(shown) == sorted(
            ["turkey-ukraine.txt", "empty.txt", "binary.txt", *[f"speeches/{p.name}" for p in (library_folder / "speeches").glob("*.md")]]
        )
        assert shown[0] == "turkey-ukraine.txt"  # the newest analysed briefing
        states = {screen.rows[key].relative: screen.rows[key].state for key in screen.rows}
        assert states["empty.txt"] == states["binary.txt"] == "broken"
        assert "looks like a binary file" in screen.rows[str((library_folder / "binary.txt").resolve())].error
        assert states["turkey-ukraine.txt"] == "unread"
        seed = screen.rows[str((library_folder / "turkey-ukraine.txt").resolve())]
        assert "Turkey" in seed.top and len(seed.top) == 3
        status = str(screen.query_one("#library-status").render())
        assert "5 briefings · 3 analysed · 3 unread · 2 unreadable" in status


async def test_sort_and_filter_as_you_type(library_folder, library_home):
    app = library_app(library_folder, library_home)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        await pilot.press("S", "S")  # state, then title
        assert screen.filters.sort_column == "title"
        titles = [screen.rows[k].title.casefold() for k in (screen.table.coordinate_to_cell_key((i, 0)).row_key.value for i in range(screen.table.row_count))]
        assert titles == sorted(titles)
        await pilot.press("R")
        assert files(screen)[0] != files(screen)[-1] and screen.filters.reverse
        await pilot.press("slash", *"speech")
        await pilot.pause()
        assert all(name.startswith("speeches/") for name in files(screen)) and len(files(screen)) == 2
        await pilot.press("escape")  # esc in the filter clears it
        await pilot.pause()
        assert len(files(screen)) == 5
        await pilot.press("a", *"zelensky", "enter")
        await pilot.pause()
        assert files(screen) == ["turkey-ukraine.txt"]
        await pilot.press("c", "u")
        await pilot.pause()
        assert sorted(files(screen)) == sorted(f for f in files(screen) if f.endswith((".md", ".txt"))) and len(files(screen)) == 3


async def test_open_a_briefing_and_come_back_to_the_same_row_marked_read(library_folder, library_home):
    app = library_app(library_folder, library_home)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        await pilot.press("j")
        key = screen.table.current_key
        assert screen.rows[key].state == "unread"
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.session.document.path == key
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert screen.table.current_key == key
        assert screen.rows[key].state == "read"
        await pilot.press("asterisk")
        assert screen.rows[key].state == "starred"
        await pilot.press("s")
        await pilot.pause()
        assert files(screen) == [screen.rows[key].relative]


async def test_state_and_position_survive_a_restart(library_folder, library_home):
    app = library_app(library_folder, library_home)
    seed = str((library_folder / "turkey-ukraine.txt").resolve())
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        assert app.screen.table.current_key == seed
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("right_curly_bracket", "right_curly_bracket", "right_curly_bracket")
        await pilot.pause()
        assert app.screen.document_view.cursor_paragraph == 3
        await pilot.press("backspace")
        await pilot.pause()
        await pilot.press("j", "enter")
        await settle(app, pilot)
        await pilot.press("escape", "U")  # opened (so read), then marked unread again
        other = app.screen.table.current_key
    again = library_app(library_folder, library_home)
    async with again.run_test(size=(120, 36)) as pilot:
        await settle(again, pilot)
        screen = again.screen
        assert screen.rows[seed].state == "read"
        assert screen.rows[other].state == "unread"
        await pilot.press("enter")
        await settle(again, pilot)
        assert again.screen.document_view.cursor_paragraph == 3


async def test_a_search_result_opens_at_the_match_with_find_set(library_folder, library_home):
    app = library_app(library_folder, library_home)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+f", *'"new spherical" sanction*', "enter")
        await pilot.pause()
        search = app.screen
        assert [hit.path for hit in search.hits] == [str((library_folder / "turkey-ukraine.txt").resolve())]
        await pilot.press("enter")
        await settle(app, pilot)
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        text = reader.session.document.text
        offset = text.index("new spherical")
        assert reader.document_view.find_query == "new spherical"
        assert reader.document_view.current_offset == offset
        assert reader.document_view.cursor_paragraph == reader.session.document.paragraph_at(offset)
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_an_actor_opens_the_briefings_that_mention_it_then_the_reader_at_the_mention(library_folder, library_home):
    from tui.screens.library.actors import ActorBriefingsScreen, LibraryActorsScreen

    app = library_app(library_folder, library_home)
    seed = str((library_folder / "turkey-ukraine.txt").resolve())
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("A")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, LibraryActorsScreen)
        await pilot.press("slash", *"zelensky", "enter")
        await pilot.pause()
        assert [actor.name for actor in screen.shown] == ["Volodymyr Zelensky"]
        await pilot.press("enter")
        await pilot.pause()
        listing = app.screen
        assert isinstance(listing, ActorBriefingsScreen)
        assert [a.path for a in listing.appearances] == [seed]
        await pilot.press("enter")
        await settle(app, pilot)
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        actor = reader.analysis.actor(reader.actor_list.selected_id)
        assert actor.name == "Volodymyr Zelensky"
        assert reader.document_view.current_offset == actor.spans[0][0]


async def test_o_on_an_actor_in_the_reader_lists_the_other_briefings_with_it(library_folder, library_home):
    from tui.screens.library.actors import ActorBriefingsScreen

    app = library_app(library_folder, library_home)
    seed = str((library_folder / "turkey-ukraine.txt").resolve())
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        reader = app.screen
        # An actor the speeches name too: the United States, in the seed as "U.S." and "Washington".
        shared = next(a for a in reader.analysis.actors if a.name == "United States")
        reader.actor_list.focus()
        reader.actor_list.highlighted = [a.id for a in reader.actor_list._visible()].index(shared.id)
        await pilot.press("o")
        await settle(app, pilot)
        listing = app.screen
        assert isinstance(listing, ActorBriefingsScreen)
        paths = {a.path for a in listing.appearances}
        assert seed not in paths and paths and all("/speeches/" in path for path in paths)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is reader


async def test_files_added_changed_and_removed_are_picked_up_by_a_rescan(library_folder, library_home, monkeypatch, pipeline):
    monkeypatch.setattr("analysis.service.load_pipeline", lambda name: pipeline)  # the changed text needs the model
    app = library_app(library_folder, library_home)
    seed = library_folder / "turkey-ukraine.txt"
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        words_before = screen.rows[str(seed.resolve())].words
        (library_folder / "copy.md").write_text(seed.read_text())  # same text: from the cache
        speech = next((library_folder / "speeches").glob("*.md"))
        speech.unlink()
        (library_folder / "binary.txt").unlink()  # removed, no notes: dropped from the list
        with seed.open("a") as handle:
            handle.write("\n\nAnkara said the talks would resume in Istanbul next week.\n")
        from store.notes import NotesStore
        from store.paths import notes_path

        gone = library_folder / "speeches" / "gone.md"  # never seen by this library, a note on it
        for path in (gone, speech):
            NotesStore(notes_path(str(library_home))).add(
                {"document_path": str(path.absolute()), "content_hash": "0" * 64, "anchor": None, "body": "kept", "tags": []}
            )
        screen.rescan()  # what the timer does every few seconds
        await settle(app, pilot)
        await settle(app, pilot)
        # A file gone with a note on it is listed as gone: its notes are never dropped.
        assert screen.rows[str(library_folder.resolve() / "speeches" / speech.name)].state == "missing"
        assert screen.rows[str((library_folder / "copy.md").resolve())].state == "unread"
        changed = screen.rows[str(seed.resolve())]
        assert changed.indexed and changed.words == words_before + 10
        assert "copy.md" in files(screen) and "binary.txt" not in files(screen)
        assert str((library_folder / "binary.txt").absolute()) not in screen.rows
        assert screen.rows[str(library_folder.resolve() / "speeches" / "gone.md")].notes == 1


async def test_a_single_briefing_reopens_at_the_paragraph_it_was_left_at(warm_home, seed_path):
    from tests.helpers.app import make_app

    app = make_app(warm_home, seed_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press(*["right_curly_bracket"] * 5)
        await pilot.pause()
        assert app.screen.document_view.cursor_paragraph == 5
    again = make_app(warm_home, seed_path)
    async with again.run_test(size=(120, 36)) as pilot:
        await settle(again, pilot)
        assert again.screen.document_view.cursor_paragraph == 5
        assert again.screen.session.state.get(again.screen.session.state_key)["read"] is True


async def test_a_file_added_while_open_is_listed_without_waiting_for_a_rescan(library_folder, library_home):
    app = library_app(library_folder, library_home)
    added = library_folder / "speeches" / "added.md"
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert screen.watch.rescans._interval > 60  # the timer is only the safety net while watching
        key = str(added.resolve())
        # Written again until seen (bounded): the watcher's thread may still be setting up.
        for attempt in range(40):
            added.write_text(f"# Added\n\nAnkara hosted talks, attempt {attempt}.\n", encoding="utf-8")
            for _ in range(10):
                await pilot.pause(0.05)
                if key in screen.rows:
                    break
            if key in screen.rows:
                break
        assert key in screen.rows and "speeches/added.md" in files(screen)
        added.unlink()
        for _ in range(100):
            await pilot.pause(0.05)
            if key not in screen.rows:
                break
        assert key not in screen.rows
    assert not screen.watch.watcher.is_alive()


async def test_every_column_fits_at_80_columns_and_a_resize_lays_them_out_again(library_folder, library_home):
    """At 80 columns the 120-column widths overflowed by 40 cells: the table scrolled sideways."""
    app = library_app(library_folder, library_home)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        table = app.screen.table
        wide = [column.key.value for column in table.ordered_columns]
        assert "words" in wide and "file" in wide
        await pilot.press("j")
        highlighted = table.current_key
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        narrow = [column.key.value for column in table.ordered_columns]
        assert "words" not in narrow and {"title", "file", "actors", "notes"} <= set(narrow)
        assert table.virtual_size.width <= table.scrollable_content_region.width + table.styles.scrollbar_size_vertical
        assert table.current_key == highlighted  # the rows laid out again keep the cursor's briefing
        await pilot.press("A")  # actors across the library
        await pilot.pause()
        actors = app.screen.query_one("#library-actors-table")
        for _ in range(50):
            if actors.row_count:
                break
            await pilot.pause(0.1)
        assert actors.row_count
        assert actors.virtual_size.width <= actors.scrollable_content_region.width + actors.styles.scrollbar_size_vertical


async def test_a_briefing_that_cannot_be_opened_is_named_literally(library_folder, library_home):
    """The reason names the file, and a file name is text from outside: drawn as markup, its
    '[bold]' was taken for a style and vanished from the notification."""
    from tui.screens.library.open import open_in_reader

    hostile = library_folder / "gone [bold]x[red] y.txt"
    hostile.write_text((library_folder / "turkey-ukraine.txt").read_text(), encoding="utf-8")  # cached text
    app = library_app(library_folder, library_home)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        key = str(hostile.resolve())
        assert key in app.screen.rows
        hostile.unlink()
        assert not open_in_reader(app, app.screen.library, key)
        await pilot.pause()
        await pilot.pause()
        [shown] = [n for n in app._notifications if n.title == "Cannot open"]
        # drawn as markup, '[bold]' would style the rest and vanish: it must be shown as written
        assert "gone [bold]x[red] y.txt" in shown.message and not shown.markup
        assert isinstance(app.screen, LibraryScreen)


async def test_quitting_as_a_briefing_opens_raises_nothing(library_folder, library_home):
    """enter then ctrl+q in one read: see `test_quitting_as_each_screen_opens_raises_nothing`."""
    app = library_app(library_folder, library_home)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        app.screen.open_briefing(str((library_folder / "turkey-ukraine.txt").resolve()))
        app.exit()
