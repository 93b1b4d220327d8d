"""Text from specs made safe and readable in generated code and docs."""

from __future__ import annotations

import json
import re
import textwrap
from functools import cache
from typing import TYPE_CHECKING
from urllib.parse import urljoin

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
# Characters that must not appear raw in a Python string literal: control characters,
# and bidirectional overrides (they make source read differently than it runs).
_UNSAFE_IN_SOURCE = re.compile("[\x00-\x08\x0b-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]")
_STRUCTURED_LINE = re.compile(r"^(\s*([-*+]|\d+[.)])\s|\s{2,}|\||```|#)")


def description_of(value: object) -> str | None:
    """A description worth printing: a string with something besides white space, else None."""
    return value if isinstance(value, str) and value.strip() else None


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


@cache
def markdown_text(text: str) -> str:
    """A description for Markdown docs: `<br>` kept, any other tag shown as text rather than
    run by a viewer (`<script>` -> `&lt;script>`), control and bidi-override characters dropped.
    Memoised: the Markdown and the HTML docs take each description, and shared ones repeat."""
    return _HTML_TAG_START.sub("&lt;", _CONTROL.sub("", normalize_description(text)))


_BACKTICKS = re.compile(r"`+")


def code_span(text: object) -> str:
    """Markdown inline code that no content can break out of: the fence is longer than any
    run of backticks inside, and control characters are dropped."""
    return _code_span(str(text))


@cache
def _code_span(text: str) -> str:
    """Memoised: the Markdown reference spells the same types and names thousands of times."""
    value = _CONTROL.sub("", text).replace("\n", " ")
    longest = max((len(m.group()) for m in _BACKTICKS.finditer(value)), default=0) if "`" in value else 0
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
def _markdown(html: bool = False) -> MarkdownIt:
    """`html`: inline HTML passes through (to be sanitised); otherwise it is text."""
    from markdown_it import MarkdownIt  # imported once a description needs it, not at start-up

    md = MarkdownIt("commonmark", {"html": html}).enable("table")  # GFM tables, common in specs
    # Headings inside a description would break the page's outline: show them as bold lines.
    md.add_render_rule("heading_open", lambda *args: '<p class="md-heading"><strong>')
    md.add_render_rule("heading_close", lambda *args: "</strong></p>\n")
    return md


_CODE = r"`[^`\n]+`(?!`)"
_WORD_UNDERSCORES = r"(?<=[A-Za-z0-9])_+(?=[A-Za-z0-9])"
_SPACE_PAST_ASCII = "\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
"""The characters past ASCII that are white space (`str.isspace`, which the parser strips by)."""
_PLAIN_CHAR = f"[^\\x00-\\x1f\\x7f&*<\\\\_`{_SPACE_PAST_ASCII}]"
"""Printable ASCII but `&`, `*`, `<`, backslash, underscore and backtick; past ASCII, all but white space."""
_PLAIN_START = f"(?:[A-Za-z(\"']|{_CODE}|[^\\x00-\\x7f{_SPACE_PAST_ASCII}]|[0-9]++(?![.)0-9]))"
_PLAIN_LINE = f"{_PLAIN_START}(?:{_PLAIN_CHAR}++|{_CODE}|{_WORD_UNDERSCORES}|\\\\<)*+"
_PLAIN_PARAGRAPH = re.compile(f"(?:\\\\\n)*+{_PLAIN_LINE}(?:\\\\?\n(?:\\\\\n)*+{_PLAIN_LINE})*+")
"""Lines that Markdown renders as one paragraph of their text, code spans and line breaks:
each starts with no list, heading, quote or fence marker (a number only when no `.` or `)`
follows it), holds no character of another inline construct or an entity (underscores only
inside a word, where they cannot emphasise; brackets only in a text with no `](`, where no
link can form), keeps its code spans (one backtick each side, none touching the next) on
the line, and may end in a backslash line break (`<br>`) unless it is the last. Escaped `<` is
text; so is any character past ASCII but white space, which the parser trims.

Plain characters are taken a run at a time and nothing is given back (`++`, `*+`): no run
ends where another token could start, so nothing is lost by not trying every character
against every alternative."""
_PLAIN_INLINE = re.compile(r'`([^`\n]+)`|[">]|\\<|\\\n')
_PLAIN_ESCAPES = {'"': "&quot;", ">": "&gt;", "\\<": "&lt;", "\\\n": "<br />\n"}


def _plain_html(match: re.Match[str]) -> str:
    code = match.group(1)
    if code is None:
        return _PLAIN_ESCAPES[match.group()]
    if code.startswith(" ") and code.endswith(" ") and code.strip(" "):
        code = code[1:-1]
    code = code.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    return f"<code>{code}</code>"


