"""Format: make generated Python black-clean, running black only where it would change something.

The templates print black's layout themselves: exploded argument lists with trailing
commas, black's blank lines, black's choice of quotes; the runtime modules are committed
black-clean. What a template cannot know is where a line that is too long must break (a
`Literal` with forty values, a long signature), so the statements holding a line over
black's limit are cut out, each on its own, dedented and with the limit shortened by its
indentation, which is how black measures it in place, and `linesplit.py` lays them out
as black would. What it does not know (operators, comments, ...) goes to black, counted
in `FormatStats` (`generate -v`). A compound statement other than a class or function
header, or anything this cannot cut out cleanly, sends the whole file through black.

Tests hold the claim: every golden package, the committed SDK and the whole
DigitalOcean SDK pass `black --check`, the fuzzer compares this with black over whole
files for random specs, and `test_linesplit.py` compares `linesplit` with black.

Black's result depends only on its version, its mode and the input, so whole-file results
are also cached on disk by a hash of those; a regeneration with nothing changed formats
nothing.
"""

from __future__ import annotations

import ast
import hashlib
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .layout import bracketed
from .linesplit import Unsupported, layout_unit
from .outline import docstring_holding, pruned
from .textwidth import str_width

LINE_LENGTH = 88
"""Black's default, which the generated packages use."""

INDENT_PASS = "    pass\n"


class WholeFile(Exception):
    """The statement-by-statement path cannot handle this file: format all of it."""


def _long_lines(lines: list[str], ascii_text: bool = False) -> tuple[list[int], list[int]]:
    """1-based numbers of the lines black finds too long for sure, and of those whose width
    (not their length) decides it (`ascii_text`: all lines are ASCII, so there are none).

    A character is one or two columns wide (`textwidth`), so a line longer than the limit is
    too long and one no longer than half of it is not, whatever it holds.
    """
    if ascii_text:
        return [number for number, line in enumerate(lines, 1) if len(line) > LINE_LENGTH], []
    sure: list[int] = []
    unsure: list[int] = []
    for number, line in enumerate(lines, 1):
        if len(line) > LINE_LENGTH:
            sure.append(number)
        elif 2 * len(line) > LINE_LENGTH and not line.isascii():
            unsure.append(number)
    return sure, unsure


QUOTE = '"""'


def _docstring_spans(lines: list[str]) -> dict[int, int] | None:
    """The first and last line of every docstring-shaped triple-quoted string, in order,
    or None when the file's triple quotes are not all docstring-shaped (then the caller
    parses it)."""
    spans: dict[int, int] = {}
    opened = 0
    for number in [number for number, line in enumerate(lines, 1) if QUOTE in line]:
        line = lines[number - 1]
        count = line.count(QUOTE)
        stripped = line.strip()
        if count == 1 and not opened and stripped.startswith(QUOTE):
            opened = number
        elif count == 1 and opened and stripped.endswith(QUOTE):
            spans[opened] = number
            opened = 0
        elif count == 2 and not opened and stripped.startswith(QUOTE) and stripped.endswith(QUOTE):
            spans[number] = number
        else:
            return None
    return None if opened else spans


def _outside_docstrings(lines: list[str], long_lines: list[int], spans: dict[int, int] | None) -> list[int] | None:
    """The long lines that are neither inside a docstring nor a comment, found without
    parsing, or None when `spans` is (the file's triple quotes are not all docstring-shaped).

    Most long lines of a generated file are description text, which black never splits;
    telling them apart by the docstrings' quotes spares a parse of most files.
    """
    if spans is None:
        return None
    starts = list(spans)
    outside = []
    for number in long_lines:
        if docstring_holding(spans, starts, number):
            continue
        if lines[number - 1].lstrip().startswith("#"):
            continue  # black leaves comment lines alone too
        outside.append(number)
    return outside


def _code_long_lines(lines: list[str], ascii_text: bool = False) -> list[int]:
    """The long lines black might split; none when every long line is a docstring's or a comment."""
    return _long_and_spans(lines, ascii_text)[0]


