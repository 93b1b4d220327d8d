"""The Python SDK target: which files the package has, and what each module imports.

This module decides; the templates under `templates/python/` only print what it decides.
"""

from __future__ import annotations

from dataclasses import dataclass

from .ir import AliasIR, ApiIR, AuthIR, ClassIR, FieldIR, ModelIR, OperationIR
from .python_params import ParamNames, params_module_view, shared_modules_needed
from .python_resources import ChildView, resource_views
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
RUNTIME_MODULES = (
    "_base_client",
    "_exceptions",
    "_pagination",
    "_request_options",
    "_resource",
    "_response",
    "_streaming",
    "_types",
)
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
class ServerView:
    name: str
    url: str
    argument: str
    """The constructor argument: `base_url`, `inference_base_url`."""
    constant: str
    env_var: str


@dataclass(frozen=True)
class ExampleView:
    """A first call for the package README: the simplest list or request the API has."""

    lines: tuple[str, ...]
    async_lines: tuple[str, ...]


@dataclass(frozen=True)
class ClientView:
    title: str
    servers: tuple[ServerView, ...]
    auth: AuthIR | None
    resources: tuple[ChildView, ...]
    example: ExampleView


def readme_example(api: ApiIR) -> ExampleView:
    def required(op: OperationIR) -> int:
        body = op.body.model.main if op.body is not None else None
        fields = [f for f in body.fields if f.required] if isinstance(body, ClassIR) else []
        return len([p for p in op.parameters if p.required]) + len(fields) + (1 if op.body and not fields else 0)

    candidates = [
        (op.pagination is None, required(op), i, ".".join(("client", *resource.path, op.name)), op)
        for i, (resource, op) in enumerate(
            (resource, op) for top in api.resources for resource in top.walk() for op in resource.operations
        )
    ]
    _, _, _, call, op = min(candidates, key=lambda c: c[:3])
    arguments = ", ".join(f"{p.name}={p.example or '...'}" for p in op.parameters if p.required)
    if op.pagination is not None:
        return ExampleView(
            (f"for item in {call}({arguments}):", "    print(item)"),
            (f"async for item in {call}({arguments}):", "    print(item)"),
        )
    return ExampleView((f"print({call}({arguments}))",), (f"print(await {call}({arguments}))",))


@dataclass(frozen=True)
class ParamExport:
    module: str
    name: str


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


def module_view(model: ModelIR, namespaces: dict[str, str] | None = None) -> ModuleView:
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
    up = ".." if model.namespace == "" else "..."
    if uses_base_model:
        imports.append(f"from {up}_models import BaseModel")
    where = namespaces or {}

    def path_of(module: str) -> str:
        namespace = where.get(module, "shared")
        if namespace == model.namespace:
            return f".{module}"
        if model.namespace == "":
            return f".{namespace}.{module}"
        return f"..{module}" if namespace == "" else f"..{namespace}.{module}"

    for module in sorted(siblings, key=path_of):
        imports.append(f"from {path_of(module)} import {', '.join(sorted(siblings[module]))}")
    while imports and imports[-1] == "":
        imports.pop()
    return ModuleView(model.module, tuple(imports), tuple(d.name for d in model.definitions), tuple(definitions))


def type_exports(api: ApiIR, twins: list[ModelIR]) -> list[tuple[str, str]]:
    """`(module, name)` for everything `package.types` re-exports, in import-sorted order."""
    exports: list[tuple[str, str]] = []
    for model in api.models:
        if model.namespace == "shared":
            exports.append(("shared", model.name))
        else:
            exports.append((model.module, model.name))
    exports += [("shared_params", model.name + "Param") for model in twins]
    return sorted(exports, key=lambda e: (e[0], e[1].lower(), e[1]))


def client_view(api: ApiIR) -> ClientView:
    prefix = api.package.upper()
    servers = []
    for server in api.servers:
        stem = f"{server.name}_base_url" if server.name else "base_url"
        servers.append(
            ServerView(
                server.name,
                server.url,
                stem,
                stem.upper().replace("BASE_URL", "DEFAULT_BASE_URL"),
                f"{prefix}_{stem.upper()}",
            )
        )
    resources = tuple(ChildView(r.attribute, r.class_name, r.module) for r in api.resources)
    return ClientView(api.title, tuple(servers), api.auth, resources, readme_example(api))


def render_python(api: ApiIR, source_name: str) -> dict[str, str]:
    """Every file of the Python package, by path relative to the output directory."""
    package = api.package
    root = f"python/{package}"
    files: dict[str, str] = {}
    context = {"api": api, "package": package, "source_name": source_name, "annotation": annotation}
    names = ParamNames(api)
    twins = shared_modules_needed(api)
    client = client_view(api) if api.resources else None
    files["python/pyproject.toml"] = render("python/pyproject.toml.jinja", client=client, **context)
    files["python/README.md"] = render("python/README.md.jinja", client=client, **context)
    files[f"{root}/__init__.py"] = render("python/package/__init__.py.jinja", client=client, **context)
    files[f"{root}/_models.py"] = render("python/package/_models.py.jinja", **context)
    files[f"{root}/_version.py"] = render("python/package/_version.py.jinja", **context)
    files[f"{root}/py.typed"] = ""
    exports = type_exports(api, twins)
    files[f"{root}/types/__init__.py"] = render("python/package/types/__init__.py.jinja", exports=exports, **context)
    shared = [m for m in api.models if m.namespace == "shared"]
    files[f"{root}/{SHARED}/__init__.py"] = render(
        "python/package/types/shared/__init__.py.jinja", models=shared, **context
    )
    namespaces = {m.module: m.namespace for m in api.models}
    for model in api.models:
        if model.namespace == "params":
            view = params_module_view(model, names)
            files[f"{root}/{view.path}"] = render("python/package/types/params.py.jinja", module=view, **context)
            continue
        folder = SHARED if model.namespace == "shared" else "types"
        files[f"{root}/{folder}/{model.module}.py"] = render(
            "python/package/types/shared/model.py.jinja", module=module_view(model, namespaces), **context
        )
    if twins:
        files[f"{root}/types/shared_params/__init__.py"] = render(
            "python/package/types/shared/__init__.py.jinja",
            models=[ParamExport(m.module, m.name + "Param") for m in twins],
            **context,
        )
        for model in twins:
            view = params_module_view(model, names)
            files[f"{root}/{view.path}"] = render("python/package/types/params.py.jinja", module=view, **context)
    if client is not None:
        for runtime in RUNTIME_MODULES:
            files[f"{root}/{runtime}.py"] = render(f"python/package/{runtime}.py.jinja", **context)
        files[f"{root}/_client.py"] = render("python/package/_client.py.jinja", client=client, **context)
        resources = resource_views(api)
        top_modules = {r.module for r in api.resources}
        files[f"{root}/resources/__init__.py"] = render(
            "python/package/resources/__init__.py.jinja",
            resources=[r for r in resources if r.module in top_modules],
            **context,
        )
        for resource in resources:
            files[f"{root}/resources/{resource.module}.py"] = render(
                "python/package/resources/resource.py.jinja", resource=resource, **context
            )
    return files
