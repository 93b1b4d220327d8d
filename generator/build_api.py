"""IR: the whole document into an `ApiIR`: servers, auth, every named model and every operation.

`ApiBuilder` holds what the model and operation builders share (the document store, the
resolver, the diagnostics) and answers their questions about schemas; `ModelBuilder`
(`build_ir.py`) builds one model, `OperationsBuilder` (`build_operations.py`) the paths.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .build_ir import ModelBuilder
from .build_operations import OperationsBuilder
from .discriminators import resolve_discriminators
from .errors import Diagnostics, Location, SpecError
from .inheritance import resolve_inheritance
from .ir import ApiIR, AuthIR, ModelIR, ServerIR
from .loader import DocumentStore, Ref
from .resolve import Resolver
from .schema_facts import SCHEMA_KEYS, Annotations, ObjectShape
from .text import description_of


def server_url(document: dict[str, Any]) -> str:
    servers = document.get("servers")
    if isinstance(servers, list) and servers and isinstance(servers[0], dict) and servers[0].get("url"):
        return str(servers[0]["url"]).rstrip("/")
    return "http://localhost"


def bearer_auth(components: Any, package: str) -> AuthIR:
    """The token's environment variable: `x-sdk-env-var` on an http bearer scheme, or `<PACKAGE>_API_KEY`."""
    schemes = components.get("securitySchemes") if isinstance(components, dict) else None
    for scheme in (schemes or {}).values() if isinstance(schemes, dict) else ():
        if isinstance(scheme, dict) and scheme.get("type") == "http" and scheme.get("scheme") == "bearer":
            env_var = scheme.get("x-sdk-env-var")
            if isinstance(env_var, str) and env_var.isidentifier():
                return AuthIR(env_var)
    return AuthIR(f"{package.upper()}_API_KEY")


class ApiBuilder:
    """Builds the `ApiIR` of a whole document."""

    def __init__(self, store: DocumentStore, root_file: Path, diagnostics: Diagnostics) -> None:
        self.store = store
        self.root_file = root_file.resolve()
        self.diagnostics = diagnostics
        self.resolver = Resolver(store, self.root_file)
        self._deserves_class: dict[Ref, bool] = {}

    def locate(self, location: Location) -> Location:
        return self.store.locate(location)

    def build(self, document: dict[str, Any], package: str) -> ApiIR:
        found_info = document.get("info")
        info: dict[str, Any] = found_info if isinstance(found_info, dict) else {}
        components = document.get("components") or {}
        schemas = components.get("schemas") if isinstance(components, dict) else None
        if schemas is None:
            schemas = {}
        if not isinstance(schemas, dict):
            self.diagnostics.error(
                "components.schemas must be a mapping", self.locate(Location(self.root_file, "/components/schemas"))
            )
            schemas = {}
        self.resolver.register_components(schemas)
        default_server = server_url(document)
        operations = OperationsBuilder(self, default_server)
        try:
            operations.read_paths(document)
        except SpecError as exc:
            self.diagnostics.items.extend(exc.diagnostics)
        models: list[ModelIR] = list(operations.body_models)
        for named in self.resolver.drain():
            try:
                models.append(ModelBuilder(self, named).build())
            except SpecError as exc:
                self.diagnostics.items.extend(exc.diagnostics)
        models = resolve_inheritance(resolve_discriminators(models))
        models.sort(key=lambda m: (m.name.lower(), m.name))
        resources = operations.resources({m.name: m for m in models})
        servers = [ServerIR("", default_server)]
        servers += [ServerIR(name, url) for name, url in sorted(operations.servers.items())]
        return ApiIR(
            title=str(info.get("title", package)),
            version=str(info.get("version", "0.0.0")),
            description=description_of(info.get("description")),
            package=package,
            models=tuple(models),
            resources=resources,
            servers=tuple(servers),
            auth=bearer_auth(components, package) if resources else None,
        )

    # -- facts about schemas, shared by every model builder ---------------------------------

    def deserves_class(self, ref: Ref, target: Any) -> bool:
        """Whether a `$ref` target becomes a model of its own rather than being inlined.

        Decided once per target: every model that refers to it asks again.
        """
        if self.resolver.is_named(ref):
            return True
        if ref not in self._deserves_class:
            self._deserves_class[ref] = self._is_model_like(target, ref.location())
        return self._deserves_class[ref]

    def _is_model_like(self, target: Any, location: Location) -> bool:
        """Every schema a `$ref` names is a type of its own (a class or an alias), as a
        `components.schemas` entry is: the same API split over files or bundled into one
        generates the same types. An empty schema stays `object`, and a mapping that is not
        a schema (a map of properties) is not a type."""
        return isinstance(target, dict) and any(key in SCHEMA_KEYS for key in target)

    def object_shape(self, schema: Any, location: Location) -> ObjectShape | None:
        return ObjectShape.of(schema, location, self.resolver)

    def annotations(self, schema: Any, location: Location) -> Annotations:
        return Annotations.of(schema, location, self.resolver)

    def value_schema(self, schema: Any, location: Location) -> tuple[dict[str, Any], Location]:
        """The schema that carries a value's format and constraints, past refs and allOf wrappers."""
        return Annotations.value_schema(schema, location, self.resolver)

    def referenced_class_names(self, schema: Any, location: Location) -> set[str]:
        """Names of the models an inline subtree refers to: its nested classes must not take them."""
        names: set[str] = set()
        stack: list[tuple[Any, Location]] = [(schema, location)]
        while stack:
            node, where = stack.pop()
            if isinstance(node, dict):
                if "$ref" in node and isinstance(node["$ref"], str):
                    try:
                        ref = self.resolver.ref_of(node, where)
                        target, _ = self.resolver.follow({"$ref": node["$ref"]}, where)
                    except SpecError:
                        pass  # reported where the field that holds it is built
                    else:
                        if self.deserves_class(ref, target):
                            names.add(self.resolver.named(ref).name)
                for key, value in node.items():
                    if key not in ("example", "examples", "default", "enum", "const"):
                        stack.append((value, where.child(key)))
            elif isinstance(node, list):
                stack.extend((item, where.child(i)) for i, item in enumerate(node))
        return names