def _long_and_spans(lines: list[str], ascii_text: bool) -> tuple[list[int], dict[int, int] | None]:
    """`_code_long_lines` and the docstring spans, None when they were not worked out."""
    long_lines, unsure = _long_lines(lines, ascii_text)
    if not long_lines and not unsure:
        return [], None
    spans = _docstring_spans(lines)
    if unsure:
        # Only a line black might split needs its width: most are description text.
        outside = _outside_docstrings(lines, unsure, spans)
        wide = [n for n in (unsure if outside is None else outside) if str_width(lines[n - 1]) > LINE_LENGTH]
        long_lines = sorted(long_lines + wide)
    if _outside_docstrings(lines, long_lines, spans) == []:
        return [], spans
    return long_lines, spans


def _first_line(node: ast.stmt) -> int:
    decorators: list[ast.expr] = getattr(node, "decorator_list", None) or []
    return min([node.lineno, *(d.lineno for d in decorators)])


def _is_docstring(node: ast.stmt) -> bool:
    return isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)


STATEMENT, HEADER, PARAMETER, EXPLODED = "statement", "header", "parameter", "exploded"

Unit = tuple[int, int, int, str, str]
"""(first line, last line, indentation, kind, text for EXPLODED), lines 1-based.

A STATEMENT goes through black; a HEADER (of a class or function) too, with a `pass` body
added for the parse; a PARAMETER line of an exploded signature goes through black inside a
function of its own; an EXPLODED unit is laid out here, as black always lays it out.
"""


def _exploded(node: ast.stmt, line: str, indent: int) -> str | None:
    """Black's layout for a one-line import or list display that is too long, if it is one.

    Black explodes both one item a line whatever their length; other statements depend on
    finer rules and are left to black.
    """
    if "#" in line or "(" in line or "\\" in line:
        return None
    if isinstance(node, ast.ImportFrom):
        return _import_exploded(node, indent)
    if (
        isinstance(node, ast.Assign)
        and line.isascii()
        and len(node.targets) == 1
        and isinstance(node.targets[0], ast.Name)
        and isinstance(node.value, ast.List)
        and node.value.elts
        and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.value.elts)
    ):
        items = [line[e.col_offset : e.end_col_offset] for e in node.value.elts]
        return bracketed(f"{node.targets[0].id} = [", items, "]", indent, explode=True)
    return None


def _import_exploded(node: ast.ImportFrom, indent: int) -> str:
    """An import as black lays it out when it is too long: one name a line."""
    names = [f"{a.name} as {a.asname}" if a.asname else a.name for a in node.names]
    head = f"from {'.' * node.level}{node.module or ''} import ("
    return bracketed(head, names, ")", indent, explode=True)


def _exploded_as_black_leaves_it(node: ast.stmt, lines: list[str], first: int, last: int) -> str | None:
    """An import already exploded one name a line with a trailing comma (the lazy package
    `__init__` prints them so): black keeps it as it is, however long a name's line."""
    if not isinstance(node, ast.ImportFrom) or any("#" in line or "\\" in line for line in lines[first - 1 : last]):
        return None
    text = _import_exploded(node, node.col_offset)
    written = "\n".join(lines[first - 1 : last])[node.col_offset :]
    return text if written == text else None


def _exploded_parameters(node: ast.stmt, lines: list[str], first: int, last: int) -> tuple[int, int] | None:
    """The lines of a function's parameters, one a line with a trailing comma, if it is so written.

    There, black lays out each parameter on its own, as if it were the only one.
    """
    if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return None
    start = node.lineno  # the `def` line, after any decorators
    pad = " " * (node.col_offset + 4)
    if last - start < 2 or not lines[start - 1].endswith("(") or not lines[last - 1].lstrip().startswith(")"):
        return None
    for line in lines[start : last - 1]:
        if not line.startswith(pad) or line[len(pad)] == " " or not line.endswith(",") or "#" in line:
            return None
    return start + 1, last - 1


