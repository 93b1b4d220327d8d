"""A schema's `pattern` (an ECMA-262 regular expression) as a Python `re` pattern of the same meaning.

JSON Schema and OpenAPI write patterns in ECMA-262's dialect; the generated models check them
with Python's `re`. Most patterns read alike in both, but not all: `\\d` and `\\w` are ASCII in
ECMA-262 and Unicode in Python (kept, under Python's ASCII flag `(?a)`); `$` is the end of the
text in ECMA-262 but also matches before a final line break in Python (`\\Z`); `.` excludes
every line terminator in ECMA-262 (`[^\\n\\r\\u2028\\u2029]`); `\\s` is ECMA-262's own list of
spaces; `(?<name>...)` and `\\k<name>` are Python's `(?P<name>...)` and `(?P=name)`;
`\\u{1F600}`, `\\uD83D\\uDE00` and `\\cJ` are characters; a `-` beside a class escape
(`[\\w-.]`) or at a class's edge is a literal hyphen; `[^]` is any character and `[]` none;
`{` that starts no quantifier is a literal brace (Python reads `x{,3}` as one).

A pattern with no Python equivalent (a Unicode property `\\p{L}`, a variable-length
lookbehind) or that is no ECMA-262 pattern at all (a possessive `a*+`, `\\A`, `(?i)`) raises
`UntranslatablePattern`: the caller leaves it out with a warning. One that is not valid
ECMA-262 but reads one way only (a reversed range, `[\\w/-+]`, read as its three characters)
is translated, with a note saying how it was read. Every translation compiles in Python.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from functools import cache

_WHITESPACE = "\\t\\n\\v\\f\\r \\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff"
"""ECMA-262's `\\s` (WhiteSpace and LineTerminator), as the inside of a Python class."""
_LINE_TERMINATORS = "\\n\\r\\u2028\\u2029"
_ASCII_CLASS_ESCAPES = frozenset("dDwWbB")
"""The escapes whose ECMA-262 meaning is Python's under the ASCII flag."""
_CONTROL_ESCAPES = {
    "f": ("\\f", "\f"),
    "n": ("\\n", "\n"),
    "r": ("\\r", "\r"),
    "t": ("\\t", "\t"),
    "v": ("\\v", "\v"),
}
_CONTROL_NAMES = {char: text for text, char in _CONTROL_ESCAPES.values()}
_SPECIAL = frozenset(".^$*+?{}[]\\|()")
"""Characters Python's `re` reads as syntax outside a class."""
_CLASS_SPECIAL = frozenset("\\]^-[&~|")
"""Characters escaped inside a class: syntax there, or (`[`, `&&`, `~~`, `||`) reserved by
Python for set operations, which it warns about."""
_QUANTIFIER = re.compile(r"\{(\d+)(,(\d*))?\}")
_GROUP_NAME = re.compile(r"<([^>]*)>")


class UntranslatablePattern(ValueError):
    """The pattern has no Python `re` equivalent; the message says why."""


@dataclass(frozen=True)
class PythonPattern:
    """A translated pattern, and how what was not valid ECMA-262 was read (for a warning)."""

    text: str
    notes: tuple[str, ...] = ()


@cache
def read_pattern(pattern: str) -> tuple[str | None, tuple[str, ...]]:
    """The Python pattern for a schema's `pattern` (None: left out), and the warnings to give
    about it. Asked once per distinct text: specs repeat their id patterns hundreds of times."""
    shown = f"'{pattern}'"  # as written: repr() would double every backslash
    try:
        translated = python_pattern(pattern)
    except UntranslatablePattern as exc:
        return None, (f"pattern {shown} is left out: {exc}",)
    return translated.text, tuple(f"pattern {shown}: {note}" for note in translated.notes)


def python_pattern(pattern: str) -> PythonPattern:
    """`pattern`, an ECMA-262 regular expression, as a Python `re` pattern of the same meaning."""
    translator = _Translator(pattern)
    text = translator.translate()
    if translator.ascii:
        text = "(?a)" + text
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a FutureWarning would be printed by every import of the model
        try:
            re.compile(text)
        except (re.error, Warning) as exc:
            raise UntranslatablePattern(f"Python's re refuses it: {exc}") from None
    return PythonPattern(text, tuple(translator.notes))


