"""String literals and code spans built from spec text: whatever the text, they read back as it."""

from __future__ import annotations

import ast
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sdkgen.text import code_span, python_string

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]")
TRICKY = st.sampled_from(
    ['"', "'", "\\", "\n", "\t", "\r", "\x00", "\x7f", "\u200e", "\u2028", "\ufeff", "é", "`", "a"]
)


# No lone surrogates: loading replaces them (tests/test_hostile_specs.py), as no source file could hold one.
@given(st.lists(TRICKY | st.characters(blacklist_categories=("Cs",)), max_size=30).map("".join))
def test_a_python_string_reads_back_as_the_text_and_holds_no_unsafe_character(text: str) -> None:
    literal = python_string(text)
    assert ast.literal_eval(literal) == text
    assert "\n" not in literal and not UNSAFE.search(literal)
    # Black's choice of quotes: double, unless the text holds more double quotes than single.
    assert literal[0] == ("'" if text.count('"') > text.count("'") else '"')


def test_python_string_escapes() -> None:
    assert python_string('say "hi"') == "'say \"hi\"'"
    assert python_string("a\\b\n\t\x00\u2028") == '"a\\\\b\\n\\t\\x00\\u2028"'


@given(st.lists(TRICKY, max_size=20).map("".join))
def test_a_code_span_fence_is_longer_than_any_backtick_run_inside(text: str) -> None:
    span = code_span(text)
    fence = re.match("`+", span)
    assert fence is not None
    inside = span[len(fence.group()) : -len(fence.group())]
    assert all(len(run) < len(fence.group()) for run in re.findall("`+", inside))


PLAIN_OR_NEARLY = st.sampled_from(
    ["a", "Z", "1", " ", "  ", ",", ".", ":", "(", ")", "'", '"', "/", "?", "%", "=", "+", "-", "\n", "*", "_", "`"]
    + ["[", "]", "<", ">", "&", "#", "\\", "!", "~", "é", "1. ", "2) ", "- ", "+ ", "* ", "# ", "> ", "<br>", "&amp;"]
    + ["http://x.y", "---", "===", "\t", "`a b`", "` a `", "` `", "``", "`x\\`", '`&<>"`', "`*_[`", "\n`", "\n\n"]
    + ["a_b", "__"]
    + ["\\<", "<br><br>", "’", "—", "{", "}", "$", "@", "^", "|", "](", "[a](b)", "![", "\xa0", "\u2028", "\u200b"]
    + ["1-", "12", "1.5", "10) ", "~~~", "&lt;"]
)


@settings(max_examples=1500)
@given(st.lists(PLAIN_OR_NEARLY, min_size=1, max_size=25).map("".join))
def test_a_description_renders_as_markdown_renders_it_with_or_without_the_plain_text_shortcut(text: str) -> None:
    """`description_html` skips the Markdown parser for a plain paragraph (text and code spans);
    the result is the parser's."""
    from sdkgen.text import _markdown, description_html, markdown_text, sanitized_html

    source = markdown_text(text).replace("&lt;", "\\<").replace("<br>", "\\\n")
    rendered = str(_markdown().render(source)).strip()
    # A text with a link goes through the sanitiser, which resolves (here: unlinks) relative hrefs.
    expected = sanitized_html(rendered, "") if "](" in source else rendered
    assert description_html.__wrapped__(text) == expected


WRAPPABLE = st.sampled_from(
    ["a", "word", "-", " ", "  ", "\t", "\n", "\r", "\x0b", "\xa0", "\u3000", "é", "long-hyphenated"]
)


@settings(max_examples=400)
@given(st.lists(WRAPPABLE, max_size=30).map("".join), st.integers(min_value=1, max_value=40))
def test_wrap_words_wraps_as_textwrap_does(text: str, width: int) -> None:
    """`wrap_words` skips building a wrapper for a text that fits; the lines are textwrap's."""
    import textwrap

    from sdkgen.text import wrap_words

    expected = textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False)
    assert wrap_words(text, width) == expected
    assert wrap_words(text.strip(), width) == textwrap.wrap(
        text.strip(), width=width, break_long_words=False, break_on_hyphens=False
    )


@settings(max_examples=400)
@given(
    st.lists(st.sampled_from(["a", "to", "word", "hyphen-ated", "x" * 12, "é\xa0é"]), max_size=30), st.integers(1, 30)
)
def test_wrap_words_cuts_single_spaced_words_where_textwrap_does(words: list[str], width: int) -> None:
    import textwrap

    from sdkgen.text import wrap_words

    text = " ".join(words)
    assert wrap_words(text, width) == textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False)


