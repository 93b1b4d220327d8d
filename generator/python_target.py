"""The Python SDK target: which files the package has, and what each module imports.

This module decides; the templates under `templates/python/` only print what it decides.
"""

from __future__ import annotations

from dataclasses import dataclass

from .ir import AliasIR, ApiIR, ClassIR, FieldIR, ModelIR
from .python_types import (
    annotation,
    class_types,
    datetime_names,
    field_annotation,
    optional_annotation,
    typing_names,
)
from .render import render
from .text import python_string

SHARED = "types/shared"
PYDANTIC_CONSTRAINTS = {
    "multipleOf": "multiple_of",
    "minimum": "ge",
    "exclusiveMinimum": "gt",
    "maximum": "le",
    "exclusiveMaximum": "lt",
    "minLength": "min_length",
    "maxLength": "max_length",
    "pattern": "pattern",
}


@dataclass(frozen=True)
class FieldView:
    name: str
    annotation: str
    value: str | None
    description: str | None


@dataclass(frozen=True)
class ClassView:
    name: str
    description: str | None
    fields: tuple[FieldView, ...]
    is_class: bool = True


@dataclass(frozen=True)
class AliasView:
    name: str
    annotation: str
    description: str | None
    is_class: bool = False


@dataclass(frozen=True)
class ModuleView:
    name: str
    imports: tuple[str, ...]
    exports: tuple[str, ...]
    definitions: tuple[ClassView | AliasView, ...]


def field_value(field: FieldIR) -> str | None:
    """The right-hand side of a field: `None`, `Field(...)`, or nothing for a plain required one."""
    kwargs: list[str] = []
    if field.wire_name != field.name:
        kwargs.append(f"alias={python_string(field.wire_name)}")
    for keyword, value in field.constraints.by_keyword():
        literal = python_string(value) if isinstance(value, str) else repr(value)
        kwargs.append(f"{PYDANTIC_CONSTRAINTS[keyword]}={literal}")
    if field.deprecated:
        kwargs.append("deprecated=True")
    if not field.required:
        if not kwargs:
            return "None"
        kwargs.insert(0, "default=None")
    return f"Field({', '.join(kwargs)})" if kwargs else None


def module_view(model: ModelIR) -> ModuleView:
    typing: set[str] = set()
    dates: set[str] = set()
    siblings: dict[str, set[str]] = {}
    """Names to import from each sibling model module."""
    uses_field = False
    uses_base_model = False
    uses_alias = False
    definitions: list[ClassView | AliasView] = []
    own = {d.name for d in model.definitions}
    for definition in model.definitions:
        types = []
        if isinstance(definition, ClassIR):
            uses_base_model = True
            fields = []
            for field in definition.fields:
                value = field_value(field)
                uses_field = uses_field or (value is not None and value.startswith("Field("))
                typing |= typing_names(field.type, field.optional)
                types.append(field.type)
                fields.append(FieldView(field.name, field_annotation(field), value, field.description))
            definitions.append(ClassView(definition.name, definition.description, tuple(fields)))
        else:
            assert isinstance(definition, AliasIR)
            uses_alias = True
            typing |= typing_names(definition.type, definition.nullable)
            types.append(definition.type)
            text = optional_annotation(definition.type, definition.nullable)
            definitions.append(AliasView(definition.name, text, definition.description))
        for type_ in types:
            dates |= datetime_names(type_)
            for class_type in class_types(type_):
                if class_type.name not in own:
                    siblings.setdefault(class_type.module, set()).add(class_type.name)
    imports = ["from __future__ import annotations", ""]
    if dates:
        imports.append(f"from datetime import {', '.join(sorted(dates))}")
    if typing:
        imports.append(f"from typing import {', '.join(sorted(typing))}")
    if dates or typing:
        imports.append("")
    third_party = []
    if uses_field:
        third_party.append("from pydantic import Field")
    if uses_alias:
        third_party.append("from typing_extensions import TypeAlias")
    if third_party:
        imports.extend([*third_party, ""])
    if uses_base_model:
        imports.append("from ..._models import BaseModel")
    for module in sorted(siblings):
        imports.append(f"from .{module} import {', '.join(sorted(siblings[module]))}")
    while imports and imports[-1] == "":
        imports.pop()
    return ModuleView(model.module, tuple(imports), tuple(d.name for d in model.definitions), tuple(definitions))


def render_python(api: ApiIR, source_name: str) -> dict[str, str]:
    """Every file of the Python package, by path relative to the output directory."""
    package = api.package
    root = "python"
    files: dict[str, str] = {}
    context = {"api": api, "package": package, "source_name": source_name, "annotation": annotation}
    files[f"{root}/pyproject.toml"] = render("python/pyproject.toml.jinja", **context)
    files[f"{root}/README.md"] = render("python/README.md.jinja", **context)
    files[f"{root}/{package}/__init__.py"] = render("python/package/__init__.py.jinja", **context)
    files[f"{root}/{package}/_models.py"] = render("python/package/_models.py.jinja", **context)
    files[f"{root}/{package}/py.typed"] = ""
    files[f"{root}/{package}/types/__init__.py"] = render("python/package/types/__init__.py.jinja", **context)
    files[f"{root}/{package}/{SHARED}/__init__.py"] = render("python/package/types/shared/__init__.py.jinja", **context)
    for model in api.models:
        files[f"{root}/{package}/{SHARED}/{model.module}.py"] = render(
            "python/package/types/shared/model.py.jinja", module=module_view(model), **context
        )
    return files
