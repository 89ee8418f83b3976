"""The library: a folder of briefings read as one, without a UI.

`folder` (the `Library`: listing, analysing, indexing, rescanning), `indexing` (a batch's
outcomes into the indexes, for `briefing analyze` and the worker), `scan` (finding the briefing
files), `rows` (a briefing as the library lists it, and its notes), `records` (what the index keeps
of an analysis), `actors` (one actor across the library's briefings), `worker` (the background
analysis in a child process: `python -m analysis.library.worker`).

Import from the module that defines a name: this package re-exports nothing, so the reader's
`scan.briefing_key` lookup does not pay for the index, the search index and the analysis service.
"""
