"""A resize draws the reader whole once, and what it draws is what a reader started at that size shows."""

from __future__ import annotations

from textual._compositor import Compositor

from tests.helpers.app import make_app, settle, until


async def test_a_resized_reader_is_drawn_whole_once_as_a_fresh_one_shows_it(warm_home, seed_path, monkeypatch):
    fresh = make_app(warm_home, seed_path)
    async with fresh.run_test(size=(80, 24)) as pilot:
        await settle(fresh, pilot)
        expected = fresh.export_screenshot()

    full_updates: list[Compositor] = []
    render_full_update = Compositor.render_full_update

    def counted(self, *args, **kwargs):
        full_updates.append(self)
        return render_full_update(self, *args, **kwargs)

    monkeypatch.setattr(Compositor, "render_full_update", counted)
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=(110, 30)) as pilot:
        await settle(app, pilot)
        reader = app.screen
        full_updates.clear()
        await pilot.resize_terminal(80, 24)
        view = reader.document_view
        await until(pilot, lambda: view.layout is not None and view.layout.width == view.wrap_width)
        await pilot.pause(0.3)
        # Before: the layout's full update, then one or two more of the same lines (the resized
        # widgets' own refreshes, and the blank screen under the reader asking for its area).
        assert [c for c in full_updates if c is reader._compositor] == [reader._compositor]
        assert app.export_screenshot() == expected
