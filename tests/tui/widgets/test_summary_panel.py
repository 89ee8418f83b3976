"""The summary at 80x24: whole sentences in its box, reachable by focus, and scrolled by keys."""

from __future__ import annotations

from tests.helpers.app import make_app, settle
from tui.widgets.summary_panel import SummaryBox, SummaryPanel, sentence_lines, whole_sentences_height


def test_the_box_holds_whole_sentences_only():
    assert whole_sentences_height([2, 3, 2], cap=6) == 5
    assert whole_sentences_height([2, 3, 2], cap=4) == 2
    assert whole_sentences_height([9, 1], cap=4) == 9  # the first, whole, even past the cap


def test_sentences_wrap_at_words():
    assert sentence_lines(["one two three four"], width=10) == [2]


async def test_at_80x24_the_summary_shows_whole_sentences_and_scrolls(warm_home, seed_path):
    app = make_app(warm_home, seed_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        box = app.screen.query_one(SummaryBox)
        panel = box.query_one(SummaryPanel)
        width = box.scrollable_content_region.width - 2
        lines = sentence_lines(panel.sentences, width)
        inside = box.size.height  # the lines inside its border
        assert len(lines) > 1 and inside < sum(lines)  # the seed's summary does not all fit
        assert inside in {sum(lines[:n]) for n in range(1, len(lines) + 1)}
        await pilot.press("s")  # shown: s gives it focus
        assert box.has_focus
        await pilot.press("j", "j")
        await pilot.pause()
        assert box.scroll_y == 2
        await pilot.press("s")  # s again hides it, back to the document
        assert not box.display and app.screen.query_one("#document-view").has_focus


async def test_a_summary_sentence_that_opens_the_text_is_not_shown_above_it_again():
    """The box sits right above the text's opening paragraph: its lead was on screen twice."""
    from textual.app import App

    from tui.widgets.summary_panel import SummaryPanel

    text = "Ankara hosted the talks. It was Monday.\n\nKyiv asked for drones. Moscow objected to the sale."
    lead, second, third = (0, 24), (41, 63), (64, len(text))
    paragraphs = [(0, 39), (41, len(text))]

    class OnePanel(App):
        def compose(self):
            yield SummaryPanel()

    app = OnePanel()
    async with app.run_test() as pilot:
        panel = app.query_one(SummaryPanel)
        panel.show(text, [lead, (25, 39), second, third], paragraphs)  # two from the opening
        await pilot.pause()
        assert panel.sentences == ["Kyiv asked for drones.", "Moscow objected to the sale."]
        panel.show(text, [lead], paragraphs)  # when nothing else is left it is kept: a box says more
        assert panel.sentences == ["Ankara hosted the talks."]


async def test_a_resize_sizes_the_box_in_its_own_layout(warm_home, seed_path, monkeypatch):
    """The box's height comes from the layout at the new width: set after it, from the box's
    Resize event, the screen was laid out and drawn a second time at each resize."""
    from textual._compositor import Compositor

    app = make_app(warm_home, seed_path)
    drawn: list = []
    render_full_update = Compositor.render_full_update

    def record(self, *args, **kwargs):
        drawn.append(app.screen.query_one(SummaryBox).region)
        return render_full_update(self, *args, **kwargs)

    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        box = app.screen.query_one(SummaryBox)
        before = box.region
        monkeypatch.setattr(Compositor, "render_full_update", record)
        await pilot.resize_terminal(70, 30)
        await pilot.pause(0.3)
        assert box.region.height != before.height  # narrower: the sentences take more lines
        assert drawn[0] == box.region
