"""Render: the Jinja environment that turns target views into file text.

Compiling the templates costs a quarter of a second, in every run and in every forked
worker that meets them first. `load_templates` loads them all once, before the workers
fork, and keeps the compiled code in the cache folder, keyed by each template's source
(and by the environment's options and Jinja's version): a run after the first compiles
nothing, and a changed template is compiled again.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import MutableMapping
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
import jinja2.compiler
from markupsafe import Markup, escape

from ..config import templates_dir
from ..text import (
    api_name,
    code_block,
    code_span,
    description_html,
    docstring,
    markdown_text,
    python_string,
    toml_string,
)
from .python.layout import bracketed
from .python.types import import_order

_user_templates: list[Path] = []
"""The folder of the user's templates (`--templates`, `templates = ...`), if any."""


def use_templates(folder: Path | None) -> None:
    """Layer `folder` (the same tree as `templates/`) over the built-in templates, or stop doing so."""
    if _user_templates != ([folder] if folder else []):
        _user_templates[:] = [folder] if folder else []
        environment.cache_clear()
        html_environment.cache_clear()


def _loader(root: Path | None = None) -> jinja2.BaseLoader:
    """A user's template replaces the built-in one of the same path; the rest are the built-in ones."""
    builtin = jinja2.FileSystemLoader(str(root or templates_dir()))
    if not _user_templates:
        return builtin
    return jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(_user_templates[0])), builtin])


class _Environment(jinja2.Environment):
    """Jinja's environment, with each template's globals a plain dict.

    Every render copies the globals into its context: from Jinja's `ChainMap` that copy
    costs more than a small template's whole render (a run renders 2,000 module files).
    Nothing changes the globals once templates are loaded.
    """

    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        return {**self.globals, **(d or {})}


@cache
def environment(root: Path | None = None) -> jinja2.Environment:
    env = _Environment(
        loader=_loader(root),
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,  # a run renders a template hundreds of times: one stat of its file is enough
    )
    env.filters["docstring"] = docstring
    env.filters["pystr"] = python_string
    env.filters["tomlstr"] = toml_string
    env.filters["markdown"] = markdown_text
    env.filters["api_name"] = api_name
    env.filters["code"] = code_span
    env.filters["code_block"] = code_block
    env.filters["import_order"] = import_order
    env.filters["bracketed"] = lambda items, head, tail, indent: bracketed(head, items, tail, indent)
    return env


class _CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """Jinja's on-disk cache of compiled templates; one that cannot be read or written only costs speed."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # noqa: BLE001 - a damaged entry (unpickling fails): compile the template again
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def _options_key(env: jinja2.Environment) -> str:
    """What, besides a template's source, decides its compiled code."""
    options = (
        jinja2.__version__,
        env.autoescape,
        env.trim_blocks,
        env.lstrip_blocks,
        env.keep_trailing_newline,
        env.newline_sequence,
        env.block_start_string,
        env.variable_start_string,
        env.comment_start_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        f"{env.code_generator_class.__module__}.{env.code_generator_class.__qualname__}",
        sorted(env.extensions),
        sorted(env.filters),
        sorted(env.tests),
        [str(folder.resolve()) for folder in _user_templates],
    )
    return hashlib.sha256(repr(options).encode()).hexdigest()[:16]


def load_templates(cache_dir: Path | None) -> None:
    """Load every template now (before workers fork), the compiled code from `cache_dir` when there."""
    for env, wanted in ((environment(), _is_text), (html_environment(), _is_html)):
        if cache_dir is not None and env.bytecode_cache is None:
            folder = cache_dir / "templates" / _options_key(env)
            try:
                folder.mkdir(parents=True, exist_ok=True)
                env.bytecode_cache = _CompiledTemplates(str(folder))
            except OSError:
                pass  # a read-only cache only costs speed
        for name in env.list_templates(filter_func=wanted):
            env.get_template(name)


def _is_html(name: str) -> bool:
    return name.startswith("docs/site/")


def _is_text(name: str) -> bool:
    return name.endswith(".jinja") and not _is_html(name)


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


def escape_output(value: Any) -> str:
    """What `escape(value)` prints, for a value a page prints: a plain string escaped as
    markupsafe escapes one (these five characters, these entities), `Markup` (rendered
    Markdown) as it is, anything else as `escape` does."""
    if type(value) is str:
        return (
            value.replace("&", "&amp;")
            .replace(">", "&gt;")
            .replace("<", "&lt;")
            .replace("'", "&#39;")
            .replace('"', "&#34;")
        )
    if type(value) is Markup:
        return value
    return escape(value)


class _HtmlCodeGenerator(jinja2.compiler.CodeGenerator):
    """Compiles `{{ value }}` to `environment.escape_output(value)` rather than `escape(value)`.

    Jinja's `escape` wraps each printed value in a new `Markup`, which the page's text joins
    again at once: a site prints some 80,000 values, and the wrapping cost more than the
    escaping. Only printed values change; `Markup` is still what filters, macros and `~` see.
    """

    def _output_child_pre(self, node: Any, frame: Any, finalize: Any) -> None:
        if frame.eval_ctx.volatile or not frame.eval_ctx.autoescape:
            super()._output_child_pre(node, frame, finalize)
            return
        self.write("environment.escape_output(")
        if finalize.src is not None:
            self.write(finalize.src)


class _HtmlEnvironment(_Environment):
    code_generator_class = _HtmlCodeGenerator
    escape_output = staticmethod(escape_output)


@cache
def html_environment() -> jinja2.Environment:
    """For HTML pages: every value is escaped unless it is `Markup` (rendered Markdown)."""
    env = _HtmlEnvironment(
        loader=_loader(),
        autoescape=True,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,
    )
    env.filters["markdown"] = markdown_filter
    env.filters["code_spans"] = code_spans_html
    env.filters["break_points"] = break_points
    env.filters["api_name"] = api_name
    return env


@jinja2.pass_context
def markdown_filter(context: jinja2.runtime.Context, text: str | None) -> Markup | str:
    """A description as HTML; relative links resolve against the page's `link_base`."""
    return description_markup(text, context.get("link_base") or "") if text else ""


@cache
def description_markup(text: str, link_base: str = "") -> Markup:
    """`description_html` as `Markup`, made once per description: fields and arguments
    repeat the same descriptions (half of a large spec's are repeats)."""
    return Markup(description_html(text, link_base))


_BREAK_POINT = re.compile(r"(?<=[._])(?=.)|(?<=[a-z0-9])(?=[A-Z])")


def break_points(name: str) -> Markup:
    """A long name that may wrap only between its words: after a `.` or `_` and before a
    capital that follows a lower-case letter (`<wbr>`, which a copy of the text leaves out)."""
    return Markup("<wbr>".join(str(escape(part)) for part in _BREAK_POINT.split(name)))


_CODE_SPAN = re.compile(r"`([^`]+)`")


def code_spans_html(text: str) -> Markup:
    """A line of our own words as HTML: its `code spans` as `<code>`, everything else escaped."""
    return Markup(_CODE_SPAN.sub(r"<code>\1</code>", str(escape(text))))


def render_html(template: str, **context: Any) -> str:
    return html_environment().get_template(template).render(**context)
