"""The document pane: `view` (the widget and its commands) over `text_view` (wrapping, scrolling,
the cursor, painting), with `layout` (the text as visual lines), `paint` (one line), `styles`
(the look of each highlight) and `messages` (what the view posts)."""
