"""The formatter's layout for the bracketed lists the templates print, so they print it already.

Black (and ruff, which formats the generated code, `formatting.py`) splits a line that is
too long at its last bracket: the contents go on an indented line of their own if they fit
there, else one item a line with a trailing comma. These helpers apply that rule to lists
whose items hold no brackets of their own, so the templates' text is close to what the
formatter writes: it has little to change, and a template's own diff stays readable. Tests
run `black --check` over everything generated.
"""

from __future__ import annotations

LINE_LENGTH = 88
STEP = "    "


def annotated(name: str, annotation: str, value: str | None) -> str:
    """`name: annotation = value` (without ` = value` when there is none): a field's line of a
    class body, an argument's line of a signature."""
    return f"{name}: {annotation} = {value}" if value else f"{name}: {annotation}"


def bracketed(head: str, items: list[str] | tuple[str, ...], tail: str, indent: int, explode: bool = False) -> str:
    """`head` + items joined by commas + `tail`, split the way black would at `indent`.

    `head` ends with the opening bracket, `tail` starts with the closing one. The first
    line is returned without its indentation (the template prints that); continuation
    lines carry theirs.
    """
    one_line = f"{head}{', '.join(items)}{tail}"
    if indent + len(one_line) <= LINE_LENGTH:
        return one_line
    pad = " " * indent
    body = ", ".join(items)
    if not explode and indent + len(STEP) + len(body) <= LINE_LENGTH:
        return f"{head}\n{pad}{STEP}{body}\n{pad}{tail}"
    lines = [head, *(f"{pad}{STEP}{item}," for item in items), f"{pad}{tail}"]
    return "\n".join(lines)