class _Translator:
    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.at = 0
        self.out: list[str] = []
        self.ascii = False
        """Whether a `\\d`, `\\w` or `\\b` (or their negations) was kept: ASCII in ECMA-262."""
        self.notes: list[str] = []
        self.quantified = False
        """Whether the last thing written was a quantifier (another one after it is no ECMA-262)."""

    def translate(self) -> str:
        pattern = self.pattern
        while self.at < len(pattern):
            char = pattern[self.at]
            self.at += 1
            offset = self.at - 1
            quantifier = self._quantifier(char)
            if quantifier is not None:
                if self.quantified:
                    raise UntranslatablePattern(
                        f"{char!r} at offset {offset} repeats a quantifier, which ECMA-262 does not allow"
                    )
                if self.at < len(pattern) and pattern[self.at] == "?":  # lazy
                    self.at += 1
                    quantifier += "?"
                self.out.append(quantifier)
                self.quantified = True
                continue
            self.quantified = False
            if char == "\\":
                self.out.append(self._escape(in_class=False)[0])
            elif char == "[":
                self.out.append(self._class())
            elif char == "(":
                self.out.append(self._group_start())
            elif char == ".":
                self.out.append(f"[^{_LINE_TERMINATORS}]")
            elif char == "$":
                self.out.append("\\Z")
            elif char in "^|)":
                self.out.append(char)
            else:
                self.out.append(_literal(char, in_class=False))
        return "".join(self.out)

    def _quantifier(self, char: str) -> str | None:
        if char in "*+?":
            return char
        if char == "{":
            found = _QUANTIFIER.match(self.pattern, self.at - 1)
            if found:
                self.at = found.end()
                return found.group()
        return None  # an ECMA-262 `{` that starts no quantifier is a literal brace

    def _group_start(self) -> str:
        pattern = self.pattern
        if not pattern.startswith("?", self.at):
            return "("
        for opening in ("?:", "?=", "?!", "?<=", "?<!"):
            if pattern.startswith(opening, self.at):
                self.at += len(opening)
                return "(" + opening
        name = _GROUP_NAME.match(pattern, self.at + 1)
        if pattern.startswith("?<", self.at) and name:
            self.at = name.end()
            return f"(?P<{self._group_name(name.group(1))}>"
        raise UntranslatablePattern(f"'(?' at offset {self.at - 1} starts no ECMA-262 group")

    @staticmethod
    def _group_name(name: str) -> str:
        if not name.isidentifier():
            raise UntranslatablePattern(f"the group name {name!r} is no Python identifier")
        return name

    def _escape(self, in_class: bool) -> tuple[str, str | None]:
        """The escape after a backslash as Python writes it, and the one character it stands
        for (None for a class escape, a backreference or an anchor)."""
        pattern = self.pattern
        if self.at >= len(pattern):
            raise UntranslatablePattern("it ends in a lone backslash")
        char = pattern[self.at]
        self.at += 1
        if in_class and char == "b":
            return "\\x08", "\b"  # `[\b]` is a backspace
        if in_class and char == "B":
            raise UntranslatablePattern("\\B inside a character class")
        if char in _ASCII_CLASS_ESCAPES:
            self.ascii = True
            return "\\" + char, None
        if char == "s":
            return (_WHITESPACE if in_class else f"[{_WHITESPACE}]"), None
        if char == "S":
            if in_class:
                raise UntranslatablePattern("\\S inside a character class")
            return f"[^{_WHITESPACE}]", None
        if char in _CONTROL_ESCAPES:
            return _CONTROL_ESCAPES[char]
        if char == "c":
            letter = pattern[self.at : self.at + 1]
            if not (letter.isascii() and letter.isalpha()):
                raise UntranslatablePattern("\\c without a control letter")
            self.at += 1
            return _character(chr(ord(letter) % 32), in_class)
        if char == "x":
            digits = pattern[self.at : self.at + 2]
            if len(digits) < 2 or not _is_hex(digits):
                raise UntranslatablePattern("\\x without two hexadecimal digits")
            self.at += 2
            return _character(chr(int(digits, 16)), in_class)
        if char == "u":
            return _character(self._code_point(), in_class)
        if char == "0" and not pattern[self.at : self.at + 1].isdigit():
            return _character("\0", in_class)
        if char.isdigit():
            if in_class:
                raise UntranslatablePattern(f"\\{char} inside a character class")
            digits = char
            while self.at < len(pattern) and pattern[self.at].isdigit():
                digits += pattern[self.at]
                self.at += 1
            return f"(?:\\{digits})", None  # a group, so that a digit after it stays a digit
        if char == "k":
            name = _GROUP_NAME.match(pattern, self.at)
            if not name:
                raise UntranslatablePattern("\\k without a <name>")
            self.at = name.end()
            return f"(?P={self._group_name(name.group(1))})", None
        if char in "pP":
            raise UntranslatablePattern(f"\\{char}{{...}} (a Unicode property) has no Python equivalent")
        if char.isascii() and char.isalnum():
            raise UntranslatablePattern(f"\\{char} is no ECMA-262 escape")
        return _character(char, in_class)  # an identity escape: `\/`, `\.`, `\-`

    def _code_point(self) -> str:
        """The character of a `\\u` escape (the `\\u` read), a surrogate pair as one."""
        pattern = self.pattern
        if pattern.startswith("{", self.at):
            end = pattern.find("}", self.at)
            digits = pattern[self.at + 1 : end] if end != -1 else ""
            if not digits or not _is_hex(digits) or int(digits, 16) > 0x10FFFF:
                raise UntranslatablePattern("\\u{...} is no code point")
            self.at = end + 1
            point = int(digits, 16)
        else:
            digits = pattern[self.at : self.at + 4]
            if len(digits) < 4 or not _is_hex(digits):
                raise UntranslatablePattern("\\u without four hexadecimal digits")
            self.at += 4
            point = int(digits, 16)
            low = pattern[self.at + 2 : self.at + 6]
            if 0xD800 <= point <= 0xDBFF and pattern.startswith("\\u", self.at) and len(low) == 4 and _is_hex(low):
                if 0xDC00 <= int(low, 16) <= 0xDFFF:
                    self.at += 6
                    point = 0x10000 + ((point - 0xD800) << 10) + (int(low, 16) - 0xDC00)
        if 0xD800 <= point <= 0xDFFF:
            raise UntranslatablePattern("a lone UTF-16 surrogate matches no character of a Python string")
        return chr(point)

    def _class(self) -> str:
        """A character class (its `[` read), as Python writes it."""
        pattern = self.pattern
        start = self.at - 1
        negated = pattern.startswith("^", self.at)
        if negated:
            self.at += 1
        if pattern.startswith("]", self.at):  # `[]` matches nothing, `[^]` anything
            self.at += 1
            return "[\\s\\S]" if negated else "(?!)"
        members: list[tuple[str, str | None]] = []
        """Each member as Python writes it, and its character when it is one (None for a
        class escape); a bare `-` is `("-", None)`."""
        while True:
            if self.at >= len(pattern):
                raise UntranslatablePattern(f"the character class at offset {start} is not closed")
            char = pattern[self.at]
            self.at += 1
            if char == "]":
                break
            if char == "\\":
                members.append(self._escape(in_class=True))
            elif char == "-":
                members.append(("-", None))
            else:
                members.append(_character(char, in_class=True))
        inside = self._ranges(members, pattern[start : self.at])
        return "[" + ("^" if negated else "") + inside + "]"

    def _ranges(self, members: list[tuple[str, str | None]], written: str) -> str:
        """The members with their ranges: a bare `-` between two characters makes one;
        anywhere else (at an edge, beside a class escape) it is a literal hyphen, as in ECMA-262."""
        result: list[str] = []
        index = 0
        while index < len(members):
            text, low = members[index]
            if index + 2 < len(members) and members[index + 1] == ("-", None) and low is not None:
                high_text, high = members[index + 2]
                if high is not None:
                    if low > high:
                        self.notes.append(
                            f"the range {low}-{high} in {written} runs backwards;"
                            f" read as the characters {low!r}, '-' and {high!r}"
                        )
                        result += [text, "\\-", high_text]
                    else:
                        result.append(f"{text}-{high_text}")
                    index += 3
                    continue
            result.append("\\-" if (text, low) == ("-", None) else text)
            index += 1
        return "".join(result)


def _character(char: str, in_class: bool) -> tuple[str, str]:
    return _literal(char, in_class), char


def _literal(char: str, in_class: bool) -> str:
    """One character as a Python pattern writes it literally."""
    if char in (_CLASS_SPECIAL if in_class else _SPECIAL):
        return "\\" + char
    point = ord(char)
    if char in _CONTROL_NAMES:
        return _CONTROL_NAMES[char]
    if point < 0x20 or point == 0x7F:
        return f"\\x{point:02x}"
    if not char.isprintable() or char.isspace() and char != " ":
        return f"\\u{point:04x}" if point <= 0xFFFF else f"\\U{point:08x}"
    return char


def _is_hex(text: str) -> bool:
    return all(c in "0123456789abcdefABCDEF" for c in text)
