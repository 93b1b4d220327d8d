"""The format stage's shortcuts give what the slow paths give: `outline.pruned` (parse only
the statements around the long lines) leads `_units` to the same units as a parse of the
whole file, and `lineparse._lexed` reads the same leaves as `tokenize` (`_read`) or declines."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from sdkgen.targets.python import formatting
from sdkgen.targets.python.lineparse import Leaf, _lexed, _read
from sdkgen.targets.python.outline import pruned

from .conftest import ROOT


def _units(tree: ast.Module, lines: list[str], long_lines: list[int]) -> set[formatting.Unit] | str:
    found: set[formatting.Unit] = set()
    try:
        formatting._units(tree.body, long_lines, lines, found)
    except formatting.WholeFile:
        return "whole file"
    return found


def _both(text: str) -> tuple[object, object]:
    """The units from the pruned text and from the whole text."""
    lines = text.split("\n")
    long_lines, spans = formatting._long_and_spans(lines, text.isascii())
    assert long_lines and spans is not None
    around = pruned(lines, text, spans, long_lines)
    assert around is not None, "the outline gave up"
    assert len(around.split("\n")) == len(lines)
    return _units(ast.parse(around), lines, long_lines), _units(ast.parse(text), lines, long_lines)


LONG = "x" * 80

CASES = {
    "class members and a header": f'''# a comment line longer than black's limit, which no statement holds {LONG}
"""Module docstring."""

from typing import Literal


class Model(Base):
    """A model."""

    name: str
    kind: Literal["{LONG}", "b"] = "b"
    """The kind, {LONG}."""

    @decorator
    def method(self, value: Literal["{LONG}"]) -> None:
        return call(value)

    def other(
        self,
        value: Literal["{LONG}"],
        other: int,
    ) -> Literal["{LONG}"]:
        items = [
            "a",
            "{LONG}",
        ]
        return items
''',
    "if and else": f"""from typing import TYPE_CHECKING

x = 1
if TYPE_CHECKING:
    from .short import Short as Short
    from .a_module import ({LONG} as {LONG},
    )
else:
    __all__ = ["Short", "{LONG}"]
""",
    "a loop sends the file whole": f"""def f() -> None:
    for item in items:
        call(item, "{LONG}")
""",
    "a comment inside brackets and after a header": f"""def f(
    a: int,
    # {LONG}
) -> None:
    # {LONG}
    value = call(
        # {LONG}
        a,
    )
    other = call("{LONG}")
""",
    "a one-line body": f"""class A:
    def f(self, value: str = "{LONG}") -> None: ...
""",
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_outline_finds_what_a_whole_parse_finds(case: str) -> None:
    around, whole = _both(CASES[case])
    assert around == whole
    assert whole  # something to find: the case can fail


def test_the_outline_gives_up_on_layouts_it_does_not_read() -> None:
    text = f"x = '''\n{LONG} {LONG}\n'''\n"
    lines = text.split("\n")
    assert pruned(lines, text, {}, [2]) is None
    indented = f"    x = 1\ny = '{LONG}'\n"  # indentation with no header above it
    assert pruned(indented.split("\n"), indented, {}, [2]) is None


@pytest.mark.parametrize("case", ["pagination", "wire", "client_resources"])
def test_the_outline_matches_a_whole_parse_on_generated_packages(case: str) -> None:
    from sdkgen.pipeline import build
    from sdkgen.targets.python.package import render_python

    spec = ROOT / "tests" / "golden" / case / "spec.yaml"
    api, _ = build(Path(spec), "acme_sdk")
    checked = 0
    for path, text in render_python(api, spec.name).items():
        lines = text.split("\n")
        if path.endswith(".py") and formatting._long_and_spans(lines, text.isascii())[0]:
            around, whole = _both(text)
            assert around == whole, path
            checked += 1
    assert checked


STATEMENTS = [
    'x: Literal["a", "b"] = Field(default="a", alias="b")\n',
    "def f(\n    self,\n    *,\n    a: int = 1,\n    b: str = 2.5,\n) -> Foo[Bar]:\n",
    'value = client.call(rb"x", b"y", r"z")["key"].attribute(...)\n',
    "async def f(a, b) -> None:\n",
    "return [\n\n    a,\n    b,\n]\n",
]
NOT_READ = [
    "x = a ** b\n",
    "x = a == b\n",
    'x = R"a"\n',
    "x = 1e5\n",
    "x = .5\n",
    "x = 1  # c\n",
    "x = (\n",
    "  x = 1\n",
    "x = f(a,  b)\n",
    "x = [a for a in b]\n",
    "x = f(*args)\n",
    "x = )\n",
]


def _described(leaves: list[Leaf]) -> list[tuple[str, str, str, str]]:
    return [(leaf.kind, leaf.value, leaf.prefix, leaf.bracket) for leaf in leaves]


@pytest.mark.parametrize("text", STATEMENTS)
def test_the_lexer_reads_what_tokenize_reads(text: str) -> None:
    fast = _lexed(text)
    assert fast is not None
    assert _described(fast) == _described(_read(text))


@pytest.mark.parametrize("text", NOT_READ)
def test_the_lexer_leaves_the_rest_to_tokenize(text: str) -> None:
    assert _lexed(text) is None
