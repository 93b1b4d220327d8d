"""Subclasses: a model that extends a named one (`allOf: [{$ref: Pet}, {...}]`) inherits from it.

The builder gives every class all its fields (request params and docs list them all) and
notes the `$ref`'d model as a candidate base. This pass keeps the base where the subclass
can be written as hand-written code would be: every field of the base is in the subclass
under the same name, either exactly as the base declares it (left out of the body) or
narrowed (a property the subclass makes required). Where a field differs otherwise (an
inline object the base nests becomes a class of the subclass's own), or where the import
of the base would close an import cycle of modules that need each other while loading,
the class stays flat.
"""

from __future__ import annotations

from dataclasses import replace

from .model import ClassIR, ClassType, Definition, ModelIR, classes_by_type, map_definitions
from .module_graph import module_edges, strongly_connected


def inherited_fields(child: ClassIR, parent: ClassIR) -> frozenset[str] | None:
    """Names of the fields `child` takes unchanged from `parent`, or None if it cannot extend it."""
    by_wire = {f.wire_name: f for f in child.fields}
    inherited: set[str] = set()
    for declared in parent.fields:
        own = by_wire.get(declared.wire_name)
        if own is None or own.name != declared.name:
            return None
        if own == declared:
            inherited.add(own.name)
        elif (
            own.type != declared.type or own.constraints != declared.constraints or own.read_only != declared.read_only
        ):
            return None
        elif own.optional and not declared.optional:
            return None  # a subclass may narrow a field, not widen it
    return frozenset(inherited)


def resolve_inheritance(models: list[ModelIR]) -> list[ModelIR]:
    """The models with each candidate base kept (and its fields marked inherited) or dropped."""
    classes = classes_by_type(models)
    bases: dict[tuple[str, str], tuple[ClassType, frozenset[str]]] = {}
    for key, cls in classes.items():
        if cls.base is None:
            continue
        parent = classes.get((cls.base.name, cls.base.module))
        inherited = inherited_fields(cls, parent) if parent is not None and parent is not cls else None
        if inherited is not None:
            bases[key] = (cls.base, inherited)

    def with_base(model: ModelIR, definition: Definition) -> Definition:
        if not isinstance(definition, ClassIR):
            return definition
        base, inherited = bases.get((definition.name, model.module), (None, frozenset[str]()))
        if definition.base == base and definition.inherited == inherited:
            return definition
        return replace(definition, base=base, inherited=inherited)

    while True:
        result = map_definitions(models, with_base)
        # Modules that need each other while loading (base classes, alias values) cannot
        # import each other: drop the bases that close such a cycle, until none does.
        runtime = {m.module: module_edges(m)[1] for m in result}
        cyclic = {module for component in strongly_connected(runtime) if len(component) > 1 for module in component}
        dropped = {
            key
            for key, (base, _) in bases.items()
            if key[1] in cyclic and base.module in cyclic and key[1] != base.module
        }
        if not dropped:
            return result
        for key in dropped:
            del bases[key]
