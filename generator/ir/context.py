"""What every IR builder shares: the document store, the resolver and the diagnostics,
and the answers to their questions about schemas (is this `$ref` a type of its own? what
object shape, annotations and constraints does this schema have?).

The builders (`build_models`, `build_operations`, `build_payloads`) are handed a
`SchemaContext`; none of them knows `ApiBuilder`, which creates them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

from ..errors import Diagnostic, Diagnostics, Location, SpecError
from ..load.loader import DocumentStore, Ref
from .coercion import DefaultReading, read_default
from .model import EMPTY_CONSTRAINTS, Constraints, TypeIR
from .resolve import Resolver
from .schema_facts import (
    CONSTRAINT_KEYWORDS,
    SCHEMA_KEYS,
    Annotations,
    ObjectShape,
    read_constraints,
    type_as_meant,
    unfit_constraints,
    value_at,
)

T = TypeVar("T")

_NOT_SCHEMAS = ("example", "examples", "default", "enum", "const")
"""Keywords whose values are data, not schemas: a `$ref` key in them names no model."""


class SchemaContext:
    """The state and schema questions the model and operation builders share."""

    def __init__(self, store: DocumentStore, root_file: Path, diagnostics: Diagnostics) -> None:
        self.store = store
        self.root_file = root_file.resolve()
        # The store's own path object for the file, which every `Ref` into it holds: a dict
        # keyed by places finds a key by identity before it compares two paths part by part.
        found = store.parse_ref("#", Location(self.root_file))
        if isinstance(found, Ref) and found.file == self.root_file:
            self.root_file = found.file
        self.diagnostics = diagnostics
        self.resolver = Resolver(store, self.root_file)
        self._deserves_class: dict[Ref, bool] = {}
        self._shapes: dict[tuple[int, str, Path], tuple[Any, ObjectShape | None]] = {}
        self._annotations: dict[tuple[int, str, Path], tuple[Any, Annotations]] = {}
        self._value_schemas: dict[tuple[int, str, Path], tuple[Any, tuple[dict[str, Any], Location]]] = {}
        self._constraints: dict[int, tuple[Any, list[str], Constraints]] = {}
        self._types: dict[tuple[int, str, Path, bool], tuple[Any, tuple[TypeIR, bool], tuple[Diagnostic, ...]]] = {}
        self._inlined: set[Ref] = set()
        """The `$ref`s whose targets are no types of their own (so far: see `known_type`)."""
        self._names_seen = 0
        self._referenced: dict[tuple[int, Path], tuple[Any, frozenset[str]]] = {}
        self._class_names: dict[tuple[str, Path], str] = {}
        self._reads: dict[tuple[str, int, str, Path], tuple[Any, Any, tuple[Diagnostic, ...]]] = {}
        """The model each `$ref` text of a file names, once it names one (`_class_name`)."""

    def locate(self, location: Location) -> Location:
        return self.store.locate(location)

    def warn(self, message: str, location: Location) -> None:
        """A warning at `location`, located when the warnings are given out, not now."""
        self.diagnostics.warning(message, location)

    def deserves_class(self, ref: Ref, target: Any) -> bool:
        """Whether a `$ref` target becomes a model of its own rather than being inlined.

        Decided once per target: every model that refers to it asks again.
        """
        if self.resolver.is_named(ref):
            return True
        if ref not in self._deserves_class:
            self._deserves_class[ref] = self._is_model_like(target, ref.location())
            if not self._deserves_class[ref]:
                self._inlined.add(ref)
        return self._deserves_class[ref]

    # -- types read before -------------------------------------------------------------------

    def known_type(self, schema: Any, location: Location, named_union: bool) -> tuple[TypeIR, bool] | None:
        """The type (and nullability) a model builder read before for this schema at this
        place, its warnings given again; None if it has not, or made classes for it."""
        self._forget_if_named()
        found = self._types.get((id(schema), location.pointer, location.file, named_union))
        if found is None:
            return None
        self.diagnostics.items.extend(found[2])
        return found[1]

    def _forget_if_named(self) -> None:
        """A `$ref` whose target was inlined is a class once something names that target:
        what was read through it is read again."""
        if self._inlined and self.resolver.count() != self._names_seen:
            self._names_seen = self.resolver.count()
            named = {ref for ref in self._inlined if self.resolver.is_named(ref)}
            if named:
                self._inlined -= named
                self._types.clear()
                self._referenced.clear()
                self._reads.clear()

    def reread(self, kind: str, read: Callable[[Any, Location], T], node: Any, location: Location) -> T:
        """`read(node, location)`, a read of `kind` that depends only on the node, its place and
        the names given so far, as `known_type` reuses a type: read once per place (a shared
        parameter is used by many operations) and given again with the diagnostics it gave."""
        self._forget_if_named()
        key = (kind, id(node), location.pointer, location.file)
        found = self._reads.get(key)
        if found is not None:
            self.diagnostics.items.extend(found[2])
            return cast(T, found[1])
        since = len(self.diagnostics.items)
        value = read(node, location)
        self._reads[key] = (node, value, tuple(self.diagnostics.items[since:]))
        return value

    def remember_type(
        self, schema: Any, location: Location, named_union: bool, type_: tuple[TypeIR, bool], since: int
    ) -> None:
        """Keep a type read without classes of its own, with the diagnostics given from `since` on."""
        key = (id(schema), location.pointer, location.file, named_union)
        self._types[key] = (schema, type_, tuple(self.diagnostics.items[since:]))

    def _is_model_like(self, target: Any, location: Location) -> bool:
        """Every schema a `$ref` names is a type of its own (a class or an alias), as a
        `components.schemas` entry is: the same API split over files or bundled into one
        generates the same types. An empty schema stays `object`, and a mapping that is not
        a schema (a map of properties) is not a type."""
        return isinstance(target, dict) and any(key in SCHEMA_KEYS for key in target)

    # The facts of a schema at a place are read once: a shared schema is asked about by every
    # model, parameter and operation that uses it. Keyed by the schema's identity and where it
    # is; the schema is kept in the value, so that its identity is not reused.

    def object_shape(self, schema: Any, location: Location) -> ObjectShape | None:
        return self._read_once(self._shapes, ObjectShape.of, schema, location)

    def annotations(self, schema: Any, location: Location) -> Annotations:
        return self._read_once(self._annotations, Annotations.of, schema, location)

    def default(self, type_: TypeIR, nullable: bool, schema: Any, location: Location) -> DefaultReading:
        """The schema's `default` as a value of `type_` takes it (`coercion.read_default`),
        warned about where it does not fit as written."""
        annotations = self.annotations(schema, location)
        if not annotations.default_at:
            return DefaultReading(None, False)
        reading = read_default(type_, nullable, value_at(schema, annotations.default_at))
        if reading.problem is not None:
            self.warn(reading.problem, location.child(*annotations.default_at))
        return reading

    def value_schema(self, schema: Any, location: Location) -> tuple[dict[str, Any], Location]:
        """The schema that carries a value's format and constraints, past refs and allOf wrappers."""
        if isinstance(schema, dict) and "$ref" not in schema and "allOf" not in schema:
            return type_as_meant(schema), location  # nothing to look past
        return self._read_once(self._value_schemas, Annotations.value_schema, schema, location)

    def _read_once(
        self,
        answers: dict[tuple[int, str, Path], tuple[Any, T]],
        read: Callable[[Any, Location, Resolver], T],
        schema: Any,
        location: Location,
    ) -> T:
        key = (id(schema), location.pointer, location.file)
        found = answers.get(key)
        if found is None:
            found = answers[key] = (schema, read(schema, location, self.resolver))
        return found[1]

    def constraints(self, schema: dict[str, Any]) -> tuple[list[str], Constraints]:
        """The validation keywords that do not fit the schema's type, and its constraints without them."""
        if schema.keys().isdisjoint(CONSTRAINT_KEYWORDS):
            return [], EMPTY_CONSTRAINTS  # most schemas
        found = self._constraints.get(id(schema))
        if found is None:
            found = self._constraints[id(schema)] = (schema, unfit_constraints(schema), read_constraints(schema))
        return found[1], found[2]

    def referenced_class_names(self, schema: Any, location: Location) -> frozenset[str]:
        """Names of the models an inline subtree refers to: its nested classes must not take them.

        Walked once per subtree (a request body is often a model of its own as well). A `$ref`
        resolves by the file it is written in, so every node is read at `location`: where
        one is broken is reported where the field that holds it is built."""
        self._forget_if_named()
        key = (id(schema), location.file)
        found = self._referenced.get(key)
        if found is not None:
            return found[1]
        names: set[str] = set()
        stack: list[Any] = [schema]
        file = location.file
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                text = node.get("$ref")
                if isinstance(text, str):
                    name = self._class_names.get((text, file))
                    if name is None:
                        name = self._class_name(node, location)
                    if name is not None:
                        names.add(name)
                for keyword, value in node.items():
                    if isinstance(value, (dict, list)) and keyword not in _NOT_SCHEMAS:
                        stack.append(value)
            elif isinstance(node, list):
                for item in node:
                    if isinstance(item, (dict, list)):
                        stack.append(item)
        self._referenced[key] = (schema, frozenset(names))
        return self._referenced[key][1]

    def _class_name(self, node: dict[str, Any], location: Location) -> str | None:
        """The name of the model a `$ref` (written in `location.file`) refers to, if it is one."""
        try:
            ref = self.resolver.ref_of(node, location)
            target, _ = self.resolver.follow({"$ref": node["$ref"]}, location)
        except SpecError:
            return None
        if not self.deserves_class(ref, target):
            return None  # asked again: the target is a class once something names it
        name = self.resolver.named(ref).name
        if not self.store.allow_remote:
            # A named target keeps its name, and the `$ref` text leads to it from anywhere in
            # the file (unless a fetched document may yet claim its URL: `$self`).
            self._class_names[(node["$ref"], location.file)] = name
        return name
