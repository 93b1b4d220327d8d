"""Text from specs made safe and readable in generated code and docs."""

from __future__ import annotations

import json
import re
import textwrap
from functools import cache

from markdown_it import MarkdownIt

_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
# Characters that must not appear raw in a Python string literal: control characters,
# and bidirectional overrides (they make source read differently than it runs).
_UNSAFE_IN_SOURCE = re.compile("[\x00-\x08\x0b-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]")
_STRUCTURED_LINE = re.compile(r"^(\s*([-*+]|\d+[.)])\s|\s{2,}|\||```|#)")


def normalize_description(text: str) -> str:
    """Trailing space trimmed, runs of blank lines folded; `<br>` is kept as a hard break."""
    text = _BR.sub("<br>", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [line.rstrip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


_HTML_TAG_START = re.compile(r"<(?!br>)")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def markdown_text(text: str) -> str:
    """A description for Markdown docs: `<br>` kept, any other tag shown as text rather than
    run by a viewer (`<script>` -> `&lt;script>`), control and bidi-override characters dropped."""
    return _HTML_TAG_START.sub("&lt;", _CONTROL.sub("", normalize_description(text)))


_BACKTICKS = re.compile(r"`+")


def code_span(text: object) -> str:
    """Markdown inline code that no content can break out of: the fence is longer than any
    run of backticks inside, and control characters are dropped."""
    value = _CONTROL.sub("", str(text)).replace("\n", " ")
    longest = max((len(m.group()) for m in _BACKTICKS.finditer(value)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if value.startswith("`") or value.endswith("`") or longest else ""
    return f"{fence}{pad}{value}{pad}{fence}"


def code_block(text: str, language: str = "") -> str:
    """A fenced Markdown code block whose fence is longer than any backtick run inside."""
    value = _CONTROL.sub("", text)
    longest = max((len(m.group()) for m in _BACKTICKS.finditer(value)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{language}\n{value}\n{fence}"


@cache
def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False})
    # Headings inside a description would break the page's outline: show them as bold lines.
    md.add_render_rule("heading_open", lambda *args: '<p class="md-heading"><strong>')
    md.add_render_rule("heading_close", lambda *args: "</strong></p>\n")
    return md


def description_html(text: str) -> str:
    """A description as safe HTML: Markdown's code spans, links, emphasis and lists, `<br>`
    as a line break, and everything else (tags included) escaped as text."""
    source = markdown_text(text).replace("&lt;", "\\<").replace("<br>", "\\\n")
    return str(_markdown().render(source)).strip()


def wrap_text(text: str, width: int) -> list[str]:
    """Paragraphs re-wrapped to `width`; lists, tables and code keep their lines."""
    result: list[str] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            joined = " ".join(part.strip() for part in paragraph)
            for piece in _BR.split(joined):
                result.extend(
                    textwrap.wrap(piece.strip(), width=width, break_long_words=False, break_on_hyphens=False) or [""]
                )
            paragraph.clear()

    in_code = False
    for line in normalize_description(text).split("\n"):
        if line.strip().startswith("```"):
            flush()
            in_code = not in_code
            result.append(line)
        elif in_code or _STRUCTURED_LINE.match(line):
            flush()
            result.append(line)
        elif not line.strip():
            flush()
            result.append("")
        else:
            paragraph.append(line)
    flush()
    return result


def _escape_for_source(text: str) -> str:
    text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    return _UNSAFE_IN_SOURCE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def docstring(text: str | None, indent: int, width: int = 88) -> str:
    """A triple-quoted docstring for `text`, indented by `indent` spaces, wrapped to `width`."""
    if not text:
        return ""
    pad = " " * indent
    # Three columns for the opening quotes, which share the first line.
    lines = [_escape_for_source(line) for line in wrap_text(text, width - indent - 3)]
    if not lines or not any(lines):
        return ""
    if len(lines) == 1 and len(pad) + len(lines[0]) + 6 > width:
        # Black joins a lone line with its closing quotes: make it two lines instead.
        lines = [_escape_for_source(line) for line in wrap_text(text, width - indent - 6)]
    last = lines[-1]
    escaped = (len(last) - 1 - len(last[:-1].rstrip("\\"))) % 2 == 1 if last.endswith('"') else True
    if not escaped:
        # A closing quote right before the terminator would end the docstring early.
        lines[-1] = last[:-1] + '\\"'
    if len(lines) == 1 and len(pad) + len(lines[0]) + 6 <= width:
        return f'{pad}"""{lines[0]}"""'
    body = "\n".join(f"{pad}{line}" if line else "" for line in lines[1:])
    return f'{pad}"""{lines[0]}\n{body}\n{pad}"""' if body else f'{pad}"""{lines[0]}\n{pad}"""'


def toml_string(value: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's, and every control character is escaped."""
    return json.dumps(value, ensure_ascii=False)


def python_string(value: str) -> str:
    """A double-quoted Python string literal for any text."""
    out = ['"']
    for char in value:
        if char == "\\":
            out.append("\\\\")
        elif char == '"':
            out.append('\\"')
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif _UNSAFE_IN_SOURCE.match(char):
            out.append(f"\\u{ord(char):04x}" if ord(char) > 0xFF else f"\\x{ord(char):02x}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)
