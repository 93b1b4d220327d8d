"""Render: the Jinja environment that turns target views into file text."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from .text import docstring, python_string


def templates_dir() -> Path:
    """Templates ship inside the wheel (`generator/templates`); a checkout keeps them at the top."""
    packaged = Path(__file__).parent / "templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "templates"


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
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)
