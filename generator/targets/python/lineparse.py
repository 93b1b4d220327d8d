"""The leaves of one statement as black's line generator sees them, for `linesplit.py`.

A statement holding a line over black's limit used to go through black. `linesplit.py`
reproduces, for the statements the templates print, what black's line generator does
with one logical line: keep it if it fits and no bracket holds a magic trailing comma; a
`def` splits at its first bracket (left-hand split), anything else at its last
(right-hand split, which may first glue trailers on and may drop or keep the optional
parentheses black puts around a `return` value, an assigned value or a return
annotation); a line inside brackets splits at its commas first, one item a line with a
trailing comma added. Each piece goes through the same rules again.

This module makes the leaves: black's spacing (read from the text, which the templates
print black-spaced), what each bracket is (call, subscript, display, parameters), the
invisible parentheses, and black's bookkeeping of depths, delimiters and magic commas.
It knows only names, strings, numbers, brackets, `,` `=` `:` `->` `.`, a bare `*`, a
unary `-` `+` `~` before a name or a number, the boolean `and` and `or`, and the keywords
`def`, `class`, `async`, `await`, `return`. Anything else (other operators, comments,
lambdas, conditional expressions, varargs, non-ASCII text) is `Unsupported`, and the
caller lets black format the statement. Tests compare this with black.
"""

from __future__ import annotations

import io
import keyword
import re
import tokenize
from collections.abc import Iterator

COMMA_PRIORITY, LOGIC_PRIORITY, STRING_PRIORITY, DOT_PRIORITY = 18, 14, 12, 1
OPENING, CLOSING = "([{", ")]}"
MATCH = {")": "(", "]": "[", "}": "{"}
KEYWORDS = {"def", "class", "async", "await", "return", "None", "True", "False", "and", "or"}
OPERATORS = {",", "=", ":", "->", ".", "*", "(", ")", "[", "]", "{", "}", "..."}


class Unsupported(Exception):
    """A statement outside the shapes this module knows: black formats it."""


class CannotSplit(Exception):
    pass


class Leaf:
    __slots__ = ("kind", "value", "prefix", "depth", "opening", "bracket")

    def __init__(self, kind: str, value: str, prefix: str, bracket: str = "") -> None:
        self.kind = kind  # NAME, STRING, NUMBER, OP, or the bracket character ("(" for an invisible one too)
        self.value = value  # "" for an invisible parenthesis
        self.prefix = prefix
        self.depth = 0
        self.opening: Leaf | None = None
        self.bracket = bracket  # of an opening bracket: call, sub, atom, params, class, invisible


class Line:
    def __init__(self, depth: int, inside: bool = False) -> None:
        self.depth, self.inside = depth, inside
        self.leaves: list[Leaf] = []
        self.delimiters: dict[int, int] = {}
        self.invisible: list[Leaf] = []
        self.magic = False
        self.split_rhs = False
        self._stack: list[Leaf] = []
        self._previous: Leaf | None = None

    def append(self, leaf: Leaf, track: bool) -> None:
        if track:
            self.extend([leaf])
        else:
            self.leaves.append(leaf)

    def extend(self, leaves: list[Leaf]) -> None:
        """`leaves` appended and tracked: their depths, the brackets they close, the
        delimiters at depth 0, invisible parentheses and magic commas (black's
        `BracketTracker.mark`)."""
        own, stack, delimiters = self.leaves, self._stack, self.delimiters
        previous = self._previous
        for leaf in leaves:
            kind = leaf.kind
            closing = kind in CLOSING
            if closing:
                if not stack:
                    own.append(leaf)
                    continue
                opening = stack.pop()
                if opening.kind != MATCH[kind]:
                    raise Unsupported("brackets")
                leaf.opening = opening
                if not leaf.value:
                    self.invisible.append(leaf)
                leaf.depth = len(stack)
                if own and own[-1].value == "," and _magic(leaf, own):
                    self.magic = True
            else:
                leaf.depth = len(stack)
            if not stack:
                value = leaf.value
                if previous is not None:
                    if value == "." and previous.kind in CLOSING:
                        delimiters[id(previous)] = DOT_PRIORITY
                    elif kind == "STRING" and previous.kind == "STRING":
                        delimiters[id(previous)] = STRING_PRIORITY
                    elif value == "or" or value == "and":
                        delimiters[id(previous)] = LOGIC_PRIORITY
                if value == ",":
                    delimiters[id(leaf)] = COMMA_PRIORITY
            if kind in OPENING:
                stack.append(leaf)
                if not leaf.value:
                    self.invisible.append(leaf)
            previous = self._previous = leaf
            own.append(leaf)

    @property
    def is_def(self) -> bool:
        first = self.leaves[0].value if self.leaves else ""
        return first == "def" or (first == "async" and len(self.leaves) > 1 and self.leaves[1].value == "def")

    def max_priority(self, exclude: Leaf | None = None) -> int:
        values = [p for k, p in self.delimiters.items() if exclude is None or k != id(exclude)]
        if not values:
            raise CannotSplit("no delimiters")
        return max(values)

    def count(self, priority: int) -> int:
        return sum(1 for p in self.delimiters.values() if p == priority)

    def __str__(self) -> str:
        if not self.leaves:
            return ""
        first, *rest = self.leaves
        return "    " * self.depth + first.value + "".join([leaf.prefix + leaf.value for leaf in rest])