def _units(body: list[ast.stmt], long_lines: list[int], lines: list[str], found: set[Unit]) -> None:
    """The smallest statements, or class/function headers, that hold the long lines."""
    for node in body:
        first, last = _first_line(node), node.end_lineno or node.lineno
        if not any(first <= number <= last for number in long_lines):
            continue
        if _is_docstring(node):
            continue  # black never splits a string, and the templates print docstrings its way
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.If)):
            inner = node.body[0]
            inner_first = _first_line(inner)
            if lines[inner_first - 1][: inner.col_offset].strip():
                if isinstance(node, ast.If):
                    raise WholeFile
                # `def f(...) -> X: ...` on one logical line: the whole statement is the unit.
                found.add((first, last, node.col_offset, STATEMENT, ""))
                continue
            header_last = inner_first - 1
            if any(first <= number <= header_last for number in long_lines):
                if isinstance(node, ast.If):
                    raise WholeFile
                parameters = _exploded_parameters(node, lines, first, header_last)
                if parameters is not None and not any(
                    number in (parameters[0] - 1, parameters[1] + 1) for number in long_lines
                ):
                    for number in long_lines:
                        if parameters[0] <= number <= parameters[1]:
                            found.add((number, number, node.col_offset + 4, PARAMETER, ""))
                else:
                    found.add((first, header_last, node.col_offset, HEADER, ""))
            _units(node.body, long_lines, lines, found)
            if isinstance(node, ast.If):  # `else:` and `elif` headers are not long (checked above or below)
                _units(node.orelse, long_lines, lines, found)
        elif isinstance(node, ast.stmt) and not hasattr(node, "body"):
            if first == last:
                exploded = _exploded(node, lines[first - 1], node.col_offset)
            else:
                exploded = _exploded_as_black_leaves_it(node, lines, first, last)
            if exploded is not None:
                found.add((first, last, node.col_offset, EXPLODED, exploded))
            else:
                found.add((first, last, node.col_offset, STATEMENT, ""))
        else:
            raise WholeFile  # for/while/with/try/match: not worth cutting apart


def _tree(text: str, lines: list[str], long_lines: list[int], spans: dict[int, int] | None) -> ast.Module:
    """The module's parse, as far as `_units` looks at it: of the statements around the long
    lines alone (`outline.py`) when they can be found so, else of the whole text."""
    if spans is not None:
        text_around = pruned(lines, text, spans, long_lines)
        if text_around is not None:
            try:
                return ast.parse(text_around)
            except SyntaxError:
                pass  # not cut where the outline thought: the whole text says (or raises) why
    return ast.parse(text)


@dataclass
class FormatStats:
    """What formatting took, for `generate -v`: statements laid out without black, and
    what still went to black (statements by why `linesplit` declined them, whole files)."""

    laid_out: int = 0
    black: Counter[str] = field(default_factory=Counter)
    whole_files: list[str] = field(default_factory=list)

    def add(self, other: FormatStats) -> None:
        self.laid_out += other.laid_out
        self.black.update(other.black)
        self.whole_files.extend(other.whole_files)

    def summary(self) -> str:
        reasons = ", ".join(f"{reason}: {count}" for reason, count in sorted(self.black.items()))
        return (
            f"{self.laid_out + sum(self.black.values())} long statements formatted, "
            f"black was needed for {sum(self.black.values())}"
            + (f" ({reasons})" if reasons else "")
            + f" and for {len(self.whole_files)} whole files"
            + (f" ({', '.join(sorted(self.whole_files))})" if self.whole_files else "")
        )


