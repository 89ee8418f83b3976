"""Modal dialogs over the reader: each asks one thing and dismisses with the answer."""
