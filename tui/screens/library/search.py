"""Search across the library: the text of every briefing, ranked hits with the match marked.

A query is words (all must occur), "quoted phrases" and prefixes (`sanction*`); `enter` on a hit
opens the reader at the match with find set, so `n`/`N` walk the rest of that briefing.
"""

from __future__ import annotations

import time

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from store.search import PAGE, BadQuery, Hit

MORE_HITS = 40  # fetched after the first page has painted
from tui.commands import bindings_for
from tui.focus import focus_now
from tui.literal import literal
from tui.quit_safe import skip_if_quitting
from tui.widgets.search_hit import hit_label


class SearchResults(OptionList):
    BINDINGS = bindings_for("search")

    def action_edit_query(self) -> None:
        focus_now(self.screen.query_one("#search-query", Input))


class SearchScreen(Screen):
    def __init__(self, library, query: str = "") -> None:
        super().__init__()
        self.library = library
        self.initial = query
        self.hits: list[Hit] = []
        self.last_query = ""

    def compose(self) -> ComposeResult:
        yield Input(self.initial, placeholder='search every briefing: words, "a phrase", prefix*  (enter)', id="search-query")
        yield SearchResults(id="search-results")
        yield Static(id="search-status")
        yield Footer()

    @skip_if_quitting
    def on_mount(self) -> None:
        focus_now(self.query_one("#search-query", Input))
        if self.initial:
            self.run_query(self.initial)

    @on(Input.Submitted, "#search-query")
    def submitted(self, event: Input.Submitted) -> None:
        self.run_query(event.value)
        if self.hits:
            focus_now(self.query_one(SearchResults))

    def run_query(self, query: str) -> None:
        results = self.query_one(SearchResults)
        status = self.query_one("#search-status", Static)
        results.clear_options()
        self.hits = []
        if not query.strip():
            status.update("")
            return
        started = time.perf_counter()
        try:
            self.hits = self.library.search(query)
        except BadQuery as error:
            status.update(Text(literal(str(error))))
            return
        elapsed = (time.perf_counter() - started) * 1000
        self.last_query = query
        self.add_hits(self.hits, 0)
        if self.hits:
            results.highlighted = 0
        self.say(query, elapsed)
        if len(self.hits) == PAGE:
            # The first page is on screen; the next ones follow once it has painted.
            self.call_after_refresh(self.more, query, elapsed)

    def add_hits(self, hits: list[Hit], first: int) -> None:
        root = str(self.library.root)
        self.query_one(SearchResults).add_options(
            Option(hit_label(hit, hit.path[len(root) + 1 :] if hit.path.startswith(root) else hit.path), id=str(first + number))
            for number, hit in enumerate(hits)
        )

    def more(self, query: str, elapsed: float) -> None:
        if query != self.last_query:
            return
        extra = self.library.search(query, limit=MORE_HITS, offset=len(self.hits))
        self.add_hits(extra, len(self.hits))
        self.hits += extra
        self.say(query, elapsed)

    def say(self, query: str, elapsed: float) -> None:
        count = len(self.hits)
        shown = f"the {count} best" if count == PAGE + MORE_HITS else str(count)
        self.query_one("#search-status", Static).update(Text(literal(
            f"{shown} briefing{'s' if count != 1 else ''} match “{query}” · first page in {elapsed:.0f} ms · enter opens at the match"
        )))

    @on(OptionList.OptionSelected, "#search-results")
    def open_hit(self, event: OptionList.OptionSelected) -> None:
        from tui.screens.library.open import open_in_reader

        hit = self.hits[int(event.option.id)]
        # Find is set to the text matched there, so n/N walk its other occurrences.
        open_in_reader(self.app, self.library, hit.path, at=hit.start, find_span=(hit.start, hit.end))