DESCRIBING = st.sampled_from(
    ["a", "word", " ", "  ", "\n", "\n\n", "\r\n", "\t", "<br>", "<b>", "\\", '"', '"""', "\xa0", "\x0b", "\u2028"]
    + ["- ", "1. ", "| ", "```", "# ", "é", "x" * 15]
)


@settings(max_examples=500)
@given(st.lists(DESCRIBING, max_size=25).map("".join), st.integers(min_value=1, max_value=40))
def test_a_plain_line_is_wrapped_as_any_description_is(text: str, width: int) -> None:
    """`docstring_lines` only cuts a plain one-line description; the lines are the general path's."""
    from sdkgen.text import _escape_docstring_line, docstring_lines, wrap_text

    assert docstring_lines(text, width) == [_escape_docstring_line(line) for line in wrap_text(text, width)]


@pytest.fixture
def no_markdown_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    """markdown-it fails with "parsed" if it is asked to render."""
    from markdown_it import MarkdownIt

    def refuse(*args: object) -> str:
        raise AssertionError("parsed")

    monkeypatch.setattr(MarkdownIt, "render", refuse)


@pytest.mark.usefixtures("no_markdown_parser")
def test_plain_paragraphs_with_code_spans_skip_the_markdown_parser() -> None:
    """Most descriptions (text, `code spans`, snake_case words, several paragraphs) are
    written without markdown-it, the docs' largest single cost before."""
    from sdkgen.text import description_html

    text = 'Send a GET request to `/v2/droplets/$ID` with "tag_name".\nOr `tag` alone.\n\nSee ` droplet_id `.'
    assert description_html.__wrapped__(text) == (
        "<p>Send a GET request to <code>/v2/droplets/$ID</code> with &quot;tag_name&quot;."
        "\nOr <code>tag</code> alone.</p>\n<p>See <code>droplet_id</code>.</p>"
    )
    with pytest.raises(AssertionError, match="parsed"):
        description_html.__wrapped__("A *stressed* word.")


@pytest.mark.usefixtures("no_markdown_parser")
def test_line_breaks_brackets_and_text_past_ascii_skip_the_markdown_parser() -> None:
    from sdkgen.text import description_html

    text = 'The VPC’s name [deprecated]: {"all"} > 2 — 1-based.<br>Next line.<br><br>After two.\n\nA <host>.'
    assert description_html.__wrapped__(text) == (
        "<p>The VPC’s name [deprecated]: {&quot;all&quot;} &gt; 2 — 1-based.<br />\nNext line.<br />\n<br />\n"
        "After two.</p>\n<p>A &lt;host&gt;.</p>"
    )
    for parsed in ("See [the guide](https://x.y).", "1. first", "A line<br>", "~~~"):
        with pytest.raises(AssertionError, match="parsed"):
            description_html.__wrapped__(parsed)


def test_the_plain_text_pattern_knows_every_white_space_character_past_ascii() -> None:
    """markdown-it trims a paragraph by `str.strip`: white space past ASCII is left to it."""
    from sdkgen.text import _SPACE_PAST_ASCII

    listed = set(re.findall(f"[{_SPACE_PAST_ASCII}]", "".join(map(chr, range(0x80, 0x110000)))))
    assert listed == {chr(c) for c in range(0x80, 0x110000) if chr(c).isspace()}


def test_inline_html_is_kept_when_safe_and_relative_links_resolve_against_the_docs_url() -> None:
    from sdkgen.text import description_html

    text = 'See <a href="/docs/x" onclick="steal()">the guide</a>, <b>bold</b> and <host>.<script>alert(1)</script>'
    html = description_html.__wrapped__(text, "https://example.com/api/")
    assert '<a href="https://example.com/docs/x" rel="noopener noreferrer">the guide</a>' in html
    assert "<b>bold</b>" in html and "&lt;host&gt;" in html
    assert "onclick" not in html and "script" not in html and "alert" not in html
    # No docs URL to resolve against: the link is left as its text, nothing points off disk.
    assert "href" not in description_html.__wrapped__('<a href="/docs/x">x</a> [y](/docs/y)', "")
    assert "javascript" not in description_html.__wrapped__('<a href="javascript:alert(1)">x</a>', "")