@cache
def description_html(text: str, link_base: str = "") -> str:
    """A description as safe HTML: Markdown's code spans, links, emphasis and lists, `<br>`
    as a line break; inline HTML (`<a href>`, `<b>`, `<ul>`) kept when it is in the safe set
    (`SAFE_TAGS`, no scripts, styles or event attributes), other tags dropped, their text kept.
    Relative links resolve against `link_base` (the spec's `externalDocs`), or become text.

    Memoised: a shared schema's descriptions show on every page that expands it. Plain
    paragraphs (most descriptions: text, `code spans`, line breaks) are the paragraphs Markdown would
    make, without parsing them (`tests/test_text.py` holds the two to the same result)."""
    # The doc views hand over `markdown_text`'s output, where `<` is already `&lt;`.
    raw = text.replace("&lt;", "<")
    if _HTML_TAG.search(_BR.sub("", raw)):
        # Only known elements are markup: `<host>` or `<token>` in prose is text, as before.
        source = _NOT_A_TAG.sub("&lt;", _CONTROL.sub("", normalize_description(raw)))
        return sanitized_html(str(_markdown(html=True).render(source)).strip(), link_base)
    source = markdown_text(text).replace("&lt;", "\\<").replace("<br>", "\\\n")
    paragraphs = source.split("\n\n")
    if "](" not in source and all(_PLAIN_PARAGRAPH.fullmatch(paragraph) for paragraph in paragraphs):
        return "\n".join(f"<p>{_PLAIN_INLINE.sub(_plain_html, paragraph)}</p>" for paragraph in paragraphs)
    rendered = str(_markdown().render(source)).strip()
    return sanitized_html(rendered, link_base) if "](" in source else rendered


SAFE_TAGS = frozenset(
    "a abbr b blockquote br code dd del dl dt em hr i kbd li ol p pre s span strong sub sup "
    "table tbody td tfoot th thead tr u ul".split()
)
_ELEMENTS = SAFE_TAGS | frozenset(
    "article audio base big button caption center cite col colgroup details dfn div embed "
    "figure font footer form h1 h2 h3 h4 h5 h6 header iframe img input ins label link mark "
    "math meta nav nobr object option q samp script section select small source style summary "
    "svg textarea tt var video".split()
)
"""The HTML elements a description may hold: the safe ones are kept, the others removed."""
_ELEMENT_NAMES = "|".join(sorted(_ELEMENTS, key=len, reverse=True))
_HTML_TAG = re.compile(f"<(?:/?(?:{_ELEMENT_NAMES})(?=[\\s/>])|!--)", re.IGNORECASE)
_NOT_A_TAG = re.compile(f"<(?!/?(?:{_ELEMENT_NAMES})(?=[\\s/>])|!--)", re.IGNORECASE)
_SAFE_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "ol": {"start"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "p": {"class"},
}
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def sanitized_html(html: str, link_base: str) -> str:
    """HTML cut to `SAFE_TAGS` and their harmless attributes (nh3, the ammonia sanitiser):
    no script, style, event handler or `javascript:` URL survives."""
    import nh3  # imported once a description needs it, not at start-up

    def resolve(tag: str, attribute: str, value: str) -> str | None:
        if attribute != "href" or value.startswith("#") or _SCHEME.match(value):
            return value
        # A link relative to the vendor's site (`/docs/pagination`) means nothing from disk.
        return urljoin(link_base, value) if link_base else None

    return str(
        nh3.clean(
            html,
            tags=set(SAFE_TAGS),
            attributes=_SAFE_ATTRIBUTES,
            url_schemes={"http", "https", "mailto"},
            attribute_filter=resolve,
            link_rel="noopener noreferrer",
        )
    )


_ASCII_WHITESPACE = str.maketrans("\n\x0b\x0c\r", "    ")


def wrap_words(text: str, width: int) -> list[str]:
    """`textwrap.wrap(text, width)` without breaking words or at hyphens.

    Most descriptions fit on one line: a stripped text without tabs that is no wider than
    `width` is textwrap's one line (its white space made spaces) without building a wrapper.
    Words parted by single spaces are cut at the last space that fits, a line at a time,
    rather than a word at a time; a word longer than `width` has a line of its own.
    """
    if len(text) <= width and "\t" not in text and text == text.strip():
        return [text.translate(_ASCII_WHITESPACE)] if text else []
    if width < 1 or " ".join(text.split()) != text:
        return textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False)
    lines: list[str] = []
    while len(text) > width:
        cut = text.rfind(" ", 0, width + 1)
        if cut < 0:
            cut = text.find(" ")
            if cut < 0:
                break
        lines.append(text[:cut])
        text = text[cut + 1 :]
    lines.append(text)
    return lines


