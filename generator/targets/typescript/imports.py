"""The `import type` lines of a module, and the name each imported class goes by there."""

from __future__ import annotations

from collections.abc import Iterable

from ...ir.model import ClassType
from .spelling import WIDTH, pascal_case

GLOBALS = frozenset(
    {
        "Array",
        "Iterable",
        "Promise",
        "Blob",
        "ArrayBuffer",
        "Uint8Array",
        "Response",
        "BaseClient",
        "RequestOptions",
        "PagePromise",
        "APIPromise",
        "Stream",
    }
)
"""Names the generated code means as the platform's or the runtime's: an imported class of
one of these names goes by another."""


class Imports:
    """The classes a module imports, each by its own name unless that is taken (by a
    definition of the module, or by a class of that name from another module): then as
    `<Module><Name>`."""

    def __init__(self, module: str, local: set[str], prefix: str) -> None:
        self.module = module
        self.local = local
        self.prefix = prefix
        """Where the type modules are from this one: `./` beside them, `../types/` from a resource."""
        self.names: dict[ClassType, str] = {}

    def add_all(self, types: Iterable[ClassType]) -> None:
        for type_ in sorted(types, key=lambda t: (t.module, t.name)):
            self.name(type_)

    def name(self, type_: ClassType) -> str:
        if type_.module == self.module and self.prefix == "./":
            return type_.name
        if type_ not in self.names:
            taken = self.local | GLOBALS | set(self.names.values())
            self.names[type_] = type_.name if type_.name not in taken else pascal_case(type_.module) + type_.name
        return self.names[type_]

    def lines(self) -> tuple[str, ...]:
        by_module: dict[str, list[str]] = {}
        for type_, name in self.names.items():
            spelled = type_.name if name == type_.name else f"{type_.name} as {name}"
            by_module.setdefault(type_.module, []).append(spelled)
        lines: list[str] = []
        for module in sorted(by_module):
            names = sorted(by_module[module])
            source = f'"{self.prefix}{module}.js"'
            line = f"import type {{ {', '.join(names)} }} from {source};"
            if len(line) <= WIDTH or len(names) == 1:
                lines.append(line)
            else:
                lines += ["import type {", *(f"  {name}," for name in names), f"}} from {source};"]
        return tuple(lines)
