"""Text from briefings and notes is painted literally: no markup parsed, no escape sequence sent."""

from __future__ import annotations

from hypothesis import given, strategies as st

from tui.literal import literal, literal_markup, literal_text


def test_escape_sequences_become_visible_one_for_one():
    raw = "a\x1b[31mred\x1b[0m\x07bell\x9b2J\x7f"
    shown = literal(raw)
    assert shown == "a␛[31mred␛[0m␇bell\ufffd2J␡"
    assert len(shown) == len(raw)


def test_markup_is_text_not_style():
    text = literal_text("[bold]x[/] [link=http://e]y[/link]")
    assert text.plain == "[bold]x[/] [link=http://e]y[/link]"
    assert not text.spans


@given(st.text())
def test_any_text_keeps_its_length_and_loses_every_control(raw):
    shown = literal(raw)
    assert len(shown) == len(raw)
    assert not any(ord(c) < 0x20 and c != "\n" or 0x7F <= ord(c) < 0xA0 for c in shown)
    assert not any(0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069 for c in shown)


def test_bidi_overrides_are_neutralised_one_for_one():
    assert literal("a\u202etxt.exe\u2066b\u2069") == "a\ufffdtxt.exe\ufffdb\ufffd"


def test_the_one_helper_imports_neither_textual_nor_rich():
    import subprocess
    import sys

    code = "import sys, tui.literal; print('textual' in sys.modules, 'rich' in sys.modules)"
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert found.stdout.split() == ["False", "False"]


def test_markup_places_get_escaped_one_line_text():
    assert literal_markup("[b]x[/b]\n\x1b") == "\\[b]x\\[/b]⏎␛"


def test_every_notification_goes_through_the_one_helper():
    """Textual's notify reads its message as markup by default: a file name or an error with
    '[bold]' in it was styled, and '[/x]' crashed the app. Only `toast` may call it."""
    import re
    from pathlib import Path

    import tui

    package = Path(tui.__file__).parent
    calls = [
        f"{path.relative_to(package)}:{number}"
        for path in package.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\.notify\(", line) and path.name != "literal.py"
    ]
    assert calls == []
