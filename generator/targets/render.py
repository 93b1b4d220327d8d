"""Render: the Jinja environment that turns target views into file text."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from ..config import templates_dir
from ..text import code_block, code_span, description_html, docstring, markdown_text, python_string, toml_string
from .python.layout import bracketed
from .python.types import import_order


@cache
def environment(root: Path | None = None) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(root or templates_dir())),
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["docstring"] = docstring
    env.filters["pystr"] = python_string
    env.filters["tomlstr"] = toml_string
    env.filters["markdown"] = markdown_text
    env.filters["code"] = code_span
    env.filters["code_block"] = code_block
    env.filters["import_order"] = import_order
    env.filters["bracketed"] = lambda items, head, tail, indent: bracketed(head, items, tail, indent)
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


@cache
def html_environment() -> jinja2.Environment:
    """For HTML pages: every value is escaped unless it is `Markup` (rendered Markdown)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        autoescape=True,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["markdown"] = lambda text: Markup(description_html(text)) if text else ""
    return env


def render_html(template: str, **context: Any) -> str:
    return html_environment().get_template(template).render(**context)
