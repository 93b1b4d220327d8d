"""The statements around a file's long lines, found without parsing the whole file.

`formatting.py` needs the statements that hold the long lines and the class, function and
`if` headers around them; parsing a whole generated module for that was most of the
format stage's time. The templates print black's layout, where indentation tells the
structure: a statement's continuation lines are indented deeper than its first line,
except the lines that start with its closing brackets, and a block's statements are
indented deeper than the header line ending in `:` above them. One pass over the lines
finds every logical line that way; `pruned` then keeps, at their own line numbers, only
the statements holding a long line, the headers and first body statements of the
functions and classes around them, and every other compound statement around them
whole, and blanks the rest, so that parsing what is left gives the same nodes for them.
Where the text does not look like that (tabs, backslashes, `'''`, comment lines among
the long lines, a shape the pass does not expect), `pruned` returns None and the caller
parses the whole file; so does a parse of the pruned text that fails.
"""

from __future__ import annotations

from bisect import bisect_right

CLOSERS = ")]}"
CLAUSES = ("elif ", "else:", "except", "finally:")
"""Clause headers that continue the compound statement above them at the same indentation."""


class Unsure(Exception):
    """The text is not laid out as this module expects."""


class _Outline:
    def __init__(self, lines: list[str], spans: dict[int, int]) -> None:
        self.lines = lines
        self.spans = spans
        self.starts = list(spans)
        work = list(lines)
        for opening, closing in spans.items():
            if closing > opening:
                work[opening:closing] = [""] * (closing - opening)  # a docstring's lines after its first
        count = len(lines)
        self.start = start = [0] * (count + 2)  # logical line's first line, for structural lines; 0 elsewhere
        self.smaller = smaller = [0] * (count + 2)  # nearest structural line above, indented less
        self.indent = indents = [0] * (count + 2)
        self.last: dict[int, int] = {}  # logical line's first line -> its last structural line
        last = self.last
        levels = [-1]  # indentations of the lines in `above_lines`, rising, after a sentinel
        above_lines = [0]
        for number, line in enumerate(work, 1):
            if not line:
                continue
            stripped = line.lstrip(" ")
            head = stripped[:1]
            if not head or head == "#":
                continue
            indent = len(line) - len(stripped)
            indents[number] = indent
            if levels[-1] == indent:  # most lines: the next at the same indentation
                same, above = above_lines[-1], above_lines[-2]
                above_lines[-1] = number
            else:
                same = 0
                while levels[-1] > indent:
                    levels.pop()
                    above_lines.pop()
                if levels[-1] == indent:
                    same = above_lines[-1]
                    above_lines[-1] = number
                    above = above_lines[-2]
                else:
                    above = above_lines[-1]
                    levels.append(indent)
                    above_lines.append(number)
            smaller[number] = above
            if head in CLOSERS:
                if not same:
                    raise Unsure(number)
                first = start[same]
            elif not above:
                if indent:
                    raise Unsure(number)
                first = number
            elif work[above - 1][-1] == ":":
                first = number
            else:
                first = start[above]
            start[number] = first
            last[first] = number

    def header(self, first: int) -> bool:
        return self.lines[self.last[first] - 1].endswith(":")

    def statement(self, number: int) -> int:
        """The first line of the statement (decorators included) holding structural line `number`."""
        first = self.start[number]
        if not first:
            raise Unsure(number)
        while True:
            above = self._previous(first)
            if not above or self.indent[above] != self.indent[first]:
                return first
            begins = self.start[above]
            if not self.lines[begins - 1].lstrip(" ").startswith("@"):
                return first
            first = begins

    def _previous(self, number: int) -> int:
        for above in range(number - 1, 0, -1):
            if self.start[above] or above in self.spans:
                return above
        return 0

    def keyword(self, first: int) -> int:
        """The line after `first`'s decorators (the `def` or `class` line)."""
        while self.lines[first - 1].lstrip(" ").startswith("@"):
            first = self._next(self.last[first])
        return first

    def following(self, number: int) -> int:
        """The first structural line after `number`, 0 if none."""
        for below in range(number + 1, len(self.lines) + 1):
            if self.start[below]:
                return below
        return 0

    def _next(self, number: int) -> int:
        for below in range(number + 1, len(self.lines) + 1):
            if self.start[below] or below in self.spans:
                if self.start[below] and self.start[below] != below:
                    raise Unsure(below)
                return below
        raise Unsure(number)

    def header_end(self, first: int) -> int:
        return self.last[self.keyword(first)]

    def end(self, first: int) -> int:
        """The last line of the whole statement starting at `first` (decorators included)."""
        if first in self.spans:
            return self.spans[first]
        keyword = self.keyword(first)
        if not self.header(keyword):
            return self.last[keyword]
        indent = self.indent[keyword]
        below = self.last[keyword] + 1
        while below <= len(self.lines):
            if (self.start[below] == below or below in self.spans) and self.indent_of(below) <= indent:
                if not (self.indent_of(below) == indent and self.lines[below - 1].lstrip(" ").startswith(CLAUSES)):
                    break
            below += 1
        return below - 1

    def clauses(self, first: int) -> list[int]:
        """The `elif` and `else:` lines of the `if` statement at `first`."""
        indent = self.indent[first]
        found = []
        for below in range(self.last[first] + 1, len(self.lines) + 1):
            if self.start[below] == below and self.indent[below] <= indent:
                if self.indent[below] < indent or not self.lines[below - 1].lstrip(" ").startswith(CLAUSES[:2]):
                    break
                found.append(below)
        return found

    def indent_of(self, number: int) -> int:
        line = self.lines[number - 1]
        return len(line) - len(line.lstrip(" "))

    def parent(self, first: int) -> int:
        """The first line of the compound statement whose block holds the statement at `first`."""
        above = self.smaller[self.keyword(first)]
        if not above:
            return 0
        if not self.lines[above - 1].endswith(":"):
            raise Unsure(first)
        owner = self.statement(above)
        while self.lines[owner - 1].lstrip(" ").startswith(CLAUSES):
            owner = self._clause_owner(owner)
        return owner

    def _clause_owner(self, clause: int) -> int:
        """The statement an `else:` (`elif`, `except`, `finally:`) clause belongs to."""
        indent = self.indent[clause]
        for above in range(clause - 1, 0, -1):
            if self.start[above] == above and self.indent[above] <= indent:
                if self.indent[above] < indent:
                    raise Unsure(clause)
                return above
        raise Unsure(clause)


