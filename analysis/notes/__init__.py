"""Notes: what a note is (`types`), pinning it to a passage (`anchors`), placing it again on a
changed text (`placing`), writing and editing it (`editing`), and taking notes out (`export`).

Pure: no file is read or written here; `store.notes` keeps them, `tui.session` ties the two.
"""