def _commas_at(opening: Leaf, closing: Leaf, leaves: list[Leaf]) -> int:
    inside, commas = False, 0
    for leaf in leaves:
        if leaf is opening:
            inside = True
        elif leaf is closing:
            break
        elif inside and leaf.value == "," and leaf.depth == closing.depth + 1:
            commas += 1
    return commas


def one_sequence(opening: Leaf, closing: Leaf, leaves: list[Leaf]) -> bool:
    """black's `is_one_sequence_between` for parentheses: a one-tuple (calls and
    parameter lists count their commas twice)."""
    if opening.kind != "(" or closing.kind != ")":
        return False
    commas = _commas_at(opening, closing, leaves)
    if opening.bracket in ("call", "params", "class") and commas:
        return False
    return commas < 2


def _magic(closing: Leaf, leaves: list[Leaf]) -> bool:
    """A trailing comma before `closing` that black keeps exploded."""
    opening = closing.opening
    assert opening is not None
    if closing.kind == "}":
        return True
    if closing.kind == "]":
        return not (opening.bracket == "sub" and _commas_at(opening, closing, leaves) < 2)
    return not one_sequence(opening, closing, leaves)


def tokens(text: str) -> list[Leaf]:
    """The leaves of one logical line, with black's spacing taken from the (black-spaced)
    text, or `Unsupported`."""
    if not text.isascii():
        raise Unsupported("text")
    leaves = _lexed(text)
    if leaves is None:
        leaves = _read(text)
    if text.count("\\") != sum(leaf.value.count("\\") for leaf in leaves if leaf.kind == "STRING"):
        raise Unsupported("backslash continuation")
    for index, leaf in enumerate(leaves):
        if leaf.value == "*" and leaves[index + 1].value != ",":
            raise Unsupported("varargs")
    if keyword.iskeyword(leaves[0].value) and leaves[0].value not in ("def", "class", "async", "return", "await"):
        raise Unsupported(leaves[0].value)  # statements whose parentheses black treats its own way
    return _invisible_parens(leaves)


UNARY = ("-", "+", "~")
"""Unary operators: part of their operand (black's `factor`), no delimiter. This module
takes one right before a name or a number, where no binary operator can be."""


def _unary_position(before: list[Leaf], stack: list[Leaf]) -> bool:
    if not before:
        return False
    previous = before[-1].value
    if previous == ":":
        return not (stack and stack[-1].kind == "[")  # not in a slice, which black spaces its own way
    return previous in ("(", "[", "{", ",", "=", "return", "and", "or")


DECLINED_NAMES = ("lambda", "if", "else", "for", "in", "not", "is", "yield", "import")


def _read(text: str) -> list[Leaf]:
    """The leaves of `text` as `tokenize` reads it, or `Unsupported` for the first thing
    outside the shapes this module knows."""
    leaves: list[Leaf] = []
    stack: list[Leaf] = []
    end = (1, 0)
    ended = False
    unary: str | None = None  # a unary operator, before its operand
    try:
        for kind, value, start, token_end in _tokenized(text):
            if kind in ("NL", "ENDMARKER", "DEDENT"):
                continue
            if kind == "NEWLINE":
                ended = True
                continue
            if ended or kind == "INDENT":
                raise Unsupported("statements")
            if unary is not None and (kind not in ("NAME", "NUMBER") or value in KEYWORDS or start != end):
                raise Unsupported(unary)  # only a name or a number right after it, which it belongs to
            unary = None
            if kind == "OP":
                if value in UNARY and _unary_position(leaves, stack):
                    unary = value
                elif value not in OPERATORS:
                    raise Unsupported(value)
                if value in OPENING or value in CLOSING:
                    kind = value
            elif kind == "NAME":
                if value in DECLINED_NAMES:
                    raise Unsupported(value)
            elif kind == "STRING":
                if not black_keeps_string(value):
                    raise Unsupported("string black would requote")
            elif kind != "NUMBER" or not value.replace(".", "").isdigit():
                raise Unsupported(kind)
            declined = _append_leaf(leaves, stack, kind, value, start[1] - end[1] if start[0] == end[0] else None)
            if declined:
                raise Unsupported(declined)
            end = token_end
    except (tokenize.TokenError, IndentationError) as exc:
        raise Unsupported("tokenize") from exc
    if stack or not leaves:
        raise Unsupported("brackets")
    return leaves


