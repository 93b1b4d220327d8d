"""The format stage as a whole: black's result, with black imported only where it is needed."""

from __future__ import annotations

import black
import pytest
from sdkgen.targets.python import formatting


def _black(text: str) -> str:
    return str(black.format_str(text, mode=black.Mode()))


WIDE = "日本語" * 9  # 27 characters, 54 columns

WIDTH_CASES = {
    "wide code line, short by length": f'x: Literal["{WIDE}", "{WIDE[:6]}"]\n',
    "wide code line that fits": f'x: Literal["{WIDE[:12]}", "a"]\n',
    "wide docstring line": f'"""{WIDE}{WIDE}."""\n\nx = 1\n',
    "wide comment": f"# {WIDE}{WIDE}\nx = 1\n",
}


@pytest.mark.parametrize("text", WIDTH_CASES.values(), ids=WIDTH_CASES.keys())
def test_lines_are_measured_in_columns_as_black_measures_them(text: str) -> None:
    assert formatting.format_python(text) == _black(text)


def test_only_a_line_black_might_split_is_measured(monkeypatch: pytest.MonkeyPatch) -> None:
    """Docstring and comment lines are never split: their width is not worked out."""
    measured: list[str] = []

    def str_width(line: str) -> int:
        measured.append(line)
        return len(line) * 2

    monkeypatch.setattr(formatting, "str_width", str_width)
    text = f'"""{WIDE}{WIDE}."""\n\n# {WIDE}{WIDE}\nx = "{WIDE}{WIDE[:12]}"\n'
    assert formatting._code_long_lines(text.split("\n")) == [4]
    assert measured == [f'x = "{WIDE}{WIDE[:12]}"']
