"""The look of everything the document view paints over the text, as CSS for its component classes.

Theme variables keep every highlight readable on dark and light themes; `paint` looks the classes
up by name, and the view turns them into Rich styles once per theme.
"""

from __future__ import annotations

from tui.widgets.document.paint import KIND_CLASSES
from tui.widgets.kinds import KIND_LOOKS

# Component class -> CSS declarations; mentions take their kind's look.
STYLES: dict[str, str] = {
    **{KIND_CLASSES[kind]: look.css for kind, look in KIND_LOOKS.items()},
    "document-view--selected": "text-style: bold reverse;",
    "document-view--current": "background: $accent; color: $background; text-style: bold underline;",
    "document-view--match": "background: $warning 35%; text-style: bold;",
    "document-view--match-current": "background: $warning; color: $background; text-style: bold;",
    "document-view--cursor": "background: $foreground 7%;",
    "document-view--cursor-bar": "color: $foreground-muted;",
    "document-view--note-mark": "color: $text-warning;",
    "document-view--heading": "text-style: bold;",
}
# Overrides while the pane has focus: the cursor bar lights up.
FOCUSED_STYLES: dict[str, str] = {
    "document-view--cursor-bar": "color: $accent;",
}


def default_css() -> str:
    """The view's DEFAULT_CSS: each component class under `DocumentView`, focused overrides after."""
    rules = "\n".join(f"        & > .{name} {{ {body} }}" for name, body in STYLES.items())
    focused = "\n".join(f"        &:focus > .{name} {{ {body} }}" for name, body in FOCUSED_STYLES.items())
    return f"""
    DocumentView {{
        scrollbar-gutter: stable;
        overflow-x: hidden;
        overflow-y: auto;
{rules}
{focused}
    }}
    """
