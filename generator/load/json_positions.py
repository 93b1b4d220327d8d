"""Where a JSON pointer's node sits in JSON text, found without composing the document.

A JSON spec is located by PyYAML's composer otherwise (JSON is YAML flow style): a node
with its marks for every value, about a second for a 3 MB spec, for one warning. Here a
collection's members are read once, when a pointer first passes through it: each key is
read with the json module's string scanner and each value is skipped by its decoder (both
in C), so following a pointer costs the size of the collections on its way. Anything PyYAML
might count or read differently (tabs, carriage returns and the other line breaks YAML
knows, a byte-order mark, escapes in keys, text that is not JSON) returns None and the
caller composes the document as before. A test checks this against PyYAML's marks for
every node of the corpus's JSON specs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from json.decoder import scanstring  # type: ignore[attr-defined]  # the C string scanner, not in the stubs

from .positions import Position, follow

_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \n]*")
_NOT_FOLLOWED = ("\t", "\r", "\x85", "\u2028", "\u2029", "\ufeff")
"""Characters PyYAML reads as line breaks or refuses as JSON's white space: left to it."""

Members = dict[str, tuple[int, int]] | list[int]
"""A mapping's keys to (the key's offset, its value's offset), or a sequence's items' offsets."""


class _Unsure(Exception):
    pass


class JsonPositions:
    """Pointer lookups in one JSON text; each collection on a path is read once."""

    def __init__(self, text: str) -> None:
        self.text = text
        start = _SPACE.match(text).end()  # type: ignore[union-attr]  # matches the empty string
        followed = text[start : start + 1] in ("{", "[") and not any(c in text for c in _NOT_FOLLOWED)
        self.root = start if followed else None
        self._members: dict[int, Members | None] = {}

    def _skip_space(self, offset: int) -> int:
        return _SPACE.match(self.text, offset).end()  # type: ignore[union-attr]

    def _value_end(self, offset: int) -> int:
        try:
            return int(_DECODER.raw_decode(self.text, offset)[1])
        except ValueError:
            raise _Unsure from None

    def _read_members(self, offset: int) -> Members:
        text = self.text
        closing = "}" if text[offset] == "{" else "]"
        entries: dict[str, tuple[int, int]] = {}
        items: list[int] = []
        at = self._skip_space(offset + 1)
        if text.startswith(closing, at):
            return entries if closing == "}" else items
        while True:
            if closing == "}":
                if not text.startswith('"', at):
                    raise _Unsure
                key, end = scanstring(text, at + 1)
                if "\\" in text[at:end]:
                    raise _Unsure  # an escaped key: compared as PyYAML unescapes it
                colon = self._skip_space(end)
                if not text.startswith(":", colon):
                    raise _Unsure
                value = self._skip_space(colon + 1)
                entries.setdefault(key, (at, value))  # the first of equal keys, as the composer's walk finds it
            else:
                value = at
                items.append(value)
            after = self._skip_space(self._value_end(value))
            if text.startswith(",", after):
                at = self._skip_space(after + 1)
            elif text.startswith(closing, after):
                return entries if closing == "}" else items
            else:
                raise _Unsure

    def _children(self, offset: int) -> Members | None:
        if offset not in self._members:
            try:
                self._members[offset] = self._read_members(offset) if self.text[offset] in "{[" else None
            except (_Unsure, IndexError):
                self._members[offset] = None
        return self._members[offset]

    def locate(self, parts: Sequence[str]) -> Position | None:
        """The 0-based line and column PyYAML would report for the node at `parts` (a key's
        own position for a mapping entry), or None when this cannot tell: the caller then
        composes the document."""
        if self.root is None or not parts:
            return None  # the root's own position is left to the composer, which checks the whole text
        mark = follow(self.root, parts, self._children)
        if mark is None:
            return None
        line = self.text.count("\n", 0, mark)
        return line, mark - (self.text.rfind("\n", 0, mark) + 1)
