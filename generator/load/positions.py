"""Where a JSON pointer's node sits in YAML text, found by reading indentation alone.

Composing a whole document into PyYAML nodes (with their marks) costs as much as loading
it, a second time; a large one-file spec pays a second for one warning. Specs are almost
always block-style YAML, where a key's children are the lines indented under it, so a
pointer can be followed through the text directly. Anything this does not fully
understand (flow collections, anchors, tags, complex or escaped keys, directives) returns
None and the caller composes the document as before. A test checks this against
PyYAML's marks for every node of the DigitalOcean spec and of every spec in the repo.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

Position = tuple[int, int]
"""0-based line and column."""

_UNSURE_STARTS = ("?", "&", "*", "!", "{", "[", "%", "|", ">", "@", "`")


class _Unsure(Exception):
    pass


def _content(line: str) -> tuple[int, str] | None:
    """Indentation and text of a line that holds YAML content; None for blank and comment lines."""
    stripped = line.lstrip(" ")
    if not stripped or stripped.startswith("#"):
        return None
    if stripped.startswith("\t"):
        raise _Unsure
    return len(line) - len(stripped), stripped


def _key_of(text: str) -> tuple[str, str]:
    """The key of a `key: value` entry and the rest of the line after the colon."""
    if text.startswith(_UNSURE_STARTS):
        raise _Unsure
    if text[0] in "\"'":
        quote = text[0]
        end = text.find(quote, 1)
        if end < 0 or "\\" in text[:end] or (quote == "'" and text[end + 1 : end + 2] == "'"):
            raise _Unsure
        if text[end + 1 : end + 2] != ":":
            raise _Unsure
        return text[1:end], text[end + 2 :]
    colon = text.find(": ")
    if colon < 0:
        if not text.rstrip().endswith(":"):
            raise _Unsure  # a scalar where a mapping entry was expected
        colon = len(text.rstrip()) - 1
    key = text[:colon].rstrip()
    if " #" in key or key == "<<":
        raise _Unsure
    return key, text[colon + 1 :]


def _inline_value(rest: str) -> bool:
    """Whether a value follows on the same line (a scalar or flow collection), not below it."""
    value = rest.strip()
    return bool(value) and not value.startswith("#")


Node = TypeVar("Node")


def follow(
    root: Node, parts: Sequence[str], children: Callable[[Node], dict[str, tuple[Node, Node]] | list[Node] | None]
) -> Node | None:
    """The mark of the node at `parts`, stepping from `root` through `children` (a mapping's
    keys to their key's mark and their value, or a sequence's items), None where a step
    is missing or `children` cannot tell. A mapping entry's mark is its key's."""
    node = mark = root
    for part in parts:
        found = children(node)
        if isinstance(found, list):
            if not part.isdigit() or int(part) >= len(found):
                return None
            node = mark = found[int(part)]
        elif isinstance(found, dict) and part in found:
            mark, node = found[part]
        else:
            return None
    return mark


Entries = dict[str, tuple[Position, Position]] | list[Position]

_TAB = -1
"""The indentation `_shallow_lines` gives a line indented with a tab (which this does not follow)."""

_SHALLOW: dict[int, re.Pattern[str]] = {}


def _shallow(column: int) -> re.Pattern[str]:
    """A line break followed by a line with content indented by at most `column` spaces, or by
    a line indented with a tab: the lines a scan of a collection at `column` must look at."""
    pattern = _SHALLOW.get(column)
    if pattern is None:
        pattern = _SHALLOW[column] = re.compile(f"\\n(?:( {{0,{column}}}+)(?![ \\n#]|\\Z)| *+\\t)")
    return pattern


class TextPositions:
    """Pointer lookups in one file's text; each collection on a path is read once.

    The text is read where a lookup leads, not line by line: a scan for a collection's
    entries jumps (with a regular expression) over the lines nested deeper than they are.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._entries: dict[Position, Entries | None] = {}
        self._starts: dict[int, int] = {}
        """Where each line found to begin a node starts in the text."""
        self.root = self._root()

    def _line(self, start: int) -> str:
        end = self.text.find("\n", start)
        return self.text[start:] if end < 0 else self.text[start:end]

    def _root(self) -> Position | None:
        """Where the document's top node starts, if it is block YAML this can follow."""
        start: int | None = 0
        number = 0
        while start is not None:
            end = self.text.find("\n", start)
            line = self.text[start:] if end < 0 else self.text[start:end]
            try:
                found = _content(line)
            except _Unsure:
                return None
            if found is not None:
                indent, first = found
                if first.startswith(("---", "%", "{", "[")):
                    return None
                self._starts[number] = start
                return number, indent
            start = None if end < 0 else end + 1
            number += 1
        return None

    def _shallow_lines(self, line: int, column: int) -> Iterator[tuple[int, int, int]]:
        """The lines after `line` with content indented by at most `column` (or by a tab:
        `_TAB`), as (number, start, indentation); the lines between hold nothing or are deeper."""
        text = self.text
        counted_to = self._starts[line]
        end = text.find("\n", counted_to)
        if end < 0:
            return
        number = line
        for match in _shallow(column).finditer(text, end):
            start = match.start(0) + 1
            number += text.count("\n", counted_to, start)
            counted_to = start
            spaces = match.group(1)
            if spaces is None or text[start + len(spaces)] == "\t":
                yield number, start, _TAB
            else:
                yield number, start, len(spaces)

    def _node_below(self, line: int, start: int, parent_column: int, allow_same: bool) -> Position:
        """Where the block node under an entry at `parent_column` on `line` (which starts at
        `start`) begins."""
        text = self.text
        end = text.find("\n", start)
        while end >= 0:
            start = end + 1
            line += 1
            end = text.find("\n", start)
            found = _content(text[start:] if end < 0 else text[start:end])
            if found is None:
                continue
            indent, rest = found
            if indent > parent_column or (allow_same and indent == parent_column and rest.startswith("- ")):
                self._starts[line] = start
                return line, indent
            break
        raise _Unsure  # an empty value, or null

    def _read_entries(self, node: Position) -> Entries:
        """The children of the block collection at `node`: keys to (key mark, value node), or the
        items' positions. A value on its key's line has no position below it: (-1, -1)."""
        line, column = node
        first = self._starts[line]
        text = self._line(first)[column:]
        later = self._shallow_lines(line, column)
        if text.startswith("- ") or text.rstrip() == "-":
            items: list[Position] = []
            number, start, indent = line, first, column
            while True:
                if indent == _TAB:
                    raise _Unsure
                item = self._line(start)[indent:]
                if indent < column or not (item.startswith("- ") or item.rstrip() == "-"):
                    break
                if item.rstrip() == "-":
                    items.append(self._node_below(number, start, column, False))
                else:
                    self._starts[number] = start
                    items.append((number, column + len(item) - len(item[1:].lstrip(" "))))
                number, start, indent = next(later, (-1, -1, -1))
                if number < 0:
                    break
            return items
        entries: dict[str, tuple[Position, Position]] = {}
        number, start, indent = line, first, column
        while True:
            if indent == _TAB:
                raise _Unsure
            entry = self._line(start)[indent:]
            if indent < column or entry.startswith("- "):
                break
            key, rest = _key_of(entry)
            if key not in entries:
                below = (-1, -1) if _inline_value(rest) else self._node_below(number, start, column, True)
                entries[key] = ((number, column), below)
            number, start, indent = next(later, (-1, -1, -1))
            if number < 0:
                break
        return entries

    def _children(self, node: Position) -> Entries | None:
        if node not in self._entries:
            try:
                self._entries[node] = self._read_entries(node)
            except _Unsure:
                self._entries[node] = None
        return self._entries[node]

    def locate(self, parts: Sequence[str]) -> Position | None:
        """The 0-based line and column PyYAML would report for the node at `parts` (a key's
        own position for a mapping entry), or None when the text is not plain block YAML
        this can follow: the caller then composes it."""
        if self.root is None:
            return None
        # A node at (-1, -1) is a scalar or flow value on its key's line: no step into it.
        return follow(self.root, parts, lambda node: None if node[0] < 0 else self._children(node))
