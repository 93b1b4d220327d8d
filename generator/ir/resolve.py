"""Resolve: follow `$ref`s to the schema they name, and give every named schema a class name.

A schema is named when it is an entry of the root document's `components.schemas`, or when
some `$ref` points at it from elsewhere (a file of its own, `pages.yml#/page_links`): those get
a name from the file or the pointer's last segment. Each location is named once and the
name is kept, so resolution is linear in the number of references.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import Diagnostic, Location, SpecError
from ..load.loader import DocumentStore, Ref
from .naming import RESERVED_CLASS_NAMES, module_name, pascal_case


@dataclass(frozen=True)
class NamedSchema:
    """A schema that becomes a top-level model: its class name, module and where it lives."""

    name: str
    module: str
    ref: Ref
    schema: Any
    namespace: str = "shared"


class Resolver:
    def __init__(self, store: DocumentStore, root_file: Path) -> None:
        self.store = store
        resolved = root_file.resolve()
        self.root_file = root_file if resolved == root_file else resolved
        """`SchemaContext` hands over the store's own path object for it: kept, not a copy."""
        self._names: dict[Ref, NamedSchema] = {}
        self._taken_names: set[str] = set(RESERVED_CLASS_NAMES)
        self._taken_modules: set[str] = {"shared", "shared_params"}
        self._pending: deque[NamedSchema] = deque()
        self.renames: dict[str, tuple[str, Location]] = {}
        """Chosen class names (the overrides' `models`, `x-sdk-name`) by the pointer of their
        schema in the root document, and where each was chosen."""
        self.renamed: set[str] = set()
        self.errors: list[Diagnostic] = []
        self._reported: set[str] = set()
        self._stable = not store.allow_remote
        """Whether a `$ref` that resolves once resolves the same way later: a fetched document
        may name itself (`$self`) by a URL that an earlier `$ref` fetched."""
        self._parsed: dict[tuple[str, Path], Ref] = {}
        """Each `$ref` string by the file it is written in, parsed once."""
        self._followed: dict[tuple[str, Path], tuple[Any, Location]] = {}
        """Where each bare `$ref` of a file leads (`follow`): every use of a schema asks again."""

    # -- references -----------------------------------------------------------------------

    def follow(self, schema: Any, location: Location) -> tuple[Any, Location]:
        """The schema a `$ref` chain ends at (and where); non-refs are returned as they are.

        Only a bare `{"$ref": ...}` is followed: a ref with sibling keywords is a schema of
        its own that the caller reads.
        """
        if self._stable and isinstance(schema, dict) and len(schema) == 1 and isinstance(schema.get("$ref"), str):
            # A chain ends where it ends from any place in the same file: followed once.
            key = (schema["$ref"], location.file)
            found = self._followed.get(key)
            if found is None:
                found = self._followed[key] = self._follow(schema, location)
            return found
        return self._follow(schema, location)

    def _follow(self, schema: Any, location: Location) -> tuple[Any, Location]:
        seen: list[Ref] = []
        while isinstance(schema, dict) and "$ref" in schema and len(schema) == 1:
            ref = self.ref_of(schema, location)
            if ref in seen:
                chain = " -> ".join(r.pointer or r.file.name for r in [*seen, ref])
                raise SpecError(
                    [Diagnostic("error", f"$ref cycle with nothing to build: {chain}", self.store.locate(location))]
                )
            seen.append(ref)
            try:
                schema = self.store.resolve_pointer(ref)
            except SpecError:
                # Again, to report it at the `$ref`: that location is built only when needed.
                schema = self.store.resolve_pointer(ref, location.child("$ref"))
            location = Location(ref.file, ref.pointer)
        return schema, location

    def ref_of(self, schema: dict[str, Any], location: Location) -> Ref:
        text = schema["$ref"]
        key = (text, location.file) if self._stable and isinstance(text, str) else None
        known = self._parsed.get(key) if key is not None else None
        if known is not None:
            return known
        target = self.store.parse_ref(text, location)
        if key is not None and isinstance(target, Ref):
            self._parsed[key] = target
        if isinstance(target, str):
            raise SpecError([Diagnostic("error", target, self.store.locate(location.child("$ref")))])
        return target

    # -- names ----------------------------------------------------------------------------

    def register_components(self, components: dict[str, Any]) -> None:
        """Name every `components.schemas` entry; sorted keys make collisions resolve stably."""
        base = Location(self.root_file, "/components/schemas")
        # Keys that already are class names claim them first: `PetOwner` stays `PetOwner`
        # and `pet-owner` becomes `PetOwner2`, whatever the order in the document.
        for key, schema in components.items():
            chosen = schema.get("x-sdk-name") if isinstance(schema, dict) else None
            if chosen is not None:  # the overrides' `models` win over the spec's `x-sdk-name`
                self.renames.setdefault(base.child(key).pointer, (str(chosen), base.child(key, "x-sdk-name")))
        self._check_renames(components, base)
        # Chosen names first, then keys that already are class names.
        ordered = sorted(
            components,
            key=lambda key: (base.child(key).pointer not in self.renames, pascal_case(str(key)) != key),
        )
        for key in ordered:
            self._register(Ref(self.root_file, base.child(key).pointer), str(key), components[key])
        # A component that is only a `$ref` to a schema in another file lends that schema its
        # name, so other references to the same file share the class.
        cycles: dict[frozenset[str], Diagnostic] = {}
        for key in components:
            schema = components[key]
            if isinstance(schema, dict) and set(schema) == {"$ref"}:
                location = base.child(key)
                cycle = self._cycle_from(schema, location)
                if cycle is not None:
                    cycles.setdefault(frozenset(cycle[0]), cycle[1])
                    continue
                ref = self.ref_of(schema, location)
                if ref not in self._names and ref.file != self.root_file:
                    named = self._names[Ref(self.root_file, location.pointer)]
                    self._names[ref] = named
        if cycles:
            # Components that only refer to each other have nothing to build, even when
            # nothing refers to them: refused, each cycle once.
            raise SpecError(list(cycles.values()))

    def _check_renames(self, components: dict[str, Any], base: Location) -> None:
        """A chosen name must be a class name that no other model has: not another chosen
        name, nor the name a component that is not renamed takes from its key."""
        natural = {pascal_case(str(key)): key for key in components if base.child(key).pointer not in self.renames}
        seen: dict[str, str] = {}
        # The spec's own `x-sdk-name`s first: a name the config chooses again is the config's error.
        for pointer, (name, where) in sorted(
            self.renames.items(), key=lambda i: (i[1][1].file != self.root_file, i[0])
        ):
            clash = natural.get(name) if name in natural else None
            problem = None
            if not (name.isidentifier() and name.isascii()) or name in RESERVED_CLASS_NAMES:
                problem = f"{name!r} cannot be a model name"
            elif clash is not None:
                problem = f"model name {name!r} is taken by the schema {clash!r}"
            elif name in seen:
                problem = f"model name {name!r} is chosen twice (also for {seen[name]})"
            if problem is not None:
                self.errors.append(Diagnostic("error", problem, self.store.locate(where)))
                self._reported.add(name)
            seen.setdefault(name, pointer)

    def _cycle_from(self, schema: Any, location: Location) -> tuple[list[str], Diagnostic] | None:
        """The pointers of the `$ref` cycle this chain runs into, and its error; None if none
        (other problems of the chain are reported where the chain is used)."""
        node, seen = schema, set()
        try:
            # Within this document only: a remote or another file's target is fetched, and
            # its problems reported, where the chain is used.
            while isinstance(node, dict) and set(node) == {"$ref"} and isinstance(node["$ref"], str):
                if not node["$ref"].startswith("#/") or node["$ref"] in seen:
                    break
                seen.add(node["$ref"])
                node = self.store.resolve_pointer(self.ref_of(node, location), location)
            else:
                return None
            if not node["$ref"].startswith("#/"):
                return None
            self.follow(schema, location)
        except SpecError as exc:
            diagnostic = exc.diagnostics[0]
            if diagnostic.message.startswith("$ref cycle"):
                return diagnostic.message.split(": ", 1)[1].split(" -> "), diagnostic
        return None

    def named(self, ref: Ref) -> NamedSchema:
        """The named schema at `ref`, naming it now (from its file or pointer) if it is new."""
        found = self._names.get(ref)
        if found is not None:
            return found
        segments = [s for s in ref.pointer.split("/") if s]
        hint = segments[-1] if segments else ref.file.name.split(".")[0]
        schema = self.store.resolve_pointer(ref)
        return self._register(ref, hint, schema)

    def _chosen(self, ref: Ref) -> str | None:
        """The class name chosen for the schema at `ref`, claimed; a name already taken is an error."""
        found = self.renames.get(ref.pointer) if ref.file == self.root_file else None
        if found is None:
            return None
        name, where = found
        self.renamed.add(ref.pointer)
        if name in self._taken_names and name not in self._reported:
            message = f"model name {name!r} is taken by another model"
            self.errors.append(Diagnostic("error", message, self.store.locate(where)))
        return self._unique_name(name)

    def _register(self, ref: Ref, hint: str, schema: Any, namespace: str = "shared") -> NamedSchema:
        name = self._chosen(ref) or self._unique_name(pascal_case(hint))
        module = self._unique_module(module_name(name))
        named = NamedSchema(name, module, ref, schema, namespace)
        self._names[ref] = named
        self._pending.append(named)
        return named

    def register_inline(self, ref: Ref, names: list[str], schema: Any, namespace: str) -> NamedSchema:
        """Name an inline schema of an operation (a response object), preferring `names` in order."""
        found = self._names.get(ref)
        if found is not None:
            return found
        name = next((n for n in names if n not in self._taken_names), names[0])
        return self._register(ref, name, schema, namespace)

    def reserve(self, names: list[str], ref: Ref, schema: Any, namespace: str) -> NamedSchema:
        """A unique name and module for a schema that is built on the spot (a request body),
        without registering it: the same location may also be a model of its own."""
        name = self._unique_name(next((n for n in names if n not in self._taken_names), names[0]))
        return NamedSchema(name, self._unique_module(module_name(name)), ref, schema, namespace)

    def _unique_name(self, name: str) -> str:
        candidate, counter = name, 2
        while candidate in self._taken_names:
            candidate, counter = f"{name}{counter}", counter + 1
        self._taken_names.add(candidate)
        return candidate

    def _unique_module(self, module: str) -> str:
        # Compared case-insensitively: `Foo` and `FOO` must not share a file on macOS.
        candidate, counter = module, 2
        while candidate.lower() in self._taken_modules:
            candidate, counter = f"{module}_{counter}", counter + 1
        self._taken_modules.add(candidate.lower())
        return candidate

    def drain(self) -> Iterator[NamedSchema]:
        """Every named schema, including ones named while the earlier ones were built."""
        while self._pending:
            yield self._pending.popleft()

    def is_named(self, ref: Ref) -> bool:
        return ref in self._names

    def count(self) -> int:
        """How many places are named so far."""
        return len(self._names)
