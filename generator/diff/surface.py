"""The SDK as its callers see it: resources, methods and their arguments, types and their fields.

Names come from the Python target's own views (`ResourceViews.method`), the code the
templates print, so the surface follows whatever the generator calls things.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..ir.model import AliasIR, ApiIR, ClassIR, LiteralType, TypeIR, walk
from ..ir.spelling import optional_annotation
from ..targets.python.resources import ResourceViews


@dataclass(frozen=True)
class Argument:
    annotation: str
    """The type a caller passes, without the `Union[..., NotGiven]` of optional arguments."""
    required: bool
    values: frozenset[str] | None
    """The enum values a caller may send, when the type is a literal (or a list of one)."""


@dataclass(frozen=True)
class Method:
    route: str
    """`POST /v2/droplets`: how a method is recognised when it is renamed."""
    path_params: tuple[str, ...]
    arguments: dict[str, Argument]
    returns: str
    doc: str


@dataclass(frozen=True)
class Field:
    annotation: str
    wire_name: str
    doc: str


@dataclass(frozen=True)
class Model:
    fields: dict[str, Field]
    """Empty for an alias, which has `annotation` instead."""
    annotation: str
    doc: str


@dataclass(frozen=True)
class Surface:
    resources: frozenset[str]
    methods: dict[str, Method]
    models: dict[str, Model]
    credentials: dict[str, str]
    """The client's credential arguments (`api_key`, `username` ...), each with the
    environment variable it falls back to; empty when the API takes none."""
    credentials_required: bool
    """Whether the API's default security needs credentials (a client given none refuses)."""
    servers: dict[str, str]
    """Named servers (each a `<name>_base_url` client argument) and the default (`""`) by URL."""


_NOT_GIVEN = re.compile(r"^Union\[(.*), NotGiven\]$")


def literal_values(type_: TypeIR) -> frozenset[str] | None:
    literals = [t for t in walk(type_) if isinstance(t, LiteralType)]
    if not literals:
        return None
    return frozenset(repr(v) for t in literals for v in t.values)


def surface(api: ApiIR) -> Surface:
    views = ResourceViews(api)
    resources: set[str] = set()
    methods: dict[str, Method] = {}
    for top in api.resources:
        for resource in top.walk():
            where = ".".join(("client", *resource.path))
            resources.add(where)
            for operation in resource.operations:
                view, _, _ = views.method(operation)
                types: dict[str, TypeIR] = {p.name: p.type for p in operation.parameters}
                if operation.body is not None and isinstance(operation.body.main, ClassIR):
                    types |= {f.name: f.type for f in operation.body.main.fields}
                arguments = {}
                for arg in view.args:
                    match = _NOT_GIVEN.match(arg.annotation)
                    text = match.group(1) if match and arg.default is not None else arg.annotation
                    values = literal_values(types[arg.name]) if arg.name in types else None
                    arguments[arg.name] = Argument(text, arg.default is None, values)
                path_params = tuple(p.wire_name for p in operation.parameters if p.location == "path")
                methods[f"{where}.{view.name}"] = Method(
                    f"{operation.http_method.upper()} {operation.path}",
                    path_params,
                    arguments,
                    view.returns,
                    view.doc or "",
                )
    credentials: dict[str, str] = {}
    for scheme in api.auth.schemes if api.auth else ():
        credentials.update(zip(scheme.arguments, scheme.env_vars, strict=True))
    required = bool(api.auth and api.auth.default and all(api.auth.default))
    return Surface(frozenset(resources), methods, _models(api), credentials, required, _servers(api))


def _models(api: ApiIR) -> dict[str, Model]:
    found: dict[str, Model] = {}
    owners: dict[str, list[str]] = {}
    for model in api.models:
        if model.namespace == "params":
            continue  # request bodies are the methods' arguments
        for definition in model.definitions:
            owners.setdefault(definition.name, []).append(model.module)
    for model in api.models:
        if model.namespace == "params":
            continue
        for definition in model.definitions:
            name = definition.name
            key = f"types.{name}" if len(owners[name]) == 1 else f"types.{model.module}.{name}"
            doc = definition.description or ""
            if isinstance(definition, AliasIR):
                found[key] = Model({}, optional_annotation(definition.type, definition.nullable), doc)
                continue
            fields = {
                f.name: Field(optional_annotation(f.type, f.optional), f.wire_name, f.description or "")
                for f in definition.fields
            }
            found[key] = Model(fields, "", doc)
    return found


def _servers(api: ApiIR) -> dict[str, str]:
    return {server.name: server.url for server in api.servers}