_UNICODE_ESCAPE = re.compile(r"(\\+)(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|x[0-9A-Fa-f]{2}|N\{[A-Za-z0-9 -]{2,}\})?")
_BACKSLASHES = re.compile(r"(\\*)(['\"])")


def black_keeps_string(literal: str) -> bool:
    """Whether black leaves the one-line string literal `literal` as it is.

    Black writes a prefix lowercase with `r` first, the hexadecimal digits of `\\x`, `\\u`
    and `\\U` escapes lowercase and `\\N{...}` names uppercase, and prefers double quotes
    unless they need more backslashes than the other quote: it drops the backslash of an
    escaped quote that the literal's own quote does not need, and keeps a literal in single
    quotes only when switching would escape more double quotes than it unescapes single
    ones (inside `"..."` every `"` is escaped, no `'` need be). A raw string keeps its
    escapes; an f-string is taken only in double quotes and without backslashes. Tests
    compare this with black over generated literals.
    """
    text = literal.lstrip("rbf")
    prefix = literal[: len(literal) - len(text)]
    if prefix not in ("", "r", "b", "rb", "f", "rf") or text[:3] in ('"""', "'''") or text[:1] not in "\"'":
        return False
    quote, body = text[0], text[1:-1]
    if "f" in prefix:
        return quote == '"' and "\\" not in body
    if "r" in prefix:
        return quote == '"'
    if "\\" in body:
        for match in _UNICODE_ESCAPE.finditer(body):
            escape = match.group(2)
            if (
                escape
                and len(match.group(1)) % 2
                and escape != escape[0] + (escape[1:].upper() if escape[0] == "N" else escape[1:].lower())
            ):
                return False
    other = "'" if quote == '"' else '"'
    for match in _BACKSLASHES.finditer(body):
        if match.group(2) == other and len(match.group(1)) % 2:
            return False  # an escaped quote that needs no escape: black drops the backslash
    # Every `quote` inside is escaped (else it would end the literal), no `other` is.
    if quote == '"':
        return body.count(other) >= body.count(quote)
    return body.count(other) > body.count(quote)


Token = tuple[str, str, tuple[int, int], tuple[int, int]]
"""(kind, text, (row, column) of its start, of its end), as `tokenize` names them."""

_LEXEME = re.compile(
    r'(?P<STRING>(?:rb|r|b)?"[^"\\\n]*")'
    r"|(?P<NAME>[A-Za-z_][A-Za-z_0-9]*)"
    r"|(?P<NUMBER>[0-9]+(?:\.[0-9]+)?)(?![A-Za-z_0-9.])"
    r"|(?P<OP>->|\.\.\.|\.(?![0-9])|[=:](?!=)|\*(?![*=])|[,()\[\]{}])"
    r"|(?P<SPACE> +)"
    r"|(?P<NEWLINE>\n)"
    r"|(?P<OTHER>.)"
)


def _lexed(text: str) -> list[Leaf] | None:
    """What `_read(text)` returns, for the statements the templates print most (names,
    plain double-quoted strings, whole or decimal numbers and the operators this module
    knows, black-spaced), read by one regular expression; None for anything else, which
    `_read` then reads with `tokenize` (and declines with its reason)."""
    if '"""' in text or not text.endswith("\n") or text.startswith(" "):
        return None
    leaves: list[Leaf] = []
    stack: list[Leaf] = []
    row, line_start, end_row, end_column = 1, 0, 1, 0
    for lexeme in _LEXEME.finditer(text):
        kind = lexeme.lastgroup
        if kind == "SPACE":
            continue
        start, end = lexeme.span()
        if kind == "NEWLINE":
            if not stack:
                return leaves if end == len(text) and leaves else None
            row, line_start = row + 1, end
            continue
        if kind == "OTHER" or kind is None:
            return None
        value = lexeme.group()
        if kind == "NAME":
            if value in DECLINED_NAMES or text[end] in "\"'":
                return None  # declined, or a string prefix this does not read
        elif kind == "OP" and value in "()[]{}":
            kind = value
        column = start - line_start
        if _append_leaf(leaves, stack, kind, value, column - end_column if row == end_row else None):
            return None
        end_row, end_column = row, end - line_start
    return None


