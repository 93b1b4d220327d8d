"""The site's templates print values through `escape_output`: what Jinja's `escape` would
print (spec text escaped, rendered Markdown as it is), without a `Markup` per printed value."""

from __future__ import annotations

import jinja2
import pytest
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup, escape
from sdkgen.config import templates_dir
from sdkgen.targets.render import escape_output, html_environment

HTML_TEXT = st.lists(st.sampled_from(["<", ">", "&", '"', "'", "a", " ", "é", "&amp;", "<b>", "`"]), max_size=12).map(
    "".join
)


@given(HTML_TEXT)
def test_a_printed_value_reads_as_escape_prints_it(text: str) -> None:
    page = html_environment().from_string("{{ text }}|{{ markup }}|{{ number }}|{{ text ~ markup }}")
    expected = f"{escape(text)}|{Markup(text)}|{escape(7)}|{escape(text)}{Markup(text)}"
    assert page.render(text=text, markup=Markup(text), number=7) == expected
    assert escape_output(text) == str(escape(text))
    assert escape_output(Markup(text)) == text


def test_what_a_macro_prints_is_escaped_once() -> None:
    page = html_environment().from_string(
        '{% macro code(value) %}<code>{{ value }}</code>{% endmacro %}{{ code("<a & b>") }}|{{ code("x") ~ "<" }}'
    )
    assert page.render() == "<code>&lt;a &amp; b&gt;</code>|<code>x</code>&lt;"


def test_an_undefined_value_still_fails_the_render() -> None:
    with pytest.raises(jinja2.UndefinedError):
        html_environment().from_string("{{ missing }}").render()


def test_every_site_template_prints_through_escape_output() -> None:
    env = html_environment()
    for path in sorted((templates_dir() / "docs" / "site").glob("*.html.jinja")):
        code = env.compile(path.read_text(), raw=True)
        assert "escape_output(" in code, path.name
        assert "escape(" not in code.replace("escape_output(", ""), path.name
