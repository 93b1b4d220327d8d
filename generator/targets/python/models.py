"""Model modules of the Python SDK: pydantic classes and aliases, and what each imports.

Imports between model modules that would form a cycle (`Agent.workspace: Workspace` and
`Workspace.agents: List[Agent]` in two modules) are made for type checkers only; each
module of the cycle ends with `rebuild_models`, which finishes those models once every
module of the cycle is loaded (so importing one model module loads its cycle, no more).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ...ir.model import (
    EMPTY_CONSTRAINTS,
    AliasIR,
    ClassIR,
    ClassType,
    ConstrainedType,
    ConstType,
    FieldIR,
    ListType,
    ModelIR,
    PrimitiveType,
    TypeIR,
    UnionType,
    walk,
)
from ...ir.module_graph import load_order
from ...ir.spelling import NONE, annotation, constraint_arguments, field_annotation, optional_annotation
from ...text import docstring, python_string
from .layout import LINE_LENGTH, annotated
from .types import DATETIME_NAMES, datetime_names, natural_key, typing_names


@dataclass(frozen=True)
class FieldView:
    name: str
    annotation: str
    value: str | None
    description: str | None

    @property
    def declaration(self) -> str:
        """`name: annotation = value`, the field's line (one attribute for the template to look up)."""
        return annotated(self.name, self.annotation, self.value)


@dataclass(frozen=True)
class ItemsView:
    """A list that does not page: iterating the model, `len` and indexing walk its items."""

    field: str
    item: str
    """The annotation of one item."""
    optional: bool
    """The field may be None (read as no items)."""

    @property
    def value(self) -> str:
        """The items as an expression: `self.data`, or `self.data or []` for an optional field."""
        return f"self.{self.field} or []" if self.optional else f"self.{self.field}"

    @property
    def indexed(self) -> str:
        """The items as an expression to index."""
        return f"({self.value})" if self.optional else self.value

    @property
    def iter_signature(self) -> tuple[str, ...]:
        """`def __iter__`'s lines: it overrides pydantic's (which yields field tuples), so it
        carries the type checker's pragma on its first line, split as black keeps it."""
        line = f"    def __iter__(self) -> Iterator[{self.item}]:  # type: ignore[override]"
        if len(line) <= LINE_LENGTH:
            return (line,)
        return ("    def __iter__(  # type: ignore[override]", "        self,", f"    ) -> Iterator[{self.item}]:")


@dataclass(frozen=True)
class ClassView:
    name: str
    description: str | None
    fields: tuple[FieldView, ...]
    """The fields the class body declares: an inherited one is not repeated."""
    base: str = "BaseModel"
    is_class: bool = True
    items: ItemsView | None = None

    @property
    def body(self) -> str:
        """The fields as the class body prints them: each declaration with its docstring under
        it, a blank line between fields (one string, rather than a template loop per field)."""
        return field_lines((f"    {field.declaration}", field.description) for field in self.fields)


def field_lines(fields: Iterable[tuple[str, str | None]]) -> str:
    """`(declaration line, description)` pairs as a class body: the declaration, the docstring
    of its description under it, a blank line between fields."""
    return "\n\n".join(f"{line}\n{docstring(text, 4)}" if text else line for line, text in fields)


@dataclass(frozen=True)
class AliasView:
    name: str
    annotation: str
    description: str | None
    is_class: bool = False
    recursive_lines: tuple[str, ...] = ()
    """A recursive alias: `Name = TypeAliasType("Name", "...")` in black's layout."""


def type_alias_type_lines(name: str, value: str, width: int = LINE_LENGTH) -> tuple[str, ...]:
    """`Name = TypeAliasType("Name", "<value>")` as black lays it out; a value too long for
    one line is cut into implicitly concatenated strings, after a comma where it can be."""
    head, label, literal = f"{name} = TypeAliasType(", python_string(name), python_string(value)
    if len(f"{head}{label}, {literal})") <= width:
        return (f"{head}{label}, {literal})",)
    if len(f"    {label}, {literal}") <= width:
        return (head, f"    {label}, {literal}", ")")
    chunks: list[str] = []
    rest = value
    while rest:
        cut = len(rest)
        while len(python_string(rest[:cut])) + 5 > width and cut > 1:
            comma = rest.rfind(", ", 0, cut - 1)
            fits = comma > 0 and len(python_string(rest[: comma + 2])) + 5 <= width
            cut = comma + 2 if fits else cut - 1
        chunks.append(python_string(rest[:cut]))
        rest = rest[cut:]
    return (head, f"    {label},", *(f"    {chunk}" for chunk in chunks[:-1]), f"    {chunks[-1]},", ")")


@dataclass(frozen=True)
class ModuleView:
    name: str
    imports: tuple[str, ...]
    exports: tuple[str, ...]
    definitions: tuple[ClassView | AliasView, ...]
    deferred_imports: tuple[str, ...] = ()
    """Imports for type checkers only (`if TYPE_CHECKING:`): they would close an import cycle."""
    cycle: tuple[str, ...] = ()
    """The other modules of this module's import cycle, relative to it, for `rebuild_models`."""


def field_value(field: FieldIR) -> str | None:
    """The right-hand side of a field: `None`, `Field(...)`, or nothing for a plain required one."""
    kwargs: list[str] = []
    if field.wire_name != field.name:
        kwargs.append(f"alias={python_string(field.wire_name)}")
    if field.constraints is not EMPTY_CONSTRAINTS and not field.constraints.is_empty():
        kwargs.append(constraint_arguments(field.constraints))
    if field.deprecated:
        kwargs.append("deprecated=True")
    if field.optional:  # omitted, or null: a field that admits null defaults to None
        if not kwargs:
            return "None"
        kwargs.insert(0, "default=None")
    return f"Field({', '.join(kwargs)})" if kwargs else None