class Black:
    """Black, imported on first use, with one mode per line length and results remembered."""

    def __init__(self, stats: FormatStats | None = None) -> None:
        self._black: Any = None
        self._modes: dict[int, Any] = {}
        self._results: dict[tuple[str, int], str] = {}
        self.stats = stats if stats is not None else FormatStats()
        self.path = ""

    def format_str(self, text: str, line_length: int = LINE_LENGTH) -> str:
        if self._black is None:
            import black

            self._black = black
        mode = self._modes.get(line_length)
        if mode is None:
            mode = self._modes[line_length] = self._black.Mode(line_length=line_length)
        return str(self._black.format_str(text, mode=mode))

    def format_unit(self, text: str, indent: int) -> str:
        key = (text, indent)
        result = self._results.get(key)
        if result is None:
            try:
                result = layout_unit(text, LINE_LENGTH - indent)
                self.stats.laid_out += 1
            except Unsupported as exc:
                self.stats.black[str(exc)] += 1
                result = self.format_str(text, LINE_LENGTH - indent)
            self._results[key] = result
        return result

    def format_python(self, text: str) -> str:
        """What `black.format_str(text)` returns, for text the templates printed."""
        lines = text.split("\n")
        long_lines, spans = _long_and_spans(lines, text.isascii())
        return self._format_long(text, lines, long_lines, spans) if long_lines else text

    def _format_long(self, text: str, lines: list[str], long_lines: list[int], spans: dict[int, int] | None) -> str:
        try:
            found: set[Unit] = set()
            _units(_tree(text, lines, long_lines, spans).body, long_lines, lines, found)
            out = list(lines)
            for first, last, indent, kind, exploded in sorted(found, reverse=True):
                pad = " " * indent
                if kind == EXPLODED:
                    out[first - 1 : last] = [pad + exploded]
                    continue
                if kind == PARAMETER:
                    unit = f"def f(\n    {lines[first - 1].lstrip()}\n):\n{INDENT_PASS}"
                    formatted = self.format_unit(unit, indent - 4).rstrip("\n").split("\n")
                    if formatted[0] != "def f(" or formatted[-2:] != ["):", INDENT_PASS.rstrip("\n")]:
                        raise WholeFile
                    out[first - 1 : last] = [" " * (indent - 4) + line for line in formatted[1:-2]]
                    continue
                chunk = lines[first - 1 : last]
                if any(line[:indent].strip() for line in chunk):
                    raise WholeFile  # a continuation line left of its statement
                header = kind == HEADER
                unit = "\n".join(line[indent:] for line in chunk) + "\n" + (INDENT_PASS if header else "")
                formatted = self.format_unit(unit, indent).rstrip("\n").split("\n")
                if header:
                    if formatted[-1] != INDENT_PASS.rstrip("\n"):
                        raise WholeFile
                    formatted.pop()
                out[first - 1 : last] = [pad + line if line else line for line in formatted]
            return "\n".join(out)
        except WholeFile:
            self.stats.whole_files.append(self.path)
            return self.format_str(text)


def format_python(text: str) -> str:
    return Black().format_python(text)


class FormatCache:
    """Whole-file results on disk, keyed by black's version, its mode and the input text."""

    def __init__(self, cache: Path | None) -> None:
        self.root = cache / "black" if cache is not None else None
        self._salt = b""
        if self.root is not None:
            # importlib.metadata (with email, zipfile and csv) only for a run that caches.
            from importlib import metadata

            self._salt = f"black {metadata.version('black')}\0mode=default\0".encode()

    def _entry(self, text: str) -> Path | None:
        if self.root is None:
            return None
        digest = hashlib.sha256(self._salt)
        digest.update(text.encode("utf-8", "surrogatepass"))
        key = digest.hexdigest()
        return self.root / key[:2] / key

    def lookup(self, text: str) -> str | None:
        entry = self._entry(text)
        if entry is None:
            return None
        try:
            return entry.read_text(encoding="utf-8")
        except OSError:
            return None

    def store(self, text: str, result: str) -> None:
        entry = self._entry(text)
        if entry is None or result == text:
            return  # text black leaves alone costs nothing to check again
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            temporary = entry.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_text(result, encoding="utf-8")
            os.replace(temporary, entry)
        except OSError:
            pass  # a read-only cache only costs speed


class InvalidPython(Exception):
    """A generated file is not valid Python: a bug of the generator, reported (by the caller,
    which knows the IR) at the spec construct the file came from."""

    def __init__(self, path: str, detail: str) -> None:
        super().__init__(path, detail)
        self.path, self.detail = path, detail


def format_files(files: dict[str, str], cache: Path | None, stats: FormatStats | None = None) -> dict[str, str]:
    """Every `.py` file made black-clean, in this process (`parallel.py` splits large packages
    across processes before they get here). Files with no long code line are not looked at
    again, in the cache or by black."""
    disk = FormatCache(cache)
    black = Black(stats)
    result = dict(files)
    for path, text in files.items():
        if not path.endswith(".py"):
            continue
        lines = text.split("\n")
        long_lines, spans = _long_and_spans(lines, text.isascii())
        if not long_lines:
            continue
        cached = disk.lookup(text)
        if cached is not None:
            result[path] = cached
            continue
        try:
            black.path = path
            result[path] = black._format_long(text, lines, long_lines, spans)
        except Exception as exc:  # black's parse errors have no common base class
            raise InvalidPython(path, str(exc)) from exc
        disk.store(text, result[path])
    return result
