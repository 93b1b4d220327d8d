"""The type modules: one `src/types/<module>.ts` per IR model, its definitions as interfaces
(objects) and type aliases (enums as string-literal unions, unions, lists, scalars)."""

from __future__ import annotations

from dataclasses import dataclass

from ...ir.model import AliasIR, ClassIR, FieldIR, ModelIR, class_types
from .imports import Imports
from .spelling import declaration, doc_comment, property_key, with_null


@dataclass(frozen=True)
class DefinitionView:
    lines: tuple[str, ...]
    """The definition as prettier prints it, its TSDoc first."""


@dataclass(frozen=True)
class TypeModuleView:
    path: str
    imports: tuple[str, ...]
    definitions: tuple[DefinitionView, ...]


def field_lines(field: FieldIR, imports: Imports) -> list[str]:
    """One interface member: its doc, `readonly` if the spec says readOnly, `?` unless required."""
    head = ("readonly " if field.read_only else "") + property_key(field.wire_name)
    head += ("" if field.required else "?") + ": "
    parts = with_null(field.type, field.nullable, imports.name)
    return doc_comment(field.description, "  ", field.deprecated) + declaration(head, parts, ";", "  ")


def class_lines(definition: ClassIR, imports: Imports) -> list[str]:
    extends = f" extends {imports.name(definition.base)}" if definition.base is not None else ""
    fields = [f for f in definition.fields if f.name not in definition.inherited]
    lines = doc_comment(definition.description, "", definition.deprecated)
    if not fields:
        return lines + [f"export interface {definition.name}{extends} {{}}"]
    lines.append(f"export interface {definition.name}{extends} {{")
    for field in fields:
        lines += field_lines(field, imports)
    return lines + ["}"]


def alias_lines(definition: AliasIR, imports: Imports) -> list[str]:
    parts = with_null(definition.type, definition.nullable, imports.name)
    head = f"export type {definition.name} = "
    return doc_comment(definition.description, "") + declaration(head, parts, ";", "", alias=True)


def type_module(model: ModelIR) -> TypeModuleView:
    imports = Imports(model.module, {d.name for d in model.definitions}, "./")
    definitions = []
    for definition in model.definitions:
        if isinstance(definition, ClassIR):
            for type_ in [f.type for f in definition.fields] + ([definition.base] if definition.base else []):
                imports.add_all(class_types(type_))
            lines = class_lines(definition, imports)
        else:
            imports.add_all(class_types(definition.type))
            lines = alias_lines(definition, imports)
        definitions.append(DefinitionView(tuple(lines)))
    return TypeModuleView(f"src/types/{model.module}.ts", imports.lines(), tuple(definitions))
