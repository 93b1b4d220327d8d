"""What a package `__init__.py` exports, loaded lazily: the `__init__` imports each name for
type checkers only, and a module-level `__getattr__` (PEP 562, `_lazy.py` in the package)
imports a name's module when the name is first used. `import package` then costs a few
modules however many models the API has; `from package.types import Model` and
`package.types.Model` work as before.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...text import python_string
from .layout import LINE_LENGTH, STEP, bracketed


@dataclass(frozen=True)
class LazyExportsView:
    imports: tuple[str, ...]
    """`from .module import Name as Name`, laid out as black would under `if TYPE_CHECKING:`."""
    entries: tuple[str, ...]
    """`"Name": ".module"`, the map `__getattr__` looks names up in, laid out likewise."""


def lazy_exports_view(exports: list[tuple[str, str]]) -> LazyExportsView:
    """`exports` is `(module, name)` pairs, module relative to the package, in import order."""
    imports = tuple(
        (
            line
            if len(STEP + line) <= LINE_LENGTH
            else bracketed(f"from .{module} import (", [alias], ")", len(STEP), explode=True)
        )
        for module, name in exports
        for alias in [f"{name} as {name}"]
        for line in [f"from .{module} import {alias}"]
    )
    return LazyExportsView(imports, tuple(_entry(name, "." + module) for module, name in exports))


def _entry(name: str, module: str) -> str:
    """One entry of the map, its value in parentheses on a line of its own where the entry
    would be too long (black keeps them, and splits nothing there itself)."""
    key, value = python_string(name), python_string(module)
    if len(f"{STEP}{key}: {value},") <= LINE_LENGTH:
        return f"{key}: {value}"
    return f"{key}: (\n{STEP * 2}{value}\n{STEP})"