def _append_leaf(leaves: list[Leaf], stack: list[Leaf], kind: str, value: str, gap: int | None) -> str | None:
    """Add a token to `leaves` (and an opening bracket to `stack`, a closing one taking its
    own off), spaced as black spaces it; `gap` is the columns since the token before on the
    same line, None on a line of its own. The reason it is declined, or None: `_read` and
    `_lexed` read tokens differently, and build their leaves alike here."""
    if gap is not None and gap > 1:
        return "spacing"  # black's is never wider: the text is not black-spaced
    if not leaves:
        prefix = ""
    elif gap is None:
        prefix = "" if leaves[-1].kind in OPENING or kind in CLOSING else " "
    else:
        prefix = " " * gap
    leaf = Leaf(kind, value, prefix)
    if kind in OPENING:
        leaf.bracket = _bracket_kind(leaf, leaves)
        stack.append(leaf)
    elif kind in CLOSING:
        if not stack:
            return "brackets"
        stack.pop()
    if value == "*" and not (leaves and leaves[-1].value in ("(", ",") and stack and stack[-1].bracket == "params"):
        return "*"
    leaves.append(leaf)
    return None


def _tokenized(text: str) -> Iterator[Token]:
    """The tokens of `text` (kind names as `tokenize` has them), one at a time: `tokenize`
    fails only when it gets to the error, after the tokens before it were looked at."""
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        yield tokenize.tok_name[token.type], token.string, token.start, token.end


def _bracket_kind(leaf: Leaf, before: list[Leaf]) -> str:
    previous = before[-1] if before else None
    if leaf.kind == "(" and len(before) >= 2 and before[-2].value in ("def", "class"):
        return "params" if before[-2].value == "def" else "class"
    if leaf.kind != "{" and previous is not None:
        if (
            previous.kind in CLOSING
            or previous.kind == "STRING"
            or (previous.kind == "NAME" and previous.value not in KEYWORDS)
        ):
            return "call" if leaf.kind == "(" else "sub"
    return "atom"


def _invisible_parens(leaves: list[Leaf]) -> list[Leaf]:
    """black's optional parentheses: around a return annotation, a `return` value, and the
    annotation and the value of an assignment."""
    if leaves[0].value == "class":
        return leaves
    colons, equals, arrow = [], [], None
    depth = 0
    for index, leaf in enumerate(leaves):
        depth += (leaf.kind in OPENING) - (leaf.kind in CLOSING)
        if depth == 0 and leaf.value == "->":
            arrow = index
        elif depth == 0 and leaf.value == ":":
            colons.append(index)
        elif depth == 0 and leaf.value == "=":
            equals.append(index)
    if leaves[0].value in ("def", "async"):
        after = [c for c in colons if arrow is not None and c > arrow]
        return _wrap(leaves, arrow + 1, after[0]) if arrow is not None and after else leaves
    if leaves[0].value == "return":
        return _wrap(leaves, 1, len(leaves)) if len(leaves) > 1 else leaves
    if len(equals) > 1 or len(colons) > 1:
        raise Unsupported("chained assignment")
    if equals:
        leaves = _wrap(leaves, equals[0] + 1, len(leaves))
    if colons and (not equals or colons[0] < equals[0]):
        leaves = _wrap(leaves, colons[0] + 1, equals[0] if equals else len(leaves))
    return leaves


def _wrap(leaves: list[Leaf], start: int, end: int) -> list[Leaf]:
    """leaves[start:end] in invisible parentheses."""
    if start >= end:
        raise Unsupported("empty")
    if leaves[start].kind == "(" and leaves[end - 1].kind == ")":
        raise Unsupported("parenthesized value")  # black makes redundant parentheses invisible
    opening, closing = Leaf("(", "", leaves[start].prefix, "invisible"), Leaf(")", "", "")
    leaves[start].prefix = ""
    return [*leaves[:start], opening, *leaves[start:end], closing, *leaves[end:]]
