"""The document pane: `view` (the widget), `layout` (wrapping into visual lines), `paint` (one line)."""
