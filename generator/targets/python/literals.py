"""Python literals the generated runtime reads: a method's security alternatives and its paging scheme."""

from __future__ import annotations

from collections.abc import Iterable

from ...ir.model import PaginationIR
from ...text import python_string


def security_literal(alternatives: tuple[tuple[str, ...], ...]) -> str:
    """`(("basic_auth",),)`, `(("oauth2", "api_key"),)`: alternatives of scheme keys as a
    Python literal; a trailing comma only where a tuple of one needs it (elsewhere it would
    ask the formatter to explode the tuple one key a line)."""
    return _tuple(_tuple(python_string(key) for key in keys) for keys in alternatives)


def _tuple(items: Iterable[str]) -> str:
    listed = list(items)
    return f"({listed[0]},)" if len(listed) == 1 else f"({', '.join(listed)})"


def paging_expression(pagination: PaginationIR) -> str:
    """`Paging("cursor", "after", "limit", more_field=("has_more",))`: the scheme, as the
    runtime's pages read it."""
    args = [python_string(pagination.scheme)]
    if pagination.param or pagination.size_param:
        args.append(python_string(pagination.param))
    if pagination.size_param:
        args.append(python_string(pagination.size_param))
    for keyword, path in (("next_field", pagination.next_field), ("more_field", pagination.more_field)):
        if path:
            names = ", ".join(python_string(name) for name in path)
            args.append(f"{keyword}=({names},)" if len(path) == 1 else f"{keyword}=({names})")
    if pagination.flag:
        args.append(f"flag={python_string(pagination.flag)}")
    return f"Paging({', '.join(args)})"
