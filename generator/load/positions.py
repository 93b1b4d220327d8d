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

from collections.abc import Sequence

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


def _node_below(lines: Sequence[str], start: int, parent_column: int, allow_same: bool) -> Position:
    """Where the block node under an entry at `parent_column` begins, from line `start` on."""
    for number in range(start, len(lines)):
        found = _content(lines[number])
        if found is None:
            continue
        indent, text = found
        if indent > parent_column or (allow_same and indent == parent_column and text.startswith("- ")):
            return number, indent
        break
    raise _Unsure  # an empty value, or null


Entries = dict[str, tuple[Position, Position]] | list[Position]

_BLANK, _TAB = -1, -2
"""In `_indents`: a line without content (blank or comment), a line indented with a tab."""


def _indents(lines: Sequence[str]) -> list[int]:
    """Each line's indentation as `_content` measures it, once for the whole text: a scan for
    a collection's entries then skips the lines nested deeper by comparing numbers."""
    return [
        _BLANK if not stripped or stripped[0] == "#" else _TAB if stripped[0] == "\t" else len(line) - len(stripped)
        for line in lines
        for stripped in (line.lstrip(" "),)
    ]


def _entries(lines: Sequence[str], indents: Sequence[int], node: Position) -> Entries:
    """The children of the block collection at `node`: keys to (key mark, value node), or the
    items' positions. A value on its key's line has no position below it: (-1, -1)."""
    line, column = node
    text = lines[line][column:]
    if text.startswith("- ") or text.rstrip() == "-":
        items: list[Position] = []
        for number in range(line, len(lines)):
            indent = column if number == line else indents[number]
            if indent == _BLANK or indent > column:
                continue
            if indent == _TAB:
                raise _Unsure
            item = lines[number][indent:]
            if indent < column or not (item.startswith("- ") or item.rstrip() == "-"):
                break
            if item.rstrip() == "-":
                items.append(_node_below(lines, number + 1, column, False))
            else:
                items.append((number, column + len(item) - len(item[1:].lstrip(" "))))
        return items
    entries: dict[str, tuple[Position, Position]] = {}
    for number in range(line, len(lines)):
        indent = column if number == line else indents[number]
        if indent == _BLANK or indent > column:
            continue
        if indent == _TAB:
            raise _Unsure
        entry = lines[number][indent:]
        if indent < column or entry.startswith("- "):
            break
        key, rest = _key_of(entry)
        if key not in entries:
            below = (-1, -1) if _inline_value(rest) else _node_below(lines, number + 1, column, True)
            entries[key] = ((number, column), below)
    return entries


class TextPositions:
    """Pointer lookups in one file's text; each collection on a path is read once."""

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self._indents: list[int] | None = None
        self._entries: dict[Position, Entries | None] = {}
        self.root = self._root()

    def _root(self) -> Position | None:
        """Where the document's top node starts, if it is block YAML this can follow."""
        try:
            start = next((n for n, line in enumerate(self.lines) if _content(line) is not None), None)
        except _Unsure:
            return None
        if start is None:
            return None
        first = self.lines[start].lstrip(" ")
        if first.startswith(("---", "%", "{", "[")):
            return None
        return start, len(self.lines[start]) - len(first)

    def _children(self, node: Position) -> Entries | None:
        if node not in self._entries:
            if self._indents is None:
                self._indents = _indents(self.lines)
            try:
                self._entries[node] = _entries(self.lines, self._indents, node)
            except _Unsure:
                self._entries[node] = None
        return self._entries[node]

    def locate(self, parts: Sequence[str]) -> Position | None:
        """The 0-based line and column PyYAML would report for the node at `parts` (a key's
        own position for a mapping entry), or None when the text is not plain block YAML
        this can follow: the caller then composes it."""
        if self.root is None:
            return None
        node = mark = self.root
        for part in parts:
            if node[0] < 0:
                return None  # a step into a scalar or flow value
            children = self._children(node)
            if isinstance(children, list):
                if not part.isdigit() or int(part) >= len(children):
                    return None
                node = mark = children[int(part)]
            elif isinstance(children, dict) and part in children:
                mark, node = children[part]
            else:
                return None
        return mark