def pruned(lines: list[str], text: str, spans: dict[int, int], long_lines: list[int]) -> str | None:
    """`text` with only what `_units` needs around `long_lines` left, at the same lines and
    columns, or None when unsure. `spans` maps each docstring's first line to its last."""
    if "\t" in text or " \n" in text or "\\\n" in text or "'''" in text or "\r" in text or "\f" in text:
        return None
    try:
        outline = _Outline(lines, spans)
        keep: set[tuple[int, int]] = set()
        seen: set[int] = set()
        for number in long_lines:
            if not outline.start[number] and not _span_of(outline, number):
                # A comment line: in the same nodes as the next statement line (no node ends
                # on a comment), and in none if there is none.
                number = outline.following(number)
                if not number:
                    continue
            docstring = _span_of(outline, number)
            if docstring:
                first = docstring
                if outline.start[first] not in (0, first):
                    raise Unsure(number)
                keep.add((first, spans[first]))
            elif outline.start[number]:
                first = outline.statement(number)
                if outline.header(outline.keyword(first)) and _defines(outline, first):
                    keep.add((first, outline.header_end(first)))
                    keep.add(_first_body(outline, first))
                else:
                    keep.add((first, outline.end(first)))
            else:
                raise Unsure(number)
            parent = outline.parent(first)
            while parent and parent not in seen:
                seen.add(parent)
                if _defines(outline, parent):
                    keep.add((parent, outline.header_end(parent)))
                    keep.add(_first_body(outline, parent))
                elif outline.lines[parent - 1].lstrip(" ").startswith("if "):
                    for clause in [parent, *outline.clauses(parent)]:
                        keep.add((clause, outline.header_end(clause)))
                        keep.add(_first_body(outline, clause))
                else:
                    keep.add((parent, outline.end(parent)))
                parent = outline.parent(parent)
    except (Unsure, KeyError, IndexError):
        return None
    out = [""] * len(lines)
    for first, last in keep:
        out[first - 1 : last] = lines[first - 1 : last]
    return "\n".join(out)


def docstring_holding(spans: dict[int, int], starts: list[int], number: int) -> int:
    """The first line of the docstring holding line `number`, 0 if none (`spans`: each
    docstring's first line to its last, in order; `starts`: their first lines)."""
    index = bisect_right(starts, number) - 1
    if index >= 0 and number <= spans[starts[index]]:
        return starts[index]
    return 0


def _span_of(outline: _Outline, number: int) -> int:
    return docstring_holding(outline.spans, outline.starts, number)


def _defines(outline: _Outline, first: int) -> bool:
    """Whether the statement at `first` is a function or class (else it is kept whole)."""
    return outline.lines[outline.keyword(first) - 1].lstrip(" ").startswith(("def ", "async def ", "class "))


def _first_body(outline: _Outline, first: int) -> tuple[int, int]:
    body = outline._next(outline.header_end(first))
    if outline.indent_of(body) <= outline.indent[outline.keyword(first)]:
        raise Unsure(body)
    return body, outline.end(body)
