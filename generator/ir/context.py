"""What every IR builder shares: the document store, the resolver and the diagnostics,
and the answers to their questions about schemas (is this `$ref` a type of its own? what
object shape, annotations and constraints does this schema have?).

The builders (`build_models`, `build_operations`, `build_payloads`) are handed a
`SchemaContext`; none of them knows `ApiBuilder`, which creates them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import Diagnostics, Location, SpecError
from ..load.loader import DocumentStore, Ref
from .resolve import Resolver
from .schema_facts import SCHEMA_KEYS, Annotations, ObjectShape

_NOT_SCHEMAS = ("example", "examples", "default", "enum", "const")
"""Keywords whose values are data, not schemas: a `$ref` key in them names no model."""


class SchemaContext:
    """The state and schema questions the model and operation builders share."""

    def __init__(self, store: DocumentStore, root_file: Path, diagnostics: Diagnostics) -> None:
        self.store = store
        self.root_file = root_file.resolve()
        self.diagnostics = diagnostics
        self.resolver = Resolver(store, self.root_file)
        self._deserves_class: dict[Ref, bool] = {}

    def locate(self, location: Location) -> Location:
        return self.store.locate(location)

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
                # Only containers are walked on: a location per scalar would be built for nothing.
                for key, value in node.items():
                    if isinstance(value, (dict, list)) and key not in _NOT_SCHEMAS:
                        stack.append((value, where.child(key)))
            elif isinstance(node, list):
                stack.extend((item, where.child(i)) for i, item in enumerate(node) if isinstance(item, (dict, list)))
        return names