def wrap_text(text: str, width: int) -> list[str]:
    """Paragraphs re-wrapped to `width`; lists, tables and code keep their lines."""
    result: list[str] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            joined = " ".join(part.strip() for part in paragraph)
            for piece in _BR.split(joined):
                result.extend(wrap_words(piece.strip(), width) or [""])
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


_UNSAFE_IN_DOCSTRING = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f\x85\xa0\u1680\u2000-\u200f\u2028-\u202f\u205f\u2066-\u2069\u3000\ufeff\t]"
)
"""What a docstring shows as an escape: control, bidi and every white space but the plain
space (black strips and re-indents docstrings by Python's idea of white space)."""


def _escape_docstring_line(text: str) -> str:
    text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    return _UNSAFE_IN_DOCSTRING.sub(lambda m: "\\t" if m.group() == "\t" else f"\\u{ord(m.group()):04x}", text)


def docstring_lines(text: str, width: int) -> list[str]:
    """The lines of a docstring's text, wrapped to `width` and escaped.

    Most descriptions are one plain line: one with nothing to normalise, escape or keep
    as it is (a list item, a table row, code) is only cut between words.
    """
    if (
        "\n" not in text
        and "\r" not in text
        and "<" not in text
        and "\\" not in text
        and '"""' not in text
        and text == text.strip()
        and not _STRUCTURED_LINE.match(text)
        and not _UNSAFE_IN_DOCSTRING.search(text)
    ):
        return wrap_words(text, width) or [""]
    return [_escape_docstring_line(line) for line in wrap_text(text, width)]


@cache
def docstring(text: str | None, indent: int, width: int = 88) -> str:
    """A triple-quoted docstring for `text`, indented by `indent` spaces, wrapped to `width`.

    Printed as black prints a docstring, so black has nothing to change: the first line
    stripped, the other lines' common indentation removed, a space between the text and
    quotes that would touch it, the closing quotes on their own line when the text has
    more than one. Memoised: a shared schema's fields repeat their descriptions.
    """
    if not text:
        return ""
    pad = " " * indent
    # Three columns for the opening quotes, which share the first line.
    lines = docstring_lines(text, width - indent - 3)
    if len(lines) == 1 and len(pad) + len(lines[0].strip()) + 6 > width:
        # Black joins a lone line with its closing quotes: make it two lines instead.
        lines = docstring_lines(text, width - indent - 6)
    lines = [line.rstrip(" ") for line in lines]
    while lines and not lines[0].strip(" "):
        lines.pop(0)
    if not lines:
        return ""
    lines[0] = lines[0].strip(" ")
    rest = [line for line in lines[1:] if line]
    common = min((len(line) - len(line.lstrip(" ")) for line in rest), default=0)
    lines = [lines[0], *(line[common:] for line in lines[1:])]
    first = " " + lines[0] if lines[0].startswith('"') else lines[0]
    if len(lines) == 1:
        # The quotes share the line (black would join them even past the width): a quote
        # at either end of the text gets a space.
        return f'{pad}"""{first} """' if first.endswith('"') else f'{pad}"""{first}"""'
    body = "".join(f"{pad}{line}\n" if line else "\n" for line in lines[1:])
    return f'{pad}"""{first}\n{body}{pad}"""'


def toml_string(value: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's, and every control character is escaped."""
    return json.dumps(value, ensure_ascii=False)


def python_string(value: str) -> str:
    """A Python string literal for any text, quoted as black would leave it.

    Double quotes, unless the text holds more double quotes than single ones.
    """
    quote = "'" if value.count('"') > value.count("'") else '"'
    return f"{quote}{_TO_ESCAPE[quote].sub(_escape, value)}{quote}"


_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\t": "\\t", '"': '\\"', "'": "\\'"}
_TO_ESCAPE = {quote: re.compile(f"[\\\\{quote}\\n\\t]|{_UNSAFE_IN_SOURCE.pattern}") for quote in ('"', "'")}
"""What `python_string` escapes inside each quote: one regex pass instead of a test per character."""


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    escaped = _ESCAPES.get(char)
    if escaped is not None:
        return escaped
    return f"\\u{ord(char):04x}" if ord(char) > 0xFF else f"\\x{ord(char):02x}"


def api_name(title: str) -> str:
    """What to call the API in prose: its title, with ` API` added unless the title already
    says it (`Mistral AI API`, `Slack Web API`, `Stripe API` stay as they are)."""
    words = title.split()
    return title if words and words[-1].upper() in ("API", "APIS") else f"{title} API"