def items_view(definition: ClassIR) -> ItemsView | None:
    """What iterating the class walks: its `items_field`, a list, if it has one."""
    field = next((f for f in definition.fields if f.name == definition.items_field), None)
    if not definition.items_field or field is None or not isinstance(field.type, ListType):
        return None
    item = field.type.item
    while isinstance(item, (ConstrainedType, ConstType)):
        item = item.base  # a return type states what an item is, not what it is checked against
    return ItemsView(field.name, annotation(item), field.optional)


def module_view(
    model: ModelIR,
    namespaces: dict[str, str] | None = None,
    deferred: set[tuple[str, str]] | None = None,
    cycle: tuple[str, ...] = (),
) -> ModuleView:
    typing: set[str] = set()
    dates: set[str] = set()
    siblings: dict[str, set[str]] = {}
    """Names to import from each sibling model module."""
    uses_field = False
    uses_base_model = False
    uses_alias = False
    uses_alias_type = False
    uses_const = False
    definitions: list[ClassView | AliasView] = []
    own = {d.name for d in model.definitions}
    for definition in load_order(model):
        types: list[tuple[TypeIR, bool]] = []
        if isinstance(definition, ClassIR):
            if definition.base is None:
                uses_base_model = True
            else:
                siblings.setdefault(definition.base.module, set()).add(definition.base.name)
            fields = []
            for field in definition.fields:
                if field.name in definition.inherited:
                    continue
                value = field_value(field)
                uses_field = uses_field or (value is not None and value.startswith("Field("))
                types.append((field.type, field.optional))
                fields.append(FieldView(field.name, field_annotation(field), value, field.description))
            base = definition.base.name if definition.base is not None else "BaseModel"
            items = items_view(definition)
            typing |= {"Iterator"} if items is not None else set()
            definitions.append(ClassView(definition.name, definition.description, tuple(fields), base, items=items))
        else:
            assert isinstance(definition, AliasIR)
            types.append((definition.type, definition.nullable))
            text = optional_annotation(definition.type, definition.nullable)
            if definition.recursive:
                uses_alias_type = True
                lines = type_alias_type_lines(definition.name, text)
                definitions.append(AliasView(definition.name, text, definition.description, recursive_lines=lines))
            else:
                uses_alias = True
                definitions.append(AliasView(definition.name, text, definition.description))
        for type_, optional in types:
            if isinstance(type_, (PrimitiveType, ClassType)):  # most types: one part, no walk
                if optional and type_ != NONE:
                    typing.add("Optional")
                if isinstance(type_, ClassType):
                    if type_.name not in own:
                        siblings.setdefault(type_.module, set()).add(type_.name)
                elif type_.name in DATETIME_NAMES:
                    dates.add(type_.name)
                continue
            parts = tuple(walk(type_))  # once: every question below is about the same parts
            typing |= typing_names(type_, optional, parts)
            dates |= datetime_names(type_, parts)
            uses_field = uses_field or any(
                isinstance(t, ConstrainedType) or (isinstance(t, UnionType) and t.discriminator) for t in parts
            )
            uses_const = uses_const or any(isinstance(t, ConstType) for t in parts)
            for class_type in parts:
                if isinstance(class_type, ClassType) and class_type.name not in own:
                    siblings.setdefault(class_type.module, set()).add(class_type.name)
    later = {module for module in siblings if (model.module, module) in (deferred or set())}
    if later:
        typing.add("TYPE_CHECKING")
    imports = ["from __future__ import annotations", ""]
    if dates:
        imports.append(f"from datetime import {', '.join(sorted(dates))}")
    if typing:
        imports.append(f"from typing import {', '.join(sorted(typing, key=lambda n: (n != n.upper(), n)))}")
    if dates or typing:
        imports.append("")
    third_party = []
    if uses_field:
        third_party.append("from pydantic import Field")
    alias_names = [n for n, used in (("TypeAlias", uses_alias), ("TypeAliasType", uses_alias_type)) if used]
    if alias_names:
        third_party.append(f"from typing_extensions import {', '.join(alias_names)}")
    if third_party:
        imports.extend([*third_party, ""])
    up = ".." if model.namespace == "" else "..."
    runtime = [
        n
        for n, used in (("BaseModel", uses_base_model), ("JsonConst", uses_const), ("rebuild_models", bool(cycle)))
        if used
    ]
    if runtime:
        imports.append(f"from {up}_models import {', '.join(runtime)}")
    where = namespaces or {}

    def path_of(module: str) -> str:
        namespace = where.get(module, "shared")
        if namespace == model.namespace:
            return f".{module}"
        if model.namespace == "":
            return f".{namespace}.{module}"
        return f"..{module}" if namespace == "" else f"..{namespace}.{module}"

    for module in sorted(set(siblings) - later, key=lambda m: natural_key(path_of(m))):
        imports.append(f"from {path_of(module)} import {', '.join(sorted(siblings[module]))}")
    while imports and imports[-1] == "":
        imports.pop()
    checking_only = tuple(
        f"from {path_of(module)} import {', '.join(sorted(siblings[module]))}"
        for module in sorted(later, key=lambda m: natural_key(path_of(m)))
    )
    exports = tuple(d.name for d in model.definitions)
    others = tuple(sorted((path_of(module) for module in cycle), key=natural_key))
    return ModuleView(model.module, tuple(imports), exports, tuple(definitions), checking_only, others)
