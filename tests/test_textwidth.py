"""`textwidth` measures lines as black does, without importing black."""

from __future__ import annotations

import sys

from black.strings import char_width as black_char_width
from black.strings import str_width as black_str_width
from hypothesis import given, settings
from hypothesis import strategies as st
from sdkgen.targets.python.textwidth import char_width, str_width


def test_every_code_point_is_as_wide_as_black_says() -> None:
    differ = [code for code in range(sys.maxunicode + 1) if char_width(chr(code)) != black_char_width(chr(code))]
    assert differ == []


def test_no_character_is_narrower_than_one_column() -> None:
    """What `formatting._long_lines` relies on: a line is at least as wide as it is long."""
    assert min(char_width(chr(code)) for code in range(sys.maxunicode + 1)) == 1


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_a_line_is_as_wide_as_black_says(line: str) -> None:
    assert str_width(line) == black_str_width(line)


def test_wide_and_narrow_text() -> None:
    assert str_width("description: 日本語のテキスト") == black_str_width("description: 日本語のテキスト") == 13 + 2 * 8
    assert str_width("café ✅ 👍🏽") == black_str_width("café ✅ 👍🏽")
